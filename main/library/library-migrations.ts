import type { Migration } from '../db/migration'

/**
 * The library file's own schema steps (never the workspace's MIGRATIONS): a library is not a workspace and
 * moves at its own pace. Append new steps; never edit one that has shipped.
 *
 * - `library_info`: the library's identity (a random id and the name its owner gave it), one row.
 * - `library_item`: one reusable item per kind and key (a question id, a citation, a policy id…), its content
 *   as JSON holding only the fields its kind copies (item-kinds.ts), and its version.
 * - `library_item_history`: the earlier text of an item each time a newer one replaced it.
 * Nothing here names a client: which workspace pushed an item is recorded in that workspace, not here.
 */
export const LIBRARY_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'create-library',
    up(db) {
      db.exec(`
        CREATE TABLE library_info (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          library_uid TEXT NOT NULL,
          name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE TABLE library_item (
          id INTEGER PRIMARY KEY,
          kind TEXT NOT NULL,
          item_key TEXT NOT NULL CHECK (length(item_key) BETWEEN 1 AND 300),
          title TEXT NOT NULL,
          content TEXT NOT NULL CHECK (json_valid(content)),
          version INTEGER NOT NULL CHECK (version >= 1),
          updated_at TEXT NOT NULL,
          UNIQUE (kind, item_key)
        ) STRICT;
        CREATE TABLE library_item_history (
          id INTEGER PRIMARY KEY,
          item_id INTEGER NOT NULL REFERENCES library_item (id) ON DELETE CASCADE,
          version INTEGER NOT NULL,
          title TEXT NOT NULL,
          content TEXT NOT NULL,
          replaced_at TEXT NOT NULL,
          UNIQUE (item_id, version)
        ) STRICT;
      `)
    }
  }
]

export const LIBRARY_SCHEMA_VERSION: number = LIBRARY_MIGRATIONS.at(-1)?.version ?? 0
