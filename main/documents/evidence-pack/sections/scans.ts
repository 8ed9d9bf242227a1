import type { EvidencePackData } from '../pack-data'
import { formatCount, formatShortDate, plural } from '../../format'
import { SEVERITY_COLOR, SEVERITY_LABEL } from '../../labels'
import { SEVERITIES, type Severity } from '../pack-data'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR, TYPE } from '../../pdf/theme'

import { notRecorded } from './shared'

export function scannerResults(w: PdfWriter, data: EvidencePackData): void {
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
      { header: 'Results', width: 2.4 },
      { header: 'SHA-256', width: 2.6 }
    ],
    data.scans.map(s => [
      s.accountId ? `${s.fileName} (account ${s.accountId})` : s.fileName,
      s.format,
      (s.scannedOn ? formatShortDate(s.scannedOn) : `Imported ${formatShortDate(s.importedOn)}`) + (s.superseded ? ' (superseded)' : ''),
      {
        text: s.summary ?? `${plural(s.findings, 'finding')}: ${formatCount(s.passed)} passed, ${formatCount(s.failed)} failed`,
        color: s.failed ? COLOR.bad : COLOR.good
      },
      s.sha256
    ]),
    { size: 7.4 }
  )
  // Every count below is in results (the unit of the scan summaries above), so the rows add up to the total.
  const unit = f.unit ?? 'results'
  const triagedOf = (s: Severity) => f.bySeverity[s].triaged ?? 0
  const otherOf = (s: Severity) => f.bySeverity[s].other ?? 0
  const showTriaged = SEVERITIES.some(s => triagedOf(s) > 0)
  const showOther = SEVERITIES.some(s => otherOf(s) > 0)
  w.heading(`By severity, in ${unit}`, 2)
  w.stackedBars({
    alt: `Bar chart of scanner ${unit} by severity. ${SEVERITIES.map(
      s => `${SEVERITY_LABEL[s]}: ${formatCount(f.bySeverity[s].failed)} failed, ${formatCount(f.bySeverity[s].passed)} passed`
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
  const share = (failed: number, passed: number) => (failed + passed ? `${Math.round((failed / (failed + passed)) * 100)}%` : '—')
  const totalTriaged = SEVERITIES.reduce((n, s) => n + triagedOf(s), 0)
  const totalOther = SEVERITIES.reduce((n, s) => n + otherOf(s), 0)
  w.table(
    [
      { header: `Severity (${unit})`, width: 2, bold: true },
      { header: 'Failed', width: 1, align: 'right' },
      ...(showTriaged ? [{ header: 'Triaged', width: 1, align: 'right' as const }] : []),
      { header: 'Passed', width: 1, align: 'right' },
      ...(showOther ? [{ header: 'Other', width: 1, align: 'right' as const }] : []),
      { header: 'Share failing', width: 1.2, align: 'right' }
    ],
    [
      ...SEVERITIES.map(s => {
        const { failed, passed } = f.bySeverity[s]
        return [
          SEVERITY_LABEL[s],
          { text: formatCount(failed), color: failed ? SEVERITY_COLOR[s] : COLOR.body },
          ...(showTriaged ? [formatCount(triagedOf(s))] : []),
          formatCount(passed),
          ...(showOther ? [formatCount(otherOf(s))] : []),
          share(failed, passed)
        ]
      }),
      [
        { text: `All ${unit} (${formatCount(f.total)})`, bold: true },
        { text: formatCount(f.failed), bold: true },
        ...(showTriaged ? [{ text: formatCount(totalTriaged), bold: true }] : []),
        { text: formatCount(f.passed), bold: true },
        ...(showOther ? [{ text: formatCount(totalOther), bold: true }] : []),
        share(f.failed, f.passed)
      ]
    ]
  )
  if (showOther) {
    w.paragraph(`Other: ${unit} neither failed nor passed (informational, manual, skipped or in error). Share failing is of the failed and passed.`, {
      size: TYPE.small,
      color: COLOR.muted
    })
  }
  const specLimit = 30
  w.heading(`By specification, in ${unit}`, 2)
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
    w.paragraph(`${formatCount(f.bySpecification.length - specLimit)} further specifications with fewer failing checks are held in the workspace.`, {
      size: TYPE.small,
      color: COLOR.muted
    })
  }
  if (f.worst.length > 0) {
    w.heading('Most severe failing checks', 2)
    w.paragraph(
      f.failed > f.worst.length
        ? `The ${formatCount(f.worst.length)} most severe of ${formatCount(f.failed)} failing checks are listed. The workspace holds every finding with its remediation guidance.`
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
  triagedFindings(w, f)
}

/** Failing findings a person triaged: left out of the counts above, listed with who decided what, why and until when. */
function triagedFindings(w: PdfWriter, f: NonNullable<EvidencePackData['findings']>): void {
  const triaged = f.triaged
  if (!triaged || triaged.total === 0) return
  w.heading('Triaged findings', 2)
  w.paragraph(
    `${plural(triaged.total, 'failing finding')} ${triaged.total === 1 ? 'was' : 'were'} triaged by the organisation as an accepted risk, a false positive or fixed pending a rescan, and ${
      triaged.total === 1 ? 'is' : 'are'
    } left out of the failing counts above. Each holds until its expiry date or until a later scan changes the result; the reasons are the organisation's own statements.${
      triaged.total > triaged.listed.length ? ` The ${formatCount(triaged.listed.length)} most severe are listed; the workspace holds the rest.` : ''
    }`,
    { size: TYPE.small, color: COLOR.muted, after: 6 }
  )
  w.table(
    [
      { header: 'Check', width: 2.2 },
      { header: 'Resource', width: 1.6 },
      { header: 'Triage', width: 1 },
      { header: 'Reason', width: 2.4 },
      { header: 'By, on', width: 1.2 },
      { header: 'Expires', width: 0.8 }
    ],
    triaged.listed.map(x => [
      { text: `${x.title} (${SEVERITY_LABEL[x.severity]})` },
      x.wholeCheck ? `${x.resource} (whole check)` : x.resource,
      x.status,
      x.reason,
      `${x.by}, ${formatShortDate(x.triagedOn)}`,
      x.expiresOn ? formatShortDate(x.expiresOn) : 'No expiry'
    ]),
    { size: 7.4 }
  )
}
