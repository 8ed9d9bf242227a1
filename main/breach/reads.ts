import type { Db } from '../db/driver'
import { retentionFrom } from '../shared/record-retention'
import type { ArchivedIncident, IncidentDetail, IncidentSummary } from './contract'
import { listArchivedIncidents, listIncidents } from './db/incidents'
import { listAllNotices } from './db/notices'
import { assess, incidentDetail, linkedReportingDays, summarizeIncident } from './incident-log'

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

/** Archived incidents with how long each is kept: six years from the latest of its dates (discovery, breach, delays, notices). */
export function readArchivedIncidents(db: Db, today: string): ArchivedIncident[] {
  const notices = listAllNotices(db)
  return listArchivedIncidents(db).map(record => ({
    id: record.id,
    title: record.title,
    discoveredOn: record.discoveredOn,
    archivedAt: record.archivedAt!,
    archiveReason: record.archiveReason,
    retention: retentionFrom(
      today,
      record.discoveredOn,
      record.breachOn,
      ...record.lawEnforcementDelays.flatMap(delay => [delay.statedOn, delay.until]),
      ...(notices.get(record.id) ?? []).map(notice => notice.doneOn)
    )
  }))
}
