import type { Db } from '../driver'
import type { Migration } from '../migration'

/**
 * Scanner imports that lose nothing and map what can be mapped (issue 14).
 *
 * - `user_check_mapping`: a person's own mapping of a scanner check (tool family + check id) to
 *   specifications, applied to the check's findings now and at every later import.
 * - `finding` accepts the status 'skipped' (Powerpipe's skip, until now stored as 'info') and the
 *   citation source 'user'. SQLite cannot change a CHECK in place, so the table is rebuilt from its
 *   own stored definition (whatever columns earlier migrations added), rows and ids unchanged.
 * - `scan.tally`: results per status (summed item counts), stored records and distinct checks, so
 *   every summary adds up in one unit; `scan.unmapped_checks`: the checks that map to nothing.
 *   Both are filled for scans imported before.
 */
const migration: Migration = {
  version: 13,
  name: 'user-check-mappings',
  up(db) {
    db.exec(`
      CREATE TABLE user_check_mapping (
        scanner TEXT NOT NULL,
        check_id TEXT NOT NULL,
        -- Dotted citations joined by '|', sorted.
        citations TEXT NOT NULL CHECK (length(citations) > 0),
        mapped_by TEXT NOT NULL,
        mapped_at TEXT NOT NULL,
        PRIMARY KEY (scanner, check_id)
      ) STRICT;
      ALTER TABLE scan ADD COLUMN tally TEXT;
      ALTER TABLE scan ADD COLUMN unmapped_checks TEXT NOT NULL DEFAULT '[]';
    `)
    widenFindingChecks(db)
    fillScanTallies(db)
  }
}

function widen(sql: string, column: string, value: string): string {
  const check = new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`)
  const m = check.exec(sql)
  if (!m) throw new Error(`migration 13: the finding table has no CHECK on ${column}`)
  return m[1]?.includes(`'${value}'`) ? sql : sql.replace(check, `CHECK (${column} IN (${m[1]}, '${value}'))`)
}

function widenFindingChecks(db: Db): void {
  const table = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'finding'`).pluck().get() as string
  const widened = widen(widen(table, 'status', 'skipped'), 'citation_source', 'user')
  if (widened === table) return
  const dependents = db
    .prepare(`SELECT sql FROM sqlite_schema WHERE tbl_name = 'finding' AND type IN ('index', 'trigger') AND sql IS NOT NULL`)
    .pluck()
    .all() as string[]
  // Legacy renaming leaves other tables' references to "finding" as they are, so they point at
  // the rebuilt table and dropping the old one cascades into nothing.
  db.pragma('legacy_alter_table = ON')
  try {
    db.exec('ALTER TABLE finding RENAME TO finding_before_0013')
    db.exec(widened)
    db.exec('INSERT INTO finding SELECT * FROM finding_before_0013')
    db.exec('DROP TABLE finding_before_0013')
    for (const sql of dependents) db.exec(sql)
  } finally {
    db.pragma('legacy_alter_table = OFF')
  }
}

const STATUSES = ['passed', 'failed', 'info', 'skipped', 'error', 'manual']

function fillScanTallies(db: Db): void {
  const scans = db.prepare('SELECT id FROM scan').pluck().all() as number[]
  const byStatus = db.prepare('SELECT status, SUM(item_count) AS items, COUNT(*) AS records FROM finding WHERE scan_id = ? GROUP BY status')
  const checks = db.prepare('SELECT COUNT(DISTINCT c.check_id) FROM finding f JOIN finding_check c ON c.id = f.check_ref WHERE f.scan_id = ?').pluck()
  // As an import lists them: the 200 checks with the most findings (Inspector files have one check id per CVE).
  const unmapped = db.prepare(
    `SELECT c.check_id AS checkId, MIN(c.title) AS title, COUNT(*) AS findings
       FROM finding f JOIN finding_check c ON c.id = f.check_ref
      WHERE f.scan_id = ? AND f.citation_set_id IS NULL
      GROUP BY c.check_id ORDER BY findings DESC, c.check_id LIMIT 200`
  )
  const update = db.prepare('UPDATE scan SET tally = ?, unmapped_checks = ? WHERE id = ?')
  for (const id of scans) {
    const counts = Object.fromEntries(STATUSES.map(s => [s, 0])) as Record<string, number>
    let records = 0
    for (const row of byStatus.all(id) as { status: string; items: number; records: number }[]) {
      counts[row.status] = row.items
      records += row.records
    }
    const tally = { byStatus: counts, records, checks: checks.get(id) as number }
    update.run(JSON.stringify(tally), JSON.stringify(unmapped.all(id)), id)
  }
}

export default migration
