// The documents' charts, drawn as vectors inside one tagged Figure each (PdfWriter.figure), whose
// alternative text the caller writes to state every value: nothing is conveyed by colour alone.
import type { FigurePen, PdfWriter } from './pdf-writer'
import { COLOR, CONTENT_WIDTH, MARGIN, TYPE } from './theme'

export type BarSegment = { label: string; value: number; color: string }
type Legend = Array<{ label: string; color: string }>

export interface StackedBarsOptions {
  alt: string
  /** share: the figure printed at the end of the bar; without it, the first segment's share of the whole bar. */
  rows: Array<{ label: string; segments: BarSegment[]; share?: string }>
  legend: Legend
}

export interface ColumnChartOptions {
  alt: string
  points: Array<{ label: string; segments: BarSegment[] }>
  legend: Legend
  height?: number
}

export interface HeatGridOptions {
  alt: string
  rowTitle: string
  columnTitle: string
  rows: string[]
  columns: string[]
  cells: Array<Array<{ count: number; label: string; color: string }>>
}

/** Horizontal stacked bars, one per row, with the first segment's share printed at the end. */
export function drawStackedBars(w: PdfWriter, options: StackedBarsOptions): void {
  const labelWidth = 170
  const barHeight = 13
  const rowGap = 9
  const valueWidth = 40
  const chartWidth = CONTENT_WIDTH - labelWidth - valueWidth
  const height = options.rows.length * (barHeight + rowGap) + 26
  w.figure({
    alt: options.alt,
    height,
    gapAfter: 6,
    draw: ({ doc, font }, top) => {
      options.rows.forEach((row, i) => {
        const y = top + i * (barHeight + rowGap)
        font('regular', TYPE.small, COLOR.ink)
        doc.text(row.label, MARGIN.left, y + 2, { width: labelWidth - 8, lineBreak: false, ellipsis: true })
        const total = row.segments.reduce((sum, s) => sum + s.value, 0)
        let x = MARGIN.left + labelWidth
        doc.rect(x, y, chartWidth, barHeight).fill(COLOR.hairline)
        for (const segment of row.segments) {
          if (total === 0 || segment.value === 0) continue
          const width = (segment.value / total) * chartWidth
          doc.rect(x, y, width, barHeight).fill(segment.color)
          x += width
        }
        const first = row.segments[0]
        const share = row.share ?? (total === 0 || !first ? '—' : `${Math.round((first.value / total) * 100)}%`)
        font('semibold', TYPE.small, COLOR.ink)
        doc.text(share, MARGIN.left + labelWidth + chartWidth + 6, y + 2, { width: valueWidth - 6, align: 'right', lineBreak: false })
      })
      drawLegend({ doc, font }, options.legend, MARGIN.left + labelWidth, top + options.rows.length * (barHeight + rowGap) + 4)
    }
  })
}

/** Vertical stacked columns (one per point, e.g. per scan) over a value axis with round steps. */
export function drawColumnChart(w: PdfWriter, options: ColumnChartOptions): void {
  const plotHeight = options.height ?? 150
  const axisWidth = 44
  const labelHeight = 32
  const height = plotHeight + labelHeight + 22
  const max = Math.max(1, ...options.points.map(p => p.segments.reduce((sum, s) => sum + s.value, 0)))
  const step = niceStep(max / 4)
  const axisMax = Math.ceil(max / step) * step
  const plotLeft = MARGIN.left + axisWidth
  const plotWidth = CONTENT_WIDTH - axisWidth
  const slot = plotWidth / Math.max(options.points.length, 1)
  const barWidth = Math.min(46, slot * 0.55)
  w.figure({
    alt: options.alt,
    height,
    draw: ({ doc, font }, top) => {
      for (let v = 0; v <= axisMax; v += step) {
        const y = top + plotHeight - (v / axisMax) * plotHeight
        doc
          .moveTo(plotLeft, y)
          .lineTo(plotLeft + plotWidth, y)
          .lineWidth(0.4)
          .strokeColor(v === 0 ? COLOR.rule : COLOR.hairline)
          .stroke()
        font('regular', TYPE.caption, COLOR.muted)
        doc.text(v.toLocaleString('en-US'), MARGIN.left, y - 4, { width: axisWidth - 8, align: 'right', lineBreak: false })
      }
      options.points.forEach((point, i) => {
        const x = plotLeft + i * slot + (slot - barWidth) / 2
        let y = top + plotHeight
        for (const segment of point.segments) {
          const h = (segment.value / axisMax) * plotHeight
          if (h <= 0) continue
          doc.rect(x, y - h, barWidth, h).fill(segment.color)
          y -= h
        }
        const sum = point.segments.reduce((acc, s) => acc + s.value, 0)
        font('semibold', TYPE.caption, COLOR.ink)
        doc.text(sum.toLocaleString('en-US'), x - 20, y - 11, { width: barWidth + 40, align: 'center', lineBreak: false })
        font('regular', TYPE.caption, COLOR.muted)
        doc.text(point.label, plotLeft + i * slot + 2, top + plotHeight + 5, { width: slot - 4, align: 'center', lineGap: 1 })
      })
      drawLegend({ doc, font }, options.legend, plotLeft, top + plotHeight + labelHeight + 6)
    }
  })
}

/** A likelihood × impact grid (rows top-down, columns left to right), each cell printing its count and level in words. */
export function drawHeatGrid(w: PdfWriter, options: HeatGridOptions): void {
  const labelWidth = 110
  const cellWidth = Math.min(120, (CONTENT_WIDTH - labelWidth) / Math.max(options.columns.length, 1))
  const cellHeight = 40
  const headerHeight = 28
  const height = headerHeight + options.rows.length * cellHeight + 16
  const gridLeft = MARGIN.left + labelWidth
  w.figure({
    alt: options.alt,
    height,
    draw: ({ doc, font }, top) => {
      font('semibold', TYPE.caption, COLOR.muted)
      doc.text(options.columnTitle, gridLeft, top, { width: cellWidth * options.columns.length, align: 'center', lineBreak: false })
      options.columns.forEach((column, c) => {
        font('regular', TYPE.small, COLOR.ink)
        doc.text(column, gridLeft + c * cellWidth, top + 12, { width: cellWidth, align: 'center', lineBreak: false })
      })
      options.rows.forEach((row, r) => {
        const y = top + headerHeight + r * cellHeight
        font('regular', TYPE.small, COLOR.ink)
        doc.text(row, MARGIN.left, y + cellHeight / 2 - 5, { width: labelWidth - 10, align: 'right', lineBreak: false })
        options.columns.forEach((_column, c) => {
          const cell = options.cells[r]?.[c]
          if (!cell) return
          const x = gridLeft + c * cellWidth
          doc.rect(x + 1.5, y + 1.5, cellWidth - 3, cellHeight - 3).fill(cell.color)
          font('bold', TYPE.h2, COLOR.ink)
          doc.text(String(cell.count), x, y + 6, { width: cellWidth, align: 'center', lineBreak: false })
          font('regular', TYPE.caption, COLOR.ink)
          doc.text(cell.label, x, y + 24, { width: cellWidth, align: 'center', lineBreak: false })
        })
      })
      font('semibold', TYPE.caption, COLOR.muted)
      doc.text(options.rowTitle, MARGIN.left, top + headerHeight + options.rows.length * cellHeight + 4, {
        width: labelWidth - 10,
        align: 'right',
        lineBreak: false
      })
    }
  })
}

function drawLegend({ doc, font }: FigurePen, legend: Legend, left: number, y: number): void {
  let x = left
  for (const item of legend) {
    doc.rect(x, y + 1, 8, 8).fill(item.color)
    font('regular', TYPE.caption, COLOR.muted)
    doc.text(item.label, x + 11, y, { lineBreak: false })
    x += 11 + doc.widthOfString(item.label) + 14
  }
}

/** A round axis step (1, 2, 5 × 10^n) at least as large as `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)))
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power
  return 10 * power
}
