import type { RiskLevel } from '../../../../main/assessment/contract'
import type { RiskSortKey, ScenarioStatus, TaskStatus, TransferParty, TreatmentKind, VulnerabilityKind } from '../../../../main/risks/contract'

export const LEVEL_LABELS: Record<RiskLevel, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' }
/** Colour only repeats what the label already says. */
export const LEVEL_COLORS = { low: 'green', medium: 'amber', high: 'orange', critical: 'red' } as const

export const TREATMENT_LABELS: Record<TreatmentKind, string> = {
  mitigate: 'Mitigate',
  accept: 'Accept',
  transfer: 'Transfer',
  avoid: 'Avoid'
}
export const TREATMENT_HINTS: Record<TreatmentKind, string> = {
  mitigate: 'Reduce the risk with tasks, each with an owner and a due date',
  accept: 'Live with the risk: a named person approves it until a set date',
  transfer: 'Pass the risk to an insurer or a business associate',
  avoid: 'Stop or change what creates the risk'
}

export const STATUS_LABELS: Record<ScenarioStatus, string> = {
  open: 'Open',
  'in-treatment': 'In treatment',
  treated: 'Treated',
  closed: 'Closed'
}

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { open: 'Not started', 'in-progress': 'In progress', done: 'Done' }

export const TRANSFER_LABELS: Record<TransferParty, string> = {
  insurer: 'An insurer',
  'business-associate': 'A business associate',
  other: 'Another party'
}

export const VULNERABILITY_KIND_LABELS: Record<VulnerabilityKind, string> = {
  question: 'Questionnaire gap',
  finding: 'Failing scanner check',
  'map-flag': 'Data-flow map flag',
  baa: 'Business associate agreement gap'
}

export const SORT_LABELS: Record<RiskSortKey, string> = {
  level: 'Highest risk first',
  residual: 'Highest residual risk first',
  due: 'Due soonest',
  asset: 'Asset',
  threat: 'Threat',
  owner: 'Owner',
  status: 'Status',
  updated: 'Recently changed'
}

/** The register's sortable columns and the sort each header asks for. */
export const COLUMN_SORTS: Partial<Record<string, RiskSortKey>> = {
  Asset: 'asset',
  Threat: 'threat',
  Owner: 'owner',
  Level: 'level',
  Status: 'status',
  Due: 'due'
}

// The renderer imports contracts as types only, so the lists come from the label tables above.
export const TREATMENTS = Object.keys(TREATMENT_LABELS) as TreatmentKind[]
export const STATUSES = Object.keys(STATUS_LABELS) as ScenarioStatus[]
export const TRANSFER_PARTIES = Object.keys(TRANSFER_LABELS) as TransferParty[]
/** Highest first, as the register reads. */
export const LEVELS_HIGH_FIRST = (Object.keys(LEVEL_LABELS) as RiskLevel[]).reverse()

/** The fields "What changed" compares (main/risks/changes.ts), in words. */
export const CHANGED_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  assets: 'Assets',
  threat: 'Threat',
  likelihood: 'Likelihood',
  impact: 'Impact',
  level: 'Inherent level',
  residualLevel: 'Residual level',
  treatment: 'Treatment',
  status: 'Status',
  owner: 'Owner',
  dueOn: 'Due',
  acceptanceExpiresOn: 'Acceptance expires on'
}
