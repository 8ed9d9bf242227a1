import type { Db } from '../../db/driver'
import { ApiError } from '../../shared/errors'
import { insertTriage, type NewTriage } from '../db/finding-triage'
import { latestScanIds } from '../db/scans'
import type { TriageInput } from './contract'

/**
 * Records a triage of one failing finding, or of every failing finding of a check in the latest scan of each
 * account (optionally one account's). Each finding is stored as a subject with the result and scan it was
 * triaged against, so a later scan's different result can be told apart. Returns the new triage's id.
 */
export function recordTriage(db: Db, input: TriageInput, now: string, today: string): number {
  if (input.expiresOn !== undefined && input.expiresOn < today) {
    throw new ApiError('invalid-input', `The expiry ${input.expiresOn} is before today (${today}): give a date from today on`, {
      field: 'expiresOn'
    })
  }
  const common = { status: input.status, reason: input.reason, by: input.by, createdAt: now, expiresOn: input.expiresOn ?? null }
  const target = input.findingId !== undefined ? findingTarget(db, input.findingId) : checkTarget(db, { ...input, checkId: input.checkId ?? '' })
  return insertTriage(db, { ...common, ...target })
}

interface FindingTargetRow {
  key: string
  status: string
  scanId: number
  scanAt: string
  scanner: string
  checkId: string
}

const TARGET_COLUMNS = `f.finding_key AS key, f.status AS status, f.scan_id AS scanId, COALESCE(s.started_at, s.imported_at) AS scanAt,
  c.scanner AS scanner, c.check_id AS checkId`

function findingTarget(db: Db, findingId: number): Pick<NewTriage, 'scanner' | 'checkId' | 'findingKey' | 'account' | 'subjects'> {
  const row = db
    .prepare(`SELECT ${TARGET_COLUMNS} FROM finding f JOIN finding_check c ON c.id = f.check_ref JOIN scan s ON s.id = f.scan_id WHERE f.id = ?`)
    .get(findingId) as FindingTargetRow | undefined
  if (!row) throw new ApiError('not-found', `There is no finding ${findingId}`)
  if (row.status !== 'failed') throw new ApiError('invalid-input', `Finding ${findingId} is ${row.status}: only a failing finding can be triaged`)
  if (!latestScanIds(db).includes(row.scanId)) {
    throw new ApiError(
      'invalid-input',
      `Finding ${findingId} is in scan ${row.scanId}, which a later scan of the same account replaces: triage the finding in the latest scan`
    )
  }
  return {
    scanner: row.scanner,
    checkId: row.checkId,
    findingKey: row.key,
    account: null,
    subjects: [{ findingKey: row.key, status: row.status, baseScanId: row.scanId, baseAt: row.scanAt }]
  }
}

function checkTarget(
  db: Db,
  input: TriageInput & { checkId: string }
): Pick<NewTriage, 'scanner' | 'checkId' | 'findingKey' | 'account' | 'subjects'> {
  const scanners = db.prepare('SELECT DISTINCT scanner FROM finding_check WHERE check_id = ? ORDER BY scanner').pluck().all(input.checkId) as string[]
  if (scanners.length === 0) throw new ApiError('not-found', `No imported finding has the check id ${input.checkId}`)
  if (input.scanner !== undefined && !scanners.includes(input.scanner)) {
    throw new ApiError(
      'not-found',
      `No finding of ${input.scanner} has the check id ${input.checkId} (it is in the output of ${scanners.join(', ')})`
    )
  }
  if (input.scanner === undefined && scanners.length > 1) {
    throw new ApiError('invalid-input', `The check id ${input.checkId} is in the output of ${scanners.join(' and ')}: say which scanner`, {
      field: 'scanner'
    })
  }
  const scanner = input.scanner ?? (scanners[0] as string)
  const latest = latestScanIds(db)
  const rows = db
    .prepare(
      `SELECT ${TARGET_COLUMNS} FROM finding f JOIN finding_check c ON c.id = f.check_ref JOIN scan s ON s.id = f.scan_id
        WHERE f.scan_id IN (SELECT value FROM json_each(?)) AND c.scanner = ? AND c.check_id = ? AND f.status = 'failed'
          AND (? IS NULL OR f.account = ?)
        ORDER BY f.finding_key`
    )
    .all(JSON.stringify(latest), scanner, input.checkId, input.account ?? null, input.account ?? null) as FindingTargetRow[]
  if (rows.length === 0) {
    throw new ApiError(
      'invalid-input',
      `No finding of the check ${input.checkId} fails in the latest scan of ${input.account ? `account ${input.account}` : 'any account'}: there is nothing to triage`
    )
  }
  // One key may fail in two current scans (two exports of one account): it is one subject.
  const subjects = new Map(rows.map(r => [r.key, { findingKey: r.key, status: r.status, baseScanId: r.scanId, baseAt: r.scanAt }]))
  return { scanner, checkId: input.checkId, findingKey: null, account: input.account ?? null, subjects: [...subjects.values()] }
}
