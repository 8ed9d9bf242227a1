import type { FindingStatus, Severity } from '../finding.types'

/** The filters the findings list and the Findings view share: one specification, one status, one severity. */
export interface FindingFilterFields {
  citation?: string | undefined
  status?: FindingStatus | undefined
  severity?: Severity | undefined
}

/** Appends the WHERE clauses (on the finding table as `f`) and their bound parameters for the filters given. */
export function addFindingFilters(filter: FindingFilterFields, where: string[], params: unknown[]): void {
  if (filter.citation) {
    where.push('f.citation_set_id IN (SELECT set_id FROM citation_set_member WHERE citation = ?)')
    params.push(filter.citation)
  }
  if (filter.status) {
    where.push('f.status = ?')
    params.push(filter.status)
  }
  if (filter.severity) {
    where.push('f.severity = ?')
    params.push(filter.severity)
  }
}
