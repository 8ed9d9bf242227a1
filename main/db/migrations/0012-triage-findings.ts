import type { Migration } from '../migration'

/**
 * Finding triage: a person marks a finding, or every failing finding of a check, as an accepted risk, a false
 * positive or fixed pending a rescan, with a reason, their name and (for an accepted risk or a fix) an expiry.
 * A triage follows the finding across scans by its finding key (scanner, account, region, check, resource): each
 * key it covers is a subject, stored with the result and scan it was triaged against, so a later scan that gives
 * the key another result (or, for a fix, rescans it at all) is recognised and ends the triage for that key.
 * A withdrawn triage stays in the file with who withdrew it and when: what a person typed is never dropped.
 *
 * Review flag dismissals get their reason, who and when (and who restored a flag, and when). Flags dismissed
 * before this version keep their status; their moment of dismissal was last recorded as updated_at, which is
 * copied into dismissed_at; they have no reason or name to copy.
 */
const migration: Migration = {
  version: 12,
  name: 'triage-findings',
  up(db) {
    db.exec(`
      CREATE TABLE finding_triage (
        id INTEGER PRIMARY KEY,
        scanner TEXT NOT NULL,
        check_id TEXT NOT NULL,
        -- NULL: the whole check (every finding of it failing when triaged, in scope).
        finding_key TEXT,
        -- A whole-check triage limited to one account; NULL every account. A finding's account is in its key.
        account TEXT,
        status TEXT NOT NULL CHECK (status IN ('accepted-risk', 'false-positive', 'fixed-pending-rescan')),
        reason TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 4000),
        triaged_by TEXT NOT NULL CHECK (length(trim(triaged_by)) BETWEEN 1 AND 200),
        created_at TEXT NOT NULL,
        -- The last day it holds (YYYY-MM-DD); from the next day the findings count as failing again.
        expires_on TEXT CHECK (expires_on IS NULL OR expires_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        withdrawn_at TEXT,
        withdrawn_by TEXT,
        -- 'withdrawn' by a person, or 'replaced' by a newer triage of the same finding or check.
        withdrawn_reason TEXT CHECK (withdrawn_reason IS NULL OR withdrawn_reason IN ('withdrawn', 'replaced')),
        CHECK (expires_on IS NOT NULL OR status = 'false-positive')
      ) STRICT;
      CREATE INDEX finding_triage_by_check ON finding_triage (scanner, check_id);

      -- The finding keys a triage covers, each with the result and the scan it was triaged against.
      CREATE TABLE finding_triage_subject (
        triage_id INTEGER NOT NULL REFERENCES finding_triage (id) ON DELETE CASCADE,
        finding_key TEXT NOT NULL,
        status TEXT NOT NULL,
        -- No foreign key: the scan's number and moment stay known after the scan is deleted.
        base_scan_id INTEGER NOT NULL,
        base_at TEXT NOT NULL,
        PRIMARY KEY (triage_id, finding_key)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE spec_review_flag ADD COLUMN dismiss_reason TEXT CHECK (dismiss_reason IS NULL OR length(dismiss_reason) <= 2000);
      ALTER TABLE spec_review_flag ADD COLUMN dismissed_by TEXT CHECK (dismissed_by IS NULL OR length(dismissed_by) <= 200);
      ALTER TABLE spec_review_flag ADD COLUMN dismissed_at TEXT;
      ALTER TABLE spec_review_flag ADD COLUMN restored_by TEXT CHECK (restored_by IS NULL OR length(restored_by) <= 200);
      ALTER TABLE spec_review_flag ADD COLUMN restored_at TEXT;
      UPDATE spec_review_flag SET dismissed_at = updated_at WHERE status = 'dismissed';
    `)
  }
}

export default migration
