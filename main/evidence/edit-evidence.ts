// Adding, changing and archiving evidence items: the checks every transport shares (the target exists, the dates make
// sense as of today), then one write each.
import { getCurrentPeriod } from '../assessment/db/periods'
import { readPeriods } from '../assessment/reads'
import type { Db } from '../db/driver'
import { ApiError } from '../shared/errors'
import { getWorkspaceProfile } from '../workspace/db/workspace-profile'
import type { EvidenceTargetKind } from './contract'
import { archiveEvidence, getEvidence, updateEvidence, type EvidenceRecord } from './db/evidence-items'
import { PERIOD_TARGET_KINDS } from './evidence-targets'

/** Who adds or archives evidence when the caller does not say: the organisation's contact (the security official), as the documents name them. */
export function defaultAuthor(db: Db, given: string | undefined): string {
  if (given) return given
  const contact = getWorkspaceProfile(db)?.organization.contactName.trim()
  return contact || 'Security Official'
}

/** The effective date cannot be after today; the expiry must follow it (the contract checks that too, for edits that change one date only). */
export function checkDates(dates: { effectiveAsOf: string; expiresOn: string | null }, today: string): void {
  if (dates.effectiveAsOf > today) {
    throw new ApiError(
      'invalid-input',
      `The evidence cannot be effective as of ${dates.effectiveAsOf}, after today (${today}): give the day it shows the state of things.`,
      { field: 'effectiveAsOf' }
    )
  }
  if (dates.expiresOn !== null && dates.expiresOn <= dates.effectiveAsOf) {
    throw new ApiError(
      'invalid-input',
      `The evidence cannot expire (${dates.expiresOn}) on or before the day it is effective as of (${dates.effectiveAsOf}).`,
      { field: 'expiresOn' }
    )
  }
}

/**
 * The period evidence on a target belongs to: answers and decisions the current one (started if the year has turned,
 * so call this inside the write's transaction), null for the other kinds.
 */
export function targetPeriod(db: Db, kind: EvidenceTargetKind, now: string): string | null {
  if (!PERIOD_TARGET_KINDS.includes(kind)) return null
  readPeriods(db, now)
  return getCurrentPeriod(db)?.id ?? null
}

export function requireEvidence(db: Db, id: number): EvidenceRecord {
  const record = getEvidence(db, id)
  if (!record) throw new ApiError('not-found', `There is no evidence item ${id}.`)
  return record
}

export function changeEvidence(
  db: Db,
  id: number,
  changes: { title?: string | undefined; note?: string | undefined; effectiveAsOf?: string | undefined; expiresOn?: string | null | undefined },
  now: string,
  today: string
): void {
  const record = requireEvidence(db, id)
  if (record.archivedAt) throw new ApiError('conflict', `Evidence item ${id} is archived; archived evidence is kept as it was.`)
  const next = {
    title: changes.title ?? record.title,
    note: changes.note ?? record.note,
    effectiveAsOf: changes.effectiveAsOf ?? record.effectiveAsOf,
    expiresOn: changes.expiresOn === undefined ? record.expiresOn : changes.expiresOn
  }
  checkDates(next, today)
  updateEvidence(db, id, next, now)
}

export function archiveEvidenceItem(db: Db, id: number, values: { by: string; reason: string | null }, now: string): void {
  const record = requireEvidence(db, id)
  if (record.archivedAt) throw new ApiError('conflict', `Evidence item ${id} was already archived on ${record.archivedAt.slice(0, 10)}.`)
  archiveEvidence(db, id, values, now)
}
