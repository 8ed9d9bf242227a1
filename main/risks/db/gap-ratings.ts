// The earlier register's view of the analysis: a 1-5 rating per questionnaire
// gap, read from and written to the scenario that carries it. Kept so the
// questionnaire's "rate this gap" and its progress counts work unchanged
// while screens move to the risk analysis.
import type { Db } from '../../db/driver'
import { ORGANISATION_WIDE_ASSET_KEY } from '../../db/migrations/0008-create-risk-analysis'
import { getAssetIdByKey, insertManualAsset } from '../../map/db/assets'
import { FIVE_POINT_OF_STEP, stepOfFivePoint } from '../catalog'
import type { ScenarioStatus, TreatmentKind } from '../contract'
import { findScenarioByGap, insertScenario, listGapRatedScenarios, updateScenario, EMPTY_SCENARIO, type ScenarioRecord } from './scenarios'
import { setScenarioAssets } from './scenario-assets'
import { insertVulnerability } from './vulnerabilities'

export type GapRatingStatus = 'open' | 'in-progress' | 'done' | 'accepted'

export interface GapRating {
  questionId: string
  likelihood: number
  impact: number
  owner: string
  remediation: string
  dueOn: string | null
  status: GapRatingStatus
  updatedAt: string
}

function statusOf(scenario: ScenarioRecord): GapRatingStatus {
  if (scenario.treatment === 'accept' && scenario.status === 'treated') return 'accepted'
  if (scenario.status === 'treated' || scenario.status === 'closed') return 'done'
  return scenario.status === 'in-treatment' ? 'in-progress' : 'open'
}

function toGapRating(scenario: ScenarioRecord): GapRating | undefined {
  if (scenario.gapQuestionId === null || scenario.likelihood === null || scenario.impact === null) return undefined
  return {
    questionId: scenario.gapQuestionId,
    // The numbers as given while nobody re-rated on the three-step scale; else the step's equivalent.
    likelihood: scenario.gapLikelihood ?? FIVE_POINT_OF_STEP[scenario.likelihood],
    impact: scenario.gapImpact ?? FIVE_POINT_OF_STEP[scenario.impact],
    owner: scenario.owner,
    remediation: scenario.treatmentPlan,
    dueOn: scenario.dueOn,
    status: statusOf(scenario),
    updatedAt: scenario.updatedAt
  }
}

export function listGapRatings(db: Db, periodId: string): GapRating[] {
  return listGapRatedScenarios(db, periodId).flatMap(scenario => toGapRating(scenario) ?? [])
}

export function getGapRating(db: Db, periodId: string, questionId: string): GapRating | undefined {
  const scenario = findScenarioByGap(db, periodId, questionId)
  return scenario && toGapRating(scenario)
}

/** The manual asset organisation-wide risks are about, created on first use. */
export function organisationWideAsset(db: Db, now: string): { id: number; name: string; kind: string } {
  const existing = getAssetIdByKey(db, ORGANISATION_WIDE_ASSET_KEY)
  const name = 'Organisation-wide'
  if (existing !== undefined) return { id: existing, name, kind: 'other' }
  const id = insertManualAsset(
    db,
    {
      key: ORGANISATION_WIDE_ASSET_KEY,
      name,
      kind: 'other',
      resourceType: 'manual',
      serviceId: null,
      phi: null,
      owner: '',
      notes: 'The whole organisation: for risks about a safeguard rather than one asset (the questionnaire rates safeguards).',
      businessAssociateId: null,
      encryptedAtRest: null,
      by: ''
    },
    now
  )
  return { id, name, kind: 'other' }
}

const SCENARIO_STATUS: Record<GapRatingStatus, ScenarioStatus> = { open: 'open', 'in-progress': 'in-treatment', done: 'treated', accepted: 'treated' }

/** Rates a gap the earlier way: creates or updates the scenario that carries it. */
export function upsertGapRating(db: Db, periodId: string, rating: Omit<GapRating, 'updatedAt'>, now: string): void {
  const existing = findScenarioByGap(db, periodId, rating.questionId)
  const treatment: TreatmentKind | null =
    rating.status === 'accepted'
      ? 'accept'
      : existing?.treatment && existing.treatment !== 'accept'
        ? existing.treatment
        : rating.remediation.trim()
          ? 'mitigate'
          : null
  const values = {
    likelihood: stepOfFivePoint(rating.likelihood),
    impact: stepOfFivePoint(rating.impact),
    gapLikelihood: rating.likelihood,
    gapImpact: rating.impact,
    owner: rating.owner,
    treatmentPlan: rating.remediation,
    dueOn: rating.dueOn,
    status: SCENARIO_STATUS[rating.status],
    treatment
  }
  if (existing) {
    updateScenario(db, existing.id, values, now)
    return
  }
  const today = now.slice(0, 10)
  const foundOn = rating.dueOn !== null && rating.dueOn < today ? rating.dueOn : today
  const id = insertScenario(
    db,
    periodId,
    `gap:${rating.questionId}`,
    { ...EMPTY_SCENARIO, ...values, foundOn, gapQuestionId: rating.questionId },
    now
  )
  setScenarioAssets(db, id, [organisationWideAsset(db, now)])
  insertVulnerability(db, id, { kind: 'question', ref: rating.questionId, label: rating.questionId, citations: [] })
}
