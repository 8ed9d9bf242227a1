import type { Migration } from '../migration'

/**
 * Attachments (signed BAAs, evidence files) live inside the workspace, so
 * they are encrypted with it and travel with it: one row per distinct
 * content (SHA-256), referenced by the rows that attach it.
 */
const migration: Migration = {
  version: 5,
  name: 'create-attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachment (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
        size INTEGER NOT NULL CHECK (size >= 0),
        content BLOB NOT NULL CHECK (length(content) = size),
        added_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}

export default migration
