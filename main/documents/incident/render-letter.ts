import { Document, Header, HeadingLevel, HighlightColor, Packer, Paragraph, TextRun } from 'docx'
import { fontData } from '../fonts'
import type { LetterParagraph, LetterText } from './letter-text'

/**
 * A letter draft as a Word document for the person to edit: every page headed with what it is
 * (a draft that Safeguard will not send), each gap highlighted and bracketed so none is missed,
 * title and language set. Pure: (letter text) → DOCX bytes.
 */

export const DRAFT_HEADER = 'Draft prepared by Safeguard — review before sending; Safeguard sends nothing.'

const FONT = 'Source Sans 3'
const INK = '1F2A37'
const ACCENT = '1D4E6B'
const MUTED = '5B6675'

function runs(paragraph: LetterParagraph): TextRun[] {
  return paragraph
    .filter(run => run !== '')
    .map(run =>
      typeof run === 'string'
        ? new TextRun(run)
        : // Bracketed as well as highlighted: the gap still shows when printed in black and white or read aloud.
          new TextRun({ text: `[to complete: ${run.toComplete}]`, highlight: HighlightColor.YELLOW, bold: true })
    )
}

const para = (paragraph: LetterParagraph, spacingAfter = 120) => new Paragraph({ children: runs(paragraph), spacing: { after: spacingAfter } })

export async function renderLetterDocx(letter: LetterText, meta: { subject: string; creator: string; citation: string }): Promise<Buffer> {
  const doc = new Document({
    title: letter.title,
    subject: meta.subject,
    creator: meta.creator,
    description: `${DRAFT_HEADER} (${meta.citation})`,
    lastModifiedBy: 'Safeguard',
    fonts: [{ name: FONT, data: fontData('sans'), bold: fontData('sansBold') }],
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, color: INK, language: { value: 'en-US' } }, paragraph: { spacing: { after: 120, line: 276 } } },
        title: { run: { font: FONT, size: 32, bold: true, color: INK }, paragraph: { spacing: { before: 240, after: 200 } } },
        heading1: { run: { font: FONT, size: 24, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true } }
      }
    },
    sections: [
      {
        properties: { page: { size: { width: 12240, height: 15840 }, margin: { top: 1440, bottom: 1296, left: 1440, right: 1440, header: 648 } } },
        headers: {
          default: new Header({ children: [new Paragraph({ children: [new TextRun({ text: DRAFT_HEADER, bold: true, color: MUTED, size: 18 })] })] })
        },
        children: [
          ...letter.head.map(line => para(line, 40)),
          new Paragraph({ heading: HeadingLevel.TITLE, text: letter.title }),
          ...letter.opening.map(line => para(line)),
          ...letter.sections.flatMap(section => [
            new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.heading }),
            ...section.paragraphs.map(line => para(line))
          ]),
          ...letter.closing.map(line => para(line, 60))
        ]
      }
    ]
  })
  return Packer.toBuffer(doc)
}
