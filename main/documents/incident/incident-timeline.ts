import { NOTICE_METHODS } from '../../breach/contract'
import { NOTICE_KIND_NAMES } from '../../breach/reads'
import { localDateOf } from '../../shared/today'
import type { IncidentDocumentData } from './incident-document-data'

export interface TimelineEvent {
  date: string
  text: string
}

/**
 * Every dated event of an incident, in order: what happened, what was decided and sent, and the
 * deadlines still open. Events of one day keep the order of the incident's own story (the breach
 * before its discovery, a statement before the notice it delayed).
 */
export function timelineOf(data: IncidentDocumentData, timeZone?: string): TimelineEvent[] {
  const { incident, notices, assessment } = data.detail
  const recorded = incident.assessment
  const events: TimelineEvent[] = [
    ...(incident.breachOn ? [{ date: incident.breachOn, text: 'The breach happened' }] : []),
    ...(incident.baDiscoveredOn ? [{ date: incident.baDiscoveredOn, text: 'The business associate discovered the breach' }] : []),
    { date: incident.discoveredOn, text: 'The breach was discovered' },
    { date: localDateOf(incident.createdAt, timeZone), text: 'Recorded in Safeguard' },
    ...(recorded.assessedOn
      ? [{ date: recorded.assessedOn, text: `Breach assessment made${recorded.reviewer ? ` (reviewed by ${recorded.reviewer})` : ''}` }]
      : []),
    ...incident.lawEnforcementDelays.flatMap(delay => [
      {
        date: delay.statedOn,
        text: `${delay.kind === 'written' ? 'Written' : 'Oral'} law-enforcement statement${delay.official ? ` by ${delay.official}` : ''}`
      },
      ...(delay.until ? [{ date: delay.until, text: 'The law-enforcement delay ends' }] : [])
    ]),
    ...notices.flatMap(notice => [
      {
        date: notice.doneOn,
        text: `Notice sent to ${NOTICE_KIND_NAMES[notice.kind]}${notice.jurisdiction ? ` (${notice.jurisdiction})` : ''}, ${NOTICE_METHODS.find(m => m.id === notice.method)?.label ?? notice.method}`
      },
      ...(notice.postedUntil
        ? [{ date: notice.postedUntil, text: `Substitute notice stays posted until this day (${NOTICE_KIND_NAMES[notice.kind]})` }]
        : [])
    ]),
    ...assessment.obligations
      .filter(o => o.status === 'due' || o.status === 'overdue')
      .map(o => ({ date: o.dueOn, text: `Due: ${o.recipient} (${o.citation})${o.status === 'overdue' ? ', overdue' : ''}` })),
    { date: localDateOf(incident.updatedAt, timeZone), text: 'Record last updated' }
  ]
  // A stable sort by date keeps the order above within one day.
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}
