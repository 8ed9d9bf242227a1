import { describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrate'
import { citationSetResolver } from '../../main/scanners/db/citation-sets'
import { findingCheckResolver } from '../../main/scanners/db/finding-checks'
import { compareScans, findingInserter } from '../../main/scanners/db/findings'
import { databaseAtVersion } from '../helpers/db'
import { normalizedFinding } from '../helpers/normalized-finding'

const finding = (bucket: string, status: 'failed' | 'passed') => normalizedFinding(bucket, { status, statusDetail: null })

describe('migration 0006: findings indexed by scan', () => {
  it('replaces the key index, keeps every finding, and comparisons give the same answer', () => {
    const { db } = databaseAtVersion(5)
    const scan = (name: string) =>
      Number(
        db
          .prepare(
            `INSERT INTO scan (file_name, file_sha256, file_bytes, format, scanner, encoding, imported_at, findings, passed, failed)
             VALUES (?, ?, 1, 'prowler-ocsf', 'prowler', 'utf-8', '2026-01-01T00:00:00Z', 0, 0, 0)`
          )
          .run(name, name.padEnd(64, '0')).lastInsertRowid
      )
    const insert = (scanId: number, findings: ReturnType<typeof finding>[]) =>
      findingInserter(db, scanId, citationSetResolver(db), findingCheckResolver(db)).insert(findings)
    const jan = scan('a')
    const feb = scan('b')
    insert(jan, [finding('a', 'failed'), finding('b', 'failed'), finding('c', 'passed')])
    insert(feb, [finding('a', 'passed'), finding('b', 'failed'), finding('c', 'failed')])
    const before = compareScans(db, feb, jan, 10)

    migrate(db, { target: 6 })
    const indexes = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'finding'").pluck().all() as string[]).sort()
    expect(indexes).toEqual(['finding_by_scan'])
    expect(db.prepare('SELECT count(*) FROM finding').pluck().get() as number).toBe(6)
    const after = compareScans(db, feb, jan, 10)
    expect(after).toEqual(before)
    expect(after.counts).toEqual({ newFailures: 1, resolved: 1, persisting: 1 })
    expect(after.newFailures.map(f => f.resourceName)).toEqual(['c'])
    expect(
      db
        .prepare(`EXPLAIN QUERY PLAN SELECT id FROM finding WHERE scan_id = ?`)
        .all(feb)
        .map(row => (row as { detail: string }).detail)
        .join()
    ).toContain('finding_by_scan')
    db.close()
  })
})
