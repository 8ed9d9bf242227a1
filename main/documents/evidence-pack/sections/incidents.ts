import type { EvidencePackData } from '../pack-data'
import { formatCount, formatShortDate } from '../../format'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR } from '../../pdf/theme'

import { notRecorded } from './shared'

export function incidents(w: PdfWriter, data: EvidencePackData): void {
  if (!data.incidents) return notRecorded(w, 'No incident log has been kept in this workspace.')
  const list = data.incidents
  const notifiable = list.filter(i => i.notifiable).length
  const affected = list.reduce((sum, i) => sum + i.affectedCount, 0)
  w.paragraph(
    'Security incidents recorded in the period, with the breach assessment outcome and the state of each notification obligation. The log records counts and categories only: no names or other protected health information.',
    { after: 10 }
  )
  w.statRow([
    { value: String(list.length), label: 'incidents recorded' },
    { value: String(notifiable), label: 'notifiable breaches', color: notifiable ? COLOR.bad : COLOR.good },
    { value: formatCount(affected), label: 'individuals affected (total)' },
    {
      value: String(list.reduce((sum, i) => sum + i.obligationsOpen, 0)),
      label: 'notification obligations open'
    }
  ])
  if (list.length === 0) return
  w.table(
    [
      { header: 'Reference', width: 1, bold: true },
      { header: 'Discovered', width: 1.1 },
      { header: 'Category', width: 2 },
      { header: 'Individuals', width: 0.9, align: 'right' },
      { header: 'Assessment', width: 1.2 },
      { header: 'Notifiable', width: 0.9 },
      { header: 'Obligations', width: 1.1 }
    ],
    list.map(i => [
      i.reference,
      formatShortDate(i.discoveredOn),
      i.category,
      formatCount(i.affectedCount),
      i.assessment,
      i.notifiable === null
        ? { text: 'Under assessment', color: COLOR.partial }
        : i.notifiable
          ? { text: 'Yes', color: COLOR.bad, bold: true }
          : 'No',
      `${i.obligationsDone} done, ${i.obligationsOpen} open`
    ])
  )
}
