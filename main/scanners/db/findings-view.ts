import type { Db } from '../../db/driver'
import type { CheckGroupView, FindingRowView, FindingSort, FindingStatus, Severity } from '../contract'
import { SEVERITIES } from '../finding.types'
import { COLUMNS, FROM, SEVERITY_ORDER, toView, type FindingRow } from './findings'
import { latestScanIds } from './scans'

/**
 * The Findings view's one query: the findings of the latest scan of each account (or of every scan), filtered,
 * grouped by check or one by one, sorted by severity, specification, resource or age (first seen), paged.
 */
export interface FindingsViewOptions {
  scope: 'latest' | 'all'
  sort: FindingSort
  order: 'asc' | 'desc'
  scanId?: number | undefined
  citation?: string | undefined
  status?: FindingStatus | undefined
  severity?: Severity | undefined
  /** One group's findings (expanding a check). */
  check?: { scanner: string; checkId: string } | undefined
}

const SCAN_DATE = 'COALESCE(s.started_at, s.imported_at)'

/**
 * When each finding key was first seen: one pass over every finding, grouped by the key's hash (52 bits: two keys
 * sharing one is unlikely enough for an age to sort by). Only joined when sorting by age.
 */
const SEEN = `seen AS (SELECT k.key_hash, MIN(${SCAN_DATE}) AS first_seen FROM finding k JOIN scan s ON s.id = k.scan_id GROUP BY k.key_hash)`

interface Where {
  clause: string
  params: unknown[]
  scans: number[]
}

/** The WHERE clause for the scope and filters; null when the scope holds no scan. */
function whereOf(db: Db, options: FindingsViewOptions): Where | null {
  const where: string[] = []
  const params: unknown[] = []
  let scans: number[] = []
  if (options.scanId !== undefined) {
    scans = [options.scanId]
    where.push('f.scan_id = ?')
    params.push(options.scanId)
  } else if (options.scope === 'latest') {
    scans = latestScanIds(db)
    if (scans.length === 0) return null
    where.push(`f.scan_id IN (${scans.map(() => '?').join(',')})`)
    params.push(...scans)
  } else {
    scans = (db.prepare('SELECT id FROM scan ORDER BY id').pluck().all() as number[]) ?? []
  }
  if (options.citation) {
    where.push('f.citation_set_id IN (SELECT set_id FROM citation_set_member WHERE citation = ?)')
    params.push(options.citation)
  }
  if (options.status) {
    where.push('f.status = ?')
    params.push(options.status)
  }
  if (options.severity) {
    where.push('f.severity = ?')
    params.push(options.severity)
  }
  if (options.check) {
    where.push('c.scanner = ? AND c.check_id = ?')
    params.push(options.check.scanner, options.check.checkId)
  }
  return { clause: where.length ? ` WHERE ${where.join(' AND ')}` : '', params, scans }
}

const RESOURCE = 'COALESCE(f.resource_name, f.resource_id)'

/** ORDER BY for single findings: the chosen key (nulls last whichever way), then a stable tie-break. */
function findingOrder(sort: FindingSort, order: 'asc' | 'desc'): string {
  const dir = order === 'asc' ? 'ASC' : 'DESC'
  switch (sort) {
    case 'severity':
      return `${SEVERITY_ORDER} ${dir}, f.status = 'failed' DESC, c.check_id, f.id`
    case 'specification':
      return `cs.citations IS NULL, cs.citations ${dir}, ${SEVERITY_ORDER}, c.check_id, f.id`
    case 'resource':
      return `${RESOURCE} IS NULL, ${RESOURCE} COLLATE NOCASE ${dir}, c.check_id, f.id`
    case 'age':
      return `seen.first_seen IS NULL, seen.first_seen ${dir}, ${SEVERITY_ORDER}, c.check_id, f.id`
  }
}

/** ORDER BY for check groups: worst severity (then most failing), first specification, most resources, oldest. */
function groupOrder(sort: FindingSort, order: 'asc' | 'desc'): string {
  const dir = order === 'asc' ? 'ASC' : 'DESC'
  const flip = order === 'asc' ? 'DESC' : 'ASC'
  switch (sort) {
    case 'severity':
      return `severity_rank ${dir}, failed ${flip}, check_id, scanner`
    case 'specification':
      return `first_citation IS NULL, first_citation ${dir}, severity_rank, check_id, scanner`
    case 'resource':
      return `resources ${flip}, check_id, scanner`
    case 'age':
      return `first_seen IS NULL, first_seen ${dir}, severity_rank, check_id, scanner`
  }
}

export function viewFindings(
  db: Db,
  options: FindingsViewOptions,
  page: { limit: number; offset: number }
): { scans: number[]; total: number; findings: FindingRowView[] } {
  const where = whereOf(db, options)
  if (!where) return { scans: [], total: 0, findings: [] }
  const needsCheck = options.check ? ' JOIN finding_check c ON c.id = f.check_ref' : ''
  const total = (db.prepare(`SELECT count(*) AS n FROM finding f${needsCheck}${where.clause}`).get(...where.params) as { n: number }).n
  const age = options.sort === 'age'
  const rows = db
    .prepare(
      `${age ? `WITH ${SEEN} ` : ''}SELECT ${COLUMNS}, c.scanner AS scanner${age ? ', seen.first_seen AS first_seen' : ''}
       FROM ${FROM}${age ? ' LEFT JOIN seen ON seen.key_hash = f.key_hash' : ''}${where.clause}
       ORDER BY ${findingOrder(options.sort, options.order)} LIMIT ? OFFSET ?`
    )
    .all(...where.params, page.limit, page.offset) as (FindingRow & { scanner: string; first_seen?: string | null; key_hash: number })[]
  const firstSeen = age
    ? null
    : firstSeenOf(
        db,
        rows.map(r => r.key_hash)
      )
  return {
    scans: where.scans,
    total,
    findings: rows.map(row => ({
      ...toView(row),
      scanner: row.scanner,
      firstSeen: age ? (row.first_seen ?? null) : (firstSeen?.get(row.key_hash) ?? null)
    }))
  }
}

/** When each of a few finding keys was first seen (one pass over the findings; there is no index on the hash). */
export function firstSeenOf(db: Db, keyHashes: readonly number[]): Map<number, string> {
  const unique = [...new Set(keyHashes)]
  if (unique.length === 0) return new Map()
  const rows = db
    .prepare(
      `SELECT k.key_hash AS hash, MIN(${SCAN_DATE}) AS first FROM finding k JOIN scan s ON s.id = k.scan_id
       WHERE k.key_hash IN (${unique.map(() => '?').join(',')}) GROUP BY k.key_hash`
    )
    .all(...unique) as { hash: number; first: string }[]
  return new Map(rows.map(r => [r.hash, r.first]))
}

/** First seen for every finding key in the workspace, for an export that prints it on each of 100k rows. */
export function firstSeenOfAll(db: Db): Map<number, string> {
  const rows = db
    .prepare(`SELECT k.key_hash AS hash, MIN(${SCAN_DATE}) AS first FROM finding k JOIN scan s ON s.id = k.scan_id GROUP BY k.key_hash`)
    .raw()
    .all() as [number, string][]
  return new Map(rows)
}

interface GroupRow {
  scanner: string
  check_id: string
  title: string
  severity_rank: number
  statuses: string
  findings: number
  resources: number
  citation_lists: string | null
  first_seen: string | null
  total_groups: number
}

export function viewCheckGroups(
  db: Db,
  options: FindingsViewOptions,
  page: { limit: number; offset: number }
): { scans: number[]; total: number; groups: CheckGroupView[] } {
  const where = whereOf(db, options)
  if (!where) return { scans: [], total: 0, groups: [] }
  const age = options.sort === 'age'
  // Per check and status first, then per check: the statuses come out as one JSON object whatever statuses exist.
  const rows = db
    .prepare(
      `${age ? `WITH ${SEEN} ` : ''}SELECT scanner, check_id, MIN(title) AS title, MIN(severity_rank) AS severity_rank,
         json_group_object(status, n) AS statuses, SUM(n) AS findings, SUM(CASE WHEN status = 'failed' THEN n ELSE 0 END) AS failed,
         SUM(resources) AS resources, GROUP_CONCAT(citation_lists) AS citation_lists, MIN(first_citation) AS first_citation,
         MIN(first_seen) AS first_seen, COUNT(*) OVER () AS total_groups
       FROM (
         SELECT c.scanner AS scanner, c.check_id AS check_id, f.status AS status, MIN(c.title) AS title, MIN(${SEVERITY_ORDER}) AS severity_rank,
           COUNT(*) AS n, SUM(f.item_count) AS resources, GROUP_CONCAT(DISTINCT cs.citations) AS citation_lists,
           MIN(cs.citations) AS first_citation, ${age ? 'MIN(seen.first_seen)' : 'NULL'} AS first_seen
         FROM ${FROM}${age ? ' LEFT JOIN seen ON seen.key_hash = f.key_hash' : ''}${where.clause}
         GROUP BY c.scanner, c.check_id, f.status)
       GROUP BY scanner, check_id
       ORDER BY ${groupOrder(options.sort, options.order)} LIMIT ? OFFSET ?`
    )
    .all(...where.params, page.limit, page.offset) as GroupRow[]
  // Past the last page there are no rows to carry the count.
  const total =
    rows[0]?.total_groups ??
    (page.offset === 0
      ? 0
      : (
          db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${FROM}${where.clause} GROUP BY c.scanner, c.check_id)`).get(...where.params) as {
            n: number
          }
        ).n)
  return {
    scans: where.scans,
    total,
    groups: rows.map(row => ({
      scanner: row.scanner,
      checkId: row.check_id,
      title: row.title,
      severity: SEVERITIES[row.severity_rank] ?? 'unknown',
      statuses: JSON.parse(row.statuses) as CheckGroupView['statuses'],
      findings: row.findings,
      resources: row.resources,
      citations: [...new Set((row.citation_lists ?? '').split(/[,|]/).filter(Boolean))].sort(),
      firstSeen: row.first_seen
    }))
  }
}

/** The ids of every finding in the view, in its order (an export reads the rows in batches by id). */
export function viewFindingIds(db: Db, options: FindingsViewOptions): number[] {
  const where = whereOf(db, options)
  if (!where) return []
  const age = options.sort === 'age'
  return db
    .prepare(
      `${age ? `WITH ${SEEN} ` : ''}SELECT f.id FROM ${FROM}${age ? ' LEFT JOIN seen ON seen.key_hash = f.key_hash' : ''}${where.clause}
       ORDER BY ${findingOrder(options.sort, options.order)}`
    )
    .pluck()
    .all(...where.params) as number[]
}

/** The findings with these ids, with their scanner, in the order of `ids`. */
export function findingsByIds(db: Db, ids: readonly number[]): (FindingRowView & { keyHash: number })[] {
  if (ids.length === 0) return []
  const rows = db
    .prepare(`SELECT ${COLUMNS}, c.scanner AS scanner FROM ${FROM} WHERE f.id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as (FindingRow & { scanner: string; key_hash: number })[]
  const byId = new Map(rows.map(r => [r.id, r]))
  return ids.flatMap(id => {
    const row = byId.get(id)
    return row ? [{ ...toView(row), scanner: row.scanner, firstSeen: null, keyHash: row.key_hash }] : []
  })
}
