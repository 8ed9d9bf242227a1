import type { Db } from '../../db/driver'
import type { CheckGroupView, FindingRowView, FindingSort, FindingStatus, Severity } from '../contract'
import { SEVERITIES } from '../finding.types'
import { triagedFailures, type TriageEvaluation } from '../triage/effective-triage'
import { COLUMNS, FROM, SEVERITY_ORDER, toView, type FindingRow } from './findings'
import { addFindingFilters } from './finding-filter'
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
 * sharing one is unlikely enough for an age to sort by), read from the (key_hash, scan_id) index in its order
 * (migration 0014). Only joined when sorting by age.
 */
const SEEN = `seen AS (SELECT k.key_hash, MIN(${SCAN_DATE}) AS first_seen FROM finding k JOIN scan s ON s.id = k.scan_id GROUP BY k.key_hash)`

interface Where {
  clause: string
  params: unknown[]
  scans: number[]
  /** `finding f` or, when the scope holds most findings, `finding f NOT INDEXED`. */
  table: string
}

/**
 * Whether the scans hold most of the workspace's findings: reading the table straight through then beats an index
 * lookup per finding (as in finding-counts.ts).
 */
export function holdsMostFindings(db: Db, scans: readonly number[]): boolean {
  if (scans.length === 0) return false
  const total = (db.prepare('SELECT COALESCE(SUM(findings), 0) FROM scan').pluck().get() as number) || 0
  const inScope = db
    .prepare(`SELECT COALESCE(SUM(findings), 0) FROM scan WHERE id IN (${scans.map(() => '?').join(',')})`)
    .pluck()
    .get(...scans) as number
  return inScope * 2 >= total
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
  addFindingFilters(options, where, params)
  if (options.check) {
    where.push('f.check_ref IN (SELECT id FROM finding_check WHERE scanner = ? AND check_id = ?)')
    params.push(options.check.scanner, options.check.checkId)
  }
  const scoped = options.scanId !== undefined || options.scope === 'latest'
  const table = scoped && !holdsMostFindings(db, scans) ? 'finding f' : 'finding f NOT INDEXED'
  return { clause: where.length ? ` WHERE ${where.join(' AND ')}` : '', params, scans, table }
}

const RESOURCE = 'COALESCE(f.resource_name, f.resource_id)'

/** The findings with their check and citations, read through the index or straight through (Where.table). */
const fromOf = (where: Where) => FROM.replace(/^finding f/, where.table)

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

export function viewFindings(
  db: Db,
  options: FindingsViewOptions,
  page: { limit: number; offset: number }
): { scans: number[]; total: number; findings: FindingRowView[] } {
  const where = whereOf(db, options)
  if (!where) return { scans: [], total: 0, findings: [] }
  const total = (db.prepare(`SELECT count(*) AS n FROM ${where.table}${where.clause}`).get(...where.params) as { n: number }).n
  const age = options.sort === 'age'
  const rows = db
    .prepare(
      `${age ? `WITH ${SEEN} ` : ''}SELECT ${COLUMNS}, c.scanner AS scanner${age ? ', seen.first_seen AS first_seen' : ''}
       FROM ${fromOf(where)}${age ? ' LEFT JOIN seen ON seen.key_hash = f.key_hash' : ''}${where.clause}
       ORDER BY ${findingOrder(options.sort, options.order)} LIMIT ? OFFSET ?`
    )
    .all(...where.params, page.limit, page.offset) as (FindingRow & { scanner: string; first_seen?: string | null; key_hash: number })[]
  const firstSeen = age
    ? null
    : firstSeenOf(
        db,
        rows.map(r => r.key_hash)
      )
  const current = new Set(options.scope === 'latest' && options.scanId === undefined ? where.scans : latestScanIds(db))
  return {
    scans: where.scans,
    total,
    findings: rows.map(row => ({
      ...toView(row),
      scanner: row.scanner,
      firstSeen: age ? (row.first_seen ?? null) : (firstSeen?.get(row.key_hash) ?? null),
      current: current.has(row.scan_id)
    }))
  }
}

/** When each of a few finding keys was first seen (looked up in the key hash index, migration 0014). */
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

interface PartRow {
  ref: number
  status: FindingStatus
  set_id: number | null
  rank: number
  n: number
  resources: number
  first_seen: string | null
}

interface Group extends CheckGroupView {
  rank: number
  failed: number
  firstCitation: string | null
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Nulls last whichever the order; otherwise `order` decides. */
const compareNullable = (a: string | null, b: string | null, sign: number) =>
  a === null || b === null ? (a === null ? 1 : 0) - (b === null ? 1 : 0) : sign * compareText(a, b)

/** Check groups in order: worst severity (then most failing), first specification, most resources, oldest. */
function compareGroups(sort: FindingSort, order: 'asc' | 'desc'): (a: Group, b: Group) => number {
  const sign = order === 'asc' ? 1 : -1
  const tail = (a: Group, b: Group) => compareText(a.checkId, b.checkId) || compareText(a.scanner, b.scanner)
  switch (sort) {
    case 'severity':
      return (a, b) => sign * (a.rank - b.rank) || sign * (b.failed - a.failed) || tail(a, b)
    case 'specification':
      return (a, b) => compareNullable(a.firstCitation, b.firstCitation, sign) || a.rank - b.rank || tail(a, b)
    case 'resource':
      return (a, b) => sign * (b.resources - a.resources) || tail(a, b)
    case 'age':
      return (a, b) => compareNullable(a.firstSeen, b.firstSeen, sign) || a.rank - b.rank || tail(a, b)
  }
}

/**
 * The view grouped by check: one pass over the findings grouped by their check row, status and citation list
 * (small integers, no text sorted), then the parts put together per check (scanner and check id) and ordered here.
 * Failures an active triage covers (as `evaluation` reads them) are counted apart from the failed, as every other count does.
 */
export function viewCheckGroups(
  db: Db,
  options: FindingsViewOptions,
  page: { limit: number; offset: number },
  evaluation: TriageEvaluation
): { scans: number[]; total: number; groups: CheckGroupView[] } {
  const where = whereOf(db, options)
  if (!where) return { scans: [], total: 0, groups: [] }
  const age = options.sort === 'age'
  const parts = db
    .prepare(
      `${age ? `WITH ${SEEN} ` : ''}SELECT f.check_ref AS ref, f.status AS status, f.citation_set_id AS set_id, MIN(${SEVERITY_ORDER}) AS rank,
         COUNT(*) AS n, SUM(f.item_count) AS resources, ${age ? 'MIN(seen.first_seen)' : 'NULL'} AS first_seen
       FROM ${where.table}${age ? ' LEFT JOIN seen ON seen.key_hash = f.key_hash' : ''}${where.clause}
       GROUP BY f.check_ref, f.status, f.citation_set_id`
    )
    .all(...where.params) as PartRow[]
  const checks = checkRows(db, [...new Set(parts.map(p => p.ref))])
  const sets = new Map(
    (db.prepare('SELECT id, citations FROM citation_set').all() as { id: number; citations: string }[]).map(r => [r.id, r.citations])
  )
  const groups = new Map<string, Group>()
  for (const part of parts) {
    const check = checks.get(part.ref)
    if (!check) continue
    const key = `${check.scanner}\u0000${check.check_id}`
    let group = groups.get(key)
    if (!group) {
      group = {
        scanner: check.scanner,
        checkId: check.check_id,
        title: check.title,
        severity: 'unknown',
        statuses: {},
        triaged: 0,
        findings: 0,
        resources: 0,
        citations: [],
        firstSeen: null,
        rank: part.rank,
        failed: 0,
        firstCitation: null
      }
      groups.set(key, group)
    }
    if (compareText(check.title, group.title) < 0) group.title = check.title
    group.rank = Math.min(group.rank, part.rank)
    group.statuses[part.status] = (group.statuses[part.status] ?? 0) + part.n
    if (part.status === 'failed') group.failed += part.n
    group.findings += part.n
    group.resources += part.resources
    const list = part.set_id === null ? undefined : sets.get(part.set_id)
    if (list !== undefined) {
      for (const citation of list.split('|')) if (!group.citations.includes(citation)) group.citations.push(citation)
      if (group.firstCitation === null || compareText(list, group.firstCitation) < 0) group.firstCitation = list
    }
    if (part.first_seen !== null && (group.firstSeen === null || part.first_seen < group.firstSeen)) group.firstSeen = part.first_seen
  }
  for (const { ref, n } of triagedPerCheck(db, where, evaluation)) {
    const check = checks.get(ref)
    const group = check && groups.get(`${check.scanner}\u0000${check.check_id}`)
    if (!group) continue
    const failing = (group.statuses.failed ?? 0) - n
    if (failing > 0) group.statuses.failed = failing
    else delete group.statuses.failed
    group.failed -= n
    group.triaged += n
  }
  const ordered = [...groups.values()].sort(compareGroups(options.sort, options.order))
  return {
    scans: where.scans,
    total: ordered.length,
    groups: ordered.slice(page.offset, page.offset + page.limit).map(({ rank, failed: _failed, firstCitation: _first, ...group }) => ({
      ...group,
      severity: SEVERITIES[rank] ?? 'unknown',
      citations: group.citations.sort()
    }))
  }
}

/** How many of the view's failing findings an active triage covers, per check row (the view's own filters apply). */
function triagedPerCheck(db: Db, where: Where, evaluation: TriageEvaluation): { ref: number; n: number }[] {
  const ids = triagedFailures(db, where.scans, evaluation).map(f => f.id)
  if (ids.length === 0) return []
  const clause = `${where.clause ? `${where.clause} AND` : ' WHERE'} f.status = 'failed' AND f.id IN (SELECT value FROM json_each(?))`
  return db
    .prepare(`SELECT f.check_ref AS ref, COUNT(*) AS n FROM finding f${clause} GROUP BY f.check_ref`)
    .all(...where.params, JSON.stringify(ids)) as { ref: number; n: number }[]
}

/** The scanner, check id and title of each check row, a chunk of ids at a time (SQLite's limit on bound values). */
function checkRows(db: Db, refs: readonly number[]): Map<number, { scanner: string; check_id: string; title: string }> {
  const rows = new Map<number, { scanner: string; check_id: string; title: string }>()
  for (let at = 0; at < refs.length; at += 10_000) {
    const chunk = refs.slice(at, at + 10_000)
    const found = db
      .prepare(`SELECT id, scanner, check_id, title FROM finding_check WHERE id IN (${chunk.map(() => '?').join(',')})`)
      .all(...chunk) as { id: number; scanner: string; check_id: string; title: string }[]
    for (const row of found) rows.set(row.id, row)
  }
  return rows
}

/** The ids of every finding in the view, in its order (an export reads the rows in batches by id). */
export function viewFindingIds(db: Db, options: FindingsViewOptions): number[] {
  const where = whereOf(db, options)
  if (!where) return []
  const age = options.sort === 'age'
  return db
    .prepare(
      `${age ? `WITH ${SEEN} ` : ''}SELECT f.id FROM ${fromOf(where)}${age ? ' LEFT JOIN seen ON seen.key_hash = f.key_hash' : ''}${where.clause}
       ORDER BY ${findingOrder(options.sort, options.order)}`
    )
    .pluck()
    .all(...where.params) as number[]
}

/** The findings with these ids, with their scanner, in the order of `ids`; `current`: the latest scan of each account. */
export function findingsByIds(db: Db, ids: readonly number[], current: ReadonlySet<number>): (FindingRowView & { keyHash: number })[] {
  if (ids.length === 0) return []
  const rows = db
    .prepare(`SELECT ${COLUMNS}, c.scanner AS scanner FROM ${FROM} WHERE f.id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as (FindingRow & { scanner: string; key_hash: number })[]
  const byId = new Map(rows.map(r => [r.id, r]))
  return ids.flatMap(id => {
    const row = byId.get(id)
    return row ? [{ ...toView(row), scanner: row.scanner, firstSeen: null, current: current.has(row.scan_id), keyHash: row.key_hash }] : []
  })
}
