import type { EvidencePackData } from '../pack-data'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR } from '../../pdf/theme'

import { notRecorded } from './shared'

export const CONTROL_STATUS = {
  'in-place': { text: 'In place', color: COLOR.good },
  partial: { text: 'Partial', color: COLOR.partial },
  missing: { text: 'Missing', color: COLOR.bad },
  'not-assessed': { text: 'Not assessed', color: COLOR.muted }
} as const

export function technicalControls(w: PdfWriter, data: EvidencePackData): void {
  if (!data.technicalControls) return notRecorded(w, 'The architecture checklist has not been completed.')
  const inPlace = data.technicalControls.filter(c => c.status === 'in-place').length
  w.paragraph(
    `The ten technical controls a cloud architecture handling PHI is expected to show, with the mechanism used and the Security Rule specifications each one supports. ${inPlace} of ${data.technicalControls.length} are in place.`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'Control', width: 2.1, bold: true },
      { header: 'Mechanism', width: 2.4 },
      { header: 'Status', width: 0.9 },
      { header: 'Supports', width: 1.9 }
    ],
    data.technicalControls.map(c => [
      c.control,
      c.note ? `${c.mechanism}. ${c.note}` : c.mechanism,
      { ...CONTROL_STATUS[c.status], bold: c.status !== 'in-place' },
      c.supports.join(', ')
    ])
  )
}
