import type { AnnualReviewData } from './review-data'
import type { RiskLevel } from '../evidence-pack/pack-data'
import { SEVERITIES } from '../evidence-pack/pack-data'
import { formatCount, formatLongDate, formatShortDate, plural } from '../format'
import { ANSWER_COLOR, ANSWER_LABEL, RISK_COLOR, RISK_LABEL, SEVERITY_COLOR, SEVERITY_LABEL } from '../labels'
import { PdfWriter, type PdfAttachment, type TableCellValue } from '../pdf/pdf-writer'
import { signatureNote, type SignatureNote } from '../pdf/signature-note'
import { COLOR, CONTENT_WIDTH, MARGIN, PAGE, TYPE } from '../pdf/theme'
import { renderRiskAnalysis } from '../risk-analysis/render-risk-analysis'
import { renderMapChanges } from './map-changes-section'
import { renderAttachedEvidence } from '../attached-evidence/render-attached-evidence'
import { drawDraftNote } from '../pdf/draft-note'
import { DRAFT_MARK } from '../readiness'

/**
 * The annual review report: what changed between the previous assessment period and this one,
 * for management and the family reviewers who sign it off. (data, options) → PDF bytes.
 */

/** The review's sections in order: one entry each, from which the contents, the preview and the headings derive. */
export const REVIEW_SECTIONS = [
  { id: 'summary', title: 'Summary of the year', render: summary },
  { id: 'answer-changes', title: 'Answers that changed', render: answerChanges },
  { id: 'gaps', title: 'Gaps opened and closed', render: gaps },
  { id: 'risks', title: 'Risk levels', render: risks },
  {
    id: 'risk-analysis',
    title: 'Risk analysis',
    render: (w, data) => renderRiskAnalysis(w, data.riskAnalysis ?? null, { preparedOn: data.preparedOn })
  },
  { id: 'remediation', title: 'Remediation', render: remediation },
  { id: 'findings-trend', title: 'Findings trend', render: findingsTrend },
  { id: 'agreements', title: 'Business associate agreements', render: agreements },
  { id: 'map-changes', title: 'Data-flow map changes', render: renderMapChanges },
  { id: 'incidents', title: 'Incidents of the year', render: incidents },
  {
    id: 'attached-evidence',
    title: 'Evidence by specification',
    render: (w, data) => renderAttachedEvidence(w, data.attachedEvidence, { preparedOn: data.preparedOn })
  },
  { id: 'sign-offs', title: 'Reviewer sign-offs', render: signOffs }
] as const satisfies readonly { id: string; title: string; render: (w: PdfWriter, data: AnnualReviewData) => void }[]

export type ReviewSectionId = (typeof REVIEW_SECTIONS)[number]['id']

export type AnnualReviewOptions = {
  /** Why the review is not ready to send: when any, every page is marked DRAFT and the cover says why. */
  draftReasons?: readonly string[]
  /** The generation date: the PDF's creation date (midnight UTC of it). Default: the day the data was prepared on. */
  createdAt?: Date
  /** Files to embed as associated files (the manifest). */
  attachments?: PdfAttachment[]
  /** The certificate the review will be signed with, printed after the sign-offs with how to check it. */
  signature?: SignatureNote | null
  signal?: AbortSignal
  onProgress?: (update: { phase: string; done: number; total: number }) => void
}

const NOT_RECORDED = 'Not recorded in this workspace.'
const LEVELS: RiskLevel[] = ['critical', 'high', 'medium', 'low']

export async function composeAnnualReview(data: AnnualReviewData, options: AnnualReviewOptions = {}): Promise<{ buffer: Buffer; pages: number }> {
  const w = new PdfWriter({
    title: `${data.organization.name}: HIPAA Security Annual Review, ${data.current.label}`,
    subject: 'Annual review of HIPAA Security Rule safeguards',
    author: data.preparedBy.name,
    keywords: 'HIPAA, Security Rule, annual review, 45 CFR 164.308(a)(8)',
    header: { left: data.organization.name, right: `Annual Security Review · ${data.current.label}` },
    footer: { left: 'Confidential' },
    ...(options.draftReasons?.length ? { draftMark: DRAFT_MARK } : {}),
    createdAt: options.createdAt ?? new Date(`${data.preparedOn}T00:00:00Z`),
    archive: 'PDF/A-3a',
    signal: options.signal,
    onProgress: options.onProgress
  })
  cover(w, data, options.draftReasons ?? [])
  w.reserveContents()
  const count = REVIEW_SECTIONS.length
  REVIEW_SECTIONS.forEach(({ title, render }, i) => {
    w.checkpoint(title, i, count)
    w.heading(title, 1, { newPage: i === 0 || i === count - 1 || w.remaining() < 320 })
    render(w, data)
  })
  if (options.signature) signatureNote(w, options.signature)
  for (const file of options.attachments ?? []) w.attachFile(file)
  w.checkpoint('Finishing', count, count)
  return w.finish()
}

function notRecorded(w: PdfWriter, what = ''): void {
  w.paragraph(`${NOT_RECORDED}${what ? ` ${what}` : ''}`, { color: COLOR.muted, font: 'italic' })
}

function periodText(data: AnnualReviewData): string {
  return data.previous
    ? `${data.current.label} compared with ${data.previous.label}`
    : `${data.current.label} (the first period recorded, so there is nothing to compare with)`
}

function cover(w: PdfWriter, data: AnnualReviewData, draftReasons: readonly string[]): void {
  w.newPage({ cover: true })
  w.fillRect(0, 0, PAGE.width, 10, COLOR.accent)
  const x = MARGIN.left + 6
  const width = CONTENT_WIDTH - 12
  w.textAt('P', 'HIPAA SECURITY RULE · ANNUAL REVIEW', x, 190, { font: 'semibold', size: TYPE.small, color: COLOR.accent, characterSpacing: 1.2 })
  const titleBottom = w.textAt('H1', data.organization.name, x, 210, { font: 'serifSemibold', size: TYPE.title, color: COLOR.ink, width })
  const subBottom = w.textAt('P', `Annual security review: ${periodText(data)}`, x, titleBottom + 8, {
    size: 13,
    color: COLOR.muted,
    width: width * 0.85
  })
  w.rule(x, subBottom + 22, x + 60, { color: COLOR.accent, width: 2.5 })
  w.y = subBottom + 40
  w.keyValues(
    [
      ['Period under review', `${formatLongDate(data.current.start)} to ${formatLongDate(data.current.end)}`],
      ['Previous period', data.previous ? `${formatLongDate(data.previous.start)} to ${formatLongDate(data.previous.end)}` : 'None recorded'],
      ['Prepared on', formatLongDate(data.preparedOn)],
      ['Prepared by', `${data.preparedBy.name}, ${data.preparedBy.title}`]
    ],
    { x, width: width * 0.8, labelWidth: 130 }
  )
  drawDraftNote(w, draftReasons, { x, y: w.y + 20, width })
  w.textAt(
    'P',
    'Confidential. The periodic evaluation required by 45 CFR 164.308(a)(8), prepared from the organisation’s compliance workspace. Generated offline by Safeguard; it is not legal advice.',
    x,
    PAGE.height - 150,
    { size: TYPE.small, color: COLOR.muted, width }
  )
}

function summary(w: PdfWriter, data: AnnualReviewData): void {
  w.paragraph(
    `This report records the annual evaluation of ${data.organization.name}’s security safeguards for ${periodText(data)}. It shows what changed in the assessment answers, which gaps opened or closed, how risk levels moved, what remediation was finished or is late, how cloud scan results trended, the business associate agreements signed or lapsed, what changed in the data-flow map, and the incidents of the year.`,
    { size: TYPE.body + 0.5, after: 12 }
  )
  const trend = data.findingsTrend ?? []
  const firstScan = trend[0]
  const lastScan = trend[trend.length - 1]
  const highNow = data.risks ? data.risks.levelsNow.high + data.risks.levelsNow.critical : null
  w.statRow([
    { value: data.answerChanges ? String(data.answerChanges.length) : '—', label: 'answers changed' },
    {
      value: data.gaps ? String(data.gaps.openNow) : '—',
      label: data.gaps?.openBefore != null ? `open gaps (${formatCount(data.gaps.openBefore)} last period)` : 'open gaps',
      color: data.gaps && data.gaps.openNow > (data.gaps.openBefore ?? Infinity) ? COLOR.bad : COLOR.ink
    },
    { value: data.gaps ? formatCount(data.gaps.closed.length) : '—', label: 'gaps closed this period', color: COLOR.good },
    { value: highNow === null ? '—' : String(highNow), label: 'high or critical risks open', color: highNow ? COLOR.bad : COLOR.good },
    {
      value: data.remediation ? String(data.remediation.overdue.length) : '—',
      label: 'remediation items overdue',
      color: data.remediation?.overdue.length ? COLOR.bad : COLOR.good
    }
  ])
  if (firstScan && lastScan && trend.length > 1) {
    const delta = lastScan.failed - firstScan.failed
    w.paragraph(
      `Failing scanner checks went from ${formatCount(firstScan.failed)} (${formatLongDate(firstScan.scannedOn)}) to ${formatCount(lastScan.failed)} (${formatLongDate(lastScan.scannedOn)}), ${delta <= 0 ? `${formatCount(-delta)} fewer` : `${formatCount(delta)} more`}.`
    )
  }
}

const answerCell = (answer: keyof typeof ANSWER_LABEL | null): TableCellValue =>
  answer
    ? { text: ANSWER_LABEL[answer], color: ANSWER_COLOR[answer] === COLOR.none ? COLOR.muted : ANSWER_COLOR[answer] }
    : { text: 'Not recorded', color: COLOR.muted }

function answerChanges(w: PdfWriter, data: AnnualReviewData): void {
  if (!data.answerChanges) return notRecorded(w)
  if (data.answerChanges.length === 0) return w.paragraph('No answer changed between the two periods.')
  w.paragraph(`${plural(data.answerChanges.length, 'answer')} changed between the two periods.`, { after: 8 })
  w.table(
    [
      { header: 'Citation', width: 1.4, bold: true },
      { header: 'Requirement', width: 3 },
      { header: data.previous?.label ?? 'Before', width: 1.1 },
      { header: data.current.label, width: 1.1 }
    ],
    data.answerChanges.map(c => [c.citation, c.title, answerCell(c.before), answerCell(c.after)])
  )
}

function gaps(w: PdfWriter, data: AnnualReviewData): void {
  if (!data.gaps) return notRecorded(w)
  const g = data.gaps
  w.paragraph(
    `A gap is a requirement answered No or Partly. ${plural(g.openNow, 'gap')} ${g.openNow === 1 ? 'is' : 'are'} open now${g.openBefore !== null ? `, against ${g.openBefore} at the end of the previous period` : ''}.`,
    { after: 8 }
  )
  w.heading('New gaps', 2, { contents: false })
  if (g.opened.length === 0) w.paragraph('No new gap.', { color: COLOR.muted })
  else
    w.table(
      [
        { header: 'Citation', width: 1.4, bold: true },
        { header: 'Requirement', width: 3.5 },
        { header: 'Answer now', width: 1.1 }
      ],
      g.opened.map(x => [x.citation, x.title, answerCell(x.answer)])
    )
  w.heading('Closed gaps', 2, { contents: false })
  if (g.closed.length === 0) w.paragraph('No gap was closed.', { color: COLOR.muted })
  else
    w.table(
      [
        { header: 'Citation', width: 1.4, bold: true },
        { header: 'Requirement', width: 3.5 },
        { header: 'Answer now', width: 1.1 }
      ],
      g.closed.map(x => [x.citation, x.title, answerCell(x.answer)])
    )
}

function risks(w: PdfWriter, data: AnnualReviewData): void {
  if (!data.risks) return notRecorded(w, 'No risks have been rated.')
  const r = data.risks
  const before = r.levelsBefore
  w.columnChart({
    alt: `Column chart of open risks by level. ${LEVELS.map(l => `${RISK_LABEL[l]}: ${before ? `${before[l]} before, ` : ''}${r.levelsNow[l]} now`).join('. ')}.`,
    points: [
      ...(before
        ? [{ label: data.previous?.label ?? 'Before', segments: LEVELS.map(l => ({ label: RISK_LABEL[l], value: before[l], color: RISK_SHADE[l] })) }]
        : []),
      { label: data.current.label, segments: LEVELS.map(l => ({ label: RISK_LABEL[l], value: r.levelsNow[l], color: RISK_SHADE[l] })) }
    ],
    legend: LEVELS.map(l => ({ label: RISK_LABEL[l], color: RISK_SHADE[l] })),
    height: 120
  })
  w.table(
    [
      { header: 'Risk level', width: 2, bold: true },
      { header: data.previous?.label ?? 'Before', width: 1, align: 'right' },
      { header: data.current.label, width: 1, align: 'right' }
    ],
    LEVELS.map(l => [RISK_LABEL[l], before ? String(before[l]) : '—', String(r.levelsNow[l])])
  )
  if (r.changed.length > 0) {
    w.heading('Risks that moved', 2, { contents: false })
    w.table(
      [
        { header: 'Risk', width: 3.2, bold: true },
        { header: 'Citation', width: 1.3 },
        { header: 'Before', width: 0.9 },
        { header: 'Now', width: 0.9 }
      ],
      r.changed.map(c => [
        c.title,
        c.citation ?? '—',
        c.before ? { text: RISK_LABEL[c.before], color: RISK_COLOR[c.before] } : 'New',
        c.after ? { text: RISK_LABEL[c.after], color: RISK_COLOR[c.after] } : { text: 'Closed', color: COLOR.good }
      ])
    )
  }
}

const RISK_SHADE: Record<RiskLevel, string> = { critical: '#7A1A12', high: COLOR.bad, medium: COLOR.partial, low: COLOR.good }

function remediation(w: PdfWriter, data: AnnualReviewData): void {
  if (!data.remediation) return notRecorded(w)
  const { done, overdue } = data.remediation
  w.heading(`Completed (${formatCount(done.length)})`, 2, { contents: false })
  if (done.length === 0) w.paragraph('No remediation item was completed in the period.', { color: COLOR.muted })
  else
    w.table(
      [
        { header: 'Item', width: 3.2, bold: true },
        { header: 'Citation', width: 1.3 },
        { header: 'Owner', width: 1.3 },
        { header: 'Completed', width: 1 }
      ],
      done.map(d => [d.title, d.citation ?? '—', d.owner, formatShortDate(d.completedOn)])
    )
  w.heading(`Overdue (${formatCount(overdue.length)})`, 2, { contents: false })
  if (overdue.length === 0) w.paragraph(`No item is overdue as of ${formatLongDate(data.preparedOn)}.`, { color: COLOR.muted })
  else
    w.table(
      [
        { header: 'Item', width: 3, bold: true },
        { header: 'Citation', width: 1.2 },
        { header: 'Risk', width: 0.8 },
        { header: 'Owner', width: 1.2 },
        { header: 'Was due', width: 1 }
      ],
      overdue.map(o => [
        o.title,
        o.citation ?? '—',
        { text: RISK_LABEL[o.riskLevel], color: RISK_COLOR[o.riskLevel] },
        o.owner,
        { text: formatShortDate(o.dueOn), color: COLOR.bad, bold: true }
      ])
    )
}

function findingsTrend(w: PdfWriter, data: AnnualReviewData): void {
  if (!data.findingsTrend || data.findingsTrend.length === 0) return notRecorded(w, 'No scanner output has been imported.')
  const trend = data.findingsTrend
  w.paragraph('Failing checks per imported scan, by severity, oldest first.', { after: 8 })
  w.columnChart({
    alt: `Column chart of failing scanner checks per scan. ${trend
      .map(
        t =>
          `${t.label} (${t.scannedOn}): ${formatCount(t.failed)} failing, ${SEVERITIES.map(s => `${formatCount(t.failedBySeverity[s])} ${s}`).join(', ')}`
      )
      .join('. ')}.`,
    points: trend.map(t => ({
      label: `${t.label}\n${formatShortDate(t.scannedOn)}`,
      segments: SEVERITIES.map(s => ({ label: SEVERITY_LABEL[s], value: t.failedBySeverity[s], color: SEVERITY_COLOR[s] }))
    })),
    legend: SEVERITIES.map(s => ({ label: SEVERITY_LABEL[s], color: SEVERITY_COLOR[s] }))
  })
  w.table(
    [
      { header: 'Scan', width: 2.2, bold: true },
      { header: 'Scanned', width: 1 },
      { header: 'Failed', width: 0.8, align: 'right' },
      { header: 'Passed', width: 0.8, align: 'right' },
      { header: 'Critical + high failing', width: 1.4, align: 'right' }
    ],
    trend.map(t => [
      t.label,
      formatShortDate(t.scannedOn),
      formatCount(t.failed),
      formatCount(t.passed),
      formatCount(t.failedBySeverity.critical + t.failedBySeverity.high)
    ])
  )
}

function agreements(w: PdfWriter, data: AnnualReviewData): void {
  if (!data.businessAssociates) return notRecorded(w)
  const { signed, expired } = data.businessAssociates
  w.paragraph(`${plural(signed.length, 'agreement')} signed and ${plural(expired.length, 'agreement')} expired during the period.`, { after: 8 })
  const rows: TableCellValue[][] = [
    ...signed.map(b => [b.name, { text: 'Signed', color: COLOR.good }, formatShortDate(b.signedOn)] as TableCellValue[]),
    ...expired.map(b => [b.name, { text: 'Expired', color: COLOR.bad, bold: true }, formatShortDate(b.expiredOn)] as TableCellValue[])
  ]
  if (rows.length > 0)
    w.table(
      [
        { header: 'Business associate', width: 3, bold: true },
        { header: 'Change', width: 1 },
        { header: 'Date', width: 1.2 }
      ],
      rows
    )
}

function incidents(w: PdfWriter, data: AnnualReviewData): void {
  if (!data.incidents) return notRecorded(w)
  const list = data.incidents
  if (list.length === 0) return w.paragraph('No security incident was recorded in the period.')
  w.paragraph(
    `${plural(list.length, 'incident')} recorded; ${list.filter(i => i.notifiable).length} assessed as notifiable. Counts and categories only: the log holds no protected health information.`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'Reference', width: 1, bold: true },
      { header: 'Discovered', width: 1 },
      { header: 'Category', width: 2.4 },
      { header: 'Individuals', width: 0.9, align: 'right' },
      { header: 'Notifiable', width: 0.9 },
      { header: 'Obligations', width: 1 }
    ],
    list.map(i => [
      i.reference,
      formatShortDate(i.discoveredOn),
      i.category,
      formatCount(i.affectedCount),
      i.notifiable === null ? 'Under assessment' : i.notifiable ? { text: 'Yes', color: COLOR.bad, bold: true } : 'No',
      i.obligationsMet ? { text: 'All met', color: COLOR.good } : { text: 'Open', color: COLOR.bad, bold: true }
    ])
  )
}

function signOffs(w: PdfWriter, data: AnnualReviewData): void {
  w.paragraph(
    'Each safeguard family is reviewed and signed off by a named reviewer. A family without a recorded sign-off needs one before this review is approved.',
    { after: 8 }
  )
  w.table(
    [
      { header: 'Safeguard family', width: 2.6, bold: true },
      { header: 'Reviewer', width: 1.8 },
      { header: 'Signed off', width: 1.2 }
    ],
    data.signOffs.map(s => [s.label, s.reviewer ?? { text: 'Not signed off', color: COLOR.bad }, s.signedOn ? formatShortDate(s.signedOn) : '—'])
  )
  w.space(16)
  w.heading('Approval of this review', 3, { contents: false })
  w.space(4)
  w.signatureLines(['Security official: signature', 'Date', 'Senior management: signature', 'Date'])
}
