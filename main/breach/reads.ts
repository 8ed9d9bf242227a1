import type { Db } from '../db/driver'
import type { IncidentDetail, IncidentSummary } from './contract'
import { listIncidents } from './db/incidents'
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
