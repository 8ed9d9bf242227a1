import type { Db } from '../../db/driver'
import type { FindingPage, FindingView } from '../contract'
import type { FindingStatus, NormalizedFinding, Severity } from '../finding.types'
import { addFindingFilters } from './finding-filter'
import { findingKeyHash } from './finding-checks'

export interface FindingRow {
  id: number
  scan_id: number
  finding_key: string
  check_id: string
  title: string
  status: FindingStatus
  muted: 0 | 1
  severity: Severity
  status_detail: string | null
  resource_id: string | null
  resource_name: string | null
  resource_type: string | null
  account: string | null
  region: string | null
  remediation_text: string | null
  remediation_url: string | null
  observed_at: string | null
  item_count: number
  citation_source: FindingView['citationSource']
  citation_list: string | null
}

export const COLUMNS = `f.*, c.check_id, c.title, c.remediation_text, c.remediation_url, cs.citations AS citation_list`
export const FROM = `finding f JOIN finding_check c ON c.id = f.check_ref LEFT JOIN citation_set cs ON cs.id = f.citation_set_id`
const SELECT = `SELECT ${COLUMNS} FROM ${FROM}`
export const SEVERITY_ORDER = `CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 WHEN 'informational' THEN 4 ELSE 5 END`

export const toView = (row: FindingRow): FindingView => ({
  id: row.id,
  scanId: row.scan_id,
  findingKey: row.finding_key,
  checkId: row.check_id,
  title: row.title,
  status: row.status,
  muted: row.muted === 1,
  severity: row.severity,
  statusDetail: row.status_detail,
  resourceId: row.resource_id,
  resourceName: row.resource_name,
  resourceType: row.resource_type,
  account: row.account,
  region: row.region,
  remediationText: row.remediation_text,
  remediationUrl: row.remediation_url,
  observedAt: row.observed_at,
  itemCount: row.item_count,
  citations: row.citation_list ? row.citation_list.split('|') : [],
  citationSource: row.citation_source
})

const ROWS_PER_INSERT = 32
const FINDING_COLUMNS = 17

/**
 * A batch inserter for one import: rows go in ROWS_PER_INSERT at a time (one
 * statement run per 32 findings instead of one per finding). Returns, per batch,
 * nothing; `failing()` gives the citations with failing, unmuted findings so far.
 */
export function findingInserter(
  db: Db,
  scanId: number,
  citationSet: (citations: readonly string[]) => number | null,
  checkRef: (f: NormalizedFinding) => number
) {
  const sql = (rows: number) =>
    `INSERT INTO finding (scan_id, finding_key, key_hash, check_ref, status, muted, severity, status_detail, resource_id,
       resource_name, resource_type, account, region, observed_at, item_count, citation_set_id, citation_source)
     VALUES ${Array.from({ length: rows }, () => `(${Array(FINDING_COLUMNS).fill('?').join(', ')})`).join(', ')}`
  const many = db.prepare(sql(ROWS_PER_INSERT))
  const one = db.prepare(sql(1))
  const failingBySet = new Map<number, number>()
  const params: unknown[] = new Array(ROWS_PER_INSERT * FINDING_COLUMNS)

  const fill = (f: NormalizedFinding, at: number): void => {
    const setId = citationSet(f.citations)
    if (setId !== null && f.status === 'failed' && !f.muted) failingBySet.set(setId, (failingBySet.get(setId) ?? 0) + f.itemCount)
    params[at] = scanId
    params[at + 1] = f.findingKey
    params[at + 2] = findingKeyHash(f.findingKey)
    params[at + 3] = checkRef(f)
    params[at + 4] = f.status
    params[at + 5] = f.muted ? 1 : 0
    params[at + 6] = f.severity
    params[at + 7] = f.statusDetail
    params[at + 8] = f.resourceId
    params[at + 9] = f.resourceName
    params[at + 10] = f.resourceType
    params[at + 11] = f.account
    params[at + 12] = f.region
    params[at + 13] = f.observedAt
    params[at + 14] = f.itemCount
    params[at + 15] = setId
    params[at + 16] = f.citationSource
  }

  return {
    insert(batch: readonly NormalizedFinding[]): void {
      let i = 0
      for (; i + ROWS_PER_INSERT <= batch.length; i += ROWS_PER_INSERT) {
        for (let r = 0; r < ROWS_PER_INSERT; r++) fill(batch[i + r] as NormalizedFinding, r * FINDING_COLUMNS)
        many.run(params)
      }
      for (; i < batch.length; i++) {
        fill(batch[i] as NormalizedFinding, 0)
        one.run(params.slice(0, FINDING_COLUMNS))
      }
    },
    /** Failing (unmuted) resources per citation, from what was inserted. */
    failing(): { citation: string; failing: number }[] {
      const byCitation = new Map<string, number>()
      const members = db.prepare('SELECT citation FROM citation_set_member WHERE set_id = ?').pluck()
      for (const [setId, count] of failingBySet) {
        for (const citation of members.all(setId) as string[]) byCitation.set(citation, (byCitation.get(citation) ?? 0) + count)
      }
      return [...byCitation].map(([citation, failing]) => ({ citation, failing })).sort((a, b) => a.citation.localeCompare(b.citation))
    }
  }
}

export interface FindingFilter {
  scanIds?: readonly number[]
  citation?: string
  status?: FindingStatus
  severity?: Severity
  /** Left out: the triaged findings when failing ones are listed (one bound JSON list, whatever its length). */
  withoutIds?: readonly number[]
  /** Only these (the triaged findings, listed apart). */
  onlyIds?: readonly number[]
  limit: number
  offset: number
}

export function queryFindings(db: Db, filter: FindingFilter): FindingPage {
  const where: string[] = []
  const params: unknown[] = []
  if (filter.scanIds) {
    if (filter.scanIds.length === 0) return { total: 0, findings: [] }
    where.push(`f.scan_id IN (${filter.scanIds.map(() => '?').join(',')})`)
    params.push(...filter.scanIds)
  }
  addFindingFilters(filter, where, params)
  if (filter.withoutIds?.length) {
    where.push('f.id NOT IN (SELECT value FROM json_each(?))')
    params.push(JSON.stringify(filter.withoutIds))
  }
  if (filter.onlyIds) {
    where.push('f.id IN (SELECT value FROM json_each(?))')
    params.push(JSON.stringify(filter.onlyIds))
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : ''
  const total = (db.prepare(`SELECT count(*) AS n FROM finding f${clause}`).get(...params) as { n: number }).n
  const rows = db
    .prepare(`${SELECT}${clause} ORDER BY f.status = 'failed' DESC, ${SEVERITY_ORDER}, c.check_id, f.id LIMIT ? OFFSET ?`)
    .all(...params, filter.limit, filter.offset) as FindingRow[]
  return { total, findings: rows.map(toView) }
}

/**
 * Findings whose resource id or name is one of `resources`, across every scan: the newest scan first (failed first
 * within a scan), at most `limit` of them, with the count of each status per scan over all of them.
 */
export function findingsOnResources(
  db: Db,
  resources: readonly string[],
  limit: number
): { counts: { scanId: number; status: FindingStatus; findings: number }[]; findings: FindingView[] } {
  if (resources.length === 0) return { counts: [], findings: [] }
  const list = resources.map(() => '?').join(',')
  const where = `(f.resource_id IN (${list}) OR f.resource_name IN (${list}))`
  const params = [...resources, ...resources]
  const counts = db
    .prepare(`SELECT f.scan_id AS scanId, f.status AS status, count(*) AS findings FROM finding f WHERE ${where} GROUP BY f.scan_id, f.status`)
    .all(...params) as { scanId: number; status: FindingStatus; findings: number }[]
  const rows = db
    .prepare(
      `${SELECT} JOIN scan s ON s.id = f.scan_id WHERE ${where}
       ORDER BY COALESCE(s.started_at, s.imported_at) DESC, s.id DESC, f.status = 'failed' DESC, ${SEVERITY_ORDER}, c.check_id, f.id LIMIT ?`
    )
    .all(...params, limit) as FindingRow[]
  return { counts, findings: rows.map(toView) }
}

export interface Comparison {
  newFailures: FindingView[]
  resolved: FindingView[]
  persisting: FindingView[]
  counts: { newFailures: number; resolved: number; persisting: number }
}

/** Failures of `scanId` against `previousId`, matched by finding key (same check, resource, account, region). */
export function compareScans(db: Db, scanId: number, previousId: number, limit: number): Comparison {
  // The other scan's failing keys are listed once per query (SQLite builds them into a temporary index).
  const failedIn = (outer: string, other: string, negate: boolean) =>
    `FROM finding f WHERE f.scan_id = ${outer} AND f.status = 'failed' AND (f.key_hash, f.finding_key) ${negate ? 'NOT ' : ''}IN (
       SELECT o.key_hash, o.finding_key FROM finding o WHERE o.scan_id = ${other} AND o.status = 'failed')`
  const part = (outer: number, other: number, negate: boolean) => {
    const body = failedIn('?', '?', negate)
    const total = (db.prepare(`SELECT count(*) AS n ${body}`).get(outer, other) as { n: number }).n
    const rows = db
      .prepare(`${SELECT} WHERE f.id IN (SELECT f.id ${body}) ORDER BY ${SEVERITY_ORDER}, c.check_id, f.id LIMIT ?`)
      .all(outer, other, limit) as FindingRow[]
    return { total, rows: rows.map(toView) }
  }
  const fresh = part(scanId, previousId, true)
  const resolved = part(previousId, scanId, true)
  const persisting = part(scanId, previousId, false)
  return {
    newFailures: fresh.rows,
    resolved: resolved.rows,
    persisting: persisting.rows,
    counts: { newFailures: fresh.total, resolved: resolved.total, persisting: persisting.total }
  }
}

/** Failing, passing and total counts per citation over the given scans. */
export function coverageByCitation(db: Db, scanIds: readonly number[]): { citation: string; failing: number; passing: number; findings: number }[] {
  if (scanIds.length === 0) return []
  return db
    .prepare(
      `SELECT m.citation AS citation,
         SUM(CASE WHEN f.status = 'failed' AND f.muted = 0 THEN f.item_count ELSE 0 END) AS failing,
         SUM(CASE WHEN f.status = 'passed' THEN f.item_count ELSE 0 END) AS passing,
         COUNT(*) AS findings
       FROM finding f JOIN citation_set_member m ON m.set_id = f.citation_set_id
       WHERE f.scan_id IN (${scanIds.map(() => '?').join(',')})
       GROUP BY m.citation`
    )
    .all(...scanIds) as { citation: string; failing: number; passing: number; findings: number }[]
}
