import type { EvidencePackData } from '../pack-data'
import { formatLongDate } from '../../format'
import { describeRedactionCounts, type RedactionCount } from '../../redact'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR, CONTENT_WIDTH, MARGIN, PAGE, TYPE } from '../../pdf/theme'
import { drawDraftNote } from '../../pdf/draft-note'

import { ROLE_LABEL } from './shared'

/** What the redacted edition says it replaced: kinds and how many distinct values of each, never the values. */
function redactionNote(counts: readonly RedactionCount[]): string {
  const replaced = counts.length
    ? `Replaced in this edition: ${describeRedactionCounts(counts)}.`
    : 'No account id, ARN, resource name, IP address or e-mail address was found to replace.'
  return ` Redacted edition: cloud account ids, ARNs, cloud resource names, IP addresses and e-mail addresses are replaced by placeholders such as [bucket 1], the same placeholder for the same value throughout. ${replaced}`
}

export function cover(
  w: PdfWriter,
  data: EvidencePackData,
  redaction: { counts: readonly RedactionCount[] } | null,
  draftReasons: readonly string[] = []
): void {
  w.newPage({ cover: true })
  w.fillRect(0, 0, PAGE.width, 10, COLOR.accent)
  const x = MARGIN.left + 6
  const width = CONTENT_WIDTH - 12
  w.textAt('P', 'HIPAA SECURITY RULE · EVIDENCE PACK', x, 190, {
    font: 'semibold',
    size: TYPE.small,
    color: COLOR.accent,
    characterSpacing: 1.2
  })
  const titleBottom = w.textAt('H1', data.organization.name, x, 210, {
    font: 'serifSemibold',
    size: TYPE.title,
    color: COLOR.ink,
    width
  })
  const subtitleBottom = w.textAt(
    'P',
    `Security safeguards, agreements and evidence for the ${data.period.label} assessment period`,
    x,
    titleBottom + 8,
    { size: 13, color: COLOR.muted, width: width * 0.85 }
  )
  w.rule(x, subtitleBottom + 22, x + 60, { color: COLOR.accent, width: 2.5 })
  w.y = subtitleBottom + 40
  w.keyValues(
    [
      ['Organisation', `${data.organization.name} (${ROLE_LABEL[data.organization.role].toLowerCase()})`],
      ['Assessment period', `${data.period.label}: ${formatLongDate(data.period.start)} to ${formatLongDate(data.period.end)}`],
      ['Prepared on', formatLongDate(data.preparedOn)],
      ['Prepared by', `${data.preparedBy.name}, ${data.preparedBy.title}`],
      ['Cloud provider', data.cloud.provider]
    ],
    { x, width: width * 0.8, labelWidth: 120 }
  )
  drawDraftNote(w, draftReasons, { x, y: w.y + 20, width })
  const noteY = PAGE.height - 150
  // A redaction note takes more lines: the note starts higher so the last line stays where it was.
  const noteTop = redaction ? noteY - 44 : noteY
  const redactionText = redaction ? redactionNote(redaction.counts) : ''
  w.rule(x, noteTop - 12, x + width, { color: COLOR.rule, width: 0.5 })
  const noteBottom = w.textAt(
    'P',
    `Confidential. Prepared for procurement and audit review of ${data.organization.name}. It reflects the compliance workspace as recorded on ${formatLongDate(data.preparedOn)}; the regulation cited is 45 CFR Part 164, Subparts C and D.${redactionText}`,
    x,
    noteTop,
    { size: TYPE.small, color: COLOR.muted, width }
  )
  w.textAt(
    'P',
    'Generated offline by Safeguard. This document describes safeguards; it is not legal advice.',
    x,
    Math.max(noteY + 44, noteBottom + 10),
    {
      size: TYPE.caption,
      color: COLOR.faint,
      width
    }
  )
}
