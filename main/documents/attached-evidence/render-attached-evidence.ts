import { formatShortDate, plural } from '../format'
import type { PdfWriter, TableCellValue } from '../pdf/pdf-writer'
import { COLOR } from '../pdf/theme'
import type { AttachedEvidence, AttachedEvidenceEntry } from './read-attached-evidence'

/**
 * Which evidence supports each specification and how fresh it is, as the evidence pack and the annual review print
 * it. It lists what was attached; it makes no claim that the evidence shows a specification is met.
 */
export function renderAttachedEvidence(w: PdfWriter, data: AttachedEvidence | null | undefined, options: { preparedOn: string }): void {
  if (!data) {
    w.paragraph('Not recorded in this workspace. No evidence has been attached to answers, decisions, controls, risks, tasks, assets or incidents.', {
      color: COLOR.muted,
      font: 'italic'
    })
    return
  }
  w.paragraph(
    `Evidence attached in the workspace, by the specification it supports, with the day each piece shows the state of things (effective) and its expiry. ` +
      `Stale means past its expiry on ${formatShortDate(options.preparedOn)}. ${plural(data.total, 'piece')} of evidence in all` +
      (data.stale ? `, ${plural(data.stale, 'stale piece', 'stale pieces')}.` : ', none stale.') +
      ' Files are listed with their SHA-256 in the appendix.',
    { after: 8 }
  )
  const columns = [
    { header: 'Evidence', width: 2.4, bold: true },
    { header: 'On', width: 1.6 },
    { header: 'Effective', width: 1 },
    { header: 'Expires', width: 1 },
    { header: 'Status', width: 0.8 }
  ]
  const row = (entry: AttachedEvidenceEntry): TableCellValue[] => [
    `${entry.title}${entry.source && entry.source !== entry.title ? ` (${entry.source})` : ''}`,
    entry.on,
    formatShortDate(entry.effectiveAsOf),
    entry.expiresOn ? formatShortDate(entry.expiresOn) : 'No expiry',
    entry.stale ? { text: 'Stale', color: COLOR.bad, bold: true } : 'Current'
  ]
  for (const specification of data.bySpecification) {
    w.heading(`${specification.citation} ${specification.title}`.trim(), 3)
    w.table(columns, specification.items.map(row), { size: 7.6 })
  }
  if (data.other.length > 0) {
    w.heading('On records tied to no specification', 3)
    w.table(columns, data.other.map(row), { size: 7.6 })
  }
}
