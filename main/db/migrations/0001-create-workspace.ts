import type { Migration } from '../migration'

/** The workspace's own profile: one row describing the client organisation. */
const migration: Migration = {
  version: 1,
  name: 'create-workspace',
  up(db) {
    db.exec(`
      CREATE TABLE workspace (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        workspace_uid TEXT NOT NULL,
        organization_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('covered-entity', 'business-associate')),
        contact_name TEXT NOT NULL DEFAULT '',
        contact_email TEXT NOT NULL DEFAULT '',
        contact_phone TEXT NOT NULL DEFAULT '',
        cloud_provider TEXT NOT NULL DEFAULT 'aws'
          CHECK (cloud_provider IN ('aws', 'azure', 'gcp', 'other', 'none')),
        profile_complete INTEGER NOT NULL DEFAULT 1 CHECK (profile_complete IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}

export default migration
