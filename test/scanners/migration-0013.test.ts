import { describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrate'
import { citationSetResolver } from '../../main/scanners/db/citation-sets'
import { findingCheckResolver } from '../../main/scanners/db/finding-checks'
import { findingInserter } from '../../main/scanners/db/findings'
import { getScan } from '../../main/scanners/db/scans'
import type { NormalizedFinding } from '../../main/scanners/finding.types'
import { databaseAtVersion } from '../helpers/db'
import { normalizedFinding } from '../helpers/normalized-finding'

describe('migration 0013: skipped status, user citations, scan tallies and user check mappings', () => {
  it('rebuilds the finding table with every row, id and index kept, and fills each earlier scan tally from its findings', () => {
    const { db } = databaseAtVersion(12)
    const scanId = Number(
      db
        .prepare(
          `INSERT INTO scan (file_name, file_sha256, file_bytes, format, scanner, encoding, imported_at, findings, passed, failed)
           VALUES ('s.js', ?, 1, 'scoutsuite', 'scoutsuite', 'utf-8', '2026-01-01T00:00:00Z', 4, 7, 2)`
        )
        .run('a'.repeat(64)).lastInsertRowid
    )
    const findings: NormalizedFinding[] = [
      normalizedFinding('a', { checkId: 's3-bucket-no-logging', title: 'No logging', itemCount: 2 }),
      normalizedFinding('b', { checkId: 's3-bucket-no-logging', title: 'No logging', status: 'passed', itemCount: 7 }),
      normalizedFinding('c', { checkId: 'custom-rule', title: 'Custom', status: 'info', citations: [], citationSource: 'none' }),
      normalizedFinding('d', { checkId: 'custom-rule', title: 'Custom', status: 'error', citations: [], citationSource: 'none', itemCount: 3 })
    ]
    findingInserter(db, scanId, citationSetResolver(db), findingCheckResolver(db)).insert(findings)
    const rowsBefore = db.prepare('SELECT * FROM finding ORDER BY id').all()
    const indexesBefore = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'finding' ORDER BY name`).all()

    migrate(db, { target: 13 })

    expect(db.prepare('SELECT * FROM finding ORDER BY id').all()).toEqual(rowsBefore)
    expect(db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'finding' ORDER BY name`).all()).toEqual(indexesBefore)
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name LIKE 'finding_before%'`).pluck().get()).toBe(0)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')

    // The tally sums item counts per status from the stored findings; the parts make the whole.
    const sum = (status: string) => findings.filter(f => f.status === status).reduce((n, f) => n + f.itemCount, 0)
    const scan = getScan(db, scanId)!
    expect(scan.tally.byStatus).toEqual({
      passed: sum('passed'),
      failed: sum('failed'),
      info: sum('info'),
      skipped: 0,
      error: sum('error'),
      manual: 0
    })
    expect(scan.tally.total).toBe(findings.reduce((n, f) => n + f.itemCount, 0))
    expect(scan.tally).toMatchObject({ records: findings.length, checks: 2, unit: { many: 'checked items' } })
    expect(scan.summary).toBe(
      `13 checked items from 2 checks (passed = checked - flagged, as ScoutSuite counts them): 7 passed, 2 failed, 1 informational, 3 error; stored as 4 findings`
    )
    // Checks none of whose findings bear on a specification, with the reason of their format.
    expect(scan.unmappedChecks).toEqual([{ checkId: 'custom-rule', title: 'Custom', findings: 2, reason: expect.stringContaining('ScoutSuite') }])

    // The widened checks take the new values and still refuse others.
    const check = db.prepare('SELECT check_ref FROM finding LIMIT 1').pluck().get() as number
    const insert = (status: string, source: string) =>
      db
        .prepare(
          `INSERT INTO finding (scan_id, finding_key, key_hash, check_ref, status, muted, severity, citation_source) VALUES (?, 'k', 1, ?, ?, 0, 'low', ?)`
        )
        .run(scanId, check, status, source)
    expect(() => insert('skipped', 'user')).not.toThrow()
    expect(() => insert('ignored', 'none')).toThrow(/CHECK/)
    expect(() => insert('passed', 'guess')).toThrow(/CHECK/)
    db.close()
  })

  it('deleting a scan still removes its findings (the rebuilt table keeps its foreign keys)', () => {
    const { db } = databaseAtVersion(12)
    const scanId = Number(
      db
        .prepare(
          `INSERT INTO scan (file_name, file_sha256, file_bytes, format, scanner, encoding, imported_at, findings, passed, failed)
           VALUES ('p.json', ?, 1, 'prowler-ocsf', 'prowler', 'utf-8', '2026-01-01T00:00:00Z', 1, 0, 1)`
        )
        .run('b'.repeat(64)).lastInsertRowid
    )
    findingInserter(db, scanId, citationSetResolver(db), findingCheckResolver(db)).insert([normalizedFinding('a')])
    migrate(db, { target: 13 })
    db.prepare('DELETE FROM scan WHERE id = ?').run(scanId)
    expect(db.prepare('SELECT count(*) FROM finding').pluck().get()).toBe(0)
    db.close()
  })
})
