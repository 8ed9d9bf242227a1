import { retentionFrom, type RecordRetention } from '../../shared/record-retention'
import { localDateOf } from '../../shared/today'
import type { IncidentNotice, IncidentRecord } from '../contract'
import { NOTICE_KIND_NAMES } from './incident-facts'

/**
 * How long an incident's documentation is kept: six years from the latest of its documents' dates
 * (45 CFR 164.530(j)(2), which 164.414(a) applies to breach records), not from discovery: the
 * record's last update, the breach assessment, each law-enforcement statement and each notice given. A document written
 * later restarts its own six years, and the incident's record is only as old as its newest document.
 */
export function incidentRetention(record: IncidentRecord, notices: readonly IncidentNotice[], today: string, timeZone?: string): RecordRetention {
  const [updated, ...others] = documentDatesOf(record, notices, timeZone)
  return retentionFrom(today, updated!.date, ...others.map(entry => entry.date))
}

/** The dates the retention above counts from, named, for the documentation export's retention line. */
export function documentDatesOf(record: IncidentRecord, notices: readonly IncidentNotice[], timeZone?: string): { label: string; date: string }[] {
  return [
    { label: 'The incident record, last updated', date: localDateOf(record.updatedAt, timeZone) },
    ...(record.assessment.assessedOn ? [{ label: 'The breach assessment', date: record.assessment.assessedOn }] : []),
    ...record.lawEnforcementDelays.map(delay => ({
      label: `${delay.kind === 'written' ? 'Written' : 'Oral'} law-enforcement statement`,
      date: delay.statedOn
    })),
    ...notices.map(notice => ({
      label: `Notice to ${NOTICE_KIND_NAMES[notice.kind]}${notice.jurisdiction ? ` (${notice.jurisdiction})` : ''}`,
      date: notice.doneOn
    }))
  ]
}
