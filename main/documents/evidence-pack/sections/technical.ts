import type { EvidencePackData } from '../pack-data'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR } from '../../pdf/theme'

import { notRecorded } from './shared'
import { formatCount } from '../../format'

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
    `The technical controls of the architecture checklist, with the mechanism used, where each control comes from (the Security Rule, the source architecture document or good practice), its status under the rule in force and the specifications it supports. Controls marked addressable or not in the rule are choices, not requirements of the current rule. ${formatCount(inPlace)} of ${formatCount(data.technicalControls.length)} are in place.`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'Control', width: 1.9, bold: true },
      { header: 'Mechanism', width: 2.1 },
      { header: 'Source and rule status', width: 1.4 },
      { header: 'Status', width: 0.8 },
      { header: 'Supports', width: 1.5 }
    ],
    data.technicalControls.map(c => [
      c.control,
      c.note ? `${c.mechanism}. ${c.note}` : c.mechanism,
      `${c.origin}. ${c.ruleStatus}.`,
      { ...CONTROL_STATUS[c.status], bold: c.status !== 'in-place' },
      c.supports.join(', ')
    ])
  )
}
