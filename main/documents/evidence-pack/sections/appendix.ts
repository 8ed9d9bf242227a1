import type { EvidencePackData } from '../pack-data'
import { formatShortDate } from '../../format'
import { type PdfWriter } from '../../pdf/pdf-writer'

import { notRecorded } from './shared'

export function appendix(w: PdfWriter, data: EvidencePackData): void {
  const scans = (data.scans ?? []).map(s => ({ name: s.fileName, kind: `Scanner output (${s.format})`, addedOn: s.importedOn, sha256: s.sha256 }))
  const files = [...(data.evidenceFiles ?? []), ...scans]
  if (files.length === 0) return notRecorded(w, 'No evidence files have been attached.')
  w.paragraph(
    `Every file referred to as evidence, with its SHA-256 fingerprint. To check a copy, compute its SHA-256 (for example with sha256sum or Get-FileHash) and compare it with the value below.`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'File', width: 2.2, bold: true },
      { header: 'Kind', width: 1.5 },
      { header: 'Added', width: 1 },
      { header: 'SHA-256', width: 3.2 }
    ],
    files.map(f => [f.name, f.kind, formatShortDate(f.addedOn), f.sha256]),
    { size: 7.4 }
  )
}
