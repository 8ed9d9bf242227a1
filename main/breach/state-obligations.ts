import { addBusinessDays, addDays, earlierOf, type IsoDate } from '../shared/dates'
import { CHECK_WITH_COUNSEL } from '../shared/certainty'
import type { Incident } from './incident-schema'
import { JURISDICTION_NAMES, type JurisdictionCode } from './jurisdictions'
import type { PendingObligation } from './obligation-types'
import type { StateDeadline, StateLawRow, StateLawTable } from './state-laws'
import { formatCount } from '../shared/count-text'

export interface StateObligationContext {
  incident: Incident
  table: StateLawTable
  /** Due date of the federal notice to individuals (after any federal delay). */
  federalIndividualsDueOn: IsoDate
  /** Date residents of a state were actually notified, when a notice has been recorded. */
  residentNoticeDoneOn: (jurisdiction: JurisdictionCode, stateIndividualsId: string) => IsoDate | undefined
}

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
    parts.push(`Counted in business days (Monday to Friday); public holidays are not skipped, so the real deadline may be later.`)
  }
  return parts.join(' ')
}

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

/**
 * Covered-entity duties under the state table: resident notices and regulator
 * notices where a state sets a number of days. Everything here is labelled
 * "check with counsel": the table is research, and HIPAA exemptions vary.
 */
export function coveredEntityStateObligations(context: StateObligationContext, notes: string[]): PendingObligation[] {
  const { incident, table } = context
  const obligations: PendingObligation[] = []
  const discovered = incident.discoveredOn

  for (const row of table.rows) {
    const count = residentCount(incident, row.jurisdiction)
    if (count === 0 || !appliesTo(row, incident)) continue
    const stateName = JURISDICTION_NAMES[row.jurisdiction]

    let residentsDueOn: IsoDate | undefined
    const individualRule = row.individual.deadline
    if (individualRule) {
      residentsDueOn = addStateDays(discovered, individualRule)
      obligations.push({
        id: stateIndividualsId(row),
        kind: 'state-individuals',
        jurisdiction: row.jurisdiction,
        recipient: `Affected residents of ${stateName}`,
        dueOn: residentsDueOn,
        citation: row.statute,
        basis:
          `${formatCount(count)} residents of ${stateName} affected. ${row.individual.text} ${countingExplanation(individualRule, discovered)}${hipaaSentence(row)} ${CHECK_WITH_COUNSEL}.`
            .replace(/\s+/g, ' ')
            .trim(),
        certainty: row.individual.certainty,
        checkWithCounsel: true
      })
    } else {
      notes.push(`${stateName} (${row.statute}), notice to residents: ${row.individual.text} ${CHECK_WITH_COUNSEL}.`)
    }

    const regulator = row.regulator
    if (!regulator || count < regulator.minResidents) continue
    const regulatorRule = regulator.deadline
    if (!regulatorRule) {
      notes.push(
        `${stateName} (${row.statute}), notice to the ${regulator.body} (${regulator.thresholdText}): ${regulator.text} ${CHECK_WITH_COUNSEL}.`
      )
      continue
    }

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
    obligations.push({
      id: `state-regulator:${row.id}`,
      kind: 'state-regulator',
      jurisdiction: row.jurisdiction,
      recipient: regulator.body,
      dueOn,
      citation: row.statute,
      basis:
        `${formatCount(count)} residents of ${stateName} affected (threshold: ${regulator.thresholdText}). ${regulator.text} ${counting} ${countingExplanation(regulatorRule, discovered)}${hipaaSentence(row)} ${CHECK_WITH_COUNSEL}.`
          .replace(/\s+/g, ' ')
          .trim(),
      certainty: regulator.certainty,
      checkWithCounsel: true
    })
  }
  return obligations
}

/** Business-associate (vendor) duties under state law: telling the data owner within a fixed window. */
export function businessAssociateStateObligations(incident: Incident, table: StateLawTable): PendingObligation[] {
  const obligations: PendingObligation[] = []
  for (const row of table.rows) {
    const vendorRule = row.vendorNotice
    const count = residentCount(incident, row.jurisdiction)
    if (!vendorRule || count === 0 || !appliesTo(row, incident)) continue
    const stateName = JURISDICTION_NAMES[row.jurisdiction]
    obligations.push({
      id: `covered-entity:${row.id}`,
      kind: 'covered-entity',
      jurisdiction: row.jurisdiction,
      recipient: 'The covered entity (your client), under state law',
      dueOn: addStateDays(incident.discoveredOn, vendorRule.deadline),
      citation: row.statute,
      basis:
        `${formatCount(count)} residents of ${stateName} affected. ${vendorRule.text} ${countingExplanation(vendorRule.deadline, incident.discoveredOn)} ${CHECK_WITH_COUNSEL}.`
          .replace(/\s+/g, ' ')
          .trim(),
      certainty: vendorRule.certainty,
      checkWithCounsel: true
    })
  }
  return obligations
}
