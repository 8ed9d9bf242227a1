import type { Db } from '../../db/driver'
import type { CheckSummary, SpecificationSummary } from '../contract'
import { SEVERITIES } from '../finding.types'
import { SEVERITY_ORDER } from './findings'
import { holdsMostFindings } from './findings-view'

interface PartRow {
  setId: number
  ref: number
  status: 'failed' | 'passed'
  rank: number
  resources: number
}

/**
 * Question cards' scan evidence: failing and passing resources per check for each card's specifications, over the
 * given scans (the latest of each account). Muted failures are left out of the failing side, as in the review flags, and
 * so are the `triaged` ones (ids of failures a triage covers today).
 * One pass over the findings serves every card of a section: the parts are grouped by citation list and check row,
 * then put together per card.
 */
export function specificationSummaries(
  db: Db,
  scanIds: readonly number[],
  items: readonly (readonly string[])[],
  top: number,
  triaged: readonly number[] = []
): SpecificationSummary[] {
  const empty = (citations: readonly string[]): SpecificationSummary => ({
    citations: [...citations],
    scans: scanIds.length,
    failing: 0,
    passing: 0,
    failingChecks: [],
    passingChecks: [],
    failingCheckCount: 0,
    passingCheckCount: 0
  })
  const all = [...new Set(items.flat())]
  if (scanIds.length === 0 || all.length === 0) return items.map(empty)
  const parts = db
    .prepare(
      `SELECT f.citation_set_id AS setId, f.check_ref AS ref, f.status AS status, MIN(${SEVERITY_ORDER}) AS rank, SUM(f.item_count) AS resources
       FROM finding f${holdsMostFindings(db, scanIds) ? ' NOT INDEXED' : ''}
       WHERE f.scan_id IN (${scanIds.map(() => '?').join(',')})
         AND f.citation_set_id IN (SELECT set_id FROM citation_set_member WHERE citation IN (${all.map(() => '?').join(',')}))
         AND (f.status = 'passed' OR (f.status = 'failed' AND f.muted = 0 AND f.id NOT IN (SELECT value FROM json_each(?))))
       GROUP BY f.citation_set_id, f.check_ref, f.status`
    )
    .all(...scanIds, ...all, JSON.stringify(triaged)) as PartRow[]
  const setIds = [...new Set(parts.map(p => p.setId))]
  const members = new Map<number, string[]>()
  for (const row of db
    .prepare(`SELECT id, citations FROM citation_set WHERE id IN (${setIds.map(() => '?').join(',') || 'NULL'})`)
    .all(...setIds) as { id: number; citations: string }[])
    members.set(row.id, row.citations.split('|'))
  const refs = [...new Set(parts.map(p => p.ref))]
  const checks = new Map(
    (
      db.prepare(`SELECT id, scanner, check_id, title FROM finding_check WHERE id IN (${refs.map(() => '?').join(',') || 'NULL'})`).all(...refs) as {
        id: number
        scanner: string
        check_id: string
        title: string
      }[]
    ).map(c => [c.id, c])
  )

  return items.map(citations => {
    const wanted = new Set(citations)
    // Per check (scanner and check id) and status: a check's findings may sit in several citation lists and check rows.
    const byCheck = new Map<
      string,
      { scanner: string; checkId: string; title: string; rank: number; resources: number; status: 'failed' | 'passed' }
    >()
    for (const part of parts) {
      if (!(members.get(part.setId) ?? []).some(c => wanted.has(c))) continue
      const check = checks.get(part.ref)
      if (!check) continue
      const key = `${part.status}\u0000${check.scanner}\u0000${check.check_id}`
      const seen = byCheck.get(key)
      if (seen) {
        seen.rank = Math.min(seen.rank, part.rank)
        seen.resources += part.resources
        if (check.title < seen.title) seen.title = check.title
      } else {
        byCheck.set(key, {
          scanner: check.scanner,
          checkId: check.check_id,
          title: check.title,
          rank: part.rank,
          resources: part.resources,
          status: part.status
        })
      }
    }
    const side = (status: 'failed' | 'passed') => {
      const list = [...byCheck.values()]
        .filter(c => c.status === status)
        // Failing: worst first, then most resources; passing: most resources first.
        .sort((a, b) => (status === 'failed' ? a.rank - b.rank : 0) || b.resources - a.resources || a.checkId.localeCompare(b.checkId))
      const shown: CheckSummary[] = list
        .slice(0, top)
        .map(c => ({ scanner: c.scanner, checkId: c.checkId, title: c.title, severity: SEVERITIES[c.rank] ?? 'unknown', resources: c.resources }))
      return { shown, count: list.length, resources: list.reduce((sum, c) => sum + c.resources, 0) }
    }
    const failing = side('failed')
    const passing = side('passed')
    return {
      ...empty(citations),
      failing: failing.resources,
      passing: passing.resources,
      failingChecks: failing.shown,
      passingChecks: passing.shown,
      failingCheckCount: failing.count,
      passingCheckCount: passing.count
    }
  })
}
