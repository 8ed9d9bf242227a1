import { addDays, compareDates, earlierOf, type IsoDate } from '../shared/dates'
import { ApiError } from '../shared/errors'
import { formatCount } from '../shared/count-text'
import type { NoticeToStore } from './db/notices'
import { NOTICE_METHODS, noticeMethodEntry, SUBSTITUTE_NOTICE_DAYS, SUBSTITUTE_WIDE_MIN_MISSING } from './notice-methods'
import type { NoticeDone, NoticeValues } from './notice-schema'
import type { PendingObligation } from './obligation-types'

/**
 * How the notices given bear on the obligations (45 CFR 164.404(d), 164.408(b)), and the checks a notice must pass
 * before it is stored. The clock (obligations.ts) calls the first; the handler calls `checkNotice`.
 */

const PEOPLE_KINDS: readonly string[] = ['individuals', 'state-individuals']

const refuse = (field: string, message: string): never => {
  throw new ApiError('invalid-input', `notice.${field}: ${message}`)
}

/** The notice as it will be stored, or a clear refusal naming the field: method against kind, substitute notice against the count lacking contact details. */
export function checkNotice(notice: NoticeValues): NoticeToStore {
  const method = noticeMethodEntry(notice.method)
  if (!method.kinds.includes(notice.kind)) {
    const fitting = NOTICE_METHODS.filter(entry => (entry.kinds as readonly string[]).includes(notice.kind)).map(entry => entry.id)
    refuse('method', `${notice.method} (${method.label}) is not a way to give a ${notice.kind} notice; use one of ${fitting.join(', ')}.`)
  }
  const missing = notice.missingContactCount
  if (missing !== undefined && !PEOPLE_KINDS.includes(notice.kind)) {
    refuse('missingContactCount', 'the count of people without usable contact details belongs to a notice to individuals.')
  }
  if (method.substituteFor === '10-or-more') {
    if (missing === undefined) {
      refuse(
        'missingContactCount',
        `say how many people had missing or out-of-date contact details: substitute notice by website posting or major media is for ${SUBSTITUTE_WIDE_MIN_MISSING} or more (45 CFR 164.404(d)(2)).`
      )
    } else if (missing < SUBSTITUTE_WIDE_MIN_MISSING) {
      refuse(
        'method',
        `substitute notice by website posting or major media is for ${SUBSTITUTE_WIDE_MIN_MISSING} or more people whose contact details are missing or out of date (45 CFR 164.404(d)(2)); ${formatCount(missing)} recorded, so use substitute-other (another written form, telephone or other means).`
      )
    }
  }
  if (method.substituteFor === 'fewer-than-10') {
    if (missing === undefined || missing === 0) {
      refuse('missingContactCount', 'say how many people had missing or out-of-date contact details (1 to 9): substitute notice is for them.')
    } else if (missing >= SUBSTITUTE_WIDE_MIN_MISSING) {
      refuse(
        'method',
        `${formatCount(missing)} people lack usable contact details, ${SUBSTITUTE_WIDE_MIN_MISSING} or more: substitute notice must then be a 90-day website posting (substitute-web) or major print or broadcast media (substitute-media), with a toll-free number (45 CFR 164.404(d)(2)).`
      )
    }
  }
  let postedUntil = notice.postedUntil
  if (method.substituteFor === '10-or-more') {
    const earliestEnd = addDays(notice.doneOn, SUBSTITUTE_NOTICE_DAYS)
    postedUntil ??= earliestEnd
    if (compareDates(postedUntil, earliestEnd) < 0) {
      refuse(
        'postedUntil',
        `a substitute notice stays up for ${SUBSTITUTE_NOTICE_DAYS} days (45 CFR 164.404(d)(2)): sent ${notice.doneOn}, so until ${earliestEnd} at the earliest.`
      )
    }
  } else if (postedUntil !== undefined) {
    refuse('postedUntil', 'only a website or media substitute notice has a posting period.')
  }
  return { ...notice, ...(postedUntil !== undefined ? { postedUntil } : {}) }
}

/** Whether a notice completes the obligation it answers: an urgent call is given in addition to written notice, never instead. */
export const completesObligation = (notice: NoticeDone): boolean => notice.method === undefined || noticeMethodEntry(notice.method).completesAlone

const earliest = (notices: readonly NoticeDone[]): NoticeDone | undefined => [...notices].sort((a, b) => compareDates(a.doneOn, b.doneOn))[0]

/** The notices to individuals under 164.404 that complete it (letters, email, substitute notice, next of kin). */
const individualNotices = (notices: readonly NoticeDone[]) => notices.filter(notice => notice.kind === 'individuals' && completesObligation(notice))

/**
 * 164.408(b): for 500 or more, HHS is told "contemporaneously with" the notice to individuals. Until letters are
 * recorded the 60-day limit (after any law-enforcement delay) stands; once they are, HHS is due the day the first went
 * out, never later than that limit.
 */
function hhsFollowsLetters(hhs: PendingObligation, notices: readonly NoticeDone[]): PendingObligation {
  const letters = earliest(individualNotices(notices))
  if (!letters) {
    return {
      ...hhs,
      basis: `${hhs.basis} 164.408(b) asks for this notice "contemporaneously with" the notice to individuals: once that notice is recorded, this date moves to the day it was sent.`
    }
  }
  const dueOn = earlierOf(letters.doneOn, hhs.dueOn)
  const sentence =
    dueOn === letters.doneOn
      ? `The notice to individuals is recorded as sent on ${letters.doneOn}, so HHS is due the same day (164.408(b): "contemporaneously with" it; the 60-day limit was ${hhs.dueOn}). The app reads "contemporaneously" as the same day; how close is close enough is not defined, so check with counsel.`
      : `The notice to individuals is recorded as sent on ${letters.doneOn}, after the limit of ${hhs.dueOn}, so HHS stays due on that limit.`
  return { ...hhs, dueOn, basis: `${hhs.basis} ${sentence}`, checkWithCounsel: true }
}

function describeSubstitute(notice: NoticeDone): string {
  const entry = noticeMethodEntry(notice.method!)
  return `${entry.label.replace(/^Substitute notice: /, '')} from ${notice.doneOn}${notice.postedUntil ? ` until ${notice.postedUntil}` : ''}`
}

/** What substitute notice the recorded count of people without usable contact details calls for, and whether it is recorded. */
function substituteGuidance(notices: readonly NoticeDone[]): string | undefined {
  const toPeople = notices.filter(notice => notice.kind === 'individuals')
  const missing = Math.max(0, ...toPeople.map(notice => notice.missingContactCount ?? 0))
  if (missing === 0) return undefined
  const wide = missing >= SUBSTITUTE_WIDE_MIN_MISSING
  const given = toPeople.filter(notice => notice.method !== undefined && noticeMethodEntry(notice.method).substituteFor !== undefined)
  const rule = wide
    ? `${formatCount(missing)} people have missing or out-of-date contact details, ${SUBSTITUTE_WIDE_MIN_MISSING} or more: substitute notice is required for them (45 CFR 164.404(d)(2)(ii)), either a conspicuous posting on the home page of your website for ${SUBSTITUTE_NOTICE_DAYS} days or conspicuous notice in major print or broadcast media where they likely live, and either way a toll-free number active for at least ${SUBSTITUTE_NOTICE_DAYS} days where people can learn whether they were affected. A person known to have died needs no substitute notice.`
    : `${formatCount(missing)} ${missing === 1 ? 'person has' : 'people have'} missing or out-of-date contact details, fewer than ${SUBSTITUTE_WIDE_MIN_MISSING}: substitute notice by another written form, telephone or other means is required for them (45 CFR 164.404(d)(2)(i)).`
  const status =
    given.length > 0 ? `Substitute notice recorded: ${given.map(describeSubstitute).join('; ')}.` : 'No substitute notice is recorded yet.'
  return `${rule} ${status}`
}

/** The notice to individuals with what the recorded notices add: substitute notice owed, an urgent call that does not complete it. */
function individualsWithNotices(individuals: PendingObligation, notices: readonly NoticeDone[]): PendingObligation {
  const sentences: string[] = []
  const substitute = substituteGuidance(notices)
  if (substitute) sentences.push(substitute)
  const calls = notices.filter(notice => notice.kind === 'individuals' && notice.method === 'urgent-telephone')
  if (calls.length > 0 && individualNotices(notices).length === 0) {
    sentences.push(
      `An urgent telephone notice is recorded on ${earliest(calls)!.doneOn}; it is given in addition to written notice (45 CFR 164.404(d)(3); check the wording with counsel), so the written notice is still due.`
    )
  }
  return sentences.length === 0 ? individuals : { ...individuals, basis: `${individuals.basis} ${sentences.join(' ')}` }
}

/** A covered entity's federal obligations with the notices given applied: HHS follows the letters, guidance on substitute notice. */
export function withNoticesGiven(federal: readonly PendingObligation[], notices: readonly NoticeDone[]): PendingObligation[] {
  return federal.map(obligation => {
    if (obligation.kind === 'hhs') return hhsFollowsLetters(obligation, notices)
    if (obligation.kind === 'individuals') return individualsWithNotices(obligation, notices)
    return obligation
  })
}

/** The earliest date among notices matching `matches` that complete their obligation. */
export const earliestCompleting = (notices: readonly NoticeDone[], matches: (notice: NoticeDone) => boolean): IsoDate | undefined =>
  earliest(notices.filter(notice => matches(notice) && completesObligation(notice)))?.doneOn
