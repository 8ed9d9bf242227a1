import type { FindingSort, FindingStatus, Severity } from '../../../../main/scanners/contract'

/** What the Findings view shows: the filters, the scope, the grouping and the order. */
export interface FindingFilter {
  scanId: number | 'all'
  citation: string
  status: FindingStatus | 'all'
  severity: Severity | 'all'
  scope: 'latest' | 'all'
  groupBy: 'check' | 'none'
  sort: FindingSort
  order: 'asc' | 'desc'
}

export const DEFAULT_FILTER: FindingFilter = {
  scanId: 'all',
  citation: '',
  status: 'all',
  severity: 'all',
  scope: 'latest',
  groupBy: 'check',
  sort: 'severity',
  order: 'asc'
}

/** The part of the filter the view and the export both take (the export lists every finding of the view). */
export interface ViewQuery {
  scope: 'latest' | 'all'
  sort: FindingSort
  order: 'asc' | 'desc'
  scanId?: number
  citation?: string
  status?: FindingStatus
  severity?: Severity
}

export function viewQueryOf(filter: FindingFilter): ViewQuery {
  return {
    scope: filter.scope,
    sort: filter.sort,
    order: filter.order,
    ...(filter.scanId !== 'all' ? { scanId: filter.scanId } : {}),
    ...(filter.citation ? { citation: filter.citation } : {}),
    ...(filter.status !== 'all' ? { status: filter.status } : {}),
    ...(filter.severity !== 'all' ? { severity: filter.severity } : {})
  }
}

// The contract's FINDING_SORTS (a value the renderer cannot import; the Record checks it names each one).
export const SORT_LABELS: Record<FindingSort, string> = {
  severity: 'Severity',
  specification: 'Specification',
  resource: 'Resource',
  age: 'Age (first seen)'
}

/** What 'asc' means for each sort, as the order control says it. */
export const DIRECTION_LABELS: Record<FindingSort, { asc: string; desc: string }> = {
  severity: { asc: 'Worst first', desc: 'Least severe first' },
  specification: { asc: 'In rule order', desc: 'Reverse order' },
  resource: { asc: 'A to Z (grouped: most resources first)', desc: 'Z to A (grouped: fewest first)' },
  age: { asc: 'Oldest first', desc: 'Newest first' }
}
