import type { PdfWriter } from './pdf-writer'
import { COLOR, TYPE } from './theme'

/** The cover's word on a draft: that it is one, and what is missing before it can be sent. */
export function drawDraftNote(w: PdfWriter, reasons: readonly string[], at: { x: number; y: number; width: number }): void {
  if (reasons.length === 0) return
  const titleBottom = w.textAt('P', 'DRAFT — not ready to send', at.x, at.y, { font: 'bold', size: TYPE.h3, color: COLOR.bad, width: at.width })
  w.textAt('P', `Before this document is sent: ${reasons.join('; ')}. Every page is marked DRAFT until then.`, at.x, titleBottom + 4, {
    size: TYPE.small,
    color: COLOR.ink,
    width: at.width
  })
}
