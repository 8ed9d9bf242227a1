import type { EvidencePackData } from '../pack-data'
import { formatLongDate, formatShortDate, plural } from '../../format'
import { RISK_COLOR, RISK_LABEL, RISK_RANK } from '../../labels'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR } from '../../pdf/theme'

import { isOverdue, notRecorded } from './shared'

export function remediation(w: PdfWriter, data: EvidencePackData): void {
  if (!data.remediation) return notRecorded(w, 'No risks have been rated yet.')
  const items = [...data.remediation].sort(
    (a, b) =>
      Number(a.status === 'done') - Number(b.status === 'done') || RISK_RANK[a.riskLevel] - RISK_RANK[b.riskLevel] || a.dueOn.localeCompare(b.dueOn)
  )
  const overdue = items.filter(i => isOverdue(i, data.preparedOn)).length
  w.paragraph(
    `Each gap found by the risk analysis has an owner, a plan and a due date. Open items are listed first, highest risk first. ${overdue ? `${plural(overdue, 'item is', 'items are')} past due as of ${formatLongDate(data.preparedOn)}.` : 'No item is past due.'}`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'Remediation item', width: 3, bold: true },
      { header: 'Citation', width: 1.3 },
      { header: 'Risk', width: 0.75 },
      { header: 'Owner', width: 1.4 },
      { header: 'Due', width: 1 },
      { header: 'Status', width: 1 }
    ],
    items.map(i => {
      const late = isOverdue(i, data.preparedOn)
      return [
        i.title,
        i.citation ?? '—',
        { text: RISK_LABEL[i.riskLevel], color: RISK_COLOR[i.riskLevel], bold: i.riskLevel === 'critical' },
        i.owner,
        late ? { text: formatShortDate(i.dueOn), color: COLOR.bad, bold: true } : formatShortDate(i.dueOn),
        i.status === 'done'
          ? { text: i.completedOn ? `Done ${formatShortDate(i.completedOn)}` : 'Done', color: COLOR.good }
          : late
            ? { text: 'Overdue', color: COLOR.bad, bold: true }
            : i.status === 'in-progress'
              ? 'In progress'
              : 'Open'
      ]
    })
  )
}
