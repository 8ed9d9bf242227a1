import type { Migration } from '../migration'

/**
 * The practice library's trail in a client's workspace (issue 18): every item a library applied here, and
 * every item this workspace pushed to a library, with the library's id and name and the item's kind, key,
 * title and version as they were then. Only the library's side of the event: the content itself went into
 * the feature's own tables (and their history, where the feature keeps one).
 */
const migration: Migration = {
  version: 17,
  name: 'record-library-applications',
  up(db) {
    db.exec(`
      CREATE TABLE library_application (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('applied', 'pushed')),
        library_uid TEXT NOT NULL,
        library_name TEXT NOT NULL,
        item_kind TEXT NOT NULL,
        item_key TEXT NOT NULL,
        item_title TEXT NOT NULL,
        item_version INTEGER NOT NULL CHECK (item_version >= 1),
        -- What it did here: 'added', 'replaced' or 'unchanged' (applied), 'added', 'replaced' or 'unchanged' (pushed).
        outcome TEXT NOT NULL CHECK (outcome IN ('added', 'replaced', 'unchanged')),
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX library_application_by_time ON library_application (at, id);
    `)
  }
}

export default migration
