import { ApiError } from '../shared/errors'
import { getBusinessAssociate } from '../baas/db/business-associates'
import type { Db } from '../db/driver'
import type { IncidentDetail, IncidentNotice, IncidentRecord, IncidentSummary } from './contract'
import { getIncident } from './db/incidents'
import { listNotices } from './db/notices'
import type { Incident } from './incident-schema'
import type { NoticeDone } from './notice-schema'
import { computeBreachObligations } from './obligations'
import type { BreachAssessment } from './obligation-types'

/**
 * The stored incident in the form the breach clock reads. When a business
 * associate's incident names the client it serves and sets no window of its
 * own, the window recorded on that client's agreement (in calendar days) applies.
 */
export function toClockInput(record: IncidentRecord, linkedReportingDays: number | null = null): Incident {
  const window =
    record.baaReportingWindow ??
    (record.role === 'business-associate' && linkedReportingDays !== null ? { amount: linkedReportingDays, unit: 'calendar-days' as const } : null)
  return {
    title: record.title,
    discoveredOn: record.discoveredOn,
    ...(record.breachOn !== null ? { breachOn: record.breachOn } : {}),
    role: record.role,
    assessment: record.assessment,
    affectedByState: record.affectedByState,
    ...(record.lawEnforcementDelays.length > 0 ? { lawEnforcementDelay: record.lawEnforcementDelays } : {}),
    ...(record.baDiscoveredOn !== null ? { baDiscoveredOn: record.baDiscoveredOn } : {}),
    ...(record.baIsAgent ? { baIsAgent: true } : {}),
    ...(window !== null ? { baaReportingWindow: window } : {}),
    licensedHealthFacility: record.licensedHealthFacility
  }
}

export function toNoticesDone(notices: readonly IncidentNotice[]): NoticeDone[] {
  return notices.map(notice => ({
    kind: notice.kind,
    ...(notice.jurisdiction !== null ? { jurisdiction: notice.jurisdiction } : {}),
    ...(notice.obligationId !== null ? { obligationId: notice.obligationId } : {}),
    doneOn: notice.doneOn,
    method: notice.method,
    ...(notice.missingContactCount !== null ? { missingContactCount: notice.missingContactCount } : {}),
    ...(notice.postedUntil !== null ? { postedUntil: notice.postedUntil } : {})
  }))
}

/** The reporting window on the agreement with the party an incident is linked to, if any. */
export function linkedReportingDays(db: Db, record: IncidentRecord): number | null {
  return record.businessAssociateId === null ? null : (getBusinessAssociate(db, record.businessAssociateId)?.breachReportingDays ?? null)
}

export function assess(
  record: IncidentRecord,
  notices: readonly IncidentNotice[],
  asOf: string,
  linkedWindow: number | null = null
): BreachAssessment {
  return computeBreachObligations(toClockInput(record, linkedWindow), { asOf, noticesDone: toNoticesDone(notices) })
}

export function requireIncident(db: Db, id: number): IncidentRecord {
  const record = getIncident(db, id)
  if (!record) throw new ApiError('not-found', `There is no incident with id ${id}.`)
  return record
}

/** An incident that can still be changed: an archived one must be restored first. */
export function requireLiveIncident(db: Db, id: number): IncidentRecord {
  const record = requireIncident(db, id)
  if (record.archivedAt !== null) throw new ApiError('conflict', `Incident ${id} ("${record.title}") is archived; restore it before changing it.`)
  return record
}

export function incidentDetail(db: Db, id: number, asOf: string): IncidentDetail {
  const incident = requireIncident(db, id)
  const notices = listNotices(db, id)
  return { asOf, incident, notices, assessment: assess(incident, notices, asOf, linkedReportingDays(db, incident)) }
}

export function summarizeIncident(record: IncidentRecord, assessment: BreachAssessment): IncidentSummary {
  const open = assessment.obligations.filter(o => o.status === 'due' || o.status === 'overdue')
  const next = open[0]
  return {
    id: record.id,
    title: record.title,
    discoveredOn: record.discoveredOn,
    role: record.role,
    outcome: record.assessment.outcome,
    totalAffected: assessment.totalAffected,
    notificationRequired: assessment.notificationRequired,
    overdue: open.filter(o => o.status === 'overdue').length,
    open: open.length,
    next: next ? { id: next.id, kind: next.kind, recipient: next.recipient, dueOn: next.dueOn, status: next.status } : null
  }
}
