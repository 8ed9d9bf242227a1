import { describe, expect, it, vi } from 'vitest'
import type { Db } from '../../main/db/driver'
import { migrate } from '../../main/db/migrate'
import { citationSetResolver } from '../../main/scanners/db/citation-sets'
import { findingCheckResolver } from '../../main/scanners/db/finding-checks'
import { findingInserter } from '../../main/scanners/db/findings'
import { viewCheckGroups, viewFindings, type FindingsViewOptions } from '../../main/scanners/db/findings-view'
import { databaseAtVersion } from '../helpers/db'
import { normalizedFinding } from '../helpers/normalized-finding'

const NO_TRIAGE = { asOf: '2026-03-01', triages: [], byKey: new Map() }
const AGE: FindingsViewOptions = { scope: 'all', sort: 'age', order: 'asc' }

/** A version-13 workspace with two scans of one account: bucket a in both, b only in January, c only in February. */
function workspaceAt13(): Db {
  const { db } = databaseAtVersion(13)
  const scan = (sha: string, startedAt: string) =>
    Number(
      db
        .prepare(
          `INSERT INTO scan (file_name, file_sha256, file_bytes, format, scanner, encoding, imported_at, started_at, findings, passed, failed)
           VALUES (?, ?, 1, 'prowler-ocsf', 'prowler', 'utf-8', ?, ?, 2, 0, 2)`
        )
        .run(`${sha}.json`, sha.repeat(64), startedAt, startedAt).lastInsertRowid
    )
  const january = scan('a', '2026-01-10T09:00:00Z')
  const february = scan('b', '2026-02-10T09:00:00Z')
  findingInserter(db, january, citationSetResolver(db), findingCheckResolver(db)).insert([normalizedFinding('a'), normalizedFinding('b')])
  findingInserter(db, february, citationSetResolver(db), findingCheckResolver(db)).insert([normalizedFinding('a'), normalizedFinding('c')])
  return db
}

/** The query plans of the SQL a view function prepares that works out first seen (the `seen` pass over every finding). */
function agePlans(db: Db, view: () => unknown): string[] {
  const prepare = vi.spyOn(db, 'prepare')
  view()
  const sqls = prepare.mock.calls.map(call => call[0]).filter(sql => sql.includes('WITH seen'))
  prepare.mockRestore()
  expect(sqls.length).toBeGreaterThan(0)
  return sqls.map(sql =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array((sql.match(/\?/g) ?? []).length).fill(1)) as { detail: string }[])
      .map(p => p.detail)
      .join(' | ')
  )
}

describe('migration 0014: an index on the finding key hash for the Findings view', () => {
  it('keeps every finding, and the age-sorted view reads first seen through the index (not before the migration)', () => {
    const db = workspaceAt13()
    const rowsBefore = db.prepare('SELECT * FROM finding ORDER BY id').all()
    const byAge = () => viewFindings(db, AGE, { limit: 10, offset: 0 })
    const grouped = () => viewCheckGroups(db, AGE, { limit: 10, offset: 0 }, NO_TRIAGE)
    for (const plan of [...agePlans(db, byAge), ...agePlans(db, grouped)]) expect(plan).not.toContain('finding_by_key_hash')

    migrate(db, { target: 14 })

    expect(db.pragma('user_version', { simple: true })).toBe(14)
    expect(db.prepare('SELECT * FROM finding ORDER BY id').all()).toEqual(rowsBefore)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    for (const plan of [...agePlans(db, byAge), ...agePlans(db, grouped)]) expect(plan).toContain('USING COVERING INDEX finding_by_key_hash')
    // The view reads the ages through it: bucket a first seen in January in both scans (ties in the order stored), c in February.
    expect(byAge().findings.map(f => [f.resourceName, f.firstSeen?.slice(0, 10)])).toEqual([
      ['a', '2026-01-10'],
      ['b', '2026-01-10'],
      ['a', '2026-01-10'],
      ['c', '2026-02-10']
    ])
  })
})
