import type { Db } from '../../db/driver'
import type { CheckSummary, SpecificationSummary } from '../contract'
import { SEVERITIES } from '../finding.types'
import { SEVERITY_ORDER } from './findings'

/**
 * A question card's scan evidence: failing and passing resources per check for its specifications, over the given
 * scans (the latest of each account). Muted failures are left out of the failing side, as in the review flags, and so are
 * the `triaged` ones (ids of failures a triage covers today).
 */
export function specificationSummary(
  db: Db,
  scanIds: readonly number[],
  citations: readonly string[],
  top: number,
  triaged: readonly number[] = []
): SpecificationSummary {
  const empty: SpecificationSummary = {
    citations: [...citations],
    scans: scanIds.length,
    failing: 0,
    passing: 0,
    failingChecks: [],
    passingChecks: [],
    failingCheckCount: 0,
    passingCheckCount: 0
  }
  if (scanIds.length === 0 || citations.length === 0) return empty
  const rows = db
    .prepare(
      `SELECT c.scanner AS scanner, c.check_id AS checkId, MIN(c.title) AS title, MIN(${SEVERITY_ORDER}) AS rank, f.status AS status,
         SUM(f.item_count) AS resources
       FROM finding f JOIN finding_check c ON c.id = f.check_ref
       WHERE f.scan_id IN (${scanIds.map(() => '?').join(',')})
         AND f.citation_set_id IN (SELECT set_id FROM citation_set_member WHERE citation IN (${citations.map(() => '?').join(',')}))
         AND (f.status = 'passed' OR (f.status = 'failed' AND f.muted = 0 AND f.id NOT IN (SELECT value FROM json_each(?))))
       GROUP BY c.scanner, c.check_id, f.status`
    )
    .all(...scanIds, ...citations, JSON.stringify(triaged)) as {
    scanner: string
    checkId: string
    title: string
    rank: number
    status: 'failed' | 'passed'
    resources: number
  }[]
  const side = (status: 'failed' | 'passed') => {
    const checks = rows
      .filter(r => r.status === status)
      // Failing: worst first, then most resources; passing: most resources first.
      .sort((a, b) => (status === 'failed' ? a.rank - b.rank : 0) || b.resources - a.resources || a.checkId.localeCompare(b.checkId))
    const list: CheckSummary[] = checks
      .slice(0, top)
      .map(r => ({ scanner: r.scanner, checkId: r.checkId, title: r.title, severity: SEVERITIES[r.rank] ?? 'unknown', resources: r.resources }))
    return { list, count: checks.length, resources: checks.reduce((sum, r) => sum + r.resources, 0) }
  }
  const failing = side('failed')
  const passing = side('passed')
  return {
    ...empty,
    failing: failing.resources,
    passing: passing.resources,
    failingChecks: failing.list,
    passingChecks: passing.list,
    failingCheckCount: failing.count,
    passingCheckCount: passing.count
  }
}
