import type { EvidencePackData, FamilyId } from '../evidence-pack-data'
import { formatCount, formatLongDate, formatShortDate, plural } from '../format'
import {
  ANSWER_COLOR,
  ANSWER_LABEL,
  ANSWERS,
  DECISION_LABEL,
  requirementLabel,
  RISK_COLOR,
  RISK_LABEL,
  RISK_RANK,
  SEVERITY_COLOR,
  SEVERITY_LABEL
} from '../labels'
import { SEVERITIES } from '../evidence-pack-data'
import { PdfWriter, type TableCellValue } from '../pdf/pdf-writer'
import { COLOR, CONTENT_WIDTH, MARGIN, PAGE, TYPE } from '../pdf/theme'
import { redactPackData } from '../redact'
import { baaAnswer, minimumNecessaryAnswer, NOT_RECORDED, phiServiceCoverage, phiServicesAnswer } from './procurement-answers'
import { PACK_SECTION_IDS, PACK_SECTIONS, type EvidencePackOptions, type PackSectionId } from './sections'

/**
 * Composes the evidence pack a procurement team or an auditor receives, from plain data.
 * Pure apart from time: (data, options) → PDF bytes and page count.
 */
export async function composeEvidencePack(
  input: EvidencePackData,
  options: EvidencePackOptions = {}
): Promise<{ buffer: Buffer; pages: number; sections: PackSectionId[] }> {
  const data = options.redact ? redactPackData(input) : input
  const sections = PACK_SECTION_IDS.filter(id => !options.sections || options.sections.includes(id))
  const w = new PdfWriter({
    title: `${data.organization.name}: HIPAA Security Evidence Pack, ${data.period.label}`,
    subject: 'HIPAA Security Rule evidence pack for procurement review',
    author: data.preparedBy.name,
    keywords: 'HIPAA, Security Rule, 45 CFR 164.308-316, evidence pack',
    header: { left: data.organization.name, right: `Security Evidence Pack · ${data.period.label}` },
    footer: { left: options.redact ? 'Confidential · Redacted edition' : 'Confidential' },
    signal: options.signal,
    onProgress: options.onProgress
  })

  cover(w, data, options.redact === true)
  const total = sections.length
  let firstBodySection = true
  sections.forEach((id, index) => {
    w.checkpoint(PACK_SECTIONS.find(s => s.id === id)!.title, index, total)
    if (id === 'contents') {
      w.reserveContents()
      return
    }
    // Each major section starts on a new page; the attestation and appendix always do.
    const title = PACK_SECTIONS.find(s => s.id === id)!.title
    w.heading(title, 1, { newPage: firstBodySection || startsPage(id) || w.remaining() < 260 })
    firstBodySection = false
    SECTION_RENDERERS[id](w, data)
  })
  w.checkpoint('Finishing', total, total)
  const { buffer, pages } = await w.finish()
  return { buffer, pages, sections }
}

function startsPage(id: PackSectionId): boolean {
  return ['summary', 'procurement', 'scorecard', 'controls', 'scans', 'attestation', 'appendix'].includes(id)
}

type Renderer = (w: PdfWriter, data: EvidencePackData) => void

const SECTION_RENDERERS: Record<Exclude<PackSectionId, 'contents'>, Renderer> = {
  summary: executiveSummary,
  procurement,
  scorecard,
  controls: controlMatrix,
  cloud: cloudServices,
  technical: technicalControls,
  scans: scannerResults,
  associates: businessAssociates,
  incidents,
  remediation,
  attestation,
  appendix
}

function notRecorded(w: PdfWriter, what: string): void {
  w.paragraph(`${NOT_RECORDED} ${what}`, { color: COLOR.muted, font: 'italic' })
}

const ROLE_LABEL = { 'covered-entity': 'Covered entity', 'business-associate': 'Business associate' } as const

// ------------------------------------------------------------------ cover

function cover(w: PdfWriter, data: EvidencePackData, redacted: boolean): void {
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
  const noteY = PAGE.height - 150
  w.rule(x, noteY - 12, x + width, { color: COLOR.rule, width: 0.5 })
  w.textAt(
    'P',
    `Confidential. Prepared for procurement and audit review of ${data.organization.name}. It reflects the compliance workspace as recorded on ${formatLongDate(data.preparedOn)}; the regulation cited is 45 CFR Part 164, Subparts C and D.${
      redacted ? ' Redacted edition: cloud account identifiers and resource names have been removed.' : ''
    }`,
    x,
    noteY,
    { size: TYPE.small, color: COLOR.muted, width }
  )
  w.textAt('P', 'Generated offline by Safeguard. This document describes safeguards; it is not legal advice.', x, noteY + 44, {
    size: TYPE.caption,
    color: COLOR.faint,
    width
  })
}

// ------------------------------------------------------------------ executive summary

function answerTotals(data: EvidencePackData) {
  const totals = { yes: 0, partly: 0, no: 0, 'not-applicable': 0, 'not-assessed': 0 }
  for (const family of data.families ?? []) for (const a of ANSWERS) totals[a] += family.counts[a]
  const all = ANSWERS.reduce((sum, a) => sum + totals[a], 0)
  return { totals, all, assessed: all - totals['not-assessed'] }
}

function isOverdue(item: { status: string; dueOn: string }, asOf: string): boolean {
  return item.status !== 'done' && item.dueOn < asOf
}

function executiveSummary(w: PdfWriter, data: EvidencePackData): void {
  const { totals, all, assessed } = answerTotals(data)
  w.paragraph(
    `This pack sets out how ${data.organization.name}, a HIPAA ${ROLE_LABEL[data.organization.role].toLowerCase()}, meets the administrative, physical and technical safeguards of the Security Rule (45 CFR 164.308 to 164.316) and the Breach Notification Rule (45 CFR 164.400 to 164.414) for the ${data.period.label} assessment period. Each statement below is drawn from the organisation’s assessment answers, imported cloud scanner results and its registers of business associates and incidents.`,
    { size: TYPE.body + 0.5, after: 12 }
  )
  const openRisks = (data.remediation ?? []).filter(r => r.status !== 'done')
  const highRisks = openRisks.filter(r => r.riskLevel === 'high' || r.riskLevel === 'critical').length
  w.statRow([
    { value: all ? `${assessed}/${all}` : '—', label: 'requirements assessed' },
    { value: all ? `${Math.round((totals.yes / Math.max(assessed, 1)) * 100)}%` : '—', label: 'answered Yes', color: COLOR.good },
    { value: String(totals.no + totals.partly), label: 'gaps (No or Partly)', color: totals.no ? COLOR.bad : COLOR.partial },
    { value: String(highRisks), label: 'open high or critical risks', color: highRisks ? COLOR.bad : COLOR.good },
    {
      value: data.findings ? formatCount(data.findings.failed) : '—',
      label: 'failing scanner checks',
      color: data.findings?.failed ? COLOR.partial : COLOR.good
    }
  ])
  w.heading('Key points', 2)
  const points: string[] = []
  points.push(`Cloud agreement: ${baaAnswer(data).answer}`)
  points.push(`PHI services: ${phiServicesAnswer(data).answer}`)
  if (data.families) {
    const weakest = [...data.families]
      .filter(f => f.counts.no + f.counts.partly > 0)
      .sort((a, b) => b.counts.no + b.counts.partly - (a.counts.no + a.counts.partly))[0]
    points.push(
      weakest
        ? `Assessment: most open gaps are in ${weakest.label.replace(/ \(.*\)$/, '').toLowerCase()} (${plural(weakest.counts.no + weakest.counts.partly, 'requirement')} answered No or Partly).`
        : 'Assessment: no requirement is answered No or Partly.'
    )
  }
  if (data.remediation) {
    const overdue = data.remediation.filter(r => isOverdue(r, data.preparedOn)).length
    const done = data.remediation.filter(r => r.status === 'done').length
    points.push(
      `Remediation: ${plural(openRisks.length, 'item')} open, ${formatCount(done)} completed, ${formatCount(overdue)} overdue as of ${formatLongDate(data.preparedOn)}.`
    )
  }
  if (data.scans && data.findings) {
    points.push(
      `Cloud scans: ${plural(data.scans.length, 'scan')} imported, with ${formatCount(data.findings.total)} checks: ${formatCount(data.findings.failed)} failing, of which ${formatCount(
        data.findings.bySeverity.critical.failed + data.findings.bySeverity.high.failed
      )} critical or high.`
    )
  }
  if (data.incidents) {
    const notifiable = data.incidents.filter(i => i.notifiable).length
    points.push(
      data.incidents.length === 0
        ? 'Incidents: none recorded in the period.'
        : `Incidents: ${plural(data.incidents.length, 'security incident')} recorded, ${formatCount(notifiable)} assessed as notifiable breach${notifiable === 1 ? '' : 'es'}.`
    )
  }
  w.bulletList(points)
  w.space(6)
  w.callout(
    'How to read this pack',
    'Requirements are cited by their exact paragraph in 45 CFR Part 164. R marks a Required implementation specification and A an Addressable one; for every Addressable specification not fully implemented, the documented decision and its reasoning are shown, as 164.306(d)(3) requires. Evidence files are identified by their SHA-256 fingerprint in the appendix so a reviewer can confirm a copy is unaltered.'
  )
}

// ------------------------------------------------------------------ procurement answers

function procurement(w: PdfWriter, data: EvidencePackData): void {
  w.paragraph(
    'Health-department and enterprise procurement teams ask three questions before they share protected health information with a supplier. The answers below are computed from the workspace records and supported by the sections that follow.',
    { after: 12 }
  )
  const q1 = baaAnswer(data)
  w.callout(q1.question, q1.answer, { tone: q1.tone })
  const q2 = phiServicesAnswer(data)
  w.callout(q2.question, q2.answer, { tone: q2.tone })
  const coverage = phiServiceCoverage(data)
  if (coverage && coverage.length > 0) {
    w.table(
      [
        { header: 'Service holding PHI', width: 3, bold: true },
        { header: 'HIPAA eligible', width: 1.4 },
        { header: 'Covered by the BAA', width: 1.6 }
      ],
      coverage.map(s => [
        s.service,
        s.eligible === null ? 'Unknown' : s.eligible ? 'Yes' : { text: 'No', color: COLOR.bad, bold: true },
        s.covered ? { text: 'Covered', color: COLOR.good } : { text: 'Not covered', color: COLOR.bad, bold: true }
      ])
    )
  }
  const q3 = minimumNecessaryAnswer(data)
  w.callout(q3.question, q3.answer, { tone: q3.tone })
  if (q3.measures.length > 0) w.bulletList(q3.measures)
}

// ------------------------------------------------------------------ scorecard

const FAMILY_SHORT: Record<FamilyId, string> = {
  administrative: 'Administrative (164.308)',
  physical: 'Physical (164.310)',
  technical: 'Technical (164.312)',
  organizational: 'Organizational (164.314)',
  documentation: 'Documentation (164.316)'
}

function scorecard(w: PdfWriter, data: EvidencePackData): void {
  if (!data.families) return notRecorded(w, 'No assessment answers have been recorded.')
  const families = data.families
  w.paragraph(
    'Each bar shows how the standards and implementation specifications of a safeguard family were answered. The percentage is the share answered Yes.',
    { after: 10 }
  )
  w.stackedBars({
    alt: `Stacked bar chart of assessment answers by safeguard family. ${families
      .map(f => `${FAMILY_SHORT[f.family]}: ${ANSWERS.map(a => `${f.counts[a]} ${ANSWER_LABEL[a].toLowerCase()}`).join(', ')}`)
      .join('. ')}.`,
    rows: families.map(f => ({
      label: FAMILY_SHORT[f.family],
      segments: ANSWERS.map(a => ({ label: ANSWER_LABEL[a], value: f.counts[a], color: ANSWER_COLOR[a] }))
    })),
    legend: ANSWERS.map(a => ({ label: ANSWER_LABEL[a], color: ANSWER_COLOR[a] }))
  })
  w.space(6)
  w.table(
    [
      { header: 'Safeguard family', width: 2.6, bold: true },
      ...ANSWERS.map(a => ({ header: ANSWER_LABEL[a], width: 0.9, align: 'right' as const })),
      { header: 'Reviewer sign-off', width: 2.1 }
    ],
    families.map(f => [
      FAMILY_SHORT[f.family],
      ...ANSWERS.map(a => String(f.counts[a])),
      f.signOff ? `${f.signOff.reviewer}, ${formatShortDate(f.signOff.signedOn)}` : { text: 'Not signed off', color: COLOR.muted }
    ])
  )
}

// ------------------------------------------------------------------ control matrix

function controlMatrix(w: PdfWriter, data: EvidencePackData): void {
  if (!data.controls) return notRecorded(w, 'No assessment answers have been recorded.')
  w.paragraph(
    'Every standard and implementation specification of the Security Rule, with the answer recorded, the decision for Addressable specifications, and the evidence that supports the answer.',
    { after: 8 }
  )
  const families: FamilyId[] = ['administrative', 'physical', 'technical', 'organizational', 'documentation']
  for (const family of families) {
    const rows = data.controls.filter(c => c.family === family)
    if (rows.length === 0) continue
    w.heading(
      FAMILY_SHORT[family]
        .replace(/ \(/, ' safeguards (')
        .replace('Organizational safeguards', 'Organizational requirements')
        .replace('Documentation safeguards', 'Policies and documentation'),
      2
    )
    w.table(
      [
        { header: 'Citation', width: 1.35, bold: true },
        { header: 'Requirement', width: 2.2 },
        { header: 'R/A', width: 0.42, align: 'center' },
        { header: 'Answer', width: 0.85 },
        { header: 'Decision (Addressable)', width: 2.2 },
        { header: 'Evidence', width: 1.9 }
      ],
      rows.map((c): TableCellValue[] => [
        c.citation,
        c.kind === 'standard' ? { text: c.title, bold: true } : c.title,
        requirementLabel(c.requirement),
        { text: ANSWER_LABEL[c.answer], color: c.answer === 'not-assessed' ? COLOR.muted : ANSWER_COLOR[c.answer], bold: c.answer === 'no' },
        c.requirement === 'addressable'
          ? c.decision
            ? `${DECISION_LABEL[c.decision.kind]}: ${c.decision.rationale}`
            : c.answer === 'yes'
              ? DECISION_LABEL['as-specified']
              : { text: 'Decision not recorded', color: COLOR.bad }
          : '',
        [
          ...c.evidence.map(e => e.replace(/\.$/, '')),
          ...(c.failingFindings ? [`${formatCount(c.failingFindings)} failing scanner checks`] : [])
        ].join('; ') || '—'
      ]),
      { size: 7.6 }
    )
  }
}

// ------------------------------------------------------------------ cloud services

function cloudServices(w: PdfWriter, data: EvidencePackData): void {
  if (!data.cloudServices) return notRecorded(w, 'No cloud service inventory has been recorded.')
  w.paragraph(
    `Services in use with ${data.cloud.provider}. Only services covered by the provider’s business associate agreement may store, process or transmit protected health information; a service that holds PHI without being eligible is a gap.`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'Service', width: 1.7, bold: true },
      { header: 'HIPAA eligible', width: 1 },
      { header: 'Holds PHI', width: 0.9 },
      { header: 'Encryption at rest', width: 2 },
      { header: 'Notes', width: 2.4 }
    ],
    data.cloudServices.map(s => {
      const gap = s.holdsPhi && s.eligible !== true
      return [
        s.name,
        s.eligible === null ? 'Unknown' : s.eligible ? 'Yes' : 'No',
        s.holdsPhi ? { text: 'Yes', bold: true } : 'No',
        s.encryption ?? '—',
        gap ? { text: `Gap: holds PHI without BAA coverage. ${s.notes ?? ''}`.trim(), color: COLOR.bad } : (s.notes ?? '')
      ]
    })
  )
}

// ------------------------------------------------------------------ technical controls

const CONTROL_STATUS = {
  'in-place': { text: 'In place', color: COLOR.good },
  partial: { text: 'Partial', color: COLOR.partial },
  missing: { text: 'Missing', color: COLOR.bad },
  'not-assessed': { text: 'Not assessed', color: COLOR.muted }
} as const

function technicalControls(w: PdfWriter, data: EvidencePackData): void {
  if (!data.technicalControls) return notRecorded(w, 'The architecture checklist has not been completed.')
  const inPlace = data.technicalControls.filter(c => c.status === 'in-place').length
  w.paragraph(
    `The ten technical controls a cloud architecture handling PHI is expected to show, with the mechanism used and the Security Rule specifications each one supports. ${inPlace} of ${data.technicalControls.length} are in place.`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'Control', width: 2.1, bold: true },
      { header: 'Mechanism', width: 2.4 },
      { header: 'Status', width: 0.9 },
      { header: 'Supports', width: 1.9 }
    ],
    data.technicalControls.map(c => [
      c.control,
      c.note ? `${c.mechanism}. ${c.note}` : c.mechanism,
      { ...CONTROL_STATUS[c.status], bold: c.status !== 'in-place' },
      c.supports.join(', ')
    ])
  )
}

// ------------------------------------------------------------------ scanner results

function scannerResults(w: PdfWriter, data: EvidencePackData): void {
  if (!data.scans || !data.findings || data.scans.length === 0) return notRecorded(w, 'No scanner output has been imported.')
  const f = data.findings
  w.paragraph(
    `${plural(data.scans.length, 'scan file')} imported. Findings are mapped to the Security Rule specifications they bear on; the file fingerprints let a reviewer confirm which output was used.${
      data.scans.some(s => s.superseded) ? ' The counts below use the latest scan of each account; earlier scans are listed for the record.' : ''
    }`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'Scan file', width: 2, bold: true },
      { header: 'Format', width: 1.2 },
      { header: 'Scanned', width: 1 },
      { header: 'Checks', width: 0.7, align: 'right' },
      { header: 'Failed', width: 0.7, align: 'right' },
      { header: 'SHA-256', width: 2.6 }
    ],
    data.scans.map(s => [
      s.accountId ? `${s.fileName} (account ${s.accountId})` : s.fileName,
      s.format,
      (s.scannedOn ? formatShortDate(s.scannedOn) : `Imported ${formatShortDate(s.importedOn)}`) + (s.superseded ? ' (superseded)' : ''),
      formatCount(s.findings),
      { text: formatCount(s.failed), color: s.failed ? COLOR.bad : COLOR.good },
      s.sha256
    ]),
    { size: 7.4 }
  )
  w.heading('By severity', 2)
  w.stackedBars({
    alt: `Bar chart of scanner checks by severity. ${SEVERITIES.map(
      s => `${SEVERITY_LABEL[s]}: ${f.bySeverity[s].failed} failed, ${f.bySeverity[s].passed} passed`
    ).join('. ')}.`,
    rows: SEVERITIES.map(s => ({
      label: SEVERITY_LABEL[s],
      segments: [
        { label: 'Failed', value: f.bySeverity[s].failed, color: SEVERITY_COLOR[s] },
        { label: 'Passed', value: f.bySeverity[s].passed, color: COLOR.none }
      ]
    })),
    legend: [
      { label: 'Failed (colour by severity)', color: COLOR.bad },
      { label: 'Passed', color: COLOR.none }
    ]
  })
  w.table(
    [
      { header: 'Severity', width: 2, bold: true },
      { header: 'Failed', width: 1, align: 'right' },
      { header: 'Passed', width: 1, align: 'right' },
      { header: 'Share failing', width: 1.2, align: 'right' }
    ],
    [
      ...SEVERITIES.map(s => {
        const { failed, passed } = f.bySeverity[s]
        return [
          SEVERITY_LABEL[s],
          { text: formatCount(failed), color: failed ? SEVERITY_COLOR[s] : COLOR.body },
          formatCount(passed),
          failed + passed ? `${Math.round((failed / (failed + passed)) * 100)}%` : '—'
        ]
      }),
      [
        { text: 'All checks', bold: true },
        { text: formatCount(f.failed), bold: true },
        { text: formatCount(f.passed), bold: true },
        f.total ? `${Math.round((f.failed / f.total) * 100)}%` : '—'
      ]
    ]
  )
  const specLimit = 30
  w.heading('By specification', 2)
  w.table(
    [
      { header: 'Citation', width: 1.4, bold: true },
      { header: 'Specification', width: 3.2 },
      { header: 'Failed', width: 0.8, align: 'right' },
      { header: 'Passed', width: 0.8, align: 'right' }
    ],
    f.bySpecification
      .slice(0, specLimit)
      .map(s => [s.citation, s.title, { text: formatCount(s.failed), color: s.failed ? COLOR.bad : COLOR.body }, formatCount(s.passed)])
  )
  if (f.bySpecification.length > specLimit) {
    w.paragraph(`${f.bySpecification.length - specLimit} further specifications with fewer failing checks are held in the workspace.`, {
      size: TYPE.small,
      color: COLOR.muted
    })
  }
  if (f.worst.length > 0) {
    w.heading('Most severe failing checks', 2)
    w.paragraph(
      f.failed > f.worst.length
        ? `The ${f.worst.length} most severe of ${formatCount(f.failed)} failing checks are listed. The workspace holds every finding with its remediation guidance.`
        : `All ${formatCount(f.failed)} failing checks are listed.`,
      { size: TYPE.small, color: COLOR.muted, after: 6 }
    )
    w.table(
      [
        { header: 'Severity', width: 0.8 },
        { header: 'Check', width: 3 },
        { header: 'Resource', width: 2 },
        { header: 'Region', width: 0.9 },
        { header: 'Specifications', width: 1.4 }
      ],
      f.worst.map(x => [
        { text: SEVERITY_LABEL[x.severity], color: SEVERITY_COLOR[x.severity], bold: true },
        x.title,
        x.resource,
        x.region,
        x.citations.join(', ')
      ]),
      { size: 7.4 }
    )
  }
}

// ------------------------------------------------------------------ business associates

const BAA_STATUS = {
  none: { text: 'None', color: COLOR.bad, bold: true },
  requested: { text: 'Requested', color: COLOR.partial },
  signed: { text: 'Signed', color: COLOR.good },
  expired: { text: 'Expired', color: COLOR.bad, bold: true },
  terminated: { text: 'Terminated', color: COLOR.muted }
} as const

function businessAssociates(w: PdfWriter, data: EvidencePackData): void {
  if (!data.businessAssociates) return notRecorded(w, 'The business associate register is empty.')
  const signed = data.businessAssociates.filter(b => b.status === 'signed').length
  w.paragraph(
    `${plural(data.businessAssociates.length, 'business associate')} recorded; ${signed} with a signed agreement in force. A vendor that handles PHI without a signed agreement is shown in red.`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'Business associate', width: 1.6, bold: true },
      { header: 'Services', width: 1.9 },
      { header: 'PHI handled', width: 1.5 },
      { header: 'BAA', width: 0.8 },
      { header: 'Effective', width: 0.95 },
      { header: 'Expires', width: 0.95 },
      { header: 'Review due', width: 0.95 }
    ],
    data.businessAssociates.map(b => [
      b.name,
      b.services,
      b.phiCategories.join(', ') || '—',
      BAA_STATUS[b.status],
      b.effectiveOn ? formatShortDate(b.effectiveOn) : '—',
      b.expiresOn ? formatShortDate(b.expiresOn) : '—',
      b.reviewDue ? (b.reviewDue < data.preparedOn ? { text: formatShortDate(b.reviewDue), color: COLOR.bad } : formatShortDate(b.reviewDue)) : '—'
    ]),
    { size: 7.6 }
  )
}

// ------------------------------------------------------------------ incidents

function incidents(w: PdfWriter, data: EvidencePackData): void {
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
      { header: 'Unsecured PHI', width: 0.9 },
      { header: 'Notifiable', width: 0.9 },
      { header: 'Obligations', width: 1.1 }
    ],
    list.map(i => [
      i.reference,
      formatShortDate(i.discoveredOn),
      i.category,
      formatCount(i.affectedCount),
      i.unsecuredPhi ? 'Yes' : 'No',
      i.notifiable === null
        ? { text: 'Under assessment', color: COLOR.partial }
        : i.notifiable
          ? { text: 'Yes', color: COLOR.bad, bold: true }
          : 'No',
      `${i.obligationsDone} done, ${i.obligationsOpen} open`
    ])
  )
}

// ------------------------------------------------------------------ remediation

function remediation(w: PdfWriter, data: EvidencePackData): void {
  if (!data.remediation) return notRecorded(w, 'No risks have been rated yet.')
  const items = [...data.remediation].sort(
    (a, b) =>
      Number(a.status === 'done') - Number(b.status === 'done') || RISK_RANK[a.riskLevel] - RISK_RANK[b.riskLevel] || a.dueOn.localeCompare(b.dueOn)
  )
  const overdue = items.filter(i => isOverdue(i, data.preparedOn)).length
  w.paragraph(
    `Each gap found by the risk analysis has an owner, a plan and a due date. Open items are listed first, highest risk first. ${overdue ? `${plural(overdue, 'item is', 'items are')} past due as of ${formatLongDate(data.preparedOn)}.` : 'No item is past due.'}`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'Remediation item', width: 3, bold: true },
      { header: 'Citation', width: 1.3 },
      { header: 'Risk', width: 0.75 },
      { header: 'Owner', width: 1.4 },
      { header: 'Due', width: 1 },
      { header: 'Status', width: 1 }
    ],
    items.map(i => {
      const late = isOverdue(i, data.preparedOn)
      return [
        i.title,
        i.citation ?? '—',
        { text: RISK_LABEL[i.riskLevel], color: RISK_COLOR[i.riskLevel], bold: i.riskLevel === 'critical' },
        i.owner,
        late ? { text: formatShortDate(i.dueOn), color: COLOR.bad, bold: true } : formatShortDate(i.dueOn),
        i.status === 'done'
          ? { text: i.completedOn ? `Done ${formatShortDate(i.completedOn)}` : 'Done', color: COLOR.good }
          : late
            ? { text: 'Overdue', color: COLOR.bad, bold: true }
            : i.status === 'in-progress'
              ? 'In progress'
              : 'Open'
      ]
    })
  )
}

// ------------------------------------------------------------------ attestation

function attestation(w: PdfWriter, data: EvidencePackData): void {
  w.paragraph(
    `I confirm that, to the best of my knowledge after reasonable inquiry, the information in this evidence pack accurately describes the security policies, procedures and safeguards of ${data.organization.name} for the ${data.period.label} assessment period as of ${formatLongDate(data.preparedOn)}; that the risk analysis it summarises was performed as described; and that the remediation plan has been approved by management.`,
    { size: TYPE.body + 0.5, after: 10 }
  )
  w.paragraph(
    'This attestation does not certify compliance with HIPAA: no government body certifies HIPAA compliance. It records the organisation’s own account of its safeguards, for the recipient to rely on in its due diligence.',
    { color: COLOR.muted, after: 30 }
  )
  w.heading('Security official', 3, { contents: false })
  w.space(4)
  w.signatureLines([`Signature`, 'Date', `Name: ${data.preparedBy.name}`, `Title: ${data.preparedBy.title}`])
  w.space(18)
  w.heading('Senior management', 3, { contents: false })
  w.space(4)
  w.signatureLines(['Signature', 'Date', 'Name', 'Title'])
}

// ------------------------------------------------------------------ appendix

function appendix(w: PdfWriter, data: EvidencePackData): void {
  const scans = (data.scans ?? []).map(s => ({ name: s.fileName, kind: `Scanner output (${s.format})`, addedOn: s.importedOn, sha256: s.sha256 }))
  const files = [...(data.evidenceFiles ?? []), ...scans]
  if (files.length === 0) return notRecorded(w, 'No evidence files have been attached.')
  w.paragraph(
    `Every file referred to as evidence, with its SHA-256 fingerprint. To check a copy, compute its SHA-256 (for example with sha256sum or Get-FileHash) and compare it with the value below.`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'File', width: 2.2, bold: true },
      { header: 'Kind', width: 1.5 },
      { header: 'Added', width: 1 },
      { header: 'SHA-256', width: 3.2 }
    ],
    files.map(f => [f.name, f.kind, formatShortDate(f.addedOn), f.sha256]),
    { size: 7.4 }
  )
}
