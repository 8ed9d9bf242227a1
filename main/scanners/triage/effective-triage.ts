import type { Db } from '../../db/driver'
import { hasCurrentTriage, listTriageRows, type TriageRow, type TriageSubjectRow } from '../db/finding-triage'
import { triageStatusLabel, type FindingTriage, type TriageView } from './triage.types'

/**
 * Which triages hold as of a date, and which finding keys they still cover. Every reader of failing findings
 * (review flags, the counts by specification, the evidence pack, the dashboard, the findings lists) asks this one
 * function, so a triaged finding stops counting as failing everywhere at once and comes back everywhere at once.
 *
 * A triage holds until the end of its expiry day. Each key it covers was triaged against one scan's result; the
 * first later scan of the same scanner that gives the key another result ends it for that key (a fix pending a
 * rescan ends at the first later scan that reports the key at all). A later scan that says nothing about the key
 * (another account, a partial run) leaves it alone. Computed on reading, never stored: deleting the later scan
 * brings the triage back, and nothing needs updating when a date passes.
 */

export interface TriageEvaluation {
  asOf: string
  triages: TriageView[]
  /** The triage of each finding key: an active one if any covers it, else the newest that did. */
  byKey: Map<string, FindingTriage>
}

interface ScanMoment {
  id: number
  scanner: string
  at: string
}

const later = (scan: ScanMoment, subject: TriageSubjectRow) =>
  scan.at > subject.base_at || (scan.at === subject.base_at && scan.id > subject.base_scan_id)

const EMPTY = (asOf: string): TriageEvaluation => ({ asOf, triages: [], byKey: new Map() })

export function evaluateTriage(db: Db, asOf: string, options: { all?: boolean } = {}): TriageEvaluation {
  if (!options.all && !hasCurrentTriage(db)) return EMPTY(asOf)
  const { rows, subjects } = listTriageRows(db, { all: options.all ?? false })
  if (rows.length === 0) return EMPTY(asOf)
  const subjectsOf = new Map<number, TriageSubjectRow[]>()
  for (const s of subjects) {
    const list = subjectsOf.get(s.triage_id)
    if (list) list.push(s)
    else subjectsOf.set(s.triage_id, [s])
  }
  const live = rows.filter(r => r.withdrawn_at === null && !(r.expires_on !== null && r.expires_on < asOf))

  // The scans later than some live subject's base, each read once for the checks triaged in it.
  const scans = db.prepare('SELECT id, scanner, COALESCE(started_at, imported_at) AS at FROM scan ORDER BY at, id').all() as ScanMoment[]
  const results = resultsInLaterScans(db, scans, live, subjectsOf)

  const ended = new Map<string, string>() // `${triageId}|${key}` → why
  for (const triage of live) {
    for (const subject of subjectsOf.get(triage.id) ?? []) {
      for (const scan of scans) {
        if (scan.scanner !== triage.scanner || !later(scan, subject)) continue
        const result = results.get(scan.id)?.get(subject.finding_key)
        if (result === undefined) continue
        if (triage.status === 'fixed-pending-rescan') {
          ended.set(`${triage.id}|${subject.finding_key}`, `rescanned on ${scan.at.slice(0, 10)} (scan ${scan.id}): ${result}`)
          break
        }
        if (result !== subject.status) {
          ended.set(
            `${triage.id}|${subject.finding_key}`,
            `a later scan (scan ${scan.id}, ${scan.at.slice(0, 10)}) found it ${result}, not ${subject.status}`
          )
          break
        }
      }
    }
  }

  const triages = rows.map(row => viewOf(row, subjectsOf.get(row.id) ?? [], ended, asOf))
  const byKey = new Map<string, FindingTriage>()
  for (const triage of triages) {
    for (const subject of subjectsOf.get(triage.id) ?? []) {
      const why = ended.get(`${triage.id}|${subject.finding_key}`)
      const active = triage.state === 'active' && why === undefined
      const entry: FindingTriage = { triage, active, why: active ? null : why !== undefined ? `Ended: ${why}` : triage.why }
      const seen = byKey.get(subject.finding_key)
      // Rows come oldest first: a newer triage wins unless it is lapsed and the older one still holds.
      if (!seen || active || !seen.active) byKey.set(subject.finding_key, entry)
    }
  }
  return { asOf, triages, byKey }
}

function resultsInLaterScans(
  db: Db,
  scans: readonly ScanMoment[],
  live: readonly TriageRow[],
  subjectsOf: Map<number, TriageSubjectRow[]>
): Map<number, Map<string, string>> {
  const checksOfScan = new Map<number, Set<string>>()
  for (const triage of live) {
    for (const subject of subjectsOf.get(triage.id) ?? []) {
      for (const scan of scans) {
        if (scan.scanner === triage.scanner && later(scan, subject)) {
          const checks = checksOfScan.get(scan.id) ?? new Set()
          checks.add(triage.check_id)
          checksOfScan.set(scan.id, checks)
        }
      }
    }
  }
  const refs = db.prepare('SELECT id FROM finding_check WHERE scanner = ? AND check_id IN (SELECT value FROM json_each(?))').pluck()
  // One pass over the scan's own rows (the scan_id index), keeping the triaged checks' results.
  const read = db.prepare('SELECT finding_key AS key, status FROM finding WHERE scan_id = ? AND check_ref IN (SELECT value FROM json_each(?))')
  const results = new Map<number, Map<string, string>>()
  for (const [scanId, checks] of checksOfScan) {
    const scanner = scans.find(s => s.id === scanId)?.scanner as string
    const checkRefs = refs.all(scanner, JSON.stringify([...checks])) as number[]
    const rows = read.all(scanId, JSON.stringify(checkRefs)) as { key: string; status: string }[]
    results.set(scanId, new Map(rows.map(r => [r.key, r.status])))
  }
  return results
}

function viewOf(row: TriageRow, subjects: readonly TriageSubjectRow[], ended: Map<string, string>, asOf: string): TriageView {
  const endedHere = subjects.map(s => ended.get(`${row.id}|${s.finding_key}`)).filter((w): w is string => w !== undefined)
  const expired = row.expires_on !== null && row.expires_on < asOf
  let state: TriageView['state'] = 'active'
  let why: string | null = null
  if (row.withdrawn_at !== null) {
    state = 'withdrawn'
    why =
      row.withdrawn_reason === 'replaced'
        ? `Replaced by a newer triage on ${row.withdrawn_at.slice(0, 10)}`
        : `Withdrawn${row.withdrawn_by ? ` by ${row.withdrawn_by}` : ''} on ${row.withdrawn_at.slice(0, 10)}`
  } else if (expired) {
    state = 'expired'
    why = `Expired: it held until ${row.expires_on}`
  } else if (subjects.length > 0 && endedHere.length === subjects.length) {
    state = 'ended'
    why = subjects.length === 1 ? `Ended: ${endedHere[0]}` : `Ended: a later scan changed all ${subjects.length} findings it covered`
  } else if (endedHere.length > 0) {
    why = `${endedHere.length} of ${subjects.length} findings it covered were changed by a later scan and count again`
  }
  return {
    id: row.id,
    scanner: row.scanner,
    checkId: row.check_id,
    findingKey: row.finding_key,
    ...keyParts(row.finding_key, row.check_id),
    account: row.account,
    status: row.status,
    statusLabel: triageStatusLabel(row.status),
    reason: row.reason,
    by: row.triaged_by,
    createdAt: row.created_at,
    expiresOn: row.expires_on,
    asOf,
    state,
    why,
    subjects: subjects.length,
    activeSubjects: state === 'active' ? subjects.length - endedHere.length : 0,
    withdrawn: row.withdrawn_at === null ? null : { at: row.withdrawn_at, by: row.withdrawn_by, reason: row.withdrawn_reason }
  }
}

/** A finding key is scanner|account|region|check|resource (scanners/formats/fields.ts): the resource is what follows the check. */
function keyParts(key: string | null, checkId: string): { resource: string | null; findingAccount: string | null } {
  if (key === null) return { resource: null, findingAccount: null }
  const at = key.indexOf(`|${checkId}|`)
  return { resource: at < 0 ? null : key.slice(at + checkId.length + 2) || null, findingAccount: key.split('|')[1] || null }
}

/** A failing finding that an active triage covers, with what the counts need to leave it out. */
export interface TriagedFailure {
  id: number
  scanId: number
  findingKey: string
  severity: string
  citationSetId: number | null
  itemCount: number
  muted: boolean
  triage: FindingTriage
}

/**
 * The failing findings of these scans that an active triage covers (as of the evaluation's date). The one read
 * every count uses to leave triaged findings out.
 */
export function triagedFailures(db: Db, scanIds: readonly number[], evaluation: TriageEvaluation): TriagedFailure[] {
  const active = evaluation.triages.filter(t => t.state === 'active')
  if (active.length === 0 || scanIds.length === 0) return []
  const refs = new Set<number>()
  const refsOf = db.prepare('SELECT id FROM finding_check WHERE scanner = ? AND check_id = ?').pluck()
  for (const t of active) for (const id of refsOf.all(t.scanner, t.checkId) as number[]) refs.add(id)
  const rows = db
    .prepare(
      `SELECT id, scan_id AS scanId, finding_key AS findingKey, severity, citation_set_id AS citationSetId, item_count AS itemCount, muted
         FROM finding WHERE scan_id IN (SELECT value FROM json_each(?)) AND status = 'failed' AND check_ref IN (SELECT value FROM json_each(?))`
    )
    .all(JSON.stringify(scanIds), JSON.stringify([...refs])) as (Omit<TriagedFailure, 'triage' | 'muted'> & { muted: 0 | 1 })[]
  return rows.flatMap(row => {
    const triage = evaluation.byKey.get(row.findingKey)
    return triage?.active ? [{ ...row, muted: row.muted === 1, triage }] : []
  })
}
