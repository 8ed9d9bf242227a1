import type { Migration } from '../migration'

const DATE = "GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"

// The methods as of this version, written out: a migration must not change when the app's list grows.
const METHODS = [
  'written',
  'email',
  'substitute-web',
  'substitute-media',
  'substitute-other',
  'urgent-telephone',
  'next-of-kin',
  'hhs-portal',
  'press-release',
  'letter-to-regulator',
  'other'
]

const TO_PEOPLE = ['individuals', 'state-individuals', 'covered-entity']

/**
 * The method a notice recorded as free text most plainly names, for its kind; anything unclear is 'other'.
 * Only unambiguous words are read (a telephone call is not taken for urgent notice, a posting not for substitute notice),
 * so no obligation done before changes status.
 */
export function methodFromText(kind: string, text: string): string {
  const words = text.toLowerCase()
  if (TO_PEOPLE.includes(kind)) {
    if (/\be-?mail\b/.test(words)) return 'email'
    if (/\b(first[- ]class|mail(ed|ing)?|letters?|post(al)?)\b/.test(words) && !/\bpost(ed|ing)\b/.test(words)) return 'written'
  }
  if ((kind === 'hhs' || kind === 'hhs-annual-log') && /\bportal\b/.test(words)) return 'hhs-portal'
  if (kind === 'media' && /\bpress release\b/.test(words)) return 'press-release'
  if (kind === 'state-regulator') {
    if (/\be-?mail\b/.test(words)) return 'email'
    if (/\b(letter|mail(ed)?|form|portal)\b/.test(words)) return 'letter-to-regulator'
  }
  return 'other'
}

/**
 * How each notice was actually given: the method from a fixed list (45 CFR 164.404(d) for individuals), the
 * delivery evidence, how many it went to, how many lacked contact details (substitute notice) and, for a
 * website or media substitute notice, the last day it stays up; optionally a file showing delivery, stored in the
 * workspace (incident_notice_file). The table is rebuilt because SQLite cannot add a
 * CHECK to a column; the free-text method of each earlier notice becomes the nearest listed one and its words are
 * kept in the evidence, so nothing typed is lost.
 */
const migration: Migration = {
  version: 11,
  name: 'record-notice-delivery',
  up(db) {
    const old = db
      .prepare('SELECT id, incident_id, kind, jurisdiction, obligation_id, done_on, method, recorded_at FROM incident_notice ORDER BY id')
      .all() as {
      id: number
      incident_id: number
      kind: string
      jurisdiction: string | null
      obligation_id: string | null
      done_on: string
      method: string
      recorded_at: string
    }[]
    db.exec(`
      DROP INDEX incident_notice_incident;
      ALTER TABLE incident_notice RENAME TO incident_notice_before_11;
      CREATE TABLE incident_notice (
        id INTEGER PRIMARY KEY,
        incident_id INTEGER NOT NULL REFERENCES incident (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('individuals', 'hhs', 'hhs-annual-log', 'media', 'covered-entity', 'state-individuals', 'state-regulator')),
        jurisdiction TEXT CHECK (jurisdiction IS NULL OR length(jurisdiction) = 2),
        obligation_id TEXT,
        done_on TEXT NOT NULL CHECK (done_on ${DATE}),
        method TEXT NOT NULL CHECK (method IN (${METHODS.map(method => `'${method}'`).join(', ')})),
        evidence TEXT NOT NULL DEFAULT '' CHECK (length(evidence) <= 4000),
        recipients_count INTEGER CHECK (recipients_count >= 0),
        missing_contact_count INTEGER CHECK (missing_contact_count >= 0),
        posted_until TEXT CHECK (posted_until IS NULL OR (posted_until ${DATE} AND posted_until >= done_on)),
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX incident_notice_incident ON incident_notice (incident_id);

      -- A file that shows delivery (a scan of the mailing receipt, a screenshot), kept inside the workspace (so encrypted
      -- with it) and gone with its notice.
      CREATE TABLE incident_notice_file (
        notice_id INTEGER PRIMARY KEY REFERENCES incident_notice (id) ON DELETE CASCADE,
        original_name TEXT NOT NULL CHECK (length(original_name) BETWEEN 1 AND 255),
        media_type TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size >= 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        content BLOB NOT NULL CHECK (length(content) = size),
        attached_at TEXT NOT NULL
      ) STRICT;
    `)
    const insert = db.prepare(
      'INSERT INTO incident_notice (id, incident_id, kind, jurisdiction, obligation_id, done_on, method, evidence, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
    )
    for (const row of old) {
      const text = row.method.trim()
      insert.run(
        row.id,
        row.incident_id,
        row.kind,
        row.jurisdiction,
        row.obligation_id,
        row.done_on,
        methodFromText(row.kind, text),
        text === '' ? '' : `Method as first recorded: ${text}`,
        row.recorded_at
      )
    }
    db.exec('DROP TABLE incident_notice_before_11')
  }
}

export default migration
