// The annual cycle: one current period that can change, earlier ones read-only.
import { ApiError } from '../shared/errors'
import type { Db } from '../db/driver'
import type { PeriodView } from './contract'
import { copyAnswersToConfirm } from './db/answers'
import { recordChange } from './db/audit'
import { copyServices } from './db/cloud-services'
import { copyDecisions } from './db/decisions'
import { closePeriod, getCurrentPeriod, getPeriod, insertCurrentPeriod, listPeriods } from './db/periods'
import { copyProfile } from './db/profile'
import { copyRisks } from './db/risks'

/** The calendar date of an ISO timestamp, read in UTC so every machine agrees. */
export function calendarDateOf(isoTimestamp: string): string {
  return isoTimestamp.slice(0, 10)
}

/** The current period, created on first use and named after the year (e.g. '2026'). */
export function ensureCurrentPeriod(db: Db, now: string): PeriodView {
  const current = getCurrentPeriod(db)
  if (current) return current
  const id = calendarDateOf(now).slice(0, 4)
  db.transaction(() => {
    insertCurrentPeriod(db, { id, startedOn: calendarDateOf(now), copiedFrom: null, now })
    recordChange(db, { periodId: id, at: now, subject: `period:${id}`, field: 'status', oldValue: null, newValue: 'current' })
  })()
  return getCurrentPeriod(db)!
}

/** The period to read: the one asked for, or the current one. */
export function periodToRead(db: Db, now: string, periodId: string | undefined): PeriodView {
  if (periodId === undefined) return ensureCurrentPeriod(db, now)
  const period = getPeriod(db, periodId)
  if (!period) {
    const known = listPeriods(db).map(p => p.id)
    throw new ApiError('not-found', `There is no assessment period "${periodId}". Periods: ${known.join(', ') || 'none yet'}.`)
  }
  return period
}

/** Changes always go to the current period; closed periods are read-only. */
export function periodToWrite(db: Db, now: string): PeriodView {
  return ensureCurrentPeriod(db, now)
}

/** The id after '2026' is '2027'; other names need the next id given. */
export function nextPeriodId(currentId: string): string | undefined {
  return /^\d{4}$/.test(currentId) ? String(Number(currentId) + 1) : undefined
}

/**
 * Closes the current period and opens the next. Answers are copied marked
 * 'to confirm'; profile, decisions, risk ratings and the service inventory
 * are carried over as they were. Sign-offs are not: each year is signed anew.
 */
export function startNextPeriod(db: Db, now: string, requestedId: string | undefined): PeriodView {
  const current = ensureCurrentPeriod(db, now)
  const id = requestedId ?? nextPeriodId(current.id)
  if (!id) {
    throw new ApiError('invalid-input', `Name the next period: "${current.id}" is not a year, so the next name cannot be guessed.`)
  }
  if (getPeriod(db, id)) throw new ApiError('already-exists', `There is already an assessment period "${id}".`)
  const today = calendarDateOf(now)
  db.transaction(() => {
    closePeriod(db, current.id, today)
    insertCurrentPeriod(db, { id, startedOn: today, copiedFrom: current.id, now })
    copyProfile(db, current.id, id, now)
    const copied = copyAnswersToConfirm(db, current.id, id, now)
    copyDecisions(db, current.id, id, now)
    copyRisks(db, current.id, id, now)
    copyServices(db, current.id, id, now)
    recordChange(db, { periodId: current.id, at: now, subject: `period:${current.id}`, field: 'status', oldValue: 'current', newValue: 'closed' })
    recordChange(db, { periodId: id, at: now, subject: `period:${id}`, field: 'status', oldValue: null, newValue: 'current' })
    recordChange(db, {
      periodId: id,
      at: now,
      subject: `period:${id}`,
      field: 'copiedAnswers',
      oldValue: null,
      newValue: `${copied} from ${current.id}`
    })
  })()
  return getPeriod(db, id)!
}
