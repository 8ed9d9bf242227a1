import { createHash } from 'node:crypto'
import PDFDocument from 'pdfkit'
import { fontPath } from '../fonts'
import { COLOR, CONTENT_WIDTH, LINE_GAP, MARGIN, PAGE, TYPE } from './theme'
import { drawColumnChart, drawHeatGrid, drawStackedBars, type ColumnChartOptions, type HeatGridOptions, type StackedBarsOptions } from './charts'

export type { BarSegment } from './charts'

/**
 * A small layout layer over pdfkit for archival, accessible reports:
 * - PDF/A-2a (pdfVersion 1.7), with the PDF/UA-1 identifier added to the metadata, since every
 *   piece of content is either tagged or marked as an artifact;
 * - a structure tree (Document > H1/H2/P/Table/TR/TH/TD/Figure/L/LI/TOC), document language
 *   and title shown in the viewer's title bar;
 * - embedded open TrueType fonts only (the 14 standard PDF fonts cannot be embedded);
 * - bookmarks per section, a contents page reserved up front and filled at the end with page numbers;
 * - running headers and footers drawn at the end as pagination artifacts ("Page 3 of 41");
 * - tables that break across pages and repeat their header row (as an artifact) on each new page.
 */

type PdfDoc = PDFKit.PDFDocument
type StructElement = PDFKit.PDFStructureElement
/** pdfkit accepts more than its type declarations list (bbox, placement, table scope). */
type StructOptions = PDFKit.Mixins.StructureElementOptions

export type ProgressUpdate = { phase: string; done: number; total: number }

export type PdfWriterOptions = {
  title: string
  subject: string
  author: string
  keywords?: string
  /** Running header: left and right texts; not drawn on the cover page. */
  header: { left: string; right: string }
  footer: { left: string }
  /** A document not ready to send: these words at the top and foot of every page, the cover too. */
  draftMark?: string
  /**
   * The document's creation date, written in its information dictionary, its XMP metadata and its attachments. Packs and
   * reviews pass the generation date the person chose, so the same inputs give the same bytes; other documents are dated
   * when they are written.
   */
  createdAt?: Date
  /** PDF/A-3a where the document carries associated files (a manifest); PDF/A-2a otherwise. */
  archive?: 'PDF/A-2a' | 'PDF/A-3a'
  signal?: AbortSignal
  onProgress?: (update: ProgressUpdate) => void
}

export type TableColumn = {
  header: string
  /** Share of the available width; the shares of a table are scaled to fill it. */
  width: number
  align?: 'left' | 'right' | 'center'
  bold?: boolean
}

export type TableCellValue = string | { text: string; color?: string; bold?: boolean }

export class AbortedError extends Error {
  constructor() {
    super('Document generation was cancelled')
    this.name = 'AbortError'
  }
}

/** A file embedded as a PDF/A-3 associated file of the whole document (listed in the catalog's /AF). */
export type PdfAttachment = {
  name: string
  data: Buffer
  mimeType: string
  description: string
  /** How the file relates to the document (ISO 32000-2): the manifest is Supplement, evidence files Source. */
  relationship: 'Source' | 'Data' | 'Supplement' | 'Alternative' | 'Unspecified'
}

/** A fixed file identifier written first and replaced once the bytes are known (see finish()). */
const PLACEHOLDER_ID = Buffer.alloc(16, 0)

type ContentsEntry = { title: string; level: 1 | 2; pageIndex: number }

export type FontName = keyof typeof FONTS

/** What a figure's drawing gets: the document and the writer's font setter. */
export interface FigurePen {
  doc: PdfDoc
  font(name: FontName, size: number, color?: string): void
}

const FONTS = {
  // The default font is referred to by its path: pdfkit caches it under that key, while a second
  // registered name for the same file would be parsed again on every switch (pdfkit 0.20).
  regular: fontPath('sans'),
  italic: 'Sans-Italic',
  semibold: 'Sans-SemiBold',
  bold: 'Sans-Bold',
  serif: 'Serif',
  serifSemibold: 'Serif-SemiBold'
} as const

export class PdfWriter {
  readonly doc: PdfDoc
  private readonly root: StructElement
  private readonly chunks: Buffer[] = []
  private readonly done: Promise<Buffer>
  private readonly contents: ContentsEntry[] = []
  private contentsReservation: { pageIndex: number; pages: number; struct: StructElement } | null = null
  private outlineParent: PDFKit.PDFOutline | null = null
  private coverPages = new Set<number>()
  private figureCount = 0

  private readonly createdAt: Date

  constructor(private readonly options: PdfWriterOptions) {
    const createdAt = options.createdAt ?? new Date()
    this.createdAt = createdAt
    this.doc = new PDFDocument({
      size: [PAGE.width, PAGE.height],
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: false,
      pdfVersion: '1.7',
      subset: options.archive ?? 'PDF/A-2a',
      tagged: true,
      lang: 'en-US',
      displayTitle: true,
      // A TrueType default font, so the unembeddable Helvetica is never loaded.
      font: fontPath('sans'),
      info: {
        Title: options.title,
        Author: options.author,
        Subject: options.subject,
        Keywords: options.keywords ?? '',
        Creator: 'Safeguard',
        Producer: 'Safeguard',
        CreationDate: createdAt,
        ModDate: createdAt
      }
    } as PDFKit.PDFDocumentOptions)
    this.doc.registerFont(FONTS.italic, fontPath('sansItalic'))
    this.doc.registerFont(FONTS.semibold, fontPath('sansSemiBold'))
    this.doc.registerFont(FONTS.bold, fontPath('sansBold'))
    this.doc.registerFont(FONTS.serif, fontPath('serif'))
    this.doc.registerFont(FONTS.serifSemibold, fontPath('serifSemiBold'))
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk))
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)))
      this.doc.on('error', reject)
    })
    // The file identifier is derived from the content in finish(), not from pdfkit's clock-and-info hash.
    ;(this.doc as unknown as { _id: Uint8Array })._id = PLACEHOLDER_ID
    this.root = this.doc.struct('Document')
    this.doc.addStructure(this.root)
  }

  // ---------------------------------------------------------------- flow control

  /** Throws if cancelled, and reports progress. Composers call it between sections. */
  checkpoint(phase: string, done: number, total: number): void {
    if (this.options.signal?.aborted) throw new AbortedError()
    this.options.onProgress?.({ phase, done, total })
  }

  get y(): number {
    return this.doc.y
  }

  set y(value: number) {
    this.doc.y = value
  }

  get pageIndex(): number {
    const range = this.doc.bufferedPageRange()
    return range.start + range.count - 1
  }

  get bottom(): number {
    return PAGE.height - MARGIN.bottom
  }

  remaining(): number {
    return this.bottom - this.doc.y
  }

  newPage(options: { cover?: boolean } = {}): void {
    this.doc.addPage()
    if (options.cover) this.coverPages.add(this.pageIndex)
    this.doc.x = MARGIN.left
    this.doc.y = MARGIN.top
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.remaining() < height) this.newPage()
  }

  space(points: number): void {
    this.doc.y += points
  }

  // ---------------------------------------------------------------- text

  private font(name: keyof typeof FONTS, size: number, color: string = COLOR.body): this {
    this.doc.font(FONTS[name]).fontSize(size).fillColor(color)
    return this
  }

  /** Draws content inside a tagged structure element appended to `parent` (default: the document). */
  private tagged(tag: string, draw: () => void, parent: StructElement = this.root, options: object = {}): void {
    const content = this.doc.markStructureContent(tag)
    draw()
    this.doc.endMarkedContent()
    parent.add(this.doc.struct(tag, options as StructOptions, [content]))
  }

  /** The short accent rule under a top-level heading, as an artifact; returns where it was drawn. */
  private accentRule(): number {
    const ruleY = this.doc.y + 4
    this.artifact(() => {
      this.doc
        .moveTo(MARGIN.left, ruleY)
        .lineTo(MARGIN.left + 48, ruleY)
        .lineWidth(2)
        .strokeColor(COLOR.accent)
        .stroke()
    })
    return ruleY
  }

  /** Decorative drawing (rules, fills): marked as an artifact so assistive technology skips it. */
  artifact(draw: () => void, type?: 'Pagination' | 'Layout'): void {
    this.doc.markContent('Artifact', type ? { type } : undefined)
    draw()
    this.doc.endMarkedContent()
  }

  textHeight(text: string, width: number, font: keyof typeof FONTS, size: number): number {
    this.doc.font(FONTS[font]).fontSize(size)
    return this.doc.heightOfString(text, { width, lineGap: LINE_GAP })
  }

  heading(text: string, level: 1 | 2 | 3, options: { contents?: boolean; newPage?: boolean } = {}): void {
    const size = level === 1 ? TYPE.h1 : level === 2 ? TYPE.h2 : TYPE.h3
    const font = level === 1 ? 'serifSemibold' : 'semibold'
    const height = this.textHeight(text, CONTENT_WIDTH, font, size)
    if (options.newPage) this.newPage()
    // Keep a heading with at least a few lines of what follows it.
    else this.ensureSpace(height + (level === 1 ? 90 : 60))
    if (level === 1 && this.doc.y > MARGIN.top + 1) this.space(10)
    const top = this.doc.y
    if (level <= 2) {
      const outline = level === 1 || !this.outlineParent ? this.doc.outline : this.outlineParent
      const item = outline.addItem(text, { top: top - 6 } as { expanded?: boolean })
      if (level === 1) this.outlineParent = item
    }
    if (options.contents !== false && level <= 2) this.contents.push({ title: text, level: level as 1 | 2, pageIndex: this.pageIndex })
    this.tagged(`H${level}`, () => {
      this.font(font, size, level === 1 ? COLOR.accent : COLOR.ink)
      this.doc.text(text, MARGIN.left, top, { width: CONTENT_WIDTH, lineGap: LINE_GAP })
    })
    if (level === 1) {
      this.doc.y = this.accentRule() + 12
    } else {
      this.doc.y += level === 2 ? 4 : 2
    }
  }

  paragraph(
    text: string,
    options: {
      size?: number
      color?: string
      font?: keyof typeof FONTS
      after?: number
      x?: number
      width?: number
      align?: 'left' | 'justify' | 'right' | 'center'
    } = {}
  ): void {
    const size = options.size ?? TYPE.body
    const font = options.font ?? 'regular'
    const x = options.x ?? MARGIN.left
    const width = options.width ?? CONTENT_WIDTH
    // Never start a paragraph with a single orphaned line at the bottom of a page.
    this.ensureSpace(Math.min(this.textHeight(text, width, font, size), size * 2.6 + LINE_GAP * 2))
    const top = this.doc.y
    this.tagged('P', () => {
      this.font(font, size, options.color ?? COLOR.body)
      this.doc.text(text, x, top, { width, lineGap: LINE_GAP, align: options.align ?? 'left' })
    })
    this.doc.y += options.after ?? 6
  }

  /** A paragraph that starts with a bold lead-in ("Status: signed ..."). */
  leadParagraph(lead: string, text: string, options: { size?: number; after?: number } = {}): void {
    const size = options.size ?? TYPE.body
    this.ensureSpace(size * 2.6)
    const top = this.doc.y
    this.tagged('P', () => {
      this.font('semibold', size, COLOR.ink)
      this.doc.text(`${lead} `, MARGIN.left, top, { width: CONTENT_WIDTH, lineGap: LINE_GAP, continued: true })
      this.font('regular', size, COLOR.body)
      this.doc.text(text, { width: CONTENT_WIDTH, lineGap: LINE_GAP })
    })
    this.doc.y += options.after ?? 6
  }

  bulletList(items: string[], options: { size?: number } = {}): void {
    const size = options.size ?? TYPE.body
    const indent = 14
    const list = this.doc.struct('L')
    this.root.add(list)
    for (const item of items) {
      const height = this.textHeight(item, CONTENT_WIDTH - indent, 'regular', size)
      this.ensureSpace(Math.min(height, size * 2.6))
      const top = this.doc.y
      const li = this.doc.struct('LI')
      list.add(li)
      this.tagged(
        'Lbl',
        () => {
          this.font('regular', size, COLOR.accent)
          this.doc.text('•', MARGIN.left + 3, top, { width: indent, lineGap: LINE_GAP })
        },
        li
      )
      this.tagged(
        'LBody',
        () => {
          this.font('regular', size, COLOR.body)
          this.doc.text(item, MARGIN.left + indent, top, { width: CONTENT_WIDTH - indent, lineGap: LINE_GAP })
        },
        li
      )
      li.end()
      this.doc.y += 3
    }
    list.end()
    this.doc.y += 4
  }

  /** A shaded box with a left accent bar: for answers a reader should find at a glance. */
  callout(title: string, text: string, options: { tone?: 'accent' | 'good' | 'partial' | 'bad' } = {}): void {
    const tone = options.tone ?? 'accent'
    const bar = tone === 'accent' ? COLOR.accent : COLOR[tone]
    const pad = 10
    const width = CONTENT_WIDTH - pad * 2 - 4
    const titleH = this.textHeight(title, width, 'semibold', TYPE.h3)
    const textH = this.textHeight(text, width, 'regular', TYPE.body)
    const height = titleH + textH + pad * 2 + 4
    this.ensureSpace(height + 6)
    const top = this.doc.y
    this.artifact(() => {
      this.doc.rect(MARGIN.left, top, CONTENT_WIDTH, height).fill(COLOR.zebra)
      this.doc.rect(MARGIN.left, top, 3, height).fill(bar)
    })
    this.tagged('P', () => {
      this.font('semibold', TYPE.h3, COLOR.ink)
      this.doc.text(title, MARGIN.left + pad + 4, top + pad, { width, lineGap: LINE_GAP })
    })
    this.tagged('P', () => {
      this.font('regular', TYPE.body, COLOR.body)
      this.doc.text(text, MARGIN.left + pad + 4, this.doc.y + 3, { width, lineGap: LINE_GAP })
    })
    this.doc.y = top + height + 10
  }

  /** Big figures in a row ("68 specifications · 41 Yes …"), tagged as one paragraph each. */
  statRow(stats: Array<{ value: string; label: string; color?: string }>): void {
    const gap = 10
    const width = (CONTENT_WIDTH - gap * (stats.length - 1)) / stats.length
    const labelSize = TYPE.caption + 0.5
    const labelHeight = Math.max(...stats.map(s => this.textHeight(s.label, width - 18, 'regular', labelSize)))
    const height = 40 + labelHeight
    this.ensureSpace(height + 10)
    const top = this.doc.y
    stats.forEach((stat, i) => {
      const x = MARGIN.left + i * (width + gap)
      this.artifact(() => {
        this.doc.rect(x, top, width, height).lineWidth(0.6).strokeColor(COLOR.rule).stroke()
        this.doc.rect(x, top, width, 2.5).fill(stat.color ?? COLOR.accent)
      })
      this.tagged('P', () => {
        this.font('serifSemibold', 18, stat.color ?? COLOR.ink)
        this.doc.text(`${stat.value} `, x + 9, top + 9, { width: width - 18, lineBreak: false })
        this.font('regular', labelSize, COLOR.muted)
        this.doc.text(stat.label, x + 9, top + 33, { width: width - 18, lineGap: LINE_GAP })
      })
    })
    this.doc.y = top + height + 12
  }

  /** Tagged text at an exact position (covers, signature blocks). Does not move the flow. */
  textAt(
    tag: 'H1' | 'P',
    text: string,
    x: number,
    y: number,
    style: { font?: keyof typeof FONTS; size?: number; color?: string; width?: number; characterSpacing?: number } = {}
  ): number {
    let bottom = y
    this.tagged(tag, () => {
      this.font(style.font ?? 'regular', style.size ?? TYPE.body, style.color ?? COLOR.body)
      this.doc.text(text, x, y, { width: style.width ?? CONTENT_WIDTH, lineGap: LINE_GAP, characterSpacing: style.characterSpacing ?? 0 })
      bottom = this.doc.y
    })
    return bottom
  }

  rule(x1: number, y: number, x2: number, options: { color?: string; width?: number } = {}): void {
    this.artifact(() => {
      this.doc
        .moveTo(x1, y)
        .lineTo(x2, y)
        .lineWidth(options.width ?? 0.6)
        .strokeColor(options.color ?? COLOR.rule)
        .stroke()
    })
  }

  fillRect(x: number, y: number, w: number, h: number, color: string): void {
    this.artifact(() => {
      this.doc.rect(x, y, w, h).fill(color)
    })
  }

  /** Label/value pairs as a table whose first column holds row headers. */
  keyValues(pairs: Array<[string, string]>, options: { x?: number; width?: number; labelWidth?: number; size?: number } = {}): void {
    const x0 = options.x ?? MARGIN.left
    const width = options.width ?? CONTENT_WIDTH
    const labelWidth = options.labelWidth ?? 130
    const size = options.size ?? TYPE.body
    const table = this.doc.struct('Table')
    this.root.add(table)
    for (const [label, value] of pairs) {
      const height = Math.max(this.textHeight(value, width - labelWidth, 'regular', size), size) + 8
      this.ensureSpace(height)
      const top = this.doc.y
      const tr = this.doc.struct('TR')
      table.add(tr)
      this.tagged(
        'TH',
        () => {
          this.font('semibold', size, COLOR.muted)
          this.doc.text(label, x0, top + 4, { width: labelWidth - 8, lineGap: LINE_GAP })
        },
        tr,
        { scope: 'Row' }
      )
      this.tagged(
        'TD',
        () => {
          this.font('regular', size, COLOR.ink)
          this.doc.text(value, x0 + labelWidth, top + 4, { width: width - labelWidth, lineGap: LINE_GAP })
        },
        tr
      )
      tr.end()
      this.rule(x0, top + height, x0 + width, { color: COLOR.hairline, width: 0.5 })
      this.doc.y = top + height
    }
    table.end()
    this.doc.y += 8
  }

  /** A signature block: tagged labels over artifact lines. */
  signatureLines(labels: string[]): void {
    const gap = 24
    const width = (CONTENT_WIDTH - gap) / 2
    const rowHeight = 54
    for (let i = 0; i < labels.length; i += 2) {
      this.ensureSpace(rowHeight)
      const top = this.doc.y
      for (let j = 0; j < 2 && i + j < labels.length; j++) {
        const x = MARGIN.left + j * (width + gap)
        this.rule(x, top + 30, x + width, { color: COLOR.ink, width: 0.7 })
        this.textAt('P', labels[i + j] as string, x, top + 34, { size: TYPE.small, color: COLOR.muted, width })
      }
      this.doc.y = top + rowHeight
    }
  }

  // ---------------------------------------------------------------- tables

  /**
   * A data table. Rows never split; when a row does not fit, the table continues on a new page
   * under a repeated header row (an artifact: the header is tagged once, on its first page).
   */
  table(columns: TableColumn[], rows: TableCellValue[][], options: { caption?: string; size?: number; zebra?: boolean } = {}): void {
    const size = options.size ?? TYPE.table
    const totalShare = columns.reduce((sum, c) => sum + c.width, 0)
    const widths = columns.map(c => (c.width / totalShare) * CONTENT_WIDTH)
    const padX = 5
    const padY = 4
    const table = this.doc.struct('Table')
    this.root.add(table)
    if (options.caption) {
      this.ensureSpace(60)
      const top = this.doc.y
      this.tagged(
        'Caption',
        () => {
          this.font('semibold', TYPE.small, COLOR.muted)
          this.doc.text(options.caption as string, MARGIN.left, top, { width: CONTENT_WIDTH, lineGap: LINE_GAP })
        },
        table
      )
      this.doc.y += 3
    }

    const headerHeight = Math.max(...columns.map((c, i) => this.textHeight(c.header, widths[i]! - padX * 2, 'semibold', size))) + padY * 2
    const drawHeader = (tagged: boolean) => {
      const top = this.doc.y
      this.artifact(() => {
        this.doc.rect(MARGIN.left, top, CONTENT_WIDTH, headerHeight).fill(COLOR.accentSoft)
        this.doc
          .moveTo(MARGIN.left, top + headerHeight)
          .lineTo(MARGIN.left + CONTENT_WIDTH, top + headerHeight)
          .lineWidth(0.8)
          .strokeColor(COLOR.accent)
          .stroke()
      })
      const tr = tagged ? this.doc.struct('TR') : null
      if (tr) table.add(tr)
      let x = MARGIN.left
      columns.forEach((column, i) => {
        const draw = () => {
          this.font('semibold', size, COLOR.accent)
          this.doc.text(column.header, x + padX, top + padY, { width: widths[i]! - padX * 2, align: column.align ?? 'left', lineGap: LINE_GAP })
        }
        if (tr) this.tagged('TH', draw, tr, { scope: 'Column' })
        else this.artifact(draw, 'Pagination')
        x += widths[i]!
      })
      tr?.end()
      this.doc.y = top + headerHeight
    }

    const cellText = (v: TableCellValue) => (typeof v === 'string' ? v : v.text)
    this.ensureSpace(headerHeight + 24)
    drawHeader(true)
    rows.forEach((row, r) => {
      const heights = row.map((v, i) =>
        this.textHeight(
          cellText(v) || ' ',
          widths[i]! - padX * 2,
          columns[i]?.bold || (typeof v !== 'string' && v.bold) ? 'semibold' : 'regular',
          size
        )
      )
      const rowHeight = Math.max(...heights) + padY * 2
      if (this.doc.y + rowHeight > this.bottom) {
        this.newPage()
        drawHeader(false)
      }
      const top = this.doc.y
      this.artifact(() => {
        if (options.zebra !== false && r % 2 === 1) this.doc.rect(MARGIN.left, top, CONTENT_WIDTH, rowHeight).fill(COLOR.zebra)
        this.doc
          .moveTo(MARGIN.left, top + rowHeight)
          .lineTo(MARGIN.left + CONTENT_WIDTH, top + rowHeight)
          .lineWidth(0.4)
          .strokeColor(COLOR.hairline)
          .stroke()
      })
      const tr = this.doc.struct('TR')
      table.add(tr)
      let x = MARGIN.left
      row.forEach((value, i) => {
        const column = columns[i]!
        const text = cellText(value)
        const bold = column.bold || (typeof value !== 'string' && value.bold)
        const color = typeof value !== 'string' && value.color ? value.color : column.bold ? COLOR.ink : COLOR.body
        this.tagged(
          'TD',
          () => {
            this.font(bold ? 'semibold' : 'regular', size, color)
            this.doc.text(text, x + padX, top + padY, { width: widths[i]! - padX * 2, align: column.align ?? 'left', lineGap: LINE_GAP })
          },
          tr
        )
        x += widths[i]!
      })
      tr.end()
      this.doc.y = top + rowHeight
    })
    table.end()
    this.doc.y += 10
  }

  // ---------------------------------------------------------------- charts

  /**
   * Horizontal stacked bars (one per row), drawn as vectors inside one Figure whose alternative
   * text states every value, followed by a legend that is part of the figure.
   */
  stackedBars(options: StackedBarsOptions): void {
    drawStackedBars(this, options)
  }

  /** Vertical stacked columns (one per point, e.g. per scan), with a value axis and a legend. */
  columnChart(options: ColumnChartOptions): void {
    drawColumnChart(this, options)
  }

  /** A likelihood × impact grid, each cell printing its count and level in words. */
  heatGrid(options: HeatGridOptions): void {
    drawHeatGrid(this, options)
  }

  /**
   * One tagged Figure of `height` points across the content width: `draw` paints it with absolute
   * coordinates from `top` (the pen's font helper keeps the writer's fonts), and the alternative text
   * says what it shows. Every chart is drawn through here.
   */
  figure(options: { alt: string; height: number; gapAfter?: number; draw(pen: FigurePen, top: number): void }): void {
    this.ensureSpace(options.height + 10)
    const top = this.doc.y
    const content = this.doc.markStructureContent('Figure')
    options.draw({ doc: this.doc, font: (name, size, color) => this.font(name, size, color) }, top)
    this.doc.endMarkedContent()
    this.figureCount += 1
    this.root.add(
      this.doc.struct(
        'Figure',
        { alt: options.alt, bbox: [MARGIN.left, top, MARGIN.left + CONTENT_WIDTH, top + options.height], placement: 'Block' } as StructOptions,
        [content]
      )
    )
    this.doc.x = MARGIN.left
    this.doc.y = top + options.height + (options.gapAfter ?? 8)
  }

  /**
   * A vector drawing `draw` makes in its own units (width × height), scaled down to the content
   * width and the page, inside one Figure whose alternative text describes it. `draw` gets the
   * document already moved and scaled, and a way to pick the pack's regular or bold font.
   */
  vectorFigure(options: { alt: string; width: number; height: number; draw(doc: PdfDoc, font: (weight: 'regular' | 'bold') => void): void }): {
    scale: number
  } {
    const maxHeight = this.bottom - MARGIN.top - 24
    const scale = Math.min(CONTENT_WIDTH / Math.max(options.width, 1), maxHeight / Math.max(options.height, 1), 1)
    const height = options.height * scale
    this.ensureSpace(height + 10)
    const top = this.doc.y
    const content = this.doc.markStructureContent('Figure')
    this.doc.save()
    this.doc.translate(MARGIN.left, top).scale(scale)
    options.draw(this.doc, weight => this.doc.font(FONTS[weight]))
    this.doc.restore()
    this.doc.endMarkedContent()
    this.figureCount += 1
    this.root.add(
      this.doc.struct(
        'Figure',
        { alt: options.alt, bbox: [MARGIN.left, top, MARGIN.left + options.width * scale, top + height], placement: 'Block' } as StructOptions,
        [content]
      )
    )
    this.doc.x = MARGIN.left
    this.doc.y = top + height + 8
    return { scale }
  }

  // ---------------------------------------------------------------- contents, running heads, end

  /** Reserves the contents page now (so it sits in reading order) and fills it in at the end. */
  reserveContents(pages = 1): void {
    this.newPage()
    const pageIndex = this.pageIndex
    for (let i = 1; i < pages; i++) this.newPage()
    const struct = this.doc.struct('TOC')
    this.root.add(struct)
    this.contentsReservation = { pageIndex, pages, struct }
  }

  private fillContents(): void {
    const reservation = this.contentsReservation
    if (!reservation) return
    const first = this.doc.bufferedPageRange().start
    let page = reservation.pageIndex
    this.doc.switchToPage(page)
    const headingTop = MARGIN.top
    const heading = this.doc.struct('H1')
    reservation.struct.add(heading)
    const content = this.doc.markStructureContent('H1')
    this.font('serifSemibold', TYPE.h1, COLOR.accent)
    this.doc.text('Contents', MARGIN.left, headingTop, { width: CONTENT_WIDTH })
    this.doc.endMarkedContent()
    heading.add(content)
    heading.end()
    let y = this.accentRule() + 18
    // The space was reserved before the sections were known: if every entry cannot fit, list the
    // sections only (the bookmarks still hold every heading).
    const capacity = (this.bottom - y) * reservation.pages
    const needed = this.contents.reduce((sum, e) => sum + (e.level === 1 ? 19 : 15), 0)
    const entries = needed <= capacity ? this.contents : this.contents.filter(e => e.level === 1)
    for (const entry of entries) {
      const rowHeight = entry.level === 1 ? 19 : 15
      if (y + rowHeight > this.bottom && page < reservation.pageIndex + reservation.pages - 1) {
        page += 1
        this.doc.switchToPage(page)
        y = MARGIN.top
      }
      const indent = entry.level === 1 ? 0 : 16
      const pageNumber = String(entry.pageIndex - first + 1)
      const size = entry.level === 1 ? TYPE.body + 0.5 : TYPE.small
      const font = entry.level === 1 ? 'semibold' : 'regular'
      this.font(font, size)
      const titleWidth = this.doc.widthOfString(entry.title)
      const numberWidth = this.doc.widthOfString(pageNumber)
      const item = this.doc.struct('TOCI')
      reservation.struct.add(item)
      const entryContent = this.doc.markStructureContent('P')
      this.font(font, size, entry.level === 1 ? COLOR.ink : COLOR.body)
      this.doc.text(entry.title, MARGIN.left + indent, y, { lineBreak: false })
      this.doc.text(pageNumber, MARGIN.left + CONTENT_WIDTH - numberWidth, y, { lineBreak: false })
      this.doc.endMarkedContent()
      item.add(this.doc.struct('P', {}, [entryContent]))
      item.end()
      const dotsFrom = MARGIN.left + indent + titleWidth + 6
      const dotsTo = MARGIN.left + CONTENT_WIDTH - numberWidth - 6
      if (dotsTo > dotsFrom) {
        this.artifact(() => {
          this.doc
            .moveTo(dotsFrom, y + size * 0.85)
            .lineTo(dotsTo, y + size * 0.85)
            .lineWidth(0.6)
            .dash(0.6, { space: 2.4 })
            .strokeColor(COLOR.faint)
            .stroke()
            .undash()
        })
      }
      y += rowHeight
    }
    reservation.struct.end()
  }

  /** The draft mark, centred above the running header and on the footer line, so no page of a draft can pass as final. */
  private drawDraftMark(mark: string): void {
    this.artifact(() => {
      this.font('bold', TYPE.caption + 1, COLOR.bad)
      const x = (PAGE.width - this.doc.widthOfString(mark)) / 2
      this.doc.text(mark, x, 16, { lineBreak: false })
      this.doc.text(mark, x, PAGE.height - 24, { lineBreak: false })
    }, 'Pagination')
  }

  private drawRunningHeads(): void {
    const { start, count } = this.doc.bufferedPageRange()
    for (let i = start; i < start + count; i++) {
      const draftMark = this.options.draftMark
      if (draftMark) {
        this.doc.switchToPage(i)
        this.drawDraftMark(draftMark)
      }
      if (this.coverPages.has(i)) continue
      this.doc.switchToPage(i)
      this.artifact(() => {
        const headY = 34
        this.font('semibold', TYPE.caption, COLOR.muted)
        this.doc.text(this.options.header.left, MARGIN.left, headY, { lineBreak: false })
        this.font('regular', TYPE.caption, COLOR.muted)
        const right = this.options.header.right
        this.doc.text(right, PAGE.width - MARGIN.right - this.doc.widthOfString(right), headY, { lineBreak: false })
        this.doc
          .moveTo(MARGIN.left, headY + 13)
          .lineTo(PAGE.width - MARGIN.right, headY + 13)
          .lineWidth(0.5)
          .strokeColor(COLOR.rule)
          .stroke()
        const footY = PAGE.height - 40
        this.doc
          .moveTo(MARGIN.left, footY - 6)
          .lineTo(PAGE.width - MARGIN.right, footY - 6)
          .lineWidth(0.5)
          .strokeColor(COLOR.rule)
          .stroke()
        this.doc.text(this.options.footer.left, MARGIN.left, footY, { lineBreak: false })
        const pageLabel = `Page ${i - start + 1} of ${count}`
        this.font('semibold', TYPE.caption, COLOR.muted)
        this.doc.text(pageLabel, PAGE.width - MARGIN.right - this.doc.widthOfString(pageLabel), footY, { lineBreak: false })
      }, 'Pagination')
    }
  }

  /** The top-level headings and the page each starts on (1 = the first page), for a preview of the document's outline. */
  get outline(): { title: string; page: number }[] {
    const start = this.doc.bufferedPageRange().start
    return this.contents.filter(e => e.level === 1).map(e => ({ title: e.title, page: e.pageIndex - start + 1 }))
  }

  get pageCount(): number {
    return this.doc.bufferedPageRange().count
  }

  async finish(): Promise<{ buffer: Buffer; pages: number }> {
    if (this.options.signal?.aborted) throw new AbortedError()
    this.fillContents()
    this.drawRunningHeads()
    const pages = this.pageCount
    this.root.end()
    // Both identifiers: PDF/A-2a for archiving, PDF/UA-1 for Section 508 review (pdfkit takes one subset option).
    this.doc.appendXML(`
        <rdf:Description xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" rdf:about="">
            <pdfuaid:part>1</pdfuaid:part>
        </rdf:Description>
        `)
    this.doc.end()
    return { buffer: withContentId(await this.done), pages }
  }

  /** Embeds a file as an associated file of the document (PDF/A-3): listed in /AF and in the attachments panel. */
  attachFile(file: PdfAttachment): void {
    const createdAt = this.createdAt
    this.doc.file(file.data, {
      name: file.name,
      type: file.mimeType,
      description: file.description,
      relationship: file.relationship,
      creationDate: createdAt,
      modifiedDate: createdAt
    } as PDFKit.Mixins.PDFAttachmentOptions)
  }

  get figures(): number {
    return this.figureCount
  }
}

/**
 * Replaces the placeholder file identifier in the trailer with the first 16 bytes of the SHA-256 of the document as
 * written with the placeholder: the identifier then names the content, and the same content always gets the same one.
 */
function withContentId(buffer: Buffer): Buffer {
  const placeholder = `<${PLACEHOLDER_ID.toString('hex')}>`
  const trailer = buffer.lastIndexOf('trailer')
  const at = buffer.indexOf(placeholder, trailer)
  if (trailer < 0 || at < 0) throw new Error('The PDF writer found no file identifier to set in the trailer.')
  const id = `<${createHash('sha256').update(buffer).digest().subarray(0, 16).toString('hex')}>`
  const out = Buffer.from(buffer)
  for (let from = at; from >= 0; from = out.indexOf(placeholder, from + placeholder.length)) out.write(id, from, 'latin1')
  return out
}
