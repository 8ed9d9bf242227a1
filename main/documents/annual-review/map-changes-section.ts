import type { AnnualReviewData } from './review-data'
import type { MapChanges } from '../../map/reads'
import { formatCount, formatLongDate, formatShortDate, plural } from '../format'
import type { PdfWriter, TableCellValue } from '../pdf/pdf-writer'
import { COLOR } from '../pdf/theme'

const MARKING: Record<string, string> = {
  phi: 'PHI',
  general: 'General data',
  orchestration: 'Orchestration only',
  metadata: 'Metadata only',
  none: 'Nothing',
  'not said': 'Cleared (inferred again)'
}
const ADDED: TableCellValue = { text: 'Added', color: COLOR.good }
const REMOVED: TableCellValue = { text: 'Removed', color: COLOR.bad, bold: true }

/** "Data-flow map changes": what was added, removed, marked and dismissed in the map since the previous period began. */
export function renderMapChanges(w: PdfWriter, data: AnnualReviewData): void {
  const c = data.mapChanges
  if (!c) {
    w.paragraph('Not recorded in this workspace. No infrastructure description has been imported and no asset added to the data-flow map.', {
      color: COLOR.muted,
      font: 'italic'
    })
    return reviewSentence(w, null)
  }
  w.paragraph(
    `Changes recorded in the data-flow map from ${formatLongDate(c.since)} to ${formatLongDate(c.until)}, ${
      data.previous ? 'since the previous period began' : 'since this period began (no previous period is recorded)'
    }, dated by the map’s own records and the import dates of the files it was read from.`,
    { after: 8 }
  )
  w.statRow([
    { value: formatCount(c.assetsAdded.total), label: 'assets added' },
    { value: formatCount(c.assetsRemoved.total), label: 'assets no longer described', color: c.assetsRemoved.total ? COLOR.bad : COLOR.ink },
    { value: `${formatCount(c.flowsAdded.total)} / ${formatCount(c.flowsRemoved.total)}`, label: 'flows added / removed' },
    { value: formatCount(c.markings.total), label: 'PHI markings set by a person' },
    { value: formatCount(c.openFlags), label: 'map flags open now', color: c.openFlags ? COLOR.bad : COLOR.good }
  ])
  reviewSentence(w, c.lastReview)

  section(w, 'Files imported', c.sources, [
    [
      { header: 'File', width: 3, bold: true },
      { header: 'Format', width: 1.6 },
      { header: 'Imported', width: 1 }
    ],
    items => items.map(s => [s.fileName, s.format, formatShortDate(s.on)])
  ])
  changeTable(
    w,
    'Assets added and removed',
    c.assetsAdded,
    c.assetsRemoved,
    [
      { header: 'Asset', width: 3, bold: true },
      { header: 'Kind', width: 1.1 }
    ],
    a => [a.name, 'manual' in a && a.manual ? `${a.kind} (by hand)` : a.kind]
  )
  changeTable(
    w,
    'Zones added and removed',
    c.zonesAdded,
    c.zonesRemoved,
    [
      { header: 'Zone', width: 3, bold: true },
      { header: 'Kind', width: 1.1 }
    ],
    z => [z.name, z.kind]
  )
  changeTable(
    w,
    'Flows added and removed',
    c.flowsAdded,
    c.flowsRemoved,
    [
      { header: 'Flow', width: 3, bold: true },
      { header: 'Kind', width: 1.1 }
    ],
    f => [`${f.from} → ${f.to}`, 'manual' in f && f.manual ? `${f.kind} (by hand)` : f.kind]
  )
  section(w, 'PHI markings set', c.markings, [
    [
      { header: 'Marked', width: 3, bold: true },
      { header: 'Holds or carries', width: 1.3 },
      { header: 'By', width: 1.1 },
      { header: 'Date', width: 0.9 }
    ],
    items => items.map(m => [`${m.subject}: ${m.name}`, MARKING[m.marking] ?? m.marking, m.by || '—', formatShortDate(m.on)])
  ])
  const flagRows = [
    ...c.flagsDismissed.items.map(f => ({ ...f, change: `Dismissed: ${f.reason}` })),
    ...c.flagsRestored.items.map(f => ({ ...f, change: 'Restored' }))
  ].sort((a, b) => a.on.localeCompare(b.on))
  section(w, 'Flags dismissed and restored', { total: c.flagsDismissed.total + c.flagsRestored.total, items: flagRows }, [
    [
      { header: 'Flag', width: 2, bold: true },
      { header: 'On', width: 1.6 },
      { header: 'Change', width: 2 },
      { header: 'Date', width: 0.9 }
    ],
    items =>
      items.map(f => [
        `${f.title}${f.citation ? ` (${f.citation})` : ''}`,
        f.subjectKey,
        `${f.change}${f.by ? ` (${f.by})` : ''}`,
        formatShortDate(f.on)
      ])
  ])
  w.heading('What the map cannot date', 2, { contents: false })
  w.bulletList(c.undated)
}

function reviewSentence(w: PdfWriter, review: MapChanges['lastReview']): void {
  w.paragraph(
    `${
      review
        ? `The map was last reviewed on ${formatLongDate(review.reviewedOn)} by ${review.reviewedBy}${review.note ? ` (${review.note})` : ''}.`
        : 'No review of the map is recorded.'
    } The proposed Security Rule update (90 FR 898, not final) would require the technology asset inventory and network map to be reviewed at least every 12 months.`,
    { after: 8 }
  )
}

function section<T>(
  w: PdfWriter,
  title: string,
  list: { total: number; items: T[] },
  [columns, rows]: [Parameters<PdfWriter['table']>[0], (items: T[]) => TableCellValue[][]]
): void {
  w.heading(`${title} (${formatCount(list.total)})`, 2, { contents: false })
  if (list.total === 0) return w.paragraph('None in the period.', { color: COLOR.muted })
  if (list.items.length < list.total)
    w.paragraph(`The first ${list.items.length} of ${formatCount(list.total)} by date; the map screen lists them all.`)
  w.table(columns, rows(list.items))
}

function changeTable<T extends { on: string }>(
  w: PdfWriter,
  title: string,
  added: { total: number; items: T[] },
  removed: { total: number; items: T[] },
  columns: Parameters<PdfWriter['table']>[0],
  cells: (item: T) => TableCellValue[]
): void {
  const rows = [...added.items.map(item => ({ item, change: ADDED })), ...removed.items.map(item => ({ item, change: REMOVED }))]
  w.heading(`${title} (${formatCount(added.total)} added, ${formatCount(removed.total)} removed)`, 2, { contents: false })
  if (rows.length === 0) return w.paragraph('None in the period.', { color: COLOR.muted })
  const shown = added.items.length + removed.items.length
  if (shown < added.total + removed.total)
    w.paragraph(
      `The first ${plural(shown, 'change')} of ${formatCount(added.total + removed.total)} by date; the map screen lists every asset, zone and flow.`
    )
  w.table(
    [...columns, { header: 'Change', width: 0.9 }, { header: 'Date', width: 0.9 }],
    rows.sort((a, b) => a.item.on.localeCompare(b.item.on)).map(r => [...cells(r.item), r.change, formatShortDate(r.item.on)])
  )
}
