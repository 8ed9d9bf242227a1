// What the evidence pack and the annual review say about the risk analysis: the method, the heat map,
// the top risks with their treatment and the accepted risks, read from the workspace as plain data.
import type { RiskLevel } from '../assessment/contract'
import { readPeriods } from '../assessment/reads'
import { getBusinessAssociate } from '../baas/db/business-associates'
import { ApiError } from '../shared/errors'
import type { Db } from '../db/driver'
import { listMapAssets, listPhiAssets } from '../map/db/assets'
import { getRiskCatalog } from './catalog'
import type { HeatCell, RiskScale, RiskSummary, TreatmentKind, VulnerabilityKind } from './contract'
import { listScenarios, type ScenarioRecord } from './db/scenarios'
import { tasksByScenario } from './db/tasks'
import { vulnerabilitiesByScenario } from './db/vulnerabilities'
import { buildOverview } from './overview'
import { loadRegister, sortRisks } from './register'
import { formatCount, plural } from '../shared/count-text'

export interface RiskReportRisk {
  title: string
  assets: string[]
  threat: string | null
  levelLabel: string
  level: RiskLevel | null
  residualLevelLabel: string
  treatment: TreatmentKind | null
  /** The treatment in words: the plan and tasks, the acceptance, whom it is transferred to, what was avoided. */
  treatmentText: string
  owner: string
  dueOn: string | null
  overdue: boolean
}

export interface RiskReportAcceptance {
  title: string
  levelLabel: string
  approver: string | null
  approvedOn: string | null
  reason: string | null
  expiresOn: string | null
  /** Expired acceptances are back for review; incomplete ones (carried over from the earlier register) lack an approver or expiry. */
  state: 'current' | 'expired' | 'incomplete'
}

export interface RiskReportData {
  periodId: string
  scale: Pick<RiskScale, 'title' | 'source' | 'certainty' | 'matrix'> & {
    likelihood: { id: string; label: string }[]
    impact: { id: string; label: string }[]
    levels: { id: RiskLevel; label: string }[]
  }
  method: {
    assetsOnMap: number
    phiAssets: number
    /** PHI assets with at least one rated risk. */
    phiAssetsAssessed: number
    notAssessed: string[]
    threatsInCatalog: number
    threatsUsed: number
    /** How many linked vulnerabilities came from each source. */
    vulnerabilitiesBySource: Record<VulnerabilityKind, number>
    catalogSources: string[]
  }
  total: number
  rated: number
  byLevel: Record<RiskLevel | 'unrated', number>
  heatMap: { inherent: HeatCell[]; residual: HeatCell[]; unratedInherent: number; unratedResidual: number }
  /** Highest inherent level first, unrated after every rated one. */
  topRisks: RiskReportRisk[]
  accepted: RiskReportAcceptance[]
}

const TOP_RISKS = 10

function treatmentText(scenario: ScenarioRecord, tasks: { status: string }[], businessAssociateName: (id: number) => string | null): string {
  const plan = scenario.treatmentPlan.trim()
  switch (scenario.treatment) {
    case 'mitigate': {
      const open = tasks.filter(t => t.status !== 'done').length
      const taskText = tasks.length === 0 ? 'no task recorded' : `${plural(tasks.length, 'task')}, ${formatCount(open)} open`
      return `Mitigate (${taskText})${plan ? `: ${plan}` : ''}`
    }
    case 'accept':
      return scenario.acceptedBy && scenario.acceptanceExpiresOn
        ? `Accepted by ${scenario.acceptedBy} until ${scenario.acceptanceExpiresOn}`
        : 'Accepted, without a recorded approver or expiry'
    case 'transfer': {
      const party =
        scenario.transferTo === 'business-associate' && scenario.transferBusinessAssociateId !== null
          ? (businessAssociateName(scenario.transferBusinessAssociateId) ?? 'a business associate')
          : scenario.transferParty || (scenario.transferTo === 'insurer' ? 'an insurer' : 'another party')
      return `Transferred to ${party}${plan ? `: ${plan}` : ''}`
    }
    case 'avoid':
      return `Avoided: ${scenario.avoidHow ?? plan}`
    case null:
      return plan ? `Not decided; plan: ${plan}` : 'No treatment decided yet'
  }
}

function businessAssociateNames(db: Db): (id: number) => string | null {
  return id => getBusinessAssociate(db, id)?.name ?? null
}

/** The analysis of a period (the current one by default) as the documents print it; reads.ts re-exports it for other features. */
export function readRiskReport(db: Db, clock: { now: string; today: string }, periodId?: string): RiskReportData {
  const periods = readPeriods(db, clock.now)
  const period = periodId === undefined ? periods.find(p => p.status === 'current') : periods.find(p => p.id === periodId)
  if (!period) throw new ApiError('not-found', `There is no assessment period "${periodId}".`)
  const catalog = getRiskCatalog().view
  const rows = loadRegister(db, period.id, clock.today)
  const overview = buildOverview(rows)
  const scenarios = new Map(listScenarios(db, period.id).map(s => [s.id, s]))
  const tasks = tasksByScenario(db, period.id)
  const vulnerabilities = vulnerabilitiesByScenario(db, period.id)
  const phiAssets = listPhiAssets(db)
  // As the Not yet assessed view counts: a PHI asset is assessed once a rated risk is about it.
  const assessed = new Set(rows.filter(row => row.level !== null).flatMap(row => row.assets.flatMap(a => (a.id === null ? [] : [a.id]))))
  const notAssessed = phiAssets.filter(asset => !assessed.has(asset.id))
  const baName = businessAssociateNames(db)

  const bySource: Record<VulnerabilityKind, number> = { question: 0, finding: 0, 'map-flag': 0, baa: 0 }
  for (const links of vulnerabilities.values()) for (const link of links) bySource[link.kind] += 1
  const byLevel: Record<RiskLevel | 'unrated', number> = { critical: 0, high: 0, medium: 0, low: 0, unrated: 0 }
  for (const row of rows) byLevel[row.level ?? 'unrated'] += 1

  const toRisk = (row: RiskSummary): RiskReportRisk => ({
    title: row.title,
    assets: row.assets.map(a => a.name),
    threat: row.threat?.name ?? null,
    level: row.level,
    levelLabel: row.levelLabel,
    residualLevelLabel: row.residualLevelLabel,
    treatment: row.treatment,
    treatmentText: treatmentText(scenarios.get(row.id)!, tasks.get(row.id) ?? [], baName),
    owner: row.owner,
    dueOn: row.dueOn,
    overdue: row.overdue
  })
  const accepted = sortRisks(
    rows.filter(row => row.treatment === 'accept' && row.status !== 'closed'),
    'level'
  ).map((row): RiskReportAcceptance => {
    const s = scenarios.get(row.id)!
    const complete = s.acceptedBy && s.acceptedOn && s.acceptanceReason && s.acceptanceExpiresOn
    return {
      title: row.title,
      levelLabel: row.levelLabel,
      approver: s.acceptedBy,
      approvedOn: s.acceptedOn,
      reason: s.acceptanceReason,
      expiresOn: s.acceptanceExpiresOn,
      state: !complete ? 'incomplete' : s.acceptanceExpiresOn! < clock.today ? 'expired' : 'current'
    }
  })

  return {
    periodId: period.id,
    scale: {
      title: catalog.scale.title,
      source: catalog.scale.source,
      certainty: catalog.scale.certainty,
      matrix: catalog.scale.matrix,
      likelihood: catalog.scale.likelihood.map(({ id, label }) => ({ id, label })),
      impact: catalog.scale.impact.map(({ id, label }) => ({ id, label })),
      levels: catalog.scale.levels
    },
    method: {
      assetsOnMap: listMapAssets(db).length,
      phiAssets: phiAssets.length,
      phiAssetsAssessed: phiAssets.length - notAssessed.length,
      notAssessed: notAssessed.map(a => a.name),
      threatsInCatalog: catalog.threats.length,
      threatsUsed: new Set(rows.flatMap(row => (row.threat ? [row.threat.id] : []))).size,
      vulnerabilitiesBySource: bySource,
      catalogSources: Object.values(catalog.sources).map(source => source.title)
    },
    total: rows.length,
    rated: rows.length - byLevel.unrated,
    byLevel,
    heatMap: overview.heatMap,
    topRisks: sortRisks([...rows], 'level')
      .slice(0, TOP_RISKS)
      .map(toRisk),
    accepted
  }
}
