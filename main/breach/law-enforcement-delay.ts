import { addDays, compareDates, laterOf, type IsoDate } from '../shared/dates'
import type { LawEnforcementDelay } from './incident-schema'

/** 164.412(b): an oral statement holds notice for at most 30 days from the day it was made. */
export const ORAL_DELAY_MAX_DAYS = 30

/** The last day a single statement holds notice back. */
export function delayEndOf(delay: LawEnforcementDelay): IsoDate {
  if (delay.kind === 'written') {
    // The schema requires `until` for a written statement: 164.412(a) holds notice for the period it specifies.
    if (delay.until === undefined) throw new RangeError('a written law-enforcement statement must give the date the delay ends')
    return delay.until
  }
  const oralCap = addDays(delay.statedOn, ORAL_DELAY_MAX_DAYS)
  return delay.until !== undefined && compareDates(delay.until, oralCap) < 0 ? delay.until : oralCap
}

export interface DelayedDeadline {
  dueOn: IsoDate
  /** The statements that actually moved the deadline, in the order applied. */
  applied: LawEnforcementDelay[]
  /** Statements made after the deadline had already passed, which cannot revive it. */
  tooLate: LawEnforcementDelay[]
}

/**
 * Applies 164.412 law-enforcement delays to a federal deadline.
 *
 * How the remaining clock resumes after a delay is not settled by the text we
 * have. We take the conservative reading: the notice is due on the LATER of the
 * original deadline and the day the delay ends. No unused days are added back
 * after the hold ("check with counsel"). A statement only counts if it was made
 * on or before the deadline as it then stood: a missed deadline is not revived.
 */
export function applyLawEnforcementDelays(originalDueOn: IsoDate, delays: readonly LawEnforcementDelay[]): DelayedDeadline {
  const byStatementDate = [...delays].sort((a, b) => compareDates(a.statedOn, b.statedOn))
  let dueOn = originalDueOn
  const applied: LawEnforcementDelay[] = []
  const tooLate: LawEnforcementDelay[] = []
  for (const delay of byStatementDate) {
    if (compareDates(delay.statedOn, dueOn) > 0) {
      tooLate.push(delay)
      continue
    }
    const end = delayEndOf(delay)
    if (compareDates(end, dueOn) > 0) applied.push(delay)
    dueOn = laterOf(dueOn, end)
  }
  return { dueOn, applied, tooLate }
}

export function describeDelay(delay: LawEnforcementDelay): string {
  const who = delay.official ? ` by ${delay.official}` : ''
  if (delay.kind === 'written') return `written law-enforcement statement of ${delay.statedOn}${who}, delaying notice until ${delayEndOf(delay)}`
  return `oral law-enforcement statement of ${delay.statedOn}${who}, delaying notice until ${delayEndOf(delay)} (an oral statement holds notice for at most ${ORAL_DELAY_MAX_DAYS} days unless a written one follows)`
}

export const DELAY_INTERPRETATION =
  'How the clock resumes after a delay is not settled: this app treats the notice as due on the later of the original deadline and the end of the delay, without adding back unused days. Check with counsel.'
