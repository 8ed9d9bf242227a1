import type { EvidencePackData } from '../pack-data'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR } from '../../pdf/theme'
import { baaAnswer, minimumNecessaryAnswer, phiServiceCoverage, phiServicesAnswer } from '../procurement-answers'

export function procurement(w: PdfWriter, data: EvidencePackData): void {
  w.paragraph(
    'Health-department and enterprise procurement teams ask three questions before they share protected health information with a supplier. The answers below are computed from the workspace records and supported by the sections that follow.',
    { after: 12 }
  )
  const q1 = baaAnswer(data)
  w.callout(q1.question, q1.answer, { tone: q1.tone })
  const q2 = phiServicesAnswer(data)
  w.callout(q2.question, q2.answer, { tone: q2.tone })
  const coverage = phiServiceCoverage(data)
  if (coverage && coverage.length > 0) {
    w.table(
      [
        { header: 'Service holding PHI', width: 3, bold: true },
        { header: 'HIPAA eligible', width: 1.4 },
        { header: 'Covered by the BAA', width: 1.6 }
      ],
      coverage.map(s => [
        s.service,
        s.eligible === null ? 'Unknown' : s.eligible ? 'Yes' : { text: 'No', color: COLOR.bad, bold: true },
        s.covered ? { text: 'Covered', color: COLOR.good } : { text: 'Not covered', color: COLOR.bad, bold: true }
      ])
    )
  }
  const q3 = minimumNecessaryAnswer(data)
  w.callout(q3.question, q3.answer, { tone: q3.tone })
  if (q3.measures.length > 0) w.bulletList(q3.measures)
}
