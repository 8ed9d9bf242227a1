// Validated, audited writes to the analysis of the current period: scenarios,
// their assets, treatment and vulnerability links (tasks: edit-task.ts).
import { randomUUID } from 'node:crypto'
import type { z } from 'zod'
import { ApiError } from '../shared/errors'
import { getBusinessAssociate } from '../baas/db/business-associates'
import type { Db } from '../db/driver'
import { getMapAsset } from '../map/db/assets'
import { getRiskCatalog } from './catalog'
import type { CreateRiskInput, ScenarioStatus, Treatment, UpdateRiskInput, VulnerabilityCandidate } from './contract'
import { recordRiskChange } from './db/audit'
import { listScenarioAssets, setScenarioAssets } from './db/scenario-assets'
import { EMPTY_SCENARIO, deleteScenario, getScenario, insertScenario, updateScenario, type ScenarioRecord, type ScenarioValues } from './db/scenarios'
import { deleteVulnerability, insertVulnerability } from './db/vulnerabilities'

export interface WriteContext {
  db: Db
  /** The current period: the only one that changes. */
  periodId: string
  now: string
  today: string
}

type ParsedCreate = z.output<typeof CreateRiskInput>
type ParsedUpdate = z.output<typeof UpdateRiskInput>

export function requireScenario(ctx: WriteContext, id: number): ScenarioRecord {
  const scenario = getScenario(ctx.db, id)
  if (!scenario) throw new ApiError('not-found', `There is no risk ${id}.`)
  if (scenario.periodId !== ctx.periodId)
    throw new ApiError('read-only', `Risk ${id} belongs to the closed period ${scenario.periodId}; closed periods are read-only.`)
  return scenario
}

export function requireThreat(threatId: string): void {
  if (!getRiskCatalog().threat(threatId)) {
    const known = getRiskCatalog()
      .view.threats.map(t => t.id)
      .join(', ')
    throw new ApiError('invalid-input', `There is no threat "${threatId}" in the catalog. Known threats: ${known}.`)
  }
}

export function requireAssets(db: Db, assetIds: readonly number[]): { id: number; name: string; kind: string }[] {
  return [...new Set(assetIds)].map(id => {
    const asset = getMapAsset(db, id)
    if (!asset || asset.removedAt !== null) throw new ApiError('not-found', `There is no asset ${id} in the map.`)
    return { id: asset.id, name: asset.name, kind: asset.kind }
  })
}

export function audit(ctx: WriteContext, key: string, field: string, oldValue: unknown, newValue: unknown): void {
  recordRiskChange(ctx.db, { periodId: ctx.periodId, scenarioKey: key, at: ctx.now, field, oldValue, newValue })
}

function auditValues(ctx: WriteContext, key: string, before: Partial<ScenarioValues>, after: Partial<ScenarioValues>): void {
  for (const field of Object.keys(after) as (keyof ScenarioValues)[]) audit(ctx, key, field, before[field] ?? null, after[field] ?? null)
}

function checkDates(foundOn: string, dueOn: string | null): void {
  if (dueOn !== null && dueOn < foundOn)
    throw new ApiError('invalid-input', `The due date ${dueOn} is before the day the risk was found (${foundOn}).`)
}

/** The columns a treatment sets; every treatment column not used is cleared. */
export function treatmentValues(db: Db, treatment: Treatment | null): Partial<ScenarioValues> {
  const cleared: Partial<ScenarioValues> = {
    treatment: null,
    acceptedBy: null,
    acceptedOn: null,
    acceptanceReason: null,
    acceptanceExpiresOn: null,
    transferTo: null,
    transferParty: null,
    transferBusinessAssociateId: null,
    avoidHow: null
  }
  if (treatment === null) return cleared
  switch (treatment.kind) {
    case 'mitigate':
      return { ...cleared, treatment: 'mitigate' }
    case 'accept':
      return {
        ...cleared,
        treatment: 'accept',
        acceptedBy: treatment.approver,
        acceptedOn: treatment.approvedOn,
        acceptanceReason: treatment.reason,
        acceptanceExpiresOn: treatment.expiresOn
      }
    case 'transfer': {
      let party = treatment.party
      if (treatment.to === 'business-associate') {
        const associate = treatment.businessAssociateId === null ? undefined : getBusinessAssociate(db, treatment.businessAssociateId)
        if (!associate) throw new ApiError('not-found', `There is no business associate ${treatment.businessAssociateId} in the register.`)
        party = associate.name
      }
      return {
        ...cleared,
        treatment: 'transfer',
        transferTo: treatment.to,
        transferParty: party,
        transferBusinessAssociateId: treatment.to === 'business-associate' ? treatment.businessAssociateId : null
      }
    }
    case 'avoid':
      return { ...cleared, treatment: 'avoid', avoidHow: treatment.how }
  }
}

/** The status a treatment decision moves a risk to (a closed risk stays closed). */
function statusAfterTreatment(current: ScenarioStatus, treatment: Treatment | null): ScenarioStatus {
  if (current === 'closed') return current
  if (treatment === null) return 'open'
  return treatment.kind === 'mitigate' ? (current === 'treated' ? current : 'in-treatment') : 'treated'
}

export interface NewRisk extends ParsedCreate {
  key?: string
  treatment?: Treatment | null
  /** Candidates already resolved against their sources (labels and citations as the source says them). */
  links?: VulnerabilityCandidate[]
}

export function createRisk(ctx: WriteContext, input: NewRisk): number {
  requireThreat(input.threatId)
  const assets = requireAssets(ctx.db, input.assetIds)
  const foundOn = input.foundOn ?? ctx.today
  checkDates(foundOn, input.dueOn)
  const treatment = input.treatment ?? null
  const values: ScenarioValues = {
    ...EMPTY_SCENARIO,
    title: input.title,
    threatId: input.threatId,
    description: input.description,
    likelihood: input.likelihood,
    likelihoodRationale: input.likelihoodRationale,
    impact: input.impact,
    impactRationale: input.impactRationale,
    existingControls: input.existingControls,
    residualLikelihood: input.residualLikelihood,
    residualImpact: input.residualImpact,
    treatmentPlan: input.treatmentPlan,
    owner: input.owner,
    foundOn,
    dueOn: input.dueOn,
    ...treatmentValues(ctx.db, treatment),
    status: statusAfterTreatment('open', treatment)
  }
  const key = input.key ?? randomUUID()
  const id = insertScenario(ctx.db, ctx.periodId, key, values, ctx.now)
  setScenarioAssets(ctx.db, id, assets)
  for (const link of input.links ?? []) insertVulnerability(ctx.db, id, link)
  audit(ctx, key, 'created', null, values.title || key)
  return id
}

export function updateRisk(ctx: WriteContext, input: ParsedUpdate): void {
  const before = requireScenario(ctx, input.id)
  const { id, assetIds, ...fields } = input
  const changes: Partial<ScenarioValues> = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined))
  if (changes.threatId) requireThreat(changes.threatId)
  checkDates(changes.foundOn ?? before.foundOn, changes.dueOn !== undefined ? changes.dueOn : before.dueOn)
  // A rating given on the three-step scale replaces the earlier register's 1-5 numbers.
  const rerated =
    (changes.likelihood !== undefined && changes.likelihood !== before.likelihood) ||
    (changes.impact !== undefined && changes.impact !== before.impact)
  if (rerated && before.gapLikelihood !== null) Object.assign(changes, { gapLikelihood: null, gapImpact: null })
  if (Object.keys(changes).length > 0) {
    updateScenario(ctx.db, id, changes, ctx.now)
    auditValues(ctx, before.key, before, changes)
  }
  if (assetIds !== undefined) {
    const assets = requireAssets(ctx.db, assetIds)
    const old = listScenarioAssets(ctx.db, id)
    setScenarioAssets(ctx.db, id, assets)
    audit(ctx, before.key, 'assets', old.map(a => a.name).join('; '), assets.map(a => a.name).join('; '))
    if (Object.keys(changes).length === 0) updateScenario(ctx.db, id, {}, ctx.now)
  }
}

export function setTreatment(ctx: WriteContext, id: number, treatment: Treatment | null): void {
  const before = requireScenario(ctx, id)
  const changes = { ...treatmentValues(ctx.db, treatment), status: statusAfterTreatment(before.status, treatment) }
  updateScenario(ctx.db, id, changes, ctx.now)
  auditValues(ctx, before.key, before, changes)
}

export function removeRisk(ctx: WriteContext, id: number): void {
  const before = requireScenario(ctx, id)
  deleteScenario(ctx.db, id)
  audit(ctx, before.key, 'deleted', before.title || before.key, null)
}

export function linkVulnerability(ctx: WriteContext, id: number, candidate: VulnerabilityCandidate): void {
  const scenario = requireScenario(ctx, id)
  if (insertVulnerability(ctx.db, id, candidate)) {
    audit(ctx, scenario.key, 'vulnerability', null, `${candidate.kind}:${candidate.ref}`)
    updateScenario(ctx.db, id, {}, ctx.now)
  }
}

export function unlinkVulnerability(ctx: WriteContext, id: number, vulnerabilityId: number): void {
  const scenario = requireScenario(ctx, id)
  const removed = deleteVulnerability(ctx.db, id, vulnerabilityId)
  if (!removed) throw new ApiError('not-found', `Risk ${id} has no vulnerability ${vulnerabilityId}.`)
  audit(ctx, scenario.key, 'vulnerability', `${removed.kind}:${removed.ref}`, null)
  updateScenario(ctx.db, id, {}, ctx.now)
}
