import { addBusinessDays, addDays, earlierOf, type IsoDate } from '../shared/dates'
import { CHECK_WITH_COUNSEL, weakestCertainty } from '../shared/certainty'
import type { Incident } from './incident-schema'
import { JURISDICTION_NAMES, type JurisdictionCode } from './jurisdictions'
import type { PendingObligation } from './obligation-types'
import type { AfterHhsNotice, StateDeadline, StateLawRow, StateLawTable } from './state-laws'
import { formatCount } from '../shared/count-text'

/** The federal notice to HHS an obligation can count from: told at once (500 or more) or in the annual log. */
export interface HhsNoticeAnchor {
  kind: 'hhs' | 'hhs-annual-log'
  /** Its due date (after any federal delay). */
  dueOn: IsoDate
  /** The day HHS was told, when that notice has been recorded. */
  doneOn?: IsoDate | undefined
}

export interface StateObligationContext {
  incident: Incident
  table: StateLawTable
  /** Due date of the federal notice to individuals (after any federal delay). */
  federalIndividualsDueOn: IsoDate
  hhsNotice: HhsNoticeAnchor
  /** Date residents of a state were actually notified, when a notice has been recorded. */
  residentNoticeDoneOn: (jurisdiction: JurisdictionCode, stateIndividualsId: string) => IsoDate | undefined
  /**
   * A documented low probability of compromise (164.402(2)): no federal notice, so only the duties of states whose law
   * has no risk-of-harm test are kept (marked so), and nothing is counted from a notice to HHS.
   */
  lowProbability?: boolean
}

export const KEPT_NO_HARM_TEST = "Kept: this state's law has no risk-of-harm test"

/** Marks a state duty kept after a low-probability conclusion, with the harm-test research behind it. */
function keptDuty(obligation: PendingObligation, row: StateLawRow): PendingObligation {
  return {
    ...obligation,
    kept: KEPT_NO_HARM_TEST,
    basis: oneLine(
      `${KEPT_NO_HARM_TEST}, so the HIPAA low-probability conclusion does not remove this notice (${row.harmTest.text} Research: ${row.harmTest.certainty}.) ${obligation.basis}`
    ),
    certainty: weakestCertainty(obligation.certainty, row.harmTest.certainty)
  }
}

/**
 * After a low-probability conclusion: whether the row's duties are kept, and if not, the note that says why.
 * Rows with a HIPAA rule count on the federal notice, which is not owed, so they drop out with a note too.
 */
function lowProbabilityNote(row: StateLawRow): string | undefined {
  const stateName = JURISDICTION_NAMES[row.jurisdiction]
  if (row.hipaa) {
    return `${stateName} (${row.hipaa.citation}): the state relies on HIPAA for PHI, and HIPAA requires no notice after a documented low probability of compromise, so no state notice is shown. ${CHECK_WITH_COUNSEL}.`
  }
  if (row.harmTest.exists) {
    return oneLine(
      `${stateName} (${row.statute}): no state notice shown, because the state has its own risk-of-harm test (${row.harmTest.text} Research: ${row.harmTest.certainty}.) The state's test is worded differently from HIPAA's four factors and may need its own written determination. ${CHECK_WITH_COUNSEL}.`
    )
  }
  return undefined
}

/** The words every deemed-compliant state shows in place of its own resident clock. */
export const DEEMED_SUFFICIENT = 'HIPAA compliance deemed sufficient for PHI — no separate clock'
export const HIPAA_EXEMPT = 'HIPAA-regulated entities exempt — no state notice or clock for PHI'

const TRIGGER_WORDS: Record<StateDeadline['trigger'], string> = {
  discovery: 'discovery',
  determination: 'the determination that a breach occurred',
  confirmation: 'confirmation of the breach',
  detection: 'detection',
  'awareness-and-scope': 'becoming aware of the breach and identifying its scope',
  'resident-notice': 'the notice to residents'
}

/** Adds a state's days to a start date in the state's own unit. */
function addStateDays(start: IsoDate, deadline: StateDeadline): IsoDate {
  return deadline.unit === 'business' ? addBusinessDays(start, deadline.days) : addDays(start, deadline.days)
}

/** Plain words on how the app counted, so the user sees the interpretation behind the date. */
function countingExplanation(deadline: StateDeadline, discoveredOn: IsoDate): string {
  const parts: string[] = []
  if (deadline.trigger !== 'discovery' && deadline.trigger !== 'resident-notice') {
    parts.push(
      `The statute counts from ${TRIGGER_WORDS[deadline.trigger]}; the app counts from discovery (${discoveredOn}), which is never later, so this date may be earlier than the law requires.`
    )
  }
  if (deadline.unit === 'business') {
    parts.push(BUSINESS_DAYS_WARNING)
  }
  return parts.join(' ')
}

const BUSINESS_DAYS_WARNING = 'Counted in business days (Monday to Friday); public holidays are not skipped, so the real deadline may be later.'

const stateIndividualsId = (row: StateLawRow): string => `state-individuals:${row.id}`

function hipaaSentence(row: StateLawRow): string {
  return row.hipaaNote ? ` HIPAA interplay: ${row.hipaaNote}` : ''
}

function appliesTo(row: StateLawRow, incident: Incident): boolean {
  return row.scope === 'general' || incident.licensedHealthFacility === true
}

function residentCount(incident: Incident, code: JurisdictionCode): number {
  return incident.affectedByState[code] ?? 0
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

const HHS_NOTICE_WORDS: Record<HhsNoticeAnchor['kind'], string> = {
  hhs: 'the notice to HHS (45 CFR 164.408(b))',
  'hhs-annual-log': 'the annual log of small breaches sent to HHS (45 CFR 164.408(c))'
}

/** A state notice counted from the HHS notice: its recorded date if there is one, else its due date, and the words saying which. */
function afterHhsObligation(row: StateLawRow, rule: AfterHhsNotice, context: StateObligationContext, count: number, id: string): PendingObligation {
  const stateName = JURISDICTION_NAMES[row.jurisdiction]
  const hhs = context.hhsNotice
  const anchor = hhs.doneOn ?? hhs.dueOn
  const dueOn = rule.unit === 'business' ? addBusinessDays(anchor, rule.days) : addDays(anchor, rule.days)
  const span = rule.days === 0 ? 'on the same day as' : `${rule.days} ${rule.unit === 'business' ? 'business' : 'calendar'} days after`
  const counting = hhs.doneOn
    ? `Due ${span} ${HHS_NOTICE_WORDS[hhs.kind]}, recorded on ${hhs.doneOn}.`
    : `Due ${span} ${HHS_NOTICE_WORDS[hhs.kind]}; that notice is not recorded yet, so this is counted from its due date (${hhs.dueOn}) and moves when the date HHS is told is entered.`
  return {
    id,
    kind: 'state-regulator',
    jurisdiction: row.jurisdiction,
    recipient: rule.body,
    dueOn,
    citation: rule.citation,
    basis: oneLine(
      `${formatCount(count)} residents of ${stateName} affected (threshold: ${rule.thresholdText}). ${rule.text} ${counting} ${rule.unit === 'business' ? BUSINESS_DAYS_WARNING : ''} ${CHECK_WITH_COUNSEL}.`
    ),
    certainty: rule.certainty,
    checkWithCounsel: true
  }
}

/** The resident notice of a row with a day count; a row without one becomes a note. */
function residentObligation(row: StateLawRow, incident: Incident, count: number, notes: string[]): PendingObligation | undefined {
  const stateName = JURISDICTION_NAMES[row.jurisdiction]
  const rule = row.individual.deadline
  if (!rule) {
    notes.push(`${stateName} (${row.statute}), notice to residents: ${row.individual.text} ${CHECK_WITH_COUNSEL}.`)
    return undefined
  }
  const discovered = incident.discoveredOn
  return {
    id: stateIndividualsId(row),
    kind: 'state-individuals',
    jurisdiction: row.jurisdiction,
    recipient: `Affected residents of ${stateName}`,
    dueOn: addStateDays(discovered, rule),
    citation: row.statute,
    basis: oneLine(
      `${formatCount(count)} residents of ${stateName} affected. ${row.individual.text} ${countingExplanation(rule, discovered)}${hipaaSentence(row)} ${CHECK_WITH_COUNSEL}.`
    ),
    certainty: row.individual.certainty,
    checkWithCounsel: true
  }
}

/** The regulator notice of a row as written; one without a day count becomes a note. */
function regulatorObligation(
  row: StateLawRow,
  context: StateObligationContext,
  count: number,
  residentsDueOn: IsoDate | undefined,
  notes: string[]
): PendingObligation | undefined {
  const regulator = row.regulator
  if (!regulator || count < regulator.minResidents) return undefined
  const stateName = JURISDICTION_NAMES[row.jurisdiction]
  const regulatorRule = regulator.deadline
  if (!regulatorRule) {
    notes.push(
      `${stateName} (${row.statute}), notice to the ${regulator.body} (${regulator.thresholdText}): ${regulator.text} ${CHECK_WITH_COUNSEL}.`
    )
    return undefined
  }
  const discovered = context.incident.discoveredOn
  const residentsNotifiedOn = context.residentNoticeDoneOn(row.jurisdiction, stateIndividualsId(row))
  let dueOn: IsoDate
  let counting: string
  if (regulatorRule.trigger === 'resident-notice') {
    if (residentsNotifiedOn) {
      dueOn = addStateDays(residentsNotifiedOn, regulatorRule)
      counting = `Counted from the resident notice recorded on ${residentsNotifiedOn}.`
    } else {
      // Unknown until residents are notified: show the residents' own deadline, the earliest date this could safely be planned for.
      dueOn = residentsDueOn ?? context.federalIndividualsDueOn
      counting = `Counted from the day residents are notified; until that notice is recorded, it is shown on the residents' own deadline (${dueOn}) and recomputed once the notice date is entered.`
    }
  } else {
    dueOn = addStateDays(discovered, regulatorRule)
    counting = ''
    if (regulator.notLaterThanResidentNotice && residentsNotifiedOn) {
      dueOn = earlierOf(dueOn, residentsNotifiedOn)
      counting = `Due no later than the resident notice recorded on ${residentsNotifiedOn}.`
    }
  }
  return {
    id: `state-regulator:${row.id}`,
    kind: 'state-regulator',
    jurisdiction: row.jurisdiction,
    recipient: regulator.body,
    dueOn,
    citation: row.statute,
    basis: oneLine(
      `${formatCount(count)} residents of ${stateName} affected (threshold: ${regulator.thresholdText}). ${regulator.text} ${counting} ${countingExplanation(regulatorRule, discovered)}${hipaaSentence(row)} ${CHECK_WITH_COUNSEL}.`
    ),
    certainty: regulator.certainty,
    checkWithCounsel: true
  }
}

/**
 * Covered-entity duties under the state table: resident notices and regulator
 * notices where a state sets a number of days, with a state's HIPAA rule
 * applied (the incident is always PHI of a HIPAA entity). Everything here is
 * labelled "check with counsel": the table is research, and HIPAA exemptions vary.
 */
export function coveredEntityStateObligations(context: StateObligationContext, notes: string[]): PendingObligation[] {
  const { incident, table } = context
  const obligations: PendingObligation[] = []

  for (const row of table.rows) {
    const count = residentCount(incident, row.jurisdiction)
    if (count === 0 || !appliesTo(row, incident)) continue
    if (context.lowProbability) {
      const dropped = lowProbabilityNote(row)
      if (dropped) {
        notes.push(dropped)
        continue
      }
      const residents = residentObligation(row, incident, count, notes)
      const regulator = regulatorObligation(row, context, count, residents?.dueOn, notes)
      for (const duty of [residents, regulator]) if (duty) obligations.push(keptDuty(duty, row))
      continue
    }
    const stateName = JURISDICTION_NAMES[row.jurisdiction]
    const hipaa = row.hipaa

    if (hipaa?.effect === 'exempt') {
      notes.push(`${stateName} (${hipaa.citation}): ${HIPAA_EXEMPT}. ${hipaa.text} ${CHECK_WITH_COUNSEL}.`)
      continue
    }

    let residentsDueOn: IsoDate | undefined
    if (hipaa?.effect === 'deemed-compliant') {
      notes.push(
        oneLine(
          `${stateName} (${hipaa.citation}), notice to residents: ${DEEMED_SUFFICIENT}. ${hipaa.text} Residents are told through the federal notice to individuals, given as HIPAA requires (45 CFR 164.404, due ${context.federalIndividualsDueOn}). Outside HIPAA the state's own rule would be: ${row.individual.text} ${CHECK_WITH_COUNSEL}.`
        )
      )
    } else {
      const residents = residentObligation(row, incident, count, notes)
      if (residents) obligations.push(residents)
      residentsDueOn = residents?.dueOn
    }

    if (hipaa?.regulatorForPhi !== 'replaced') {
      const regulator = regulatorObligation(row, context, count, residentsDueOn, notes)
      if (regulator) obligations.push(regulator)
    }
    const afterHhs = hipaa?.afterHhsNotice
    if (afterHhs && count >= afterHhs.minResidents) {
      // A replacing notice keeps the regulator's id, so a notice recorded against it before still matches.
      const id = hipaa.regulatorForPhi === 'replaced' ? `state-regulator:${row.id}` : `state-regulator:${row.id}:after-hhs`
      obligations.push(afterHhsObligation(row, afterHhs, context, count, id))
    }
  }
  return obligations
}

/**
 * Business-associate (vendor) duties under state law: telling the data owner within a fixed window. After a
 * low-probability conclusion only the rows without a risk-of-harm test are kept, with a note for the others.
 */
export function businessAssociateStateObligations(
  incident: Incident,
  table: StateLawTable,
  options: { lowProbability?: boolean; notes?: string[] } = {}
): PendingObligation[] {
  const obligations: PendingObligation[] = []
  for (const row of table.rows) {
    const vendorRule = row.vendorNotice
    const count = residentCount(incident, row.jurisdiction)
    if (!vendorRule || count === 0 || !appliesTo(row, incident) || row.hipaa?.effect === 'exempt') continue
    const stateName = JURISDICTION_NAMES[row.jurisdiction]
    if (options.lowProbability && row.harmTest.exists) {
      options.notes?.push(
        oneLine(
          `${stateName} (${vendorRule.citation ?? row.statute}): no notice to the covered entity under state law is shown, because the state has a risk-of-harm test (${row.harmTest.text}). Whether that test reaches a vendor's notice to the data owner is not settled here. ${CHECK_WITH_COUNSEL}.`
        )
      )
      continue
    }
    const duty: PendingObligation = {
      id: `covered-entity:${row.id}`,
      kind: 'covered-entity',
      jurisdiction: row.jurisdiction,
      recipient: 'The covered entity (your client), under state law',
      dueOn: addStateDays(incident.discoveredOn, vendorRule.deadline),
      citation: vendorRule.citation ?? row.statute,
      basis: oneLine(
        `${formatCount(count)} residents of ${stateName} affected. ${vendorRule.text} ${countingExplanation(vendorRule.deadline, incident.discoveredOn)}${hipaaSentence(row)} ${CHECK_WITH_COUNSEL}.`
      ),
      certainty: vendorRule.certainty,
      checkWithCounsel: true
    }
    obligations.push(options.lowProbability ? keptDuty(duty, row) : duty)
  }
  return obligations
}
