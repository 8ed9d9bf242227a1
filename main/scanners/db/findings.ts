import type { Db } from '../../db/driver'
import type { FindingPage, FindingView } from '../contract'
import type { FindingStatus, NormalizedFinding, Severity } from '../finding.types'

interface FindingRow {
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

const SELECT = `SELECT f.*, cs.citations AS citation_list FROM finding f LEFT JOIN citation_set cs ON cs.id = f.citation_set_id`
const SEVERITY_ORDER = `CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 WHEN 'informational' THEN 4 ELSE 5 END`

const toView = (row: FindingRow): FindingView => ({
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

/** A prepared insert for one import; a finding key seen twice in one scan is kept once. */
export function findingInserter(db: Db, scanId: number, citationSet: (citations: readonly string[]) => number | null) {
  const insert = db.prepare(
    `INSERT INTO finding (scan_id, finding_key, check_id, title, status, muted, severity, status_detail, resource_id,
       resource_name, resource_type, account, region, remediation_text, remediation_url, observed_at, item_count,
       citation_set_id, citation_source)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (scan_id, finding_key) DO NOTHING`
  )
  return (batch: readonly NormalizedFinding[]): number => {
    let inserted = 0
    for (const f of batch) {
      inserted += insert.run(
        scanId,
        f.findingKey,
        f.checkId,
        f.title,
        f.status,
        f.muted ? 1 : 0,
        f.severity,
        f.statusDetail,
        f.resourceId,
        f.resourceName,
        f.resourceType,
        f.account,
        f.region,
        f.remediationText,
        f.remediationUrl,
        f.observedAt,
        f.itemCount,
        citationSet(f.citations),
        f.citationSource
      ).changes
    }
    return inserted
  }
}

export interface FindingFilter {
  scanIds?: readonly number[]
  citation?: string
  status?: FindingStatus
  severity?: Severity
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
  if (filter.citation) {
    where.push('f.citation_set_id IN (SELECT set_id FROM citation_set_member WHERE citation = ?)')
    params.push(filter.citation)
  }
  if (filter.status) {
    where.push('f.status = ?')
    params.push(filter.status)
  }
  if (filter.severity) {
    where.push('f.severity = ?')
    params.push(filter.severity)
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : ''
  const total = (db.prepare(`SELECT count(*) AS n FROM finding f${clause}`).get(...params) as { n: number }).n
  const rows = db
    .prepare(`${SELECT}${clause} ORDER BY f.status = 'failed' DESC, ${SEVERITY_ORDER}, f.check_id, f.id LIMIT ? OFFSET ?`)
    .all(...params, filter.limit, filter.offset) as FindingRow[]
  return { total, findings: rows.map(toView) }
}

export interface Comparison {
  newFailures: FindingView[]
  resolved: FindingView[]
  persisting: FindingView[]
  counts: { newFailures: number; resolved: number; persisting: number }
}

/** Failures of `scanId` against `previousId`, matched by finding key (same check, resource, account, region). */
export function compareScans(db: Db, scanId: number, previousId: number, limit: number): Comparison {
  const failedIn = (outer: string, other: string, negate: boolean) =>
    `FROM finding f WHERE f.scan_id = ${outer} AND f.status = 'failed' AND ${negate ? 'NOT ' : ''}EXISTS (
       SELECT 1 FROM finding o WHERE o.scan_id = ${other} AND o.finding_key = f.finding_key AND o.status = 'failed')`
  const part = (outer: number, other: number, negate: boolean) => {
    const body = failedIn('?', '?', negate)
    const total = (db.prepare(`SELECT count(*) AS n ${body}`).get(outer, other) as { n: number }).n
    const rows = db
      .prepare(`SELECT f.*, cs.citations AS citation_list FROM finding f LEFT JOIN citation_set cs ON cs.id = f.citation_set_id
        WHERE f.id IN (SELECT f.id ${body}) ORDER BY ${SEVERITY_ORDER}, f.check_id, f.id LIMIT ?`)
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

/** Citations with failing, unmuted findings in a scan, and how many resources fail each. */
export function failingCitations(db: Db, scanId: number): { citation: string; failing: number }[] {
  return db
    .prepare(
      `SELECT m.citation AS citation, SUM(f.item_count) AS failing
       FROM finding f JOIN citation_set_member m ON m.set_id = f.citation_set_id
       WHERE f.scan_id = ? AND f.status = 'failed' AND f.muted = 0
       GROUP BY m.citation ORDER BY m.citation`
    )
    .all(scanId) as { citation: string; failing: number }[]
}
