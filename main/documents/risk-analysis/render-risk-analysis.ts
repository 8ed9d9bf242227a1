import type { RiskLevel } from '../../assessment/contract'
import type { HeatCell } from '../../risks/contract'
import type { RiskReportData } from '../../risks/reads'
import { formatCount, formatShortDate, plural } from '../format'
import { RISK_COLOR } from '../labels'
import type { PdfWriter, TableCellValue } from '../pdf/pdf-writer'
import { COLOR } from '../pdf/theme'

/** Light fills for the heat map's cells; every cell also prints its level in words. */
const HEAT_FILL: Record<RiskLevel, string> = { low: '#DCEFE3', medium: '#F7E7C4', high: '#F6D3B5', critical: '#F0C2BD' }

const SOURCE_LABELS = {
  question: 'questionnaire gaps (questions answered No or Partly)',
  finding: 'failing cloud scanner checks on the asset',
  'map-flag': 'flags raised on the data-flow map',
  baa: 'business associates without a complete agreement'
} as const

/**
 * The risk analysis as the evidence pack and the annual review print it: how it was done (scope, data
 * sources, scale), the heat map, the top risks with their treatment and the accepted risks. It states
 * the analysis as recorded; it makes no claim that the analysis meets 45 CFR 164.308(a)(1)(ii)(A).
 */
export function renderRiskAnalysis(w: PdfWriter, data: RiskReportData | null, options: { preparedOn: string }): void {
  if (!data || data.total === 0) {
    w.paragraph('Not recorded in this workspace. No risk scenario has been recorded for this period yet.', { color: COLOR.muted, font: 'italic' })
    return
  }
  methodStatement(w, data)
  heatMaps(w, data)
  topRisks(w, data, options.preparedOn)
  acceptedRisks(w, data)
}

function methodStatement(w: PdfWriter, data: RiskReportData): void {
  const m = data.method
  w.heading('Method', 2)
  w.paragraph(
    `Scope: the assessment period ${data.periodId}. The data-flow map lists ${plural(m.assetsOnMap, 'asset')}, of which ${plural(m.phiAssets, 'is', 'are')} marked as holding health information; ${m.phiAssetsAssessed} of them ${m.phiAssetsAssessed === 1 ? 'has' : 'have'} at least one rated risk.` +
      (m.notAssessed.length > 0
        ? ` Not yet assessed: ${m.notAssessed.join(', ')}. An analysis that leaves assets out is not enterprise-wide; these are listed so they can be added.`
        : ' Every asset marked as holding health information has a rated risk.'),
    { after: 6 }
  )
  const linked = Object.entries(m.vulnerabilitiesBySource)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${formatCount(count)} from ${SOURCE_LABELS[kind as keyof typeof SOURCE_LABELS]}`)
  w.paragraph(
    `Data sources: each risk is a scenario of a threat acting on one or more assets through weaknesses linked from where they were found${linked.length > 0 ? ` (${linked.join('; ')})` : ''}. ${plural(data.total, 'scenario')} ${data.total === 1 ? 'was' : 'were'} recorded, ${data.rated} rated, using ${m.threatsUsed} of the ${m.threatsInCatalog} threats in the catalog (sources: ${m.catalogSources.join('; ')}).`,
    { after: 6 }
  )
  w.paragraph(
    `Scale: ${data.scale.title}. ${data.scale.source}${data.scale.certainty === 'confirmed' ? '' : ' Check the scale with counsel or your assessor before relying on it.'}`,
    { after: 8 }
  )
  w.table(
    [{ header: 'Likelihood \\ impact', width: 1.4, bold: true }, ...data.scale.impact.map(i => ({ header: `Impact ${i.label}`, width: 1 }))],
    [...data.scale.likelihood].reverse().map(l => [
      `Likelihood ${l.label}`,
      ...data.scale.impact.map((i): TableCellValue => {
        const level = data.scale.matrix[l.id as keyof typeof data.scale.matrix][i.id as keyof typeof data.scale.matrix.low]
        return { text: levelLabel(data, level), color: RISK_COLOR[level] }
      })
    ]),
    { caption: 'Risk level for each likelihood and impact' }
  )
}

function levelLabel(data: RiskReportData, level: RiskLevel): string {
  return data.scale.levels.find(l => l.id === level)?.label ?? level
}

function heatMaps(w: PdfWriter, data: RiskReportData): void {
  w.heading('Heat map', 2)
  w.paragraph(
    'The number of risks in each likelihood × impact cell, before the planned treatment (inherent) and after it (residual). Unrated risks are counted below each grid.',
    { after: 8 }
  )
  heatGrid(w, data, 'Inherent risk', data.heatMap.inherent, data.heatMap.unratedInherent)
  heatGrid(w, data, 'Residual risk', data.heatMap.residual, data.heatMap.unratedResidual)
}

function heatGrid(w: PdfWriter, data: RiskReportData, title: string, cells: HeatCell[], unrated: number): void {
  const rows = [...data.scale.likelihood].reverse()
  const grid = rows.map(l =>
    data.scale.impact.map(i => {
      const cell = cells.find(c => c.likelihood === l.id && c.impact === i.id)
      const level = cell?.level ?? data.scale.matrix[l.id as keyof typeof data.scale.matrix][i.id as keyof typeof data.scale.matrix.low]
      return { count: cell?.count ?? 0, label: levelLabel(data, level), color: HEAT_FILL[level] }
    })
  )
  const described = rows
    .flatMap((l, r) =>
      data.scale.impact.map((i, c) => `likelihood ${l.label}, impact ${i.label}: ${formatCount(grid[r]![c]!.count)} (${grid[r]![c]!.label})`)
    )
    .join('; ')
  // The heading stays with its grid: a grid is about 170 points tall.
  w.ensureSpace(200)
  w.heading(title, 3)
  w.heatGrid({
    alt: `${title} heat map, number of risks per cell: ${described}. ${unrated} not rated.`,
    rowTitle: 'Likelihood',
    columnTitle: 'Impact',
    rows: rows.map(l => l.label),
    columns: data.scale.impact.map(i => i.label),
    cells: grid
  })
  w.paragraph(`${plural(unrated, 'risk')} not rated ${unrated === 1 ? 'is' : 'are'} not in this grid.`, { color: COLOR.muted, after: 6 })
}

function topRisks(w: PdfWriter, data: RiskReportData, preparedOn: string): void {
  w.heading('Top risks and their treatment', 2)
  w.paragraph(
    `The ${plural(data.topRisks.length, 'highest risk')} by inherent level, with the treatment chosen and the residual level it is expected to leave.`,
    { after: 8 }
  )
  w.table(
    [
      { header: 'Risk', width: 2.4, bold: true },
      { header: 'Level', width: 0.8 },
      { header: 'Treatment', width: 2.6 },
      { header: 'Residual', width: 0.8 },
      { header: 'Owner', width: 1.1 },
      { header: 'Due', width: 0.9 }
    ],
    data.topRisks.map(risk => [
      `${risk.title}${risk.threat ? ` (${risk.threat}; ${risk.assets.join(', ')})` : ''}`,
      risk.level
        ? { text: risk.levelLabel, color: RISK_COLOR[risk.level], bold: risk.level === 'critical' }
        : { text: risk.levelLabel, color: COLOR.muted },
      risk.treatmentText,
      risk.residualLevelLabel,
      risk.owner || '—',
      risk.dueOn
        ? risk.overdue || risk.dueOn < preparedOn
          ? { text: `${formatShortDate(risk.dueOn)} (overdue)`, color: COLOR.bad, bold: true }
          : formatShortDate(risk.dueOn)
        : '—'
    ]),
    { caption: 'Top risks' }
  )
}

function acceptedRisks(w: PdfWriter, data: RiskReportData): void {
  w.heading('Accepted risks', 2)
  if (data.accepted.length === 0) {
    w.paragraph('No risk is recorded as accepted.')
    return
  }
  w.paragraph(
    'A risk is accepted by a named person for a set time; after the expiry date it returns for review. Acceptances without an approver or expiry are shown as incomplete.',
    { after: 8 }
  )
  w.table(
    [
      { header: 'Risk', width: 2.2, bold: true },
      { header: 'Level', width: 0.8 },
      { header: 'Approved by', width: 1.3 },
      { header: 'Approved', width: 0.9 },
      { header: 'Expires', width: 0.9 },
      { header: 'Reason', width: 2.2 }
    ],
    data.accepted.map(a => [
      a.title,
      a.levelLabel,
      a.approver ?? { text: 'Not recorded', color: COLOR.bad },
      a.approvedOn ? formatShortDate(a.approvedOn) : '—',
      a.expiresOn
        ? a.state === 'expired'
          ? { text: `${formatShortDate(a.expiresOn)} (expired)`, color: COLOR.bad, bold: true }
          : formatShortDate(a.expiresOn)
        : { text: 'Not recorded', color: COLOR.bad },
      a.reason ?? '—'
    ]),
    { caption: 'Accepted risks' }
  )
}
