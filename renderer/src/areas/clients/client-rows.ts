import type { CachedSummary, PortfolioEntry, Protection, WorkspaceSummaryEntry } from '../../../../main/portfolio/contract'

/**
 * The Clients view's rows as plain data, and how they sort and filter (pure, so tested without a window). A row shows
 * figures when its workspace was read now, or when a locked workspace's summary was saved at its last unlock.
 */
export interface ClientRow {
  path: string
  /** The organisation, or the file's name when the file does not tell it. */
  name: string
  state: 'read' | 'locked' | 'unreadable'
  protection: Protection | null
  summary: WorkspaceSummaryEntry | null
  /** Set when the figures are a locked client's saved summary. */
  cached: Omit<CachedSummary, 'summary'> | null
  /** Why a locked or unreadable workspace shows no figures of today. */
  problem: string | null
}

export type SortKey =
  'organization' | 'role' | 'progress' | 'gaps' | 'highRisks' | 'nextDeadline' | 'overdue' | 'lastScanOn' | 'expiringAgreements' | 'protection'

export interface ClientSort {
  key: SortKey
  descending: boolean
}

export interface ClientFilters {
  /** Part of the organisation's name (or file name), any case. */
  text: string
  role: 'any' | WorkspaceSummaryEntry['role']
  protection: 'any' | Protection
  hasOverdue: boolean
  hasHighRisks: boolean
  hasGaps: boolean
  agreementsExpiring: boolean
}

export const NO_FILTERS: ClientFilters = {
  text: '',
  role: 'any',
  protection: 'any',
  hasOverdue: false,
  hasHighRisks: false,
  hasGaps: false,
  agreementsExpiring: false
}

/** Counts are most useful largest first; names, dates and kinds in their natural order. */
export const FIRST_DIRECTION: Record<SortKey, 'ascending' | 'descending'> = {
  organization: 'ascending',
  role: 'ascending',
  progress: 'descending',
  gaps: 'descending',
  highRisks: 'descending',
  nextDeadline: 'ascending',
  overdue: 'descending',
  lastScanOn: 'descending',
  expiringAgreements: 'descending',
  protection: 'ascending'
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file

export function toRows(entries: readonly PortfolioEntry[]): ClientRow[] {
  return entries.map(entry => {
    if (entry.locked) {
      const { summary, ...cached } = entry.cached ?? { summary: null }
      return {
        path: entry.path,
        name: summary?.organization ?? baseName(entry.path),
        state: 'locked',
        protection: 'passphrase',
        summary,
        cached: entry.cached ? (cached as ClientRow['cached']) : null,
        problem: entry.reason
      }
    }
    if ('error' in entry) {
      return {
        path: entry.path,
        name: entry.organization ?? baseName(entry.path),
        state: 'unreadable',
        protection: null,
        summary: null,
        cached: null,
        problem: entry.message
      }
    }
    return { path: entry.path, name: entry.organization, state: 'read', protection: entry.protection, summary: entry, cached: null, problem: null }
  })
}

/** A row's value for `key`; undefined when it has none (no figures), which always sorts last. */
function valueOf(row: ClientRow, key: SortKey): string | number | undefined {
  if (key === 'organization') return row.name.toLocaleLowerCase()
  if (key === 'protection') return row.protection ?? undefined
  const summary = row.summary
  if (!summary) return undefined
  switch (key) {
    case 'role':
      return summary.role
    case 'progress':
      return summary.progress?.percent ?? -1
    case 'nextDeadline':
      // A breach notice first whatever its date, as on each client's Dashboard; then by date; none last.
      return summary.nextDeadline ? `${summary.nextDeadline.breachNotice ? 0 : 1}${summary.nextDeadline.dueOn}` : undefined
    case 'lastScanOn':
      return summary.lastScanOn ?? undefined
    default:
      return summary[key]
  }
}

export function sortRows(rows: readonly ClientRow[], sort: ClientSort): ClientRow[] {
  const direction = sort.descending ? -1 : 1
  return [...rows].sort((a, b) => {
    const x = valueOf(a, sort.key)
    const y = valueOf(b, sort.key)
    if (x === undefined || y === undefined) {
      if (x !== y) return x === undefined ? 1 : -1
    } else if (x !== y) return (x < y ? -1 : 1) * direction
    return a.name.localeCompare(b.name) || a.path.localeCompare(b.path)
  })
}

/** The rows every filter lets through; a filter on a figure leaves out rows without figures (nothing is known of them). */
export function filterRows(rows: readonly ClientRow[], filters: ClientFilters): ClientRow[] {
  const text = filters.text.trim().toLocaleLowerCase()
  return rows.filter(row => {
    const summary = row.summary
    if (text && !row.name.toLocaleLowerCase().includes(text)) return false
    if (filters.protection !== 'any' && row.protection !== filters.protection) return false
    if (filters.role !== 'any' && summary?.role !== filters.role) return false
    if (filters.hasOverdue && !(summary && summary.overdue > 0)) return false
    if (filters.hasHighRisks && !(summary && summary.highRisks > 0)) return false
    if (filters.hasGaps && !(summary && summary.gaps > 0)) return false
    if (filters.agreementsExpiring && !(summary && summary.expiringAgreements > 0)) return false
    return true
  })
}

export const isFiltered = (filters: ClientFilters): boolean => JSON.stringify(filters) !== JSON.stringify(NO_FILTERS)
