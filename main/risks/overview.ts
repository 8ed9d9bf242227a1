// The analysis at a glance: heat maps (inherent and residual), counts by
// asset, threat and owner, and what needs attention.
import type { RiskLevel } from '../assessment/contract'
import { getRiskCatalog } from './catalog'
import { SCALE_STEPS, type GroupCount, type HeatCell, type RiskSummary, type ScaleStep } from './contract'

function heatMap(
  rows: readonly RiskSummary[],
  pick: (row: RiskSummary) => [ScaleStep | null, ScaleStep | null]
): { cells: HeatCell[]; unrated: number } {
  const { matrix } = getRiskCatalog().view.scale
  const counts = new Map<string, number>()
  let unrated = 0
  for (const row of rows) {
    const [likelihood, impact] = pick(row)
    if (likelihood === null || impact === null) unrated += 1
    else counts.set(`${likelihood}|${impact}`, (counts.get(`${likelihood}|${impact}`) ?? 0) + 1)
  }
  const cells = SCALE_STEPS.flatMap(likelihood =>
    SCALE_STEPS.map(impact => ({ likelihood, impact, level: matrix[likelihood][impact], count: counts.get(`${likelihood}|${impact}`) ?? 0 }))
  )
  return { cells, unrated }
}

const emptyLevels = (): Record<RiskLevel | 'unrated', number> => ({ low: 0, medium: 0, high: 0, critical: 0, unrated: 0 })

function groupBy(rows: readonly RiskSummary[], keys: (row: RiskSummary) => { id: string; name: string }[]): GroupCount[] {
  const groups = new Map<string, GroupCount>()
  for (const row of rows) {
    for (const key of keys(row)) {
      const group = groups.get(key.id) ?? { id: key.id, name: key.name, count: 0, byLevel: emptyLevels() }
      group.count += 1
      group.byLevel[row.level ?? 'unrated'] += 1
      groups.set(key.id, group)
    }
  }
  const weight = (g: GroupCount) => g.byLevel.critical * 1e9 + g.byLevel.high * 1e6 + g.byLevel.medium * 1e3 + g.byLevel.low
  return [...groups.values()].sort((a, b) => weight(b) - weight(a) || b.count - a.count || a.name.localeCompare(b.name))
}

export function buildOverview(rows: readonly RiskSummary[]) {
  const inherent = heatMap(rows, row => [row.likelihood, row.impact])
  const residual = heatMap(rows, row => [row.residualLikelihood, row.residualImpact])
  return {
    total: rows.length,
    heatMap: { inherent: inherent.cells, residual: residual.cells, unratedInherent: inherent.unrated, unratedResidual: residual.unrated },
    byAsset: groupBy(rows, row =>
      row.assets.length === 0
        ? [{ id: 'none', name: 'No asset' }]
        : row.assets.map(a => ({ id: a.id === null ? `removed:${a.name}` : String(a.id), name: a.name }))
    ),
    byThreat: groupBy(rows, row => [row.threat ? { id: row.threat.id, name: row.threat.name } : { id: 'none', name: 'Threat not chosen' }]),
    byOwner: groupBy(rows, row => [row.owner ? { id: row.owner.toLowerCase(), name: row.owner } : { id: '', name: 'No owner' }]),
    overdue: rows.filter(row => row.overdue).length,
    needsReview: rows.filter(row => row.review !== null).length
  }
}
