import { NOTICE_METHODS, type BreachObligation, type IncidentNotice } from '../../breach/contract'
import {
  BREACH_EXCEPTION_RULES,
  NOTICE_KIND_NAMES,
  OUTCOME_LABELS,
  RISK_FACTOR_CITATIONS,
  RISK_FACTOR_LABELS,
  RISK_FACTORS
} from '../../breach/reads'
import { formatCount, formatLongDate, formatShortDate, plural } from '../format'
import { drawDraftNote } from '../pdf/draft-note'
import { PdfWriter, type TableCellValue } from '../pdf/pdf-writer'
import { COLOR, CONTENT_WIDTH, MARGIN, PAGE, TYPE } from '../pdf/theme'
import { DRAFT_MARK } from '../readiness'
import type { IncidentDocumentData } from './incident-document-data'
import { timelineOf } from './incident-timeline'

/**
 * The documentation of one incident that 45 CFR 164.414(b) asks an organisation to be able to show:
 * the facts, the assessment and decision, every obligation, every notice with its evidence, the
 * law-enforcement statements, a timeline and how long the record is kept. (data) → PDF bytes. It is
 * quick (a handful of pages), so it reports no progress.
 */

const NOT_RECORDED = 'Not recorded.'
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const methodLabel = (id: IncidentNotice['method']): string => NOTICE_METHODS.find(method => method.id === id)?.label ?? id

/** What shows a notice was delivered: the words recorded and the file kept in the workspace (named with its SHA-256, so a copy can be checked). */
function evidenceOf(notice: IncidentNotice): string | null {
  const file = notice.evidenceFile
    ? `File kept in the workspace: ${notice.evidenceFile.originalName} (SHA-256 ${notice.evidenceFile.sha256.slice(0, 16)}…)`
    : ''
  const text = [notice.evidence.trim(), file].filter(Boolean).join('. ')
  return text === '' ? null : text
}

const STATUS_CELL: Record<BreachObligation['status'], TableCellValue> = {
  overdue: { text: 'Overdue', color: COLOR.bad, bold: true },
  due: { text: 'Due', color: COLOR.partial },
  done: { text: 'Done', color: COLOR.good },
  'done-late': { text: 'Done late', color: COLOR.partial }
}

/** Why the export is not yet the whole record: notices not given, an assessment lacking parts, evidence missing. */
export function documentationDraftReasons(data: IncidentDocumentData): string[] {
  const { incident, notices, assessment } = data.detail
  const open = assessment.obligations.filter(o => o.status === 'due' || o.status === 'overdue').length
  const withoutEvidence = notices.filter(n => evidenceOf(n) === null).length
  const unnamedOral = incident.lawEnforcementDelays.filter(d => d.kind === 'oral' && !d.official).length
  const reasons: string[] = []
  if (open > 0) reasons.push(`${plural(open, 'required notice')} not yet given`)
  if (incident.assessmentMissing.length > 0) reasons.push(`the assessment lacks ${incident.assessmentMissing.join(', ')}`)
  if (withoutEvidence > 0) reasons.push(`${plural(withoutEvidence, 'notice')} without delivery evidence`)
  if (unnamedOral > 0) reasons.push(`${plural(unnamedOral, 'oral law-enforcement statement')} without the official's name (45 CFR 164.412(b))`)
  return reasons
}

export async function composeIncidentDocumentation(data: IncidentDocumentData): Promise<{ buffer: Buffer; pages: number; draftReasons: string[] }> {
  const { incident } = data.detail
  const organization = data.organization?.name ?? 'Organisation'
  const draftReasons = documentationDraftReasons(data)
  const w = new PdfWriter({
    title: `${organization}: breach documentation, ${incident.title}`,
    subject: 'Documentation of a breach incident (45 CFR 164.414(b))',
    author: organization,
    keywords: 'HIPAA, breach notification, 45 CFR 164.414(b), burden of proof',
    header: { left: organization, right: `Breach documentation · ${incident.title}` },
    footer: { left: 'Confidential' },
    ...(draftReasons.length ? { draftMark: DRAFT_MARK } : {})
  })
  cover(w, data, organization, draftReasons)
  w.newPage()
  w.heading('The incident', 1)
  facts(w, data)
  w.heading('Assessment and decision', 1)
  decision(w, data)
  w.heading('Notification obligations', 1)
  obligations(w, data)
  w.heading('Notices given', 1)
  noticesGiven(w, data)
  w.heading('Law-enforcement statements', 1)
  statements(w, data)
  w.heading('Timeline', 1)
  timeline(w, data)
  w.heading('Retention', 1)
  retention(w, data)
  const { buffer, pages } = await w.finish()
  return { buffer, pages, draftReasons }
}

function cover(w: PdfWriter, data: IncidentDocumentData, organization: string, draftReasons: string[]): void {
  const { incident } = data.detail
  w.newPage({ cover: true })
  w.fillRect(0, 0, PAGE.width, 10, COLOR.accent)
  const x = MARGIN.left + 6
  const width = CONTENT_WIDTH - 12
  w.textAt('P', 'BREACH DOCUMENTATION · 45 CFR 164.414(b)', x, 190, {
    font: 'semibold',
    size: TYPE.small,
    color: COLOR.accent,
    characterSpacing: 1.2
  })
  const titleBottom = w.textAt('H1', incident.title, x, 210, { font: 'serifSemibold', size: TYPE.title, color: COLOR.ink, width })
  const subBottom = w.textAt('P', organization, x, titleBottom + 8, { size: 13, color: COLOR.muted, width: width * 0.85 })
  w.rule(x, subBottom + 22, x + 60, { color: COLOR.accent, width: 2.5 })
  w.y = subBottom + 40
  w.keyValues(
    [
      ['Discovered', formatLongDate(incident.discoveredOn)],
      ['Outcome', OUTCOME_LABELS[incident.assessment.outcome]],
      ['Prepared on', formatLongDate(data.preparedOn)],
      ['Kept until', `${formatLongDate(data.retention.keptUntil)} (six years from ${formatLongDate(data.retention.countedFrom)})`]
    ],
    { x, width: width * 0.85, labelWidth: 110 }
  )
  drawDraftNote(w, draftReasons, { x, y: w.y + 20, width })
  w.textAt(
    'P',
    'Confidential. The record an organisation keeps to show that every required notice was given, or that the event was not a breach (45 CFR 164.414(b)). It describes what was recorded in Safeguard; it is not legal advice and does not say the organisation complied.',
    x,
    PAGE.height - 150,
    { size: TYPE.small, color: COLOR.muted, width }
  )
}

function facts(w: PdfWriter, data: IncidentDocumentData): void {
  const { incident, assessment } = data.detail
  const states = Object.entries(incident.affectedByState).map(([code, count]) => `${code} ${formatCount(count ?? 0)}`)
  w.keyValues([
    ['Title', incident.title],
    ['Description', incident.description || NOT_RECORDED],
    ['Date of the breach', incident.breachOn ? formatLongDate(incident.breachOn) : 'Not known or not recorded'],
    ['Date of discovery', formatLongDate(incident.discoveredOn)],
    ...(incident.baDiscoveredOn ? [['Business associate discovered it', formatLongDate(incident.baDiscoveredOn)] as [string, string]] : []),
    ['Our role', incident.role === 'covered-entity' ? 'Covered entity' : 'Business associate'],
    [incident.role === 'covered-entity' ? 'Business associate involved' : 'Covered entity (client)', data.sources.linkedParty ?? 'None named'],
    ['Individuals affected', assessment.totalAffected > 0 ? `${formatCount(assessment.totalAffected)} (${states.join(', ')})` : NOT_RECORDED],
    ['Types of PHI', incident.phiCategories.length > 0 ? incident.phiCategories.join(', ') : NOT_RECORDED]
  ])
  w.paragraph('The incident log records counts per state and categories only: no names or other identifiers of individuals.', {
    size: TYPE.small,
    color: COLOR.muted
  })
}

function decision(w: PdfWriter, data: IncidentDocumentData): void {
  const { incident, assessment } = data.detail
  const recorded = incident.assessment
  w.keyValues([
    ['Outcome', OUTCOME_LABELS[recorded.outcome]],
    ...(recorded.exception
      ? [
          ['Exception', `${BREACH_EXCEPTION_RULES[recorded.exception].label} (${BREACH_EXCEPTION_RULES[recorded.exception].citation})`] as [
            string,
            string
          ]
        ]
      : []),
    ...(recorded.reason ? [['Reason', recorded.reason] as [string, string]] : []),
    ['Reviewed by', recorded.reviewer ?? NOT_RECORDED],
    ['Assessed on', recorded.assessedOn ? formatLongDate(recorded.assessedOn) : NOT_RECORDED],
    ['Notices', assessment.reason]
  ])
  const factors = RISK_FACTORS.filter(factor => recorded.factors?.[factor])
  if (factors.length > 0) {
    w.heading('The four factors (45 CFR 164.402(2))', 2)
    w.table(
      [
        { header: 'Factor', width: 2.2, bold: true },
        { header: 'As assessed', width: 3.8 }
      ],
      RISK_FACTORS.map(factor => [
        `${RISK_FACTOR_CITATIONS[factor]}: ${RISK_FACTOR_LABELS[factor]}`,
        recorded.factors?.[factor] ?? { text: NOT_RECORDED, color: COLOR.muted }
      ])
    )
  }
  if (incident.assessmentMissing.length > 0) {
    w.callout('The assessment is incomplete', `It lacks ${incident.assessmentMissing.join(', ')}.`, { tone: 'bad' })
  }
}

function obligations(w: PdfWriter, data: IncidentDocumentData): void {
  const { assessment } = data.detail
  if (assessment.obligations.length === 0) return w.paragraph(`No notice is required: ${assessment.reason}`)
  w.table(
    [
      { header: 'Notify', width: 2.2, bold: true },
      { header: 'Rule', width: 1.4 },
      { header: 'Due', width: 1 },
      { header: 'Status', width: 0.9 },
      { header: 'Given', width: 1.6 }
    ],
    assessment.obligations.map(o => [
      o.recipient,
      `${o.citation}${o.checkWithCounsel ? ' (check with counsel)' : ''}`,
      formatShortDate(o.dueOn),
      STATUS_CELL[o.status],
      o.doneOn ? `${formatShortDate(o.doneOn)}${o.method ? `, ${methodLabel(o.method as IncidentNotice['method'])}` : ''}` : '—'
    ]),
    { caption: 'Each notice the incident requires, with its deadline as Safeguard computed it and its status on the day this was prepared.' }
  )
  for (const note of assessment.notes) w.paragraph(note, { size: TYPE.small, color: COLOR.muted })
}

function noticesGiven(w: PdfWriter, data: IncidentDocumentData): void {
  const { notices } = data.detail
  if (notices.length === 0) return w.paragraph('No notice has been recorded as given.', { color: COLOR.muted, font: 'italic' })
  w.table(
    [
      { header: 'Notice', width: 1.4, bold: true },
      { header: 'Sent', width: 0.9 },
      { header: 'Method', width: 1.4 },
      { header: 'Evidence of delivery', width: 2.4 },
      { header: 'Details', width: 1.3 }
    ],
    notices.map(n => [
      `${capitalized(NOTICE_KIND_NAMES[n.kind])}${n.jurisdiction ? ` (${n.jurisdiction})` : ''}`,
      formatShortDate(n.doneOn),
      methodLabel(n.method),
      evidenceOf(n) ?? { text: 'None recorded', color: COLOR.bad },
      [
        n.recipientsCount !== null ? `${formatCount(n.recipientsCount)} recipients` : '',
        n.missingContactCount !== null ? `${formatCount(n.missingContactCount)} without contact details` : '',
        n.postedUntil ? `posted until ${formatShortDate(n.postedUntil)}` : ''
      ]
        .filter(Boolean)
        .join('; ') || '—'
    ])
  )
}

function statements(w: PdfWriter, data: IncidentDocumentData): void {
  const delays = data.detail.incident.lawEnforcementDelays
  if (delays.length === 0) return w.paragraph('No law-enforcement statement was recorded (45 CFR 164.412).', { color: COLOR.muted, font: 'italic' })
  w.table(
    [
      { header: 'Statement', width: 1, bold: true },
      { header: 'Made on', width: 1 },
      { header: 'Delay until', width: 1 },
      { header: 'Official', width: 2.5 }
    ],
    delays.map(d => [
      d.kind === 'written' ? 'Written' : 'Oral',
      formatShortDate(d.statedOn),
      d.until ? formatShortDate(d.until) : d.kind === 'oral' ? 'At most 30 days' : '—',
      d.official ?? (d.kind === 'oral' ? { text: 'Not recorded (164.412(b) asks for it)', color: COLOR.bad } : '—')
    ])
  )
}

function timeline(w: PdfWriter, data: IncidentDocumentData): void {
  w.table(
    [
      { header: 'Date', width: 1, bold: true },
      { header: 'Event', width: 5 }
    ],
    timelineOf(data).map(event => [formatShortDate(event.date), event.text]),
    { caption: 'Every dated event of the incident, in order: what happened, what was decided, what was sent, and what is due.' }
  )
}

function retention(w: PdfWriter, data: IncidentDocumentData): void {
  const { retention: kept } = data
  w.paragraph(
    `Keep this record until ${formatLongDate(kept.keptUntil)}: six years from ${formatLongDate(kept.countedFrom)}, the latest date of its documents (${kept.citation}, which 45 CFR 164.414(a) applies to breach documentation), not from the discovery. A later document starts its own six years. How this applies to one record is for counsel to confirm.`
  )
  w.table(
    [
      { header: 'Document', width: 3, bold: true },
      { header: 'Dated', width: 1.5 }
    ],
    data.documentDates.map(entry => [entry.label, formatLongDate(entry.date)]),
    { caption: 'The dates the six years count from: the latest of them.' }
  )
}
