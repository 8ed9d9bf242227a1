import type { Migration } from '../migration'

/**
 * Imported scanner outputs: one scan per file (identified by its SHA-256, so the
 * same file is never imported twice), its findings, the Security Rule citations
 * each finding bears on, and the specifications flagged for review because a
 * scan found failures. Review flags live here, apart from the assessment: an
 * import never changes the user's own answers.
 */
const migration: Migration = {
  version: 3,
  name: 'create-scans',
  up(db) {
    db.exec(`
      CREATE TABLE scan (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        file_sha256 TEXT NOT NULL UNIQUE CHECK (length(file_sha256) = 64),
        file_bytes INTEGER NOT NULL,
        format TEXT NOT NULL,
        scanner TEXT NOT NULL,
        scanner_version TEXT,
        encoding TEXT NOT NULL,
        -- JSON array of the accounts (subscriptions, projects) the findings belong to.
        accounts TEXT NOT NULL DEFAULT '[]',
        -- The sorted accounts joined by ','; a scan is compared with the previous one with the same key.
        account_key TEXT NOT NULL DEFAULT '',
        started_at TEXT,
        imported_at TEXT NOT NULL,
        findings INTEGER NOT NULL,
        passed INTEGER NOT NULL,
        failed INTEGER NOT NULL,
        -- JSON: failing findings per severity, and the citations the findings bear on.
        failed_by_severity TEXT NOT NULL DEFAULT '{}',
        citations TEXT NOT NULL DEFAULT '[]',
        -- JSON: what was left out and why, and what was tolerated.
        skipped TEXT NOT NULL DEFAULT '[]',
        warnings TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX scan_by_account ON scan (account_key, imported_at);

      -- A finding's citations are stored once per distinct list and shared.
      CREATE TABLE citation_set (
        id INTEGER PRIMARY KEY,
        citations TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE TABLE citation_set_member (
        citation TEXT NOT NULL,
        set_id INTEGER NOT NULL REFERENCES citation_set (id),
        PRIMARY KEY (citation, set_id)
      ) STRICT, WITHOUT ROWID;

      -- What a check says about itself, stored once and shared by its findings.
      CREATE TABLE finding_check (
        id INTEGER PRIMARY KEY,
        scanner TEXT NOT NULL,
        check_id TEXT NOT NULL,
        title TEXT NOT NULL,
        remediation_text TEXT,
        remediation_url TEXT
      ) STRICT;
      CREATE INDEX finding_check_by_id ON finding_check (scanner, check_id);

      CREATE TABLE finding (
        id INTEGER PRIMARY KEY,
        scan_id INTEGER NOT NULL REFERENCES scan (id) ON DELETE CASCADE,
        -- Same check, resource, account and region: same key, across scans (see finding_key_hash).
        finding_key TEXT NOT NULL,
        key_hash INTEGER NOT NULL,
        check_ref INTEGER NOT NULL REFERENCES finding_check (id),
        status TEXT NOT NULL CHECK (status IN ('passed', 'failed', 'manual', 'info', 'error')),
        muted INTEGER NOT NULL CHECK (muted IN (0, 1)),
        severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'informational', 'unknown')),
        status_detail TEXT,
        resource_id TEXT,
        resource_name TEXT,
        resource_type TEXT,
        account TEXT,
        region TEXT,
        observed_at TEXT,
        item_count INTEGER NOT NULL DEFAULT 1,
        citation_set_id INTEGER REFERENCES citation_set (id),
        citation_source TEXT NOT NULL CHECK (citation_source IN ('file', 'table', 'none'))
      ) STRICT;
      -- Scan comparison matches findings on the key's hash, then on the key itself. Queries by
      -- citation go through this index's scan_id too; a citation_set_id index would cost every
      -- import more than it saves.
      CREATE INDEX finding_by_scan_key ON finding (scan_id, key_hash);

      CREATE TABLE spec_review_flag (
        citation TEXT PRIMARY KEY,
        status TEXT NOT NULL CHECK (status IN ('open', 'dismissed')),
        scan_id INTEGER REFERENCES scan (id) ON DELETE SET NULL,
        failing INTEGER NOT NULL,
        flagged_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}

export default migration
