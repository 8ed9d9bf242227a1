import type { EvidencePackData } from '../pack-data'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR } from '../../pdf/theme'

import { notRecorded } from './shared'

export function cloudServices(w: PdfWriter, data: EvidencePackData): void {
  if (!data.cloudServices) return notRecorded(w, 'No cloud service inventory has been recorded.')
  w.paragraph(
    `Services in use with ${data.cloud.provider}. Only services covered by the provider’s business associate agreement may store, process or transmit protected health information; a service that holds PHI without being eligible is a gap.`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'Service', width: 1.7, bold: true },
      { header: 'HIPAA eligible', width: 1 },
      { header: 'Holds PHI', width: 0.9 },
      { header: 'Encryption at rest', width: 2 },
      { header: 'Notes', width: 2.4 }
    ],
    data.cloudServices.map(s => {
      const gap = s.holdsPhi && s.eligible !== true
      return [
        s.name,
        s.eligible === null ? 'Unknown' : s.eligible ? 'Yes' : 'No',
        s.holdsPhi ? { text: 'Yes', bold: true } : 'No',
        s.encryption ?? '—',
        gap ? { text: `Gap: holds PHI without BAA coverage. ${s.notes ?? ''}`.trim(), color: COLOR.bad } : (s.notes ?? '')
      ]
    })
  )
}
