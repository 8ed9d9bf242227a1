import type { Migration } from '../migration'

/**
 * Deleting an incident or a business associate archives it instead: breach
 * documentation and agreements must be kept six years (45 CFR 164.530(j)),
 * so the row stays in the file with the moment it was archived and why.
 * NULL archived_at means the record is live; every existing row stays live.
 */
const migration: Migration = {
  version: 9,
  name: 'archive-incidents-and-business-associates',
  up(db) {
    for (const table of ['incident', 'business_associate']) {
      db.exec(`
        ALTER TABLE ${table} ADD COLUMN archived_at TEXT CHECK (archived_at IS NULL OR archived_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*');
        ALTER TABLE ${table} ADD COLUMN archive_reason TEXT CHECK (archive_reason IS NULL OR length(archive_reason) <= 1000);
      `)
    }
  }
}

export default migration
