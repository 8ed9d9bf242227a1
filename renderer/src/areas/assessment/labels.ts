// Words the Assessment area shows, kept in one place and plain.
import type {
  AnswerValue,
  ControlOrigin,
  ControlRuleStatus,
  DecisionKind,
  Eligibility,
  ProcurementStatus,
  QuestionGroup,
  QuestionnaireFilter,
  RiskLevel,
  RiskStatus
} from '../../../../main/assessment/contract'

export const ANSWER_OPTIONS: { value: AnswerValue; label: string; hint: string }[] = [
  { value: 'yes', label: 'Yes', hint: 'In place and working' },
  { value: 'partly', label: 'Partly', hint: 'Started, or only in some places' },
  { value: 'no', label: 'No', hint: 'Not in place' },
  { value: 'na', label: 'Not applicable', hint: 'Does not apply to you' },
  { value: 'not-assessed', label: 'Not assessed', hint: 'Not looked at yet' }
]

export const ANSWER_LABELS = Object.fromEntries(ANSWER_OPTIONS.map(o => [o.value, o.label])) as Record<AnswerValue, string>

export const GROUP_LABELS: Record<QuestionGroup, string> = {
  administrative: 'Administrative',
  physical: 'Physical',
  technical: 'Technical',
  organizational: 'Organizational',
  documentation: 'Documentation',
  cloud: 'Cloud controls'
}

export const FILTER_LABELS: Record<QuestionnaireFilter, string> = {
  all: 'All questions',
  unanswered: 'Still to answer',
  gaps: 'Gaps (No or Partly)',
  'high-risk': 'High and critical risks',
  'to-confirm': 'Copied from last period, to confirm',
  'decision-needed': 'Decision needed'
}

export const QUESTIONNAIRE_FILTERS = Object.keys(FILTER_LABELS) as QuestionnaireFilter[]

export const DECISION_OPTIONS: { value: DecisionKind; label: string; hint: string }[] = [
  { value: 'implemented-as-specified', label: 'We will implement it as written', hint: 'It is reasonable for us; the gap will be closed.' },
  { value: 'equivalent-alternative', label: 'We use an equivalent alternative', hint: 'Describe the measure you use instead.' },
  { value: 'not-reasonable', label: 'Not reasonable and appropriate for us', hint: 'Give the reason (size, cost, how unlikely the risk is).' }
]

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' }
export const RISK_LEVEL_COLORS = { low: 'green', medium: 'amber', high: 'orange', critical: 'red' } as const

export const RISK_STATUS_LABELS: Record<RiskStatus, string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  accepted: 'Accepted (no further action)'
}

export const LIKELIHOOD_LABELS = ['', 'Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain']
export const IMPACT_LABELS = ['', 'Negligible', 'Minor', 'Moderate', 'Major', 'Severe']

export const ELIGIBILITY_LABELS: Record<Eligibility, string> = {
  eligible: 'Covered by the BAA',
  'not-eligible': 'Not covered',
  unknown: 'Not known'
}

export const PROCUREMENT_STATUS: Record<ProcurementStatus, { label: string; color: 'green' | 'amber' | 'red' | 'gray' }> = {
  yes: { label: 'Yes', color: 'green' },
  partly: { label: 'Partly', color: 'amber' },
  no: { label: 'No', color: 'red' },
  unknown: { label: 'Not known yet', color: 'gray' }
}

/** Today's calendar date on this computer, as YYYY-MM-DD. */
export function localToday(): string {
  const now = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** Where a cloud control comes from, and its status under the rule in force (not the proposed update). */
export const CONTROL_ORIGIN_TEXT: Record<ControlOrigin, string> = {
  rule: 'From the Security Rule',
  'source-architecture': 'From the source architecture document',
  'good-practice': 'Good practice'
}
export const CONTROL_RULE_STATUS_TEXT: Record<ControlRuleStatus, string> = {
  required: 'Required by the rule',
  addressable: 'Addressable under the rule',
  'not-in-rule': 'Not in the rule'
}
