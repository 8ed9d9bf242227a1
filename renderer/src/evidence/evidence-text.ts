import type { EvidenceItem, EvidenceSpecificationSummary } from '../../../main/evidence/contract'
import { countOf } from '../components/count-of'
import { formatDate, formatDateTime } from '../components/format-date'
import { formatBytes } from '../areas/findings/labels'

/** The first 12 hex digits of a file's SHA-256: enough to tell files apart on screen and to match the pack's manifest by eye. */
export const shortHash = (sha256: string): string => sha256.slice(0, 12)

/** The calendar day after `date` (YYYY-MM-DD), in UTC so the computer's zone cannot shift it: the first stale day. */
export function dayAfter(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  return new Date(Date.UTC(year!, month! - 1, day! + 1)).toISOString().slice(0, 10)
}

/** "Stale since 05/02/2026": evidence is stale from the day after its expiry. */
export const staleSinceText = (item: Pick<EvidenceItem, 'expiresOn'>): string => `Stale since ${formatDate(dayAfter(item.expiresOn!))}`

/** What a file item is, as one line: "scan.pdf · 1.2 MB · SHA-256 3f2a9c0b12de…". */
export function fileFacts(item: EvidenceItem): string {
  return [item.fileName ?? '', item.size === null ? '' : formatBytes(item.size), item.sha256 ? `SHA-256 ${shortHash(item.sha256)}…` : '']
    .filter(Boolean)
    .join(' · ')
}

export const addedText = (item: EvidenceItem): string => `Added by ${item.addedBy} on ${formatDateTime(item.addedAt)}`

/** "2 evidence items, newest effective 10/01/2026, 1 stale"; "none" when nothing live is attached. */
export function freshnessText(summary: EvidenceSpecificationSummary | undefined): string {
  if (!summary || summary.count === 0) return 'none'
  return [
    countOf(summary.count, 'evidence item'),
    summary.newestEffectiveAsOf ? `newest effective ${formatDate(summary.newestEffectiveAsOf)}` : '',
    summary.staleCount > 0 ? `${summary.staleCount} stale` : ''
  ]
    .filter(Boolean)
    .join(', ')
}
