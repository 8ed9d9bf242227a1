// The register: every scenario of a period as a summary row, sorted and
// filtered, and one scenario whole. Levels come from the scale's matrix.
import type { RiskLevel } from '../assessment/contract'
import { readCatalog } from '../assessment/reads'
import type { Db } from '../db/driver'
import { getRiskCatalog } from './catalog'
import type {
  Acceptance,
  ListRisksInput,
  ReviewNeeded,
  RiskDetail,
  RiskSortKey,
  RiskSummary,
  ScenarioStatus,
  TaskView,
  TreatmentView,
  VulnerabilityView
} from './contract'
import { assetsByScenario, listScenarioAssets } from './db/scenario-assets'
import { listScenarios, type ScenarioRecord } from './db/scenarios'
import { listTasks, tasksByScenario, type TaskRecord } from './db/tasks'
import { listVulnerabilities, type VulnerabilityRecord } from './db/vulnerabilities'

const LEVEL_RANK: Record<RiskLevel, number> = { low: 1, medium: 2, high: 3, critical: 4 }
const STEP_RANK = { low: 1, medium: 2, high: 3 } as const
const STATUS_RANK: Record<ScenarioStatus, number> = { open: 0, 'in-treatment': 1, treated: 2, closed: 3 }
const SETTLED: readonly ScenarioStatus[] = ['treated', 'closed']

/** What a level reads as; an unrated risk has its own words so it is never mistaken for a low one. */
export function levelLabel(level: RiskLevel | null): string {
  return level === null ? 'Not rated' : getRiskCatalog().view.scale.levels.find(l => l.id === level)!.label
}

function acceptanceOf(scenario: ScenarioRecord): Acceptance | null {
  if (scenario.treatment !== 'accept') return null
  const { acceptedBy, acceptedOn, acceptanceReason, acceptanceExpiresOn } = scenario
  if (!acceptedBy || !acceptedOn || !acceptanceReason || !acceptanceExpiresOn) return null
  return { approver: acceptedBy, approvedOn: acceptedOn, reason: acceptanceReason, expiresOn: acceptanceExpiresOn }
}

function reviewOf(scenario: ScenarioRecord, assetCount: number, today: string): ReviewNeeded | null {
  if (scenario.treatment === 'accept' && scenario.status !== 'closed') {
    const acceptance = acceptanceOf(scenario)
    if (!acceptance)
      return {
        reason: 'acceptance-incomplete',
        message: 'Accepted without a named approver, date, reason and expiry: record them or choose another treatment.'
      }
    if (acceptance.expiresOn < today)
      return {
        reason: 'acceptance-expired',
        message: `Accepted by ${acceptance.approver} until ${acceptance.expiresOn}; the acceptance has expired, so the risk is back for review.`
      }
  }
  if (scenario.threatId === null) return { reason: 'threat-missing', message: 'Choose the threat this risk is about.' }
  if (assetCount === 0)
    return { reason: 'asset-missing', message: 'The assets this risk was about are no longer in the map: choose the assets it is about.' }
  return null
}

function openTaskDue(tasks: readonly TaskRecord[]): string | null {
  return tasks
    .filter(t => t.status !== 'done' && t.dueOn !== null)
    .reduce<string | null>((earliest, t) => (earliest === null || t.dueOn! < earliest ? t.dueOn : earliest), null)
}

export function toSummary(
  scenario: ScenarioRecord,
  related: { assets: RiskSummary['assets']; tasks: readonly TaskRecord[]; vulnerabilityCount: number },
  today: string
): RiskSummary {
  const catalog = getRiskCatalog()
  const threat = scenario.threatId === null ? null : catalog.threat(scenario.threatId)
  const level = catalog.level(scenario.likelihood, scenario.impact)
  const residualLevel = catalog.level(scenario.residualLikelihood, scenario.residualImpact)
  const taskOverdue = related.tasks.some(t => t.status !== 'done' && t.dueOn !== null && t.dueOn < today)
  const ownOverdue = scenario.dueOn !== null && scenario.dueOn < today && !SETTLED.includes(scenario.status)
  return {
    id: scenario.id,
    key: scenario.key,
    title: scenario.title || defaultTitle(threat?.name ?? null, related.assets, scenario.gapQuestionId),
    assets: related.assets,
    threat: threat ? { id: threat.id, name: threat.name } : scenario.threatId ? { id: scenario.threatId, name: scenario.threatId } : null,
    vulnerabilityCount: related.vulnerabilityCount,
    likelihood: scenario.likelihood,
    impact: scenario.impact,
    level,
    levelLabel: levelLabel(level),
    residualLikelihood: scenario.residualLikelihood,
    residualImpact: scenario.residualImpact,
    residualLevel,
    residualLevelLabel: levelLabel(residualLevel),
    treatment: scenario.treatment,
    owner: scenario.owner,
    status: scenario.status,
    foundOn: scenario.foundOn,
    dueOn: scenario.dueOn ?? openTaskDue(related.tasks),
    overdue: ownOverdue || taskOverdue,
    acceptance: acceptanceOf(scenario),
    review: reviewOf(scenario, related.assets.filter(a => a.id !== null).length, today),
    updatedAt: scenario.updatedAt
  }
}

/** A readable name for a risk nobody titled: the threat to the assets. */
export function defaultTitle(threatName: string | null, assets: readonly { name: string }[], gapQuestionId: string | null): string {
  const where =
    assets.length === 0 ? 'no asset' : assets.length <= 2 ? assets.map(a => a.name).join(' and ') : `${assets[0]!.name} and ${assets.length - 1} more`
  if (threatName) return `${threatName}: ${where}`
  if (!gapQuestionId) return `Unnamed risk: ${where}`
  // A gap carried over from the questionnaire reads as its question, not as its id.
  const question = questionText(gapQuestionId)
  return question ? `Gap: ${question}` : `Gap ${gapQuestionId}: ${where}`
}

let questionTexts: Map<string, string> | null = null

function questionText(questionId: string): string | null {
  questionTexts ??= new Map(readCatalog().questions.map(q => [q.id, q.text]))
  const text = questionTexts.get(questionId)
  if (!text) return null
  return text.length > 110 ? `${text.slice(0, 107).trimEnd()}…` : text
}

export function loadRegister(db: Db, periodId: string, today: string): RiskSummary[] {
  const assets = assetsByScenario(db, periodId)
  const tasks = tasksByScenario(db, periodId)
  const counts = new Map(
    (
      db
        .prepare(
          `SELECT v.scenario_id AS id, count(*) AS n FROM risk_vulnerability v JOIN risk_scenario s ON s.id = v.scenario_id
           WHERE s.period_id = ? GROUP BY v.scenario_id`
        )
        .all(periodId) as { id: number; n: number }[]
    ).map(row => [row.id, row.n])
  )
  return listScenarios(db, periodId).map(scenario =>
    toSummary(
      scenario,
      { assets: assets.get(scenario.id) ?? [], tasks: tasks.get(scenario.id) ?? [], vulnerabilityCount: counts.get(scenario.id) ?? 0 },
      today
    )
  )
}

type Filter = NonNullable<Exclude<ListRisksInput['filter'], undefined>>

export function matchesRiskFilter(row: RiskSummary, filter: Filter): boolean {
  if (filter.assetId !== undefined && !row.assets.some(a => a.id === filter.assetId)) return false
  if (filter.threatId !== undefined && row.threat?.id !== filter.threatId) return false
  if (filter.owner !== undefined && row.owner.toLowerCase() !== filter.owner.toLowerCase()) return false
  if (filter.level !== undefined && (row.level ?? 'unrated') !== filter.level) return false
  if (filter.treatment !== undefined && (row.treatment ?? 'none') !== filter.treatment) return false
  if (filter.status !== undefined && row.status !== filter.status) return false
  if (filter.cell !== undefined) {
    const [likelihood, impact] = filter.cell.rating === 'inherent' ? [row.likelihood, row.impact] : [row.residualLikelihood, row.residualImpact]
    if (likelihood !== filter.cell.likelihood || impact !== filter.cell.impact) return false
  }
  if (filter.search) {
    const haystack = [row.title, row.owner, row.threat?.name ?? '', ...row.assets.map(a => a.name)].join('\n').toLowerCase()
    if (
      !filter.search
        .toLowerCase()
        .split(/\s+/)
        .every(word => haystack.includes(word))
    )
      return false
  }
  return true
}

/** Rated risks by level, then likelihood and impact; unrated ones always after every rated one. */
function levelOrder(level: RiskLevel | null, likelihood: RiskSummary['likelihood'], impact: RiskSummary['impact']): number {
  if (level === null) return -1
  return LEVEL_RANK[level] * 100 + STEP_RANK[likelihood!] * 10 + STEP_RANK[impact!]
}

const byText = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' })
const NO_DATE = '9999-99-99'

const COMPARE: Record<RiskSortKey, (a: RiskSummary, b: RiskSummary) => number> = {
  level: (a, b) => levelOrder(b.level, b.likelihood, b.impact) - levelOrder(a.level, a.likelihood, a.impact),
  residual: (a, b) =>
    levelOrder(b.residualLevel, b.residualLikelihood, b.residualImpact) - levelOrder(a.residualLevel, a.residualLikelihood, a.residualImpact),
  due: (a, b) => (a.dueOn ?? NO_DATE).localeCompare(b.dueOn ?? NO_DATE),
  asset: (a, b) => byText(a.assets[0]?.name ?? '\uffff', b.assets[0]?.name ?? '\uffff'),
  threat: (a, b) => byText(a.threat?.name ?? '\uffff', b.threat?.name ?? '\uffff'),
  owner: (a, b) => (a.owner === '' ? 1 : 0) - (b.owner === '' ? 1 : 0) || byText(a.owner, b.owner),
  status: (a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status],
  updated: (a, b) => b.updatedAt.localeCompare(a.updatedAt)
}

export function sortRisks(rows: RiskSummary[], sort: RiskSortKey): RiskSummary[] {
  const compare = COMPARE[sort]
  return rows.sort((a, b) => compare(a, b) || COMPARE.level(a, b) || a.id - b.id)
}

function treatmentView(scenario: ScenarioRecord): TreatmentView | null {
  switch (scenario.treatment) {
    case null:
      return null
    case 'mitigate':
      return { kind: 'mitigate' }
    case 'accept':
      return {
        kind: 'accept',
        approver: scenario.acceptedBy,
        approvedOn: scenario.acceptedOn,
        reason: scenario.acceptanceReason,
        expiresOn: scenario.acceptanceExpiresOn
      }
    case 'transfer':
      return {
        kind: 'transfer',
        to: scenario.transferTo ?? 'other',
        party: scenario.transferParty ?? '',
        businessAssociateId: scenario.transferBusinessAssociateId
      }
    case 'avoid':
      return { kind: 'avoid', how: scenario.avoidHow ?? '' }
  }
}

export function taskView(task: TaskRecord, today: string): TaskView {
  return {
    id: task.id,
    riskId: task.scenarioId,
    title: task.title,
    owner: task.owner,
    dueOn: task.dueOn,
    status: task.status,
    overdue: task.status !== 'done' && task.dueOn !== null && task.dueOn < today,
    doneOn: task.doneOn,
    evidence: task.evidence,
    evidenceAttachment: task.evidenceAttachment
  }
}

/**
 * A scenario whole. `present` says, per linked vulnerability, whether its source
 * still shows it (undefined when the source cannot tell, e.g. no scan loaded).
 */
export function riskDetail(
  db: Db,
  scenario: ScenarioRecord,
  today: string,
  present: (link: VulnerabilityRecord) => boolean | undefined,
  liveLabel: (link: VulnerabilityRecord) => string | undefined
): RiskDetail {
  const assets = listScenarioAssets(db, scenario.id)
  const tasks = listTasks(db, scenario.id)
  const links = listVulnerabilities(db, scenario.id)
  const vulnerabilities: VulnerabilityView[] = links.map(link => {
    const state = present(link)
    return {
      id: link.id,
      kind: link.kind,
      ref: link.ref,
      label: liveLabel(link) ?? link.label,
      citations: link.citations,
      state: state === undefined ? 'unknown' : state ? 'present' : 'resolved'
    }
  })
  return {
    ...toSummary(scenario, { assets, tasks, vulnerabilityCount: links.length }, today),
    description: scenario.description,
    likelihoodRationale: scenario.likelihoodRationale,
    impactRationale: scenario.impactRationale,
    existingControls: scenario.existingControls,
    treatmentPlan: scenario.treatmentPlan,
    treatmentDetail: treatmentView(scenario),
    vulnerabilities,
    tasks: tasks.map(task => taskView(task, today)),
    earlierRating:
      scenario.gapQuestionId !== null && scenario.gapLikelihood !== null && scenario.gapImpact !== null
        ? { questionId: scenario.gapQuestionId, likelihood: scenario.gapLikelihood, impact: scenario.gapImpact }
        : null,
    createdAt: scenario.createdAt
  }
}
