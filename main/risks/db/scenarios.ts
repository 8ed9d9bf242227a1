import type { Db } from '../../db/driver'
import type { ScaleStep, ScenarioStatus, TransferParty, TreatmentKind } from '../contract'

/** One risk_scenario row as the feature reads and writes it. */
export interface ScenarioRecord {
  id: number
  periodId: string
  key: string
  title: string
  threatId: string | null
  description: string
  likelihood: ScaleStep | null
  likelihoodRationale: string
  impact: ScaleStep | null
  impactRationale: string
  existingControls: string
  residualLikelihood: ScaleStep | null
  residualImpact: ScaleStep | null
  treatment: TreatmentKind | null
  treatmentPlan: string
  acceptedBy: string | null
  acceptedOn: string | null
  acceptanceReason: string | null
  acceptanceExpiresOn: string | null
  transferTo: TransferParty | null
  transferParty: string | null
  transferBusinessAssociateId: number | null
  avoidHow: string | null
  owner: string
  status: ScenarioStatus
  foundOn: string
  dueOn: string | null
  gapQuestionId: string | null
  gapLikelihood: number | null
  gapImpact: number | null
  createdAt: string
  updatedAt: string
}

/** Everything a person or an import sets; ids, period, key and timestamps are the store's. */
export type ScenarioValues = Omit<ScenarioRecord, 'id' | 'periodId' | 'key' | 'createdAt' | 'updatedAt'>

const COLUMNS: Record<keyof ScenarioValues, string> = {
  title: 'title',
  threatId: 'threat_id',
  description: 'description',
  likelihood: 'likelihood',
  likelihoodRationale: 'likelihood_rationale',
  impact: 'impact',
  impactRationale: 'impact_rationale',
  existingControls: 'existing_controls',
  residualLikelihood: 'residual_likelihood',
  residualImpact: 'residual_impact',
  treatment: 'treatment',
  treatmentPlan: 'treatment_plan',
  acceptedBy: 'accepted_by',
  acceptedOn: 'accepted_on',
  acceptanceReason: 'acceptance_reason',
  acceptanceExpiresOn: 'acceptance_expires_on',
  transferTo: 'transfer_to',
  transferParty: 'transfer_party',
  transferBusinessAssociateId: 'transfer_business_associate_id',
  avoidHow: 'avoid_how',
  owner: 'owner',
  status: 'status',
  foundOn: 'found_on',
  dueOn: 'due_on',
  gapQuestionId: 'gap_question_id',
  gapLikelihood: 'gap_likelihood',
  gapImpact: 'gap_impact'
}
const VALUE_FIELDS = Object.keys(COLUMNS) as (keyof ScenarioValues)[]

export const EMPTY_SCENARIO: ScenarioValues = {
  title: '',
  threatId: null,
  description: '',
  likelihood: null,
  likelihoodRationale: '',
  impact: null,
  impactRationale: '',
  existingControls: '',
  residualLikelihood: null,
  residualImpact: null,
  treatment: null,
  treatmentPlan: '',
  acceptedBy: null,
  acceptedOn: null,
  acceptanceReason: null,
  acceptanceExpiresOn: null,
  transferTo: null,
  transferParty: null,
  transferBusinessAssociateId: null,
  avoidHow: null,
  owner: '',
  status: 'open',
  foundOn: '1970-01-01',
  dueOn: null,
  gapQuestionId: null,
  gapLikelihood: null,
  gapImpact: null
}

const SELECT = `SELECT id, period_id AS periodId, key, created_at AS createdAt, updated_at AS updatedAt,
  ${VALUE_FIELDS.map(field => `${COLUMNS[field]} AS ${field}`).join(', ')} FROM risk_scenario`

export function listScenarios(db: Db, periodId: string): ScenarioRecord[] {
  return db.prepare(`${SELECT} WHERE period_id = ? ORDER BY id`).all(periodId) as ScenarioRecord[]
}

export function getScenario(db: Db, id: number): ScenarioRecord | undefined {
  return db.prepare(`${SELECT} WHERE id = ?`).get(id) as ScenarioRecord | undefined
}

export function findScenarioByGap(db: Db, periodId: string, questionId: string): ScenarioRecord | undefined {
  return db.prepare(`${SELECT} WHERE period_id = ? AND gap_question_id = ?`).get(periodId, questionId) as ScenarioRecord | undefined
}

/** Scenarios carried over from the earlier gap register that still hold its rating. */
export function listGapRatedScenarios(db: Db, periodId: string): ScenarioRecord[] {
  return db.prepare(`${SELECT} WHERE period_id = ? AND gap_question_id IS NOT NULL ORDER BY id`).all(periodId) as ScenarioRecord[]
}

export function insertScenario(db: Db, periodId: string, key: string, values: ScenarioValues, now: string): number {
  const columns = ['period_id', 'key', 'created_at', 'updated_at', ...VALUE_FIELDS.map(field => COLUMNS[field])]
  const params = ['@periodId', '@key', '@now', '@now', ...VALUE_FIELDS.map(field => `@${field}`)]
  const result = db.prepare(`INSERT INTO risk_scenario (${columns.join(', ')}) VALUES (${params.join(', ')})`).run({ ...values, periodId, key, now })
  return Number(result.lastInsertRowid)
}

/** Writes only the fields given. */
export function updateScenario(db: Db, id: number, changes: Partial<ScenarioValues>, now: string): void {
  const fields = VALUE_FIELDS.filter(field => changes[field] !== undefined)
  const sets = [...fields.map(field => `${COLUMNS[field]} = @${field}`), 'updated_at = @now']
  db.prepare(`UPDATE risk_scenario SET ${sets.join(', ')} WHERE id = @id`).run({ ...pick(changes, fields), id, now })
}

function pick(changes: Partial<ScenarioValues>, fields: (keyof ScenarioValues)[]): Record<string, unknown> {
  return Object.fromEntries(fields.map(field => [field, changes[field]]))
}

export function deleteScenario(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM risk_scenario WHERE id = ?').run(id).changes === 1
}

export function scenarioKeyExists(db: Db, periodId: string, key: string): boolean {
  return db.prepare('SELECT 1 FROM risk_scenario WHERE period_id = ? AND key = ?').get(periodId, key) !== undefined
}

/**
 * The next period starts with this period's analysis: every scenario with its
 * assets, vulnerabilities and tasks, under the same keys.
 */
export function copyScenarios(db: Db, fromPeriod: string, toPeriod: string, now: string): void {
  const columns = ['key', ...VALUE_FIELDS.map(field => COLUMNS[field])].join(', ')
  const scenarios = db.prepare('SELECT id, key FROM risk_scenario WHERE period_id = ? ORDER BY id').all(fromPeriod) as { id: number; key: string }[]
  const copyScenario = db.prepare(
    `INSERT INTO risk_scenario (period_id, created_at, updated_at, ${columns}) SELECT ?, created_at, ?, ${columns} FROM risk_scenario WHERE id = ?`
  )
  const copyAssets = db.prepare(
    `INSERT INTO risk_scenario_asset (scenario_id, asset_id, asset_name, asset_kind) SELECT ?, asset_id, asset_name, asset_kind
     FROM risk_scenario_asset WHERE scenario_id = ? ORDER BY id`
  )
  const copyVulnerabilities = db.prepare(
    `INSERT INTO risk_vulnerability (scenario_id, kind, ref, label, citations) SELECT ?, kind, ref, label, citations
     FROM risk_vulnerability WHERE scenario_id = ? ORDER BY id`
  )
  const copyTasks = db.prepare(
    `INSERT INTO risk_task (scenario_id, key, title, owner, due_on, status, done_on, evidence, evidence_attachment, created_at, updated_at)
     SELECT ?, key, title, owner, due_on, status, done_on, evidence, evidence_attachment, created_at, updated_at
     FROM risk_task WHERE scenario_id = ? ORDER BY id`
  )
  for (const scenario of scenarios) {
    const copyId = Number(copyScenario.run(toPeriod, now, scenario.id).lastInsertRowid)
    copyAssets.run(copyId, scenario.id)
    copyVulnerabilities.run(copyId, scenario.id)
    copyTasks.run(copyId, scenario.id)
  }
}
