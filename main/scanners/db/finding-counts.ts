import type { Db } from '../../db/driver'

/**
 * Counts of results by severity and by specification for a set of scans, from one grouped query
 * over the findings table (migration 0003). The findings calls page through
 * findings, which sorts every finding per question; a pack at 100k findings needs dozens of counts,
 * so they come from a single pass. Read-only.
 *
 * Counted in results (each finding's `item_count`, the format's unit: a ScoutSuite record stands for every item it
 * names), the unit of the scans' own summaries (scan-tally.ts), so the counts by severity add up to a scan's total.
 */

/** `other`: results neither failed nor passed (informational, manual, skipped, error). */
export type StatusCounts = { failed: number; passed: number; other: number }

export type FindingCounts = { bySeverity: Map<string, StatusCounts>; byCitation: Map<string, StatusCounts> }

const bucketOf = (status: string): keyof StatusCounts => (status === 'failed' || status === 'passed' ? status : 'other')

function add(map: Map<string, StatusCounts>, key: string, bucket: keyof StatusCounts, n: number): void {
  const counts = map.get(key) ?? { failed: 0, passed: 0, other: 0 }
  counts[bucket] += n
  map.set(key, counts)
}

/**
 * `mostRows`: the scans hold most of the workspace's findings, so reading the table straight
 * through beats 100k index lookups (measured: 0.25 s against 0.7 s at 100k findings).
 */
export function findingCounts(db: Db, scanIds: readonly number[], options: { mostRows: boolean }): FindingCounts {
  const bySeverity = new Map<string, StatusCounts>()
  const byCitation = new Map<string, StatusCounts>()
  if (scanIds.length === 0) return { bySeverity, byCitation }
  const rows = db
    .prepare(
      `SELECT severity, citation_set_id AS setId, status, SUM(item_count) AS n
         FROM finding ${options.mostRows ? 'NOT INDEXED' : ''}
        WHERE scan_id IN (${scanIds.map(() => '?').join(',')})
        GROUP BY severity, citation_set_id, status`
    )
    .all(...scanIds) as Array<{ severity: string; setId: number | null; status: string; n: number }>
  const sets = new Map(
    (db.prepare('SELECT id, citations FROM citation_set').all() as Array<{ id: number; citations: string }>).map(s => [s.id, s.citations.split('|')])
  )
  for (const row of rows) {
    const bucket = bucketOf(row.status)
    add(bySeverity, row.severity, bucket, row.n)
    for (const citation of row.setId === null ? [] : (sets.get(row.setId) ?? [])) add(byCitation, citation, bucket, row.n)
  }
  return { bySeverity, byCitation }
}
