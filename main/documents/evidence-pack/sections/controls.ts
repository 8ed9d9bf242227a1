import type { EvidencePackData, FamilyId } from '../pack-data'
import { formatCount } from '../../format'
import { ANSWER_COLOR, ANSWER_LABEL, DECISION_LABEL, requirementLabel } from '../../labels'
import { type PdfWriter, type TableCellValue } from '../../pdf/pdf-writer'
import { COLOR } from '../../pdf/theme'

import { FAMILY_SHORT, notRecorded } from './shared'

export function controlMatrix(w: PdfWriter, data: EvidencePackData): void {
  if (!data.controls) return notRecorded(w, 'No assessment answers have been recorded.')
  w.paragraph(
    'Every standard and implementation specification of the Security Rule, with the answer recorded, the decision for Addressable specifications, and the evidence that supports the answer.',
    { after: 8 }
  )
  const families: FamilyId[] = ['administrative', 'physical', 'technical', 'organizational', 'documentation']
  for (const family of families) {
    const rows = data.controls.filter(c => c.family === family)
    if (rows.length === 0) continue
    w.heading(
      FAMILY_SHORT[family]
        .replace(/ \(/, ' safeguards (')
        .replace('Organizational safeguards', 'Organizational requirements')
        .replace('Documentation safeguards', 'Policies and documentation'),
      2
    )
    w.table(
      [
        { header: 'Citation', width: 1.35, bold: true },
        { header: 'Requirement', width: 2.2 },
        { header: 'R/A', width: 0.42, align: 'center' },
        { header: 'Answer', width: 0.85 },
        { header: 'Decision (Addressable)', width: 2.2 },
        { header: 'Evidence', width: 1.9 }
      ],
      rows.map((c): TableCellValue[] => [
        c.citation,
        c.kind === 'standard' ? { text: c.title, bold: true } : c.title,
        requirementLabel(c.requirement),
        { text: ANSWER_LABEL[c.answer], color: c.answer === 'not-assessed' ? COLOR.muted : ANSWER_COLOR[c.answer], bold: c.answer === 'no' },
        c.requirement === 'addressable'
          ? c.decision
            ? `${DECISION_LABEL[c.decision.kind]}: ${c.decision.rationale}`
            : c.answer === 'yes'
              ? DECISION_LABEL['as-specified']
              : { text: 'Decision not recorded', color: COLOR.bad }
          : '',
        [
          ...c.evidence.map(e => e.replace(/\.$/, '')),
          ...(c.failingFindings ? [`${formatCount(c.failingFindings)} failing scanner checks`] : [])
        ].join('; ') || '—'
      ]),
      { size: 7.6 }
    )
  }
}
