import type { Db } from '../../db/driver'
import type { IncidentDetail, RecordRetention } from '../../breach/contract'
import { documentDatesOf, factSources, incidentRetention, readIncident, type FactSources } from '../../breach/reads'
import type { OrganizationProfile } from '../../workspace/contract'

/** What an incident's documents are made from, read once: the incident, its notices and assessment, the profile, the retention. */
export interface IncidentDocumentData {
  preparedOn: string
  detail: IncidentDetail
  organization: OrganizationProfile | null
  sources: FactSources
  retention: RecordRetention
  /** The dates the retention counts from, named. */
  documentDates: { label: string; date: string }[]
}

export function readIncidentDocumentData(db: Db, id: number, today: string): IncidentDocumentData {
  const detail = readIncident(db, id, today)
  const sources = factSources(db, detail)
  return {
    preparedOn: today,
    detail,
    organization: sources.organization,
    sources,
    retention: incidentRetention(detail.incident, detail.notices, today),
    documentDates: documentDatesOf(detail.incident, detail.notices)
  }
}
