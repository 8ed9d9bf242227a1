import type { Db } from '../db/driver'
import type { ArchivedIncident, IncidentDetail, IncidentSummary } from './contract'
import { listArchivedIncidents, listIncidents } from './db/incidents'
import { listAllNotices } from './db/notices'
import { assess, incidentDetail, linkedReportingDays, summarizeIncident } from './incident-log'
import { incidentRetention } from './documents/incident-retention'

/** The breach clock of one incident, for the calendar. */
export { assess, linkedReportingDays } from './incident-log'

/** The incident log's typed read functions, for other features (documents) to read without the API. */

export function readIncidents(db: Db, asOf: string): IncidentSummary[] {
  const notices = listAllNotices(db)
  return listIncidents(db).map(record =>
    summarizeIncident(record, assess(record, notices.get(record.id) ?? [], asOf, linkedReportingDays(db, record)))
  )
}

export function readIncident(db: Db, id: number, asOf: string): IncidentDetail {
  return incidentDetail(db, id, asOf)
}

/** Archived incidents with how long each is kept: six years from the latest of its document dates (last update, statements, notices). */
export function readArchivedIncidents(db: Db, today: string): ArchivedIncident[] {
  const notices = listAllNotices(db)
  return listArchivedIncidents(db).map(record => ({
    id: record.id,
    title: record.title,
    discoveredOn: record.discoveredOn,
    archivedAt: record.archivedAt!,
    archiveReason: record.archiveReason,
    retention: incidentRetention(record, notices.get(record.id) ?? [], today)
  }))
}

/** For the documents (letters, the 164.414(b) export): the notice content checklists, the retention and its dates, the assessment's labels. */
export { factSources, noticeChecklist, noticeContentOf } from './documents/notice-content'
export { documentDatesOf, incidentRetention } from './documents/incident-retention'
export { NOTICE_KIND_NAMES, type FactSources } from './documents/incident-facts'
export type { ContentElement, IncidentNoticeContent, NoticeContentChecklist, NoticeContentId } from './documents/contract'
export { BREACH_EXCEPTION_RULES, OUTCOME_LABELS, RISK_FACTOR_CITATIONS, RISK_FACTOR_LABELS, RISK_FACTORS } from './assessment-outcome'
export { OUTCOME_SHORT_LABELS } from './assessment-outcome'
