import { compareDates, type IsoDate } from '../shared/dates'
import { earliestDiscovery, incidentSchema, obligationKindSchema, type Incident } from './incident-schema'
import { BREACH_EXCEPTION_RULES, missingAssessmentParts, type IncidentAssessment } from './assessment-outcome'
import type { NoticeDone } from './notice-schema'
import { completesObligation, earliestCompleting, withNoticesGiven } from './notice-rules'
import type { JurisdictionCode } from './jurisdictions'
import { businessAssociateFederalObligations, coveredEntityFederalObligations, delaysOf, totalAffected } from './federal-obligations'
import type { BreachAssessment, BreachObligation, ObligationStatus, PendingObligation } from './obligation-types'
import { businessAssociateStateObligations, coveredEntityStateObligations } from './state-obligations'
import { loadStateLawTable, type StateLawTable } from './state-laws'
import { formatCount } from '../shared/count-text'

export interface ComputeOptions {
  /** The day the statuses are judged on (due / overdue). */
  asOf: IsoDate
  noticesDone?: readonly NoticeDone[]
  /** Defaults to the shipped templates/breach/state-laws.json. */
  stateLaws?: StateLawTable
}

/** Reads an incident from untrusted data; the error names every bad field. */
export function parseIncident(data: unknown, where = 'incident'): Incident {
  const result = incidentSchema.safeParse(data)
  if (!result.success) {
    const problems = result.error.issues.map(issue => `${[where, ...issue.path].join('.')}: ${issue.message}`)
    throw new RangeError(problems.join('\n'))
  }
  return result.data
}

const SECURED_PHI_REASON =
  'The PHI was secured: encrypted as HHS guidance describes (with the key not compromised) or destroyed, so it was not "unsecured PHI" under 45 CFR 164.402 and the notices of 164.404–164.410 are not required. Keep the documentation that shows it (164.414(b); 164.530(j)). State laws have their own encryption safe harbours; check with counsel.'

const LOW_PROBABILITY_REASON =
  'The documented four-factor risk assessment of 45 CFR 164.402(2) concluded there is a low probability that the PHI was compromised, so the incident is not a breach under HIPAA and no federal notice is required. Keep the assessment: 164.414(b) puts the burden of proof on you.'

const KIND_ORDER = obligationKindSchema.options

function sameJurisdiction(a: JurisdictionCode | undefined, b: JurisdictionCode | undefined): boolean {
  return a === b
}

/** The earliest recorded notice that fulfils an obligation (an urgent call alone does not). */
function noticeFor(obligation: PendingObligation, notices: readonly NoticeDone[]): NoticeDone | undefined {
  const matches = notices.filter(
    notice =>
      completesObligation(notice) &&
      (notice.obligationId !== undefined
        ? notice.obligationId === obligation.id
        : notice.kind === obligation.kind && sameJurisdiction(notice.jurisdiction, obligation.jurisdiction))
  )
  return matches.sort((a, b) => compareDates(a.doneOn, b.doneOn))[0]
}

function statusOf(dueOn: IsoDate, asOf: IsoDate, doneOn: IsoDate | undefined): ObligationStatus {
  if (doneOn !== undefined) return compareDates(doneOn, dueOn) <= 0 ? 'done' : 'done-late'
  return compareDates(asOf, dueOn) > 0 ? 'overdue' : 'due'
}

function withStatus(obligation: PendingObligation, asOf: IsoDate, notices: readonly NoticeDone[]): BreachObligation {
  const notice = noticeFor(obligation, notices)
  return {
    ...obligation,
    status: statusOf(obligation.dueOn, asOf, notice?.doneOn),
    ...(notice ? { doneOn: notice.doneOn } : {}),
    ...(notice?.method ? { method: notice.method } : {})
  }
}

function byDueDateThenKind(a: BreachObligation, b: BreachObligation): number {
  return (
    compareDates(a.dueOn, b.dueOn) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    (a.jurisdiction ?? '').localeCompare(b.jurisdiction ?? '') ||
    a.id.localeCompare(b.id)
  )
}

/** When the covered entity's clock starts, and the sentence saying why when a business associate reported it. */
function clockStart(incident: Incident): { on: IsoDate; sentence: string } {
  const told = incident.discoveredOn
  const baOn = incident.baDiscoveredOn
  if (incident.role !== 'covered-entity' || baOn === undefined) return { on: told, sentence: '' }
  if (incident.baIsAgent) {
    return {
      on: baOn,
      sentence: `The clock starts on ${baOn}, the day your business associate discovered the breach: it acted as your agent, so its knowledge counts as yours (45 CFR 164.404(a)(2)); you learned of it on ${told}. Whether it was your agent is a question of the federal common law of agency; check with counsel.`
    }
  }
  return {
    on: told,
    sentence: `Your business associate discovered the breach on ${baOn} and told you on ${told}; it was not acting as your agent, so your clock starts on ${told}, when you learned of it (45 CFR 164.404(a)(2)). Its own 60 days ran from ${baOn} (164.410(b)).`
  }
}

const STATE_KINDS = new Set(['state-individuals', 'state-regulator'])
const STATE_DISCOVERY_SENTENCE =
  "State laws define discovery their own way; this is counted from your business associate's discovery, which is never later. Check with counsel."

function withClockStart(obligation: PendingObligation, start: { on: IsoDate; sentence: string }, agent: boolean): PendingObligation {
  if (start.sentence === '') return obligation
  const stateSentence = agent && STATE_KINDS.has(obligation.kind) ? ` ${STATE_DISCOVERY_SENTENCE}` : ''
  return { ...obligation, basis: `${obligation.basis} ${start.sentence}${stateSentence}`, checkWithCounsel: obligation.checkWithCounsel || agent }
}

function exceptionReason(assessment: IncidentAssessment): string {
  const rule = assessment.exception ? BREACH_EXCEPTION_RULES[assessment.exception] : undefined
  const which = rule
    ? `the exception of ${rule.citation} applies (${rule.label.charAt(0).toLowerCase()}${rule.label.slice(1)})`
    : 'an exception of 164.402(1) applies'
  const why = assessment.reason?.trim() ? ` Reason recorded: ${assessment.reason.trim()}` : ' No reason is recorded yet: record it.'
  return `Not a breach: ${which}, so the notices of 164.404–164.410 are not required.${why} Keep this documentation: 164.414(b) puts the burden of proof on you. State laws have their own exceptions; check with counsel.`
}

function securedReason(assessment: IncidentAssessment): string {
  const why = assessment.reason?.trim()
    ? ` Reason recorded: ${assessment.reason.trim()}`
    : ' No reason is recorded yet: record how the PHI was secured.'
  return `${SECURED_PHI_REASON}${why}`
}

/**
 * The breach clock: every notice an incident requires under the HIPAA Breach
 * Notification Rule (45 CFR 164.400–414) and the state table, with due dates,
 * citations and statuses as of a date. The recorded outcome decides: an exception
 * or secured PHI needs no notice; a low probability of compromise needs no federal
 * notice but keeps the duties of states with no risk-of-harm test.
 */
export function computeBreachObligations(incident: Incident, options: ComputeOptions): BreachAssessment {
  const notices = options.noticesDone ?? []
  const table = options.stateLaws ?? loadStateLawTable()
  const total = totalAffected(incident)
  const notes: string[] = []
  const { assessment } = incident
  const outcome = assessment.outcome

  if (outcome === 'exception') {
    return { outcome, notificationRequired: false, reason: exceptionReason(assessment), totalAffected: total, obligations: [], notes }
  }
  if (outcome === 'secured') {
    return { outcome, notificationRequired: false, reason: securedReason(assessment), totalAffected: total, obligations: [], notes }
  }
  const start = clockStart(incident)
  const clockIncident: Incident = { ...incident, discoveredOn: start.on }
  const missing = outcome === 'low-probability' ? missingAssessmentParts(assessment, earliestDiscovery(incident)) : []
  const lowProbability = outcome === 'low-probability' && missing.length === 0

  let pending: PendingObligation[]
  let reason: string
  if (incident.role === 'business-associate') {
    if (lowProbability) {
      reason = LOW_PROBABILITY_REASON
      pending = businessAssociateStateObligations(clockIncident, table, { lowProbability, notes })
    } else {
      reason = `A breach of unsecured PHI discovered on ${incident.discoveredOn} by a business associate: it must tell the covered entity (164.410), which then gives the other notices.`
      pending = [...businessAssociateFederalObligations(clockIncident), ...businessAssociateStateObligations(clockIncident, table)]
      notes.push(
        'As a business associate you do not notify individuals, HHS or the media yourself unless your agreement hands you that job; the covered entity does, using what you report.'
      )
    }
  } else {
    reason = lowProbability
      ? LOW_PROBABILITY_REASON
      : `A breach of unsecured PHI discovered on ${start.on} affecting ${formatCount(total)} individuals: the notices below are required (45 CFR 164.404–164.408).`
    const federal = withNoticesGiven(coveredEntityFederalObligations(clockIncident), notices)
    const federalIndividuals = federal.find(obligation => obligation.kind === 'individuals')
    if (!federalIndividuals) throw new Error('internal: the notice to individuals is always computed for a covered entity')
    const hhs = federal.find(obligation => obligation.kind === 'hhs' || obligation.kind === 'hhs-annual-log')
    if (!hhs || (hhs.kind !== 'hhs' && hhs.kind !== 'hhs-annual-log'))
      throw new Error('internal: the HHS notice is always computed for a covered entity')
    const state = coveredEntityStateObligations(
      {
        incident: clockIncident,
        table,
        federalIndividualsDueOn: federalIndividuals.dueOn,
        hhsNotice: { kind: hhs.kind, dueOn: hhs.dueOn, doneOn: noticeFor(hhs, notices)?.doneOn },
        // The state's own resident notice if recorded, else the federal notice to individuals (the same letter usually serves both).
        residentNoticeDoneOn: (jurisdiction, stateIndividualsId) =>
          earliestCompleting(notices, n => n.obligationId === stateIndividualsId) ??
          earliestCompleting(notices, n => n.obligationId === undefined && n.kind === 'state-individuals' && n.jurisdiction === jurisdiction) ??
          earliestCompleting(notices, n => n.kind === 'individuals'),
        lowProbability
      },
      notes
    )
    pending = lowProbability ? state : [...federal, ...state]
    if (state.length > 0 || notes.length > 0) {
      notes.push(`State laws: ${table.disclaimer}`)
    }
  }
  if (lowProbability) {
    reason +=
      pending.length > 0
        ? " The state notices below are kept: those states' laws have no risk-of-harm test, so a HIPAA low-probability conclusion does not remove them. Check with counsel."
        : ' State laws use their own harm tests; check with counsel.'
  }
  if (missing.length > 0) {
    reason = `The low-probability conclusion recorded for this incident lacks ${missing.join(', ')}. Until the four-factor assessment of 45 CFR 164.402(2) is complete, the incident is presumed to be a breach, so these notices are shown: ${reason}`
  }
  if (delaysOf(incident).length > 0 && pending.length > 0) {
    notes.push(
      'The law-enforcement delay is applied to the federal notices (45 CFR 164.412), and so to state notices counted from the notice to HHS. State laws have their own delay provisions; check with counsel before relying on it for a state deadline.'
    )
  }

  return {
    outcome,
    notificationRequired: pending.length > 0,
    reason,
    totalAffected: total,
    obligations: pending
      .map(obligation => withClockStart(obligation, start, incident.baIsAgent === true))
      .map(obligation => withStatus(obligation, options.asOf, notices))
      .sort(byDueDateThenKind),
    notes
  }
}
