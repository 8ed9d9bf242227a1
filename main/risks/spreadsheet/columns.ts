// The register as a table: one row per scenario, the same columns in CSV and
// Excel, and the columns an import reads back (computed ones are left out).
import type { Db } from '../../db/driver'
import { getRiskCatalog } from '../catalog'
import type { RiskSummary } from '../contract'
import { assetsByScenario } from '../db/scenario-assets'
import { listScenarios, type ScenarioRecord } from '../db/scenarios'
import { tasksByScenario, type TaskRecord } from '../db/tasks'
import { vulnerabilitiesByScenario, type VulnerabilityRecord } from '../db/vulnerabilities'
import { sortRisks, toSummary } from '../register'

export interface RegisterRow {
  scenario: ScenarioRecord
  summary: RiskSummary
  vulnerabilities: VulnerabilityRecord[]
  tasks: TaskRecord[]
}

export function registerRows(db: Db, periodId: string, today: string): RegisterRow[] {
  const assets = assetsByScenario(db, periodId)
  const tasks = tasksByScenario(db, periodId)
  const vulnerabilities = vulnerabilitiesByScenario(db, periodId)
  const rows = listScenarios(db, periodId).map(scenario => {
    const links = vulnerabilities.get(scenario.id) ?? []
    const scenarioTasks = tasks.get(scenario.id) ?? []
    return {
      scenario,
      summary: toSummary(scenario, { assets: assets.get(scenario.id) ?? [], tasks: scenarioTasks, vulnerabilityCount: links.length }, today),
      vulnerabilities: links,
      tasks: scenarioTasks
    }
  })
  const order = new Map(
    sortRisks(
      rows.map(r => r.summary),
      'level'
    ).map((summary, index) => [summary.id, index])
  )
  return rows.sort((a, b) => order.get(a.summary.id)! - order.get(b.summary.id)!)
}

const stepLabel = (step: string | null) => (step === null ? '' : step[0]!.toUpperCase() + step.slice(1))

export interface RegisterColumn {
  header: string
  /** Read back by an import; the others are computed and ignored when read. */
  importable: boolean
  /** Wide free-text columns wrap in Excel. */
  wrap?: boolean
  value(row: RegisterRow): string
}

export const REGISTER_COLUMNS: readonly RegisterColumn[] = [
  { header: 'Key', importable: true, value: r => r.scenario.key },
  { header: 'Title', importable: true, wrap: true, value: r => r.summary.title },
  { header: 'Assets', importable: true, value: r => r.summary.assets.map(a => a.name).join('; ') },
  { header: 'Threat', importable: true, value: r => r.scenario.threatId ?? '' },
  { header: 'Threat name', importable: false, value: r => r.summary.threat?.name ?? '' },
  { header: 'Vulnerabilities', importable: true, wrap: true, value: r => r.vulnerabilities.map(v => `${v.kind}:${v.ref}`).join('; ') },
  { header: 'Vulnerability details', importable: false, wrap: true, value: r => r.vulnerabilities.map(v => v.label).join('; ') },
  { header: 'Description', importable: true, wrap: true, value: r => r.scenario.description },
  { header: 'Likelihood', importable: true, value: r => stepLabel(r.scenario.likelihood) },
  { header: 'Likelihood rationale', importable: true, wrap: true, value: r => r.scenario.likelihoodRationale },
  { header: 'Impact', importable: true, value: r => stepLabel(r.scenario.impact) },
  { header: 'Impact rationale', importable: true, wrap: true, value: r => r.scenario.impactRationale },
  { header: 'Risk level', importable: false, value: r => r.summary.levelLabel },
  { header: 'Existing controls', importable: true, wrap: true, value: r => r.scenario.existingControls },
  { header: 'Treatment', importable: true, value: r => stepLabel(r.scenario.treatment) },
  { header: 'Treatment plan', importable: true, wrap: true, value: r => r.scenario.treatmentPlan },
  { header: 'Accepted by', importable: true, value: r => r.scenario.acceptedBy ?? '' },
  { header: 'Accepted on', importable: true, value: r => r.scenario.acceptedOn ?? '' },
  { header: 'Acceptance reason', importable: true, wrap: true, value: r => r.scenario.acceptanceReason ?? '' },
  { header: 'Acceptance expires', importable: true, value: r => r.scenario.acceptanceExpiresOn ?? '' },
  { header: 'Transferred to', importable: true, value: r => r.scenario.transferTo ?? '' },
  { header: 'Transfer party', importable: true, value: r => r.scenario.transferParty ?? '' },
  { header: 'Avoided by', importable: true, wrap: true, value: r => r.scenario.avoidHow ?? '' },
  { header: 'Residual likelihood', importable: true, value: r => stepLabel(r.scenario.residualLikelihood) },
  { header: 'Residual impact', importable: true, value: r => stepLabel(r.scenario.residualImpact) },
  { header: 'Residual level', importable: false, value: r => r.summary.residualLevelLabel },
  { header: 'Owner', importable: true, value: r => r.scenario.owner },
  { header: 'Status', importable: true, value: r => r.scenario.status },
  { header: 'Found on', importable: true, value: r => r.scenario.foundOn },
  { header: 'Due on', importable: true, value: r => r.scenario.dueOn ?? '' },
  {
    header: 'Open tasks',
    importable: false,
    wrap: true,
    value: r =>
      r.tasks
        .filter(t => t.status !== 'done')
        .map(t => `${t.title}${t.owner ? ` (${t.owner})` : ''}${t.dueOn ? ` due ${t.dueOn}` : ''}`)
        .join('; ')
  },
  { header: 'Overdue', importable: false, value: r => (r.summary.overdue ? 'yes' : '') },
  { header: 'Needs review', importable: false, wrap: true, value: r => r.summary.review?.message ?? '' }
]

export const REGISTER_HEADERS = REGISTER_COLUMNS.map(c => c.header)

/** The scale as the file says it, for a sheet beside the register. */
export function scaleRows(): string[][] {
  const { scale } = getRiskCatalog().view
  return [
    ['Likelihood \\ impact', ...scale.impact.map(s => s.label)],
    ...scale.likelihood.map(l => [l.label, ...scale.impact.map(i => scale.levels.find(level => level.id === scale.matrix[l.id][i.id])!.label)]),
    [],
    ['Source', scale.source]
  ]
}
