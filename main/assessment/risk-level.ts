import type { RiskLevel, RiskRating } from './contract'
import type { RiskRecord } from './db/risks'

/**
 * A 5 x 5 matrix: likelihood x impact gives 1-25. Products 17-19 cannot
 * occur, so the bands are low 1-4, medium 5-9, high 10-16, critical 20-25.
 */
export function riskLevel(likelihood: number, impact: number): RiskLevel {
  const score = likelihood * impact
  if (score >= 20) return 'critical'
  if (score >= 10) return 'high'
  if (score >= 5) return 'medium'
  return 'low'
}

export const RISK_LEVEL_RANK: Record<RiskLevel, number> = { low: 1, medium: 2, high: 3, critical: 4 }

export function isHighRisk(level: RiskLevel): boolean {
  return RISK_LEVEL_RANK[level] >= RISK_LEVEL_RANK.high
}

export function toRating(record: RiskRecord): RiskRating {
  return {
    likelihood: record.likelihood,
    impact: record.impact,
    score: record.likelihood * record.impact,
    level: riskLevel(record.likelihood, record.impact),
    owner: record.owner,
    remediation: record.remediation,
    dueOn: record.dueOn,
    status: record.status,
    updatedAt: record.updatedAt
  }
}
