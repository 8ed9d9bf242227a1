import { addBusinessDays, addDays, compareDates, lastDayOfYear, yearOf, type IsoDate } from '../shared/dates'
import type { BaaReportingWindow, BaaWindowUnit, Incident, LawEnforcementDelay } from './incident-schema'
import { JURISDICTION_NAMES, type JurisdictionCode } from './jurisdictions'
import { applyLawEnforcementDelays, describeDelay, DELAY_INTERPRETATION } from './law-enforcement-delay'
import type { PendingObligation } from './obligation-types'
import { formatCount } from '../shared/count-text'

/** 164.404(b), 164.406(b), 164.410(b): notice no later than 60 calendar days after discovery. */
export const FEDERAL_NOTICE_DAYS = 60
/** 164.408(b): HHS is told at once when 500 OR MORE individuals are affected in total. */
export const HHS_IMMEDIATE_MIN_TOTAL = 500
/** 164.406(a): media notice when MORE THAN 500 residents of one state or jurisdiction are affected. */
export const MEDIA_MIN_RESIDENTS_PER_STATE = 501
/** 164.408(c): the small-breach log is due 60 days after the end of the calendar year of discovery. */
export const ANNUAL_LOG_DAYS_AFTER_YEAR_END = 60

export const totalAffected = (incident: Incident): number =>
  Object.values(incident.affectedByState).reduce<number>((sum, count) => sum + (count ?? 0), 0)

export function delaysOf(incident: Incident): LawEnforcementDelay[] {
  const delay = incident.lawEnforcementDelay
  if (delay === undefined) return []
  return Array.isArray(delay) ? delay : [delay]
}

/** The annual-log deadline for breaches discovered in `year`: 1 March, or 29 February in a leap year. */
export const annualLogDueOn = (year: number): IsoDate => addDays(lastDayOfYear(year), ANNUAL_LOG_DAYS_AFTER_YEAR_END)

const WITHOUT_UNREASONABLE_DELAY = 'The rule asks for notice without unreasonable delay: day 60 is the outer limit, not a target.'

/** Moves a federal deadline for 164.412 delays and explains the move in its basis. */
function withDelays(obligation: PendingObligation, delays: readonly LawEnforcementDelay[]): PendingObligation {
  if (delays.length === 0) return obligation
  const delayed = applyLawEnforcementDelays(obligation.dueOn, delays)
  const sentences: string[] = []
  if (delayed.applied.length > 0) {
    sentences.push(
      `Held under 45 CFR 164.412 by the ${delayed.applied.map(describeDelay).join('; then the ')}.`,
      `Originally due ${obligation.dueOn}.`,
      DELAY_INTERPRETATION
    )
  }
  for (const late of delayed.tooLate) {
    sentences.push(`The ${describeDelay(late)} came after this deadline had passed, so it does not move it.`)
  }
  const moved = delayed.applied.length > 0
  if (sentences.length === 0) {
    sentences.push('The law-enforcement delay ends before this deadline, so it does not move it (45 CFR 164.412).')
  }
  return {
    ...obligation,
    dueOn: delayed.dueOn,
    ...(moved ? { originalDueOn: obligation.dueOn } : {}),
    basis: `${obligation.basis} ${sentences.join(' ')}`,
    // A moved (or refused) deadline rests on the unsettled resumption rule.
    checkWithCounsel: obligation.checkWithCounsel || moved || delayed.tooLate.length > 0
  }
}

/** Federal duties of a covered entity: individuals, HHS (now or in the annual log), media per state. */
export function coveredEntityFederalObligations(incident: Incident): PendingObligation[] {
  const discovered = incident.discoveredOn
  const sixtyDays = addDays(discovered, FEDERAL_NOTICE_DAYS)
  const total = totalAffected(incident)
  const obligations: PendingObligation[] = []

  obligations.push({
    id: 'individuals',
    kind: 'individuals',
    recipient: 'Each affected individual',
    dueOn: sixtyDays,
    citation: '45 CFR 164.404(b)',
    basis: `No later than 60 calendar days after discovery on ${discovered} (weekends and holidays count). ${WITHOUT_UNREASONABLE_DELAY}`,
    certainty: 'confirmed',
    checkWithCounsel: false
  })

  if (total >= HHS_IMMEDIATE_MIN_TOTAL) {
    obligations.push({
      id: 'hhs',
      kind: 'hhs',
      recipient: 'Secretary of HHS (breach portal)',
      dueOn: sixtyDays,
      citation: '45 CFR 164.408(b)',
      basis: `${formatCount(total)} individuals affected in total, which is 500 or more: tell HHS at the same time as the individuals, so by the same 60-day limit after discovery on ${discovered}.`,
      certainty: 'confirmed',
      checkWithCounsel: false
    })
  } else {
    const year = yearOf(discovered)
    obligations.push({
      id: 'hhs-annual-log',
      kind: 'hhs-annual-log',
      recipient: 'Secretary of HHS (annual log of small breaches)',
      dueOn: annualLogDueOn(year),
      citation: '45 CFR 164.408(c)',
      basis: `${formatCount(total)} individuals affected in total, fewer than 500: record it in the breach log and submit the log no later than 60 days after the end of ${year}, the calendar year of discovery.`,
      certainty: 'confirmed',
      checkWithCounsel: false
    })
  }

  for (const [code, count] of Object.entries(incident.affectedByState) as [JurisdictionCode, number][]) {
    if (count < MEDIA_MIN_RESIDENTS_PER_STATE) continue
    obligations.push({
      id: `media:${code}`,
      kind: 'media',
      jurisdiction: code,
      recipient: `Prominent media outlets serving ${JURISDICTION_NAMES[code]}`,
      dueOn: sixtyDays,
      citation: '45 CFR 164.406',
      basis: `${formatCount(count)} residents of ${JURISDICTION_NAMES[code]} affected, more than 500 in that one jurisdiction (checked state by state): notify prominent media there within 60 calendar days after discovery on ${discovered}.`,
      certainty: 'confirmed',
      checkWithCounsel: false
    })
  }

  const delays = delaysOf(incident)
  return obligations.map(obligation => withDelays(obligation, delays))
}

const WINDOW_UNIT_WORDS: Record<BaaWindowUnit, string> = { 'calendar-days': 'calendar days', 'business-days': 'business days', hours: 'hours' }

/** The last day of a contract window counted from discovery, and how it was counted. */
export function baaWindowEnd(discovered: IsoDate, window: BaaReportingWindow): { dueOn: IsoDate; counting: string } {
  const words = `${window.amount} ${WINDOW_UNIT_WORDS[window.unit]}`
  if (window.unit === 'business-days') {
    return { dueOn: addBusinessDays(discovered, window.amount), counting: `${words} after discovery on ${discovered} (${BAA_BUSINESS_DAYS})` }
  }
  if (window.unit === 'hours') {
    // Only the day of discovery is recorded, not the hour: a window of whole days ends on a known day (at the hour of
    // discovery); any other ends on one of two days, and the earlier is shown.
    const dueOn = addDays(discovered, Math.floor(window.amount / 24))
    const when =
      window.amount % 24 === 0
        ? `it ends on ${dueOn} at the hour you discovered it`
        : `it ends on ${dueOn} or the day after, depending on the hour of discovery (not recorded), so the earlier day is shown`
    return { dueOn, counting: `within ${words} of discovery on ${discovered}: ${when}` }
  }
  return { dueOn: addDays(discovered, window.amount), counting: `${words} after discovery on ${discovered}` }
}

const BAA_BUSINESS_DAYS = 'Monday to Friday; public holidays are not skipped, so check the agreement for how it counts them'

/** A business associate's federal duty: tell the covered entity, within 60 days or the BAA's shorter window. */
export function businessAssociateFederalObligations(incident: Incident): PendingObligation[] {
  const discovered = incident.discoveredOn
  const sixtyDays = addDays(discovered, FEDERAL_NOTICE_DAYS)
  const window = incident.baaReportingWindow
  const contract = window ? baaWindowEnd(discovered, window) : undefined
  const contractIsShorter = contract !== undefined && compareDates(contract.dueOn, sixtyDays) < 0
  const include = "Include each affected individual's identity and what the covered entity needs for its own notices (164.410(c))."
  const basis = contractIsShorter
    ? `The business associate agreement's window ends before the rule's 60 days, so the contract governs: ${contract.counting}. ${include}`
    : `No later than 60 calendar days after discovery on ${discovered}. ${WITHOUT_UNREASONABLE_DELAY} ${include}${
        window !== undefined
          ? ` The agreement's window (${window.amount} ${WINDOW_UNIT_WORDS[window.unit]}) does not end sooner, so the rule's limit applies.`
          : ''
      }`
  const obligation: PendingObligation = {
    id: 'covered-entity',
    kind: 'covered-entity',
    recipient: 'The covered entity (your client)',
    dueOn: contractIsShorter ? contract.dueOn : sixtyDays,
    citation: contractIsShorter ? '45 CFR 164.410(b); business associate agreement' : '45 CFR 164.410(b)',
    basis,
    certainty: 'confirmed',
    checkWithCounsel: false
  }
  return [withDelays(obligation, delaysOf(incident))]
}
