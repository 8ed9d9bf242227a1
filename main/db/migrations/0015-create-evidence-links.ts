import type { Migration } from '../migration'

const DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"

/**
 * Evidence on answers, decisions, controls, risks, tasks, assets and incidents.
 * - `evidence_content`: one row per distinct file content. `sha256` is NULL only while a file is being
 *   stored (the hash is known once the last chunk is written, inside the same transaction).
 * - `evidence_chunk`: the content in 1 MiB rows, so a large file streams in and out without being held whole.
 * - `evidence_item`: what the evidence is for (a target kind and id, the period for answers and decisions), a file or
 *   an http(s) link, the day it is effective as of, an optional expiry, who added it and when. Removing archives the
 *   row (six-year retention, 45 CFR 164.316(b)(2)); nothing deletes items or content. The kinds are the targets
 *   registry's (main/evidence/evidence-targets.ts) as of this version; a new kind needs a migration.
 */
const migration: Migration = {
  version: 15,
  name: 'create-evidence-links',
  up(db) {
    db.exec(`
      CREATE TABLE evidence_content (
        id INTEGER PRIMARY KEY,
        sha256 TEXT UNIQUE CHECK (sha256 IS NULL OR (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*')),
        size INTEGER NOT NULL CHECK (size >= 0),
        chunk_count INTEGER NOT NULL CHECK (chunk_count >= 0),
        stored_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE evidence_chunk (
        content_id INTEGER NOT NULL REFERENCES evidence_content (id),
        seq INTEGER NOT NULL CHECK (seq >= 0),
        bytes BLOB NOT NULL,
        PRIMARY KEY (content_id, seq)
      ) STRICT;

      CREATE TABLE evidence_item (
        id INTEGER PRIMARY KEY,
        target_kind TEXT NOT NULL
          CHECK (target_kind IN ('answer', 'decision', 'cloud-control', 'risk', 'task', 'asset', 'incident')),
        target_id TEXT NOT NULL CHECK (length(target_id) BETWEEN 1 AND 2200),
        period_id TEXT REFERENCES assessment_period (id),
        kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
        title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 300),
        note TEXT NOT NULL DEFAULT '',
        file_name TEXT CHECK (file_name IS NULL OR length(file_name) BETWEEN 1 AND 255),
        content_id INTEGER REFERENCES evidence_content (id),
        url TEXT CHECK (url IS NULL OR url GLOB 'http://*' OR url GLOB 'https://*'),
        effective_as_of TEXT NOT NULL CHECK (effective_as_of ${DATE}),
        expires_on TEXT CHECK (expires_on IS NULL OR expires_on ${DATE}),
        added_at TEXT NOT NULL,
        added_by TEXT NOT NULL CHECK (length(trim(added_by)) BETWEEN 1 AND 200),
        updated_at TEXT NOT NULL,
        archived_at TEXT,
        archived_by TEXT,
        archive_reason TEXT,
        CHECK ((kind = 'file') = (content_id IS NOT NULL AND file_name IS NOT NULL)),
        CHECK ((kind = 'link') = (url IS NOT NULL)),
        CHECK (expires_on IS NULL OR expires_on > effective_as_of),
        CHECK ((target_kind IN ('answer', 'decision')) = (period_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX evidence_item_by_target ON evidence_item (target_kind, target_id);
      CREATE INDEX evidence_item_by_content ON evidence_item (content_id) WHERE content_id IS NOT NULL;
    `)
  }
}

export default migration
