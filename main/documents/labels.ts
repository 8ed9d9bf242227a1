import type { AddressableDecisionKind, Answer, RiskLevel, Severity } from './evidence-pack/pack-data'
import { COLOR } from './pdf/theme'

export const ANSWER_LABEL: Record<Answer, string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  'not-applicable': 'Not applicable',
  'not-assessed': 'Not assessed'
}

export const ANSWER_COLOR: Record<Answer, string> = {
  yes: COLOR.good,
  partly: COLOR.partial,
  no: COLOR.bad,
  'not-applicable': COLOR.neutral,
  'not-assessed': COLOR.none
}

export const ANSWERS: readonly Answer[] = ['yes', 'partly', 'no', 'not-applicable', 'not-assessed']

export const DECISION_LABEL: Record<AddressableDecisionKind, string> = {
  'as-specified': 'Implemented as specified',
  alternative: 'Equivalent alternative',
  'not-reasonable': 'Not reasonable and appropriate'
}

export const RISK_LABEL: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' }

export const RISK_COLOR: Record<RiskLevel, string> = {
  low: COLOR.good,
  medium: COLOR.partial,
  high: COLOR.bad,
  critical: COLOR.bad
}

export const RISK_RANK: Record<RiskLevel, number> = { critical: 0, high: 1, medium: 2, low: 3 }

export const SEVERITY_LABEL: Record<Severity, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  informational: 'Informational'
}

export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: '#7A1A12',
  high: COLOR.bad,
  medium: COLOR.partial,
  low: '#5B7FA0',
  informational: COLOR.neutral
}

export function requirementLabel(requirement: 'required' | 'addressable' | null): string {
  return requirement === 'required' ? 'R' : requirement === 'addressable' ? 'A' : '—'
}
