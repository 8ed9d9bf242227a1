import type { EvidencePackData } from '../pack-data'
import { formatCount, formatShortDate } from '../../format'
import { ANSWER_COLOR, ANSWER_LABEL, ANSWERS } from '../../labels'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR } from '../../pdf/theme'

import { FAMILY_SHORT, notRecorded, yesPercent } from './shared'

const percentLabel = (percent: number | null) => (percent === null ? '—' : `${percent}%`)

export function scorecard(w: PdfWriter, data: EvidencePackData): void {
  if (!data.families) return notRecorded(w, 'No assessment answers have been recorded.')
  const families = data.families
  w.paragraph(
    'Each bar shows how the standards and implementation specifications of a safeguard family were answered. The percentage is the share of applicable items answered Yes: items answered Not applicable are left out of it.',
    { after: 10 }
  )
  w.stackedBars({
    alt: `Stacked bar chart of assessment answers by safeguard family. ${families
      .map(f => `${FAMILY_SHORT[f.family]}: ${ANSWERS.map(a => `${formatCount(f.counts[a])} ${ANSWER_LABEL[a].toLowerCase()}`).join(', ')}`)
      .join('. ')}.`,
    rows: families.map(f => ({
      label: FAMILY_SHORT[f.family],
      share: percentLabel(yesPercent(f.counts)),
      segments: ANSWERS.map(a => ({ label: ANSWER_LABEL[a], value: f.counts[a], color: ANSWER_COLOR[a] }))
    })),
    legend: ANSWERS.map(a => ({ label: ANSWER_LABEL[a], color: ANSWER_COLOR[a] }))
  })
  w.space(6)
  w.table(
    [
      { header: 'Safeguard family', width: 2.6, bold: true },
      ...ANSWERS.map(a => ({ header: ANSWER_LABEL[a], width: 0.9, align: 'right' as const })),
      { header: 'Reviewer sign-off', width: 2.1 }
    ],
    families.map(f => [
      FAMILY_SHORT[f.family],
      ...ANSWERS.map(a => String(f.counts[a])),
      f.signOff ? `${f.signOff.reviewer}, ${formatShortDate(f.signOff.signedOn)}` : { text: 'Not signed off', color: COLOR.muted }
    ])
  )
}
