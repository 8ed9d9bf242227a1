import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  TabStopType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType
} from 'docx'
import { estimatePageNumbers } from 'docx/layout'
import { fontData } from '../fonts'
import { fillPolicy, type FilledPolicy, type PolicyFillData } from '../policies/fill'
import { ADDRESSABLE_DECISION_LABELS, type PolicyTemplate } from '../policies/template-schema'
import { findCitation } from '../rule-citations'
import { formatLongDate } from '../format'

/**
 * Renders one policy of the set as a real Word document: heading styles (navigable, read by
 * screen readers), numbered sections, a table of contents field pre-filled with page numbers,
 * page numbers in the footer, a document control table, title and language set, table header
 * rows marked to repeat. Pure: (template, fill data) → DOCX bytes.
 */

const FONT = 'Source Sans 3'
const INK = '1F2A37'
const ACCENT = '1D4E6B'
const MUTED = '5B6675'
const RULE = 'C9D1DB'
const HEADER_FILL = 'E8EEF3'
/** Letter page, 1 inch margins: 12240 − 2 × 1440 twips of text width. */
const TEXT_WIDTH = 9360

const KIND_LABEL = { policy: 'Policy', procedure: 'Procedure', plan: 'Plan' } as const

export type RelatedDocument = { id: string; number: string; title: string }

export type RenderPolicyOptions = {
  /** The other documents of the set, to name related documents by number and title. */
  relatedDocuments?: RelatedDocument[]
}

export async function renderPolicyDocx(template: PolicyTemplate, data: PolicyFillData, options: RenderPolicyOptions = {}): Promise<Buffer> {
  const policy = fillPolicy(template, data)
  const doc = new Document({
    title: `${policy.number} ${policy.title}`,
    subject: 'HIPAA Security Rule policy',
    creator: data.organization.name,
    description: policy.summary,
    keywords: policy.implements.join(', '),
    lastModifiedBy: 'Safeguard',
    features: { updateFields: false },
    pageNumbers: estimatePageNumbers,
    fonts: [
      {
        name: FONT,
        data: fontData('sans'),
        // Regular and bold only: the documents use no italic, and every embedded face is compressed again per file.
        bold: fontData('sansBold')
      }
    ],
    styles: documentStyles(),
    numbering: numberingConfig(policy.procedures.length),
    sections: [
      {
        properties: {
          page: {
            size: { width: 12240, height: 15840 },
            margin: { top: 1440, bottom: 1296, left: 1440, right: 1440, header: 648, footer: 576 }
          }
        },
        headers: { default: pageHeader(policy) },
        footers: { default: pageFooter(policy) },
        children: body(policy, options)
      }
    ]
  })
  return Packer.toBuffer(doc)
}

function documentStyles() {
  const heading = (size: number, before: number, after: number, color = ACCENT) => ({
    run: { font: FONT, size, bold: true, color },
    paragraph: { spacing: { before, after }, keepNext: true, keepLines: true }
  })
  return {
    default: {
      document: {
        run: { font: FONT, size: 21, color: INK, language: { value: 'en-US' } },
        paragraph: { spacing: { after: 120, line: 276 } }
      },
      title: {
        run: { font: FONT, size: 44, bold: true, color: INK },
        paragraph: { spacing: { before: 120, after: 160, line: 240, lineRule: LineRuleType.AUTO } }
      },
      heading1: heading(28, 360, 120),
      heading2: heading(23, 240, 80, INK)
    },
    paragraphStyles: [
      {
        id: 'Eyebrow',
        name: 'Eyebrow',
        basedOn: 'Normal',
        run: { size: 18, bold: true, color: ACCENT, allCaps: true, characterSpacing: 20 },
        paragraph: { spacing: { after: 60 } }
      },
      {
        id: 'Lead',
        name: 'Lead',
        basedOn: 'Normal',
        run: { size: 24, color: MUTED },
        paragraph: { spacing: { after: 240, line: 300 } }
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: 19 },
        paragraph: { spacing: { before: 40, after: 40, line: 252 } }
      },
      // Explicit contents styles, so Word and LibreOffice space the entries alike and the page
      // numbers worked out for the contents hold in both.
      {
        id: 'TOC1',
        name: 'toc 1',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 21 },
        paragraph: { spacing: { before: 0, after: 60 } }
      },
      {
        id: 'TOC2',
        name: 'toc 2',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 20, color: MUTED },
        paragraph: { spacing: { before: 0, after: 60 }, indent: { left: 300 } }
      },
      {
        id: 'SmallNote',
        name: 'Small Note',
        basedOn: 'Normal',
        run: { size: 17, color: MUTED },
        paragraph: { spacing: { after: 60 } }
      }
    ]
  }
}

function numberingConfig(procedureCount: number) {
  return {
    config: [
      {
        reference: 'sections',
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: '%1.',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 567, hanging: 567 } } }
          },
          {
            level: 1,
            format: LevelFormat.DECIMAL,
            text: '%1.%2',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 680, hanging: 680 } } }
          }
        ]
      },
      // One list per procedure so each procedure's steps start again at 1.
      ...Array.from({ length: Math.max(procedureCount, 1) }, (_, i) => ({
        reference: `steps-${i}`,
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: '%1)',
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent: { left: 1134, hanging: 397 } } }
          }
        ]
      }))
    ]
  }
}

function pageHeader(policy: FilledPolicy): Header {
  return new Header({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
        children: [
          new TextRun({ text: policy.organizationName, size: 17, color: MUTED, bold: true }),
          new TextRun({ text: `\t${policy.number} · Version ${policy.control.version}`, size: 17, color: MUTED })
        ]
      })
    ]
  })
}

function pageFooter(policy: FilledPolicy): Footer {
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: RULE, space: 4 } },
        children: [
          new TextRun({ text: `${policy.title} · Internal`, size: 17, color: MUTED }),
          new TextRun({ text: '\tPage ', size: 17, color: MUTED }),
          new TextRun({ children: [PageNumber.CURRENT], size: 17, color: MUTED }),
          new TextRun({ text: ' of ', size: 17, color: MUTED }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 17, color: MUTED })
        ]
      })
    ]
  })
}

const heading1 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1, numbering: { reference: 'sections', level: 0 } })

const heading2 = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, numbering: { reference: 'sections', level: 1 } })

const para = (text: string) => new Paragraph({ text })

/** An introduction kept on the same page as the table that follows it. */
const intro = (text: string) => new Paragraph({ text, keepNext: true })

function cell(text: string, width: number, options: { header?: boolean; bold?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    shading: options.header ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } : undefined,
    children: [
      new Paragraph({
        style: 'TableText',
        children: [new TextRun({ text, bold: options.header || options.bold, color: options.header ? ACCENT : INK })]
      })
    ]
  })
}

/** A data table: the first row is a header row that Word repeats on every page and screen readers announce. */
function dataTable(headers: string[], widths: number[], rows: string[][], boldFirstColumn = false): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: RULE }
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: headers.map((h, i) => cell(h, widths[i] as number, { header: true }))
      }),
      ...rows.map(
        row =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) => cell(text, widths[i] as number, { bold: boldFirstColumn && i === 0 }))
          })
      )
    ]
  })
}

function requirementLabel(citation: string): string {
  const found = findCitation(citation)
  if (!found) return ''
  if (found.kind === 'section') return 'Breach rule'
  if (found.requirement === 'addressable') return 'Addressable'
  return 'Required'
}

function body(policy: FilledPolicy, options: RenderPolicyOptions): Array<Paragraph | Table | TableOfContents> {
  const control = policy.control
  const children: Array<Paragraph | Table | TableOfContents> = [
    new Paragraph({ style: 'Eyebrow', text: `${policy.organizationName} · ${KIND_LABEL[policy.kind]} ${policy.number}` }),
    new Paragraph({ heading: HeadingLevel.TITLE, text: policy.title }),
    new Paragraph({ style: 'Lead', text: policy.summary }),
    dataTable(
      ['Version', 'Owner', 'Approved by', 'Effective', 'Next review'],
      [1200, 2240, 2240, 1840, 1840],
      [[control.version, control.owner, control.approver, formatLongDate(control.effectiveDate), formatLongDate(control.nextReview)]]
    ),
    new Paragraph({
      style: 'SmallNote',
      spacing: { before: 80, after: 240 },
      text: `Implements 45 CFR ${policy.implements.join(', ')}.`
    }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
    heading1('Purpose'),
    ...policy.purpose.map(para),
    heading1('Scope'),
    ...policy.scope.map(para),
    heading1('Policy statements'),
    ...policy.statements.map(text => new Paragraph({ text, numbering: { reference: 'sections', level: 1 }, spacing: { after: 100 } })),
    heading1(policy.kind === 'policy' ? 'Procedures' : 'Steps'),
    ...policy.procedures.flatMap((procedure, i) => [
      heading2(procedure.title),
      ...procedure.steps.map(step => new Paragraph({ text: step, numbering: { reference: `steps-${i}`, level: 0 } }))
    ]),
    heading1('Roles and responsibilities'),
    dataTable(
      ['Role', 'Responsibilities'],
      [2800, TEXT_WIDTH - 2800],
      policy.roles.map(r => [r.role, r.duties]),
      true
    )
  ]
  if (policy.addressableDecisions.length > 0) {
    children.push(
      heading1('Addressable implementation decisions'),
      intro(
        policy.addressableDecisions.some(d => d.source === 'template')
          ? 'Each Addressable specification this document implements is to be assessed as 45 CFR 164.306(d)(3) requires: whether it is reasonable and appropriate here, and if not, what equivalent measure is used instead and why. Rows marked "Not yet assessed" show the template\u2019s suggestion until the organisation records its own decision.'
          : 'Each Addressable specification this document implements was assessed as 45 CFR 164.306(d)(3) requires: whether it is reasonable and appropriate here, and if not, what equivalent measure is used instead and why.'
      ),
      dataTable(
        ['Specification', 'Decision', 'Rationale'],
        [2300, 2200, TEXT_WIDTH - 4500],
        policy.addressableDecisions.map(d => [
          `${d.citation} ${findCitation(d.citation)?.title ?? ''}`.trim(),
          d.source === 'template'
            ? `Not yet assessed (template suggests: ${ADDRESSABLE_DECISION_LABELS[d.decision].toLowerCase()})`
            : ADDRESSABLE_DECISION_LABELS[d.decision],
          d.rationale
        ])
      )
    )
  }
  children.push(
    heading1('Enforcement'),
    ...policy.enforcement.map(para),
    heading1('Specifications implemented'),
    dataTable(
      ['Citation (45 CFR)', 'Title', 'Requirement'],
      [2300, TEXT_WIDTH - 3900, 1600],
      policy.implements.map(c => [c, findCitation(c)?.title ?? '', requirementLabel(c)])
    )
  )
  const related = (options.relatedDocuments ?? []).filter(d => policy.related.includes(d.id))
  if (related.length > 0) {
    children.push(heading1('Related documents'), ...related.map(d => para(`${d.number}  ${d.title}`)))
  }
  children.push(
    heading1('Approval'),
    intro(
      `Approved for ${policy.organizationName}. This document takes effect on ${formatLongDate(control.effectiveDate)} and is reviewed no later than ${formatLongDate(control.nextReview)}.`
    ),
    dataTable(
      ['', 'Name and title', 'Signature', 'Date'],
      [1500, 3100, 3060, 1700],
      [
        ['Owner', control.owner, '', ''],
        ['Approver', control.approver, '', '']
      ],
      true
    )
  )
  return children
}
