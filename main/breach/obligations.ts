import { compareDates, type IsoDate } from '../shared/dates'
import { incidentSchema, obligationKindSchema, type Incident } from './incident-schema'
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
  'The documented four-factor risk assessment of 45 CFR 164.402(2) concluded there is a low probability that the PHI was compromised, so the incident is not a breach and no notice is required. Keep the assessment: 164.414(b) puts the burden of proof on you. State laws use their own harm tests; check with counsel.'

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

/**
 * The breach clock: every notice an incident requires under the HIPAA Breach
 * Notification Rule (45 CFR 164.400–414) and the state table, with due dates,
 * citations and statuses as of a date.
 */
export function computeBreachObligations(incident: Incident, options: ComputeOptions): BreachAssessment {
  const notices = options.noticesDone ?? []
  const table = options.stateLaws ?? loadStateLawTable()
  const total = totalAffected(incident)
  const notes: string[] = []

  if (!incident.unsecuredPhi) {
    return { notificationRequired: false, reason: SECURED_PHI_REASON, totalAffected: total, obligations: [], notes }
  }
  if (incident.riskAssessment?.conclusion === 'low-probability-of-compromise') {
    return { notificationRequired: false, reason: LOW_PROBABILITY_REASON, totalAffected: total, obligations: [], notes }
  }

  let pending: PendingObligation[]
  let reason: string
  if (incident.role === 'business-associate') {
    reason = `A breach of unsecured PHI discovered on ${incident.discoveredOn} by a business associate: it must tell the covered entity (164.410), which then gives the other notices.`
    pending = [...businessAssociateFederalObligations(incident), ...businessAssociateStateObligations(incident, table)]
    notes.push(
      'As a business associate you do not notify individuals, HHS or the media yourself unless your agreement hands you that job; the covered entity does, using what you report.'
    )
  } else {
    reason = `A breach of unsecured PHI discovered on ${incident.discoveredOn} affecting ${formatCount(total)} individuals: the notices below are required (45 CFR 164.404–164.408).`
    const federal = withNoticesGiven(coveredEntityFederalObligations(incident), notices)
    const federalIndividuals = federal.find(obligation => obligation.kind === 'individuals')
    if (!federalIndividuals) throw new Error('internal: the notice to individuals is always computed for a covered entity')
    const hhs = federal.find(obligation => obligation.kind === 'hhs' || obligation.kind === 'hhs-annual-log')
    if (!hhs || (hhs.kind !== 'hhs' && hhs.kind !== 'hhs-annual-log'))
      throw new Error('internal: the HHS notice is always computed for a covered entity')
    const state = coveredEntityStateObligations(
      {
        incident,
        table,
        federalIndividualsDueOn: federalIndividuals.dueOn,
        hhsNotice: { kind: hhs.kind, dueOn: hhs.dueOn, doneOn: noticeFor(hhs, notices)?.doneOn },
        // The state's own resident notice if recorded, else the federal notice to individuals (the same letter usually serves both).
        residentNoticeDoneOn: (jurisdiction, stateIndividualsId) =>
          earliestCompleting(notices, n => n.obligationId === stateIndividualsId) ??
          earliestCompleting(notices, n => n.obligationId === undefined && n.kind === 'state-individuals' && n.jurisdiction === jurisdiction) ??
          earliestCompleting(notices, n => n.kind === 'individuals')
      },
      notes
    )
    pending = [...federal, ...state]
    if (state.length > 0 || notes.length > 0) {
      notes.push(`State laws: ${table.disclaimer}`)
    }
  }
  if (delaysOf(incident).length > 0) {
    notes.push(
      'The law-enforcement delay is applied to the federal notices (45 CFR 164.412), and so to state notices counted from the notice to HHS. State laws have their own delay provisions; check with counsel before relying on it for a state deadline.'
    )
  }

  return {
    notificationRequired: true,
    reason,
    totalAffected: total,
    obligations: pending.map(obligation => withStatus(obligation, options.asOf, notices)).sort(byDueDateThenKind),
    notes
  }
}
