// Gap ratings (a 1-5 likelihood and impact per questionnaire gap) now live in
// the risk analysis: each is the scenario that carries the gap (see
// main/risks/db/gap-ratings.ts). These keep the assessment's own names.
import type { Db } from '../../db/driver'
import { getGapRating, listGapRatings, upsertGapRating, type GapRating } from '../../risks/db/gap-ratings'
import { copyScenarios } from '../../risks/db/scenarios'

export type RiskRecord = GapRating

export function listRisks(db: Db, periodId: string): RiskRecord[] {
  return listGapRatings(db, periodId)
}

export function getRisk(db: Db, periodId: string, questionId: string): RiskRecord | undefined {
  return getGapRating(db, periodId, questionId)
}

export function upsertRisk(db: Db, periodId: string, risk: Omit<RiskRecord, 'updatedAt'>, now: string): void {
  upsertGapRating(db, periodId, risk, now)
}

/** The next period starts with the whole risk analysis of this one. */
export function copyRisks(db: Db, fromPeriod: string, toPeriod: string, now: string): void {
  copyScenarios(db, fromPeriod, toPeriod, now)
}
