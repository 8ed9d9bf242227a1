import type { EvidencePackData } from '../pack-data'
import { formatLongDate } from '../../format'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR, TYPE } from '../../pdf/theme'

export function attestation(w: PdfWriter, data: EvidencePackData): void {
  w.paragraph(
    `I confirm that, to the best of my knowledge after reasonable inquiry, the information in this evidence pack accurately describes the security policies, procedures and safeguards of ${data.organization.name} for the ${data.period.label} assessment period as of ${formatLongDate(data.preparedOn)}; that the risk analysis it summarises was performed as described; and that the remediation plan has been approved by management.`,
    { size: TYPE.body + 0.5, after: 10 }
  )
  w.paragraph(
    'This attestation does not certify compliance with HIPAA: no government body certifies HIPAA compliance. It records the organisation’s own account of its safeguards, for the recipient to rely on in its due diligence.',
    { color: COLOR.muted, after: 30 }
  )
  w.heading('Security official', 3, { contents: false })
  w.space(4)
  w.signatureLines([`Signature`, 'Date', `Name: ${data.preparedBy.name}`, `Title: ${data.preparedBy.title}`])
  w.space(18)
  w.heading('Senior management', 3, { contents: false })
  w.space(4)
  w.signatureLines(['Signature', 'Date', 'Name', 'Title'])
}
