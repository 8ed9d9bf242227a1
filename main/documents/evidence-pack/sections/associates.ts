import type { EvidencePackData } from '../pack-data'
import { formatShortDate, plural } from '../../format'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR } from '../../pdf/theme'

import { notRecorded } from './shared'

export const BAA_STATUS = {
  none: { text: 'None', color: COLOR.bad, bold: true },
  requested: { text: 'Requested', color: COLOR.partial },
  signed: { text: 'Signed', color: COLOR.good },
  expired: { text: 'Expired', color: COLOR.bad, bold: true },
  terminated: { text: 'Terminated', color: COLOR.muted }
} as const

export function businessAssociates(w: PdfWriter, data: EvidencePackData): void {
  if (!data.businessAssociates) return notRecorded(w, 'The business associate register is empty.')
  const signed = data.businessAssociates.filter(b => b.status === 'signed').length
  w.paragraph(
    `${plural(data.businessAssociates.length, 'business associate')} recorded; ${signed} with a signed agreement in force. A vendor that handles PHI without a signed agreement is shown in red.`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'Business associate', width: 1.6, bold: true },
      { header: 'Services', width: 1.9 },
      { header: 'PHI handled', width: 1.5 },
      { header: 'BAA', width: 0.8 },
      { header: 'Effective', width: 0.95 },
      { header: 'Expires', width: 0.95 },
      { header: 'Review due', width: 0.95 }
    ],
    data.businessAssociates.map(b => [
      b.name,
      b.services,
      b.phiCategories.join(', ') || '—',
      BAA_STATUS[b.status],
      b.effectiveOn ? formatShortDate(b.effectiveOn) : '—',
      b.expiresOn ? formatShortDate(b.expiresOn) : '—',
      b.reviewDue ? (b.reviewDue < data.preparedOn ? { text: formatShortDate(b.reviewDue), color: COLOR.bad } : formatShortDate(b.reviewDue)) : '—'
    ]),
    { size: 7.6 }
  )
}
