// The risk analysis's calls: zod inputs and plain output types only (the renderer imports this).
import { z } from 'zod'
import { defineCall } from '../api/define-call'
import type { PeriodView, RiskLevel } from '../assessment/contract'
import type { MapAssetKind } from '../map/contract'
import { CalendarDate, filePathSchema } from '../shared/schemas'

/** Likelihood and impact steps of the scale (templates/risks/scale.json has exactly these ids). */
export const SCALE_STEPS = ['low', 'medium', 'high'] as const
export type ScaleStep = (typeof SCALE_STEPS)[number]
export const RISK_LEVEL_IDS = ['low', 'medium', 'high', 'critical'] as const satisfies readonly RiskLevel[]
export const TREATMENT_KINDS = ['mitigate', 'accept', 'transfer', 'avoid'] as const
export type TreatmentKind = (typeof TREATMENT_KINDS)[number]
export const SCENARIO_STATUSES = ['open', 'in-treatment', 'treated', 'closed'] as const
export type ScenarioStatus = (typeof SCENARIO_STATUSES)[number]
export const TASK_STATUSES = ['open', 'in-progress', 'done'] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]
/** Where a vulnerability comes from: a questionnaire gap, a failing scanner check, a map flag, a business associate without a BAA. */
export const VULNERABILITY_KINDS = ['question', 'finding', 'map-flag', 'baa'] as const
export type VulnerabilityKind = (typeof VULNERABILITY_KINDS)[number]
export const TRANSFER_PARTIES = ['insurer', 'business-associate', 'other'] as const
export type TransferParty = (typeof TRANSFER_PARTIES)[number]
export const THREAT_CATEGORIES = ['adversarial', 'accidental', 'structural', 'environmental'] as const
export type ThreatCategory = (typeof THREAT_CATEGORIES)[number]
export const RISK_SORTS = ['level', 'residual', 'due', 'asset', 'threat', 'owner', 'status', 'updated'] as const
export type RiskSortKey = (typeof RISK_SORTS)[number]

export interface ThreatSourceRef {
  source: string
  ref: string
}

export interface Threat {
  id: string
  name: string
  description: string
  category: ThreatCategory
  sources: ThreatSourceRef[]
  sraSection: string
  appliesTo: MapAssetKind[]
  counteredBy: string[]
}

export interface ScaleStepInfo {
  id: ScaleStep
  label: string
  description: string
}

export interface RiskScale {
  id: string
  title: string
  source: string
  certainty: 'confirmed' | 'secondary' | 'unconfirmed'
  likelihood: ScaleStepInfo[]
  impact: ScaleStepInfo[]
  levels: { id: RiskLevel; label: string }[]
  /** likelihood → impact → level */
  matrix: Record<ScaleStep, Record<ScaleStep, RiskLevel>>
  earlierRegister: { note: string; fivePointToLevel: Record<string, ScaleStep> }
}

export interface RiskCatalogView {
  title: string
  note: string
  sources: Record<string, { title: string; url: string }>
  threats: Threat[]
  scale: RiskScale
}

export interface RiskAssetRef {
  /** Null when the asset was removed from the map after the risk was recorded; the name is kept. */
  id: number | null
  name: string
  kind: string
}

/** Why a risk needs another look even though it was treated. */
export interface ReviewNeeded {
  reason: 'acceptance-expired' | 'acceptance-incomplete' | 'threat-missing' | 'asset-missing'
  message: string
}

export interface Acceptance {
  approver: string
  approvedOn: string
  reason: string
  expiresOn: string
}

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value)

export const TreatmentInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mitigate') }),
  z
    .strictObject({
      kind: z.literal('accept'),
      approver: z.string().trim().min(1, 'Name the person who approved accepting this risk').max(200),
      approvedOn: CalendarDate,
      reason: z.string().trim().min(1, 'Give the reason the risk is accepted').max(4000),
      expiresOn: CalendarDate
    })
    .refine(value => !isDate(value.expiresOn) || !isDate(value.approvedOn) || value.expiresOn > value.approvedOn, {
      path: ['expiresOn'],
      message: 'The acceptance must expire after the day it was approved'
    }),
  z
    .strictObject({
      kind: z.literal('transfer'),
      to: z.enum(TRANSFER_PARTIES),
      /** The insurer or other party by name; for a business associate, its name is taken from the register. */
      party: z.string().trim().max(200).default(''),
      businessAssociateId: z.int().positive().nullable().default(null)
    })
    .superRefine((value, ctx) => {
      if (value.to === 'business-associate' && value.businessAssociateId === null)
        ctx.addIssue({ code: 'custom', path: ['businessAssociateId'], message: 'Choose the business associate the risk is transferred to' })
      if (value.to !== 'business-associate' && value.party === '')
        ctx.addIssue({ code: 'custom', path: ['party'], message: 'Name the insurer or party the risk is transferred to' })
    }),
  z.strictObject({ kind: z.literal('avoid'), how: z.string().trim().min(1, 'Say what was stopped or changed to avoid the risk').max(4000) })
])
export type TreatmentInput = z.input<typeof TreatmentInput>
export type Treatment = z.output<typeof TreatmentInput>

/** A treatment as stored: an acceptance carried over from the earlier register may lack its approver and expiry. */
export type TreatmentView =
  | { kind: 'mitigate' }
  | { kind: 'accept'; approver: string | null; approvedOn: string | null; reason: string | null; expiresOn: string | null }
  | { kind: 'transfer'; to: TransferParty; party: string; businessAssociateId: number | null }
  | { kind: 'avoid'; how: string }

export interface RiskSummary {
  id: number
  /** The same scenario keeps its key from one period to the next. */
  key: string
  title: string
  assets: RiskAssetRef[]
  threat: { id: string; name: string } | null
  vulnerabilityCount: number
  likelihood: ScaleStep | null
  impact: ScaleStep | null
  /** Inherent level from the matrix; null while likelihood or impact is unrated. */
  level: RiskLevel | null
  /** 'Critical' … 'Low', or 'Not rated': unrated risks have their own label and sort after every rated one. */
  levelLabel: string
  residualLikelihood: ScaleStep | null
  residualImpact: ScaleStep | null
  residualLevel: RiskLevel | null
  residualLevelLabel: string
  treatment: TreatmentKind | null
  owner: string
  status: ScenarioStatus
  foundOn: string
  /** The risk's own target date, else the earliest open task's. */
  dueOn: string | null
  overdue: boolean
  acceptance: Acceptance | null
  review: ReviewNeeded | null
  updatedAt: string
}

export interface VulnerabilityView {
  id: number
  kind: VulnerabilityKind
  ref: string
  /** What it says now (the question, the check, the flag, the associate), or what it said when linked. */
  label: string
  citations: string[]
  /** Whether the source still shows the weakness: a gap still answered No or Partly, a check still failing. */
  state: 'present' | 'resolved' | 'unknown'
}

export interface TaskView {
  id: number
  riskId: number
  title: string
  owner: string
  dueOn: string | null
  status: TaskStatus
  overdue: boolean
  doneOn: string | null
  evidence: string | null
  evidenceAttachment: string | null
}

export interface RiskDetail extends RiskSummary {
  description: string
  likelihoodRationale: string
  impactRationale: string
  existingControls: string
  treatmentPlan: string
  treatmentDetail: TreatmentView | null
  vulnerabilities: VulnerabilityView[]
  tasks: TaskView[]
  /** The 1-5 rating of Safeguard's earlier gap register this risk was carried over from. */
  earlierRating: { questionId: string; likelihood: number; impact: number } | null
  createdAt: string
}

export interface RiskListView {
  period: PeriodView
  /** Rows matching the filter, before limit and offset. */
  total: number
  rows: RiskSummary[]
}

export interface HeatCell {
  likelihood: ScaleStep
  impact: ScaleStep
  level: RiskLevel
  count: number
}

export interface GroupCount {
  id: string
  name: string
  count: number
  byLevel: Record<RiskLevel | 'unrated', number>
}

export interface RiskOverview {
  period: PeriodView
  total: number
  heatMap: { inherent: HeatCell[]; residual: HeatCell[]; unratedInherent: number; unratedResidual: number }
  byAsset: GroupCount[]
  byThreat: GroupCount[]
  byOwner: GroupCount[]
  notAssessed: number
  overdue: number
  needsReview: number
}

export interface VulnerabilityCandidate {
  kind: VulnerabilityKind
  ref: string
  label: string
  citations: string[]
}

export interface SuggestionView {
  /** Stable: the asset's map key and the threat id. */
  key: string
  asset: RiskAssetRef & { id: number }
  threat: { id: string; name: string }
  vulnerabilities: VulnerabilityCandidate[]
}

export interface DismissedSuggestion {
  key: string
  reason: string
  dismissedAt: string
}

export interface SuggestionsView {
  suggestions: SuggestionView[]
  dismissed: DismissedSuggestion[]
}

export interface NotAssessedAsset {
  id: number
  name: string
  kind: string
  owner: string
  zoneName: string | null
}

export interface FieldChange {
  field: string
  before: string | null
  after: string | null
}

export interface RiskChanges {
  period: PeriodView
  /** The period compared against (the one this period was copied from); null for a first period. */
  previous: PeriodView | null
  added: { key: string; title: string }[]
  removed: { key: string; title: string }[]
  changed: { key: string; title: string; fields: FieldChange[] }[]
}

export interface RiskFileResult {
  path: string
  format: 'csv' | 'xlsx'
  rows: number
}

export interface RiskImportRow {
  /** 1-based data row (the line after the header is row 1). */
  row: number
  title: string
  ok: boolean
  errors: string[]
}

export interface RiskImportReport {
  file: string
  format: 'csv' | 'xlsx'
  imported: number
  dryRun: boolean
  rows: RiskImportRow[]
}

const id = z.int().positive()
const date = CalendarDate
const text = (max: number) => z.string().trim().max(max)
const periodId = z.string().trim().min(1).max(40)
const step = z.enum(SCALE_STEPS)
const filePath = filePathSchema()

export const VulnerabilityRef = z.strictObject({ kind: z.enum(VULNERABILITY_KINDS), ref: text(4000).min(1) })

/** The fields of a risk a person edits in place; each is saved on its own as they type. */
export const riskFieldsShape = {
  title: text(300),
  description: text(8000),
  threatId: text(80).min(1).nullable(),
  likelihood: step.nullable(),
  likelihoodRationale: text(4000),
  impact: step.nullable(),
  impactRationale: text(4000),
  existingControls: text(8000),
  residualLikelihood: step.nullable(),
  residualImpact: step.nullable(),
  treatmentPlan: text(8000),
  owner: text(200),
  status: z.enum(SCENARIO_STATUSES),
  foundOn: date,
  dueOn: date.nullable()
}

export const CreateRiskInput = z
  .strictObject({
    assetIds: z.array(id).min(1, 'Choose at least one asset the risk is about').max(200),
    threatId: text(80).min(1, 'Choose the threat'),
    title: riskFieldsShape.title.default(''),
    description: riskFieldsShape.description.default(''),
    likelihood: step.nullable().default(null),
    likelihoodRationale: riskFieldsShape.likelihoodRationale.default(''),
    impact: step.nullable().default(null),
    impactRationale: riskFieldsShape.impactRationale.default(''),
    existingControls: riskFieldsShape.existingControls.default(''),
    residualLikelihood: step.nullable().default(null),
    residualImpact: step.nullable().default(null),
    treatmentPlan: riskFieldsShape.treatmentPlan.default(''),
    owner: riskFieldsShape.owner.default(''),
    foundOn: date.optional(),
    dueOn: date.nullable().default(null),
    vulnerabilities: z.array(VulnerabilityRef).max(500).default([])
  })
  .refine(value => value.dueOn === null || value.foundOn === undefined || value.dueOn >= value.foundOn, {
    path: ['dueOn'],
    message: 'The due date cannot be before the day the risk was found'
  })
export type CreateRiskInput = z.input<typeof CreateRiskInput>

export const UpdateRiskInput = z.strictObject({
  id,
  title: riskFieldsShape.title.optional(),
  description: riskFieldsShape.description.optional(),
  threatId: riskFieldsShape.threatId.optional(),
  likelihood: riskFieldsShape.likelihood.optional(),
  likelihoodRationale: riskFieldsShape.likelihoodRationale.optional(),
  impact: riskFieldsShape.impact.optional(),
  impactRationale: riskFieldsShape.impactRationale.optional(),
  existingControls: riskFieldsShape.existingControls.optional(),
  residualLikelihood: riskFieldsShape.residualLikelihood.optional(),
  residualImpact: riskFieldsShape.residualImpact.optional(),
  treatmentPlan: riskFieldsShape.treatmentPlan.optional(),
  owner: riskFieldsShape.owner.optional(),
  status: riskFieldsShape.status.optional(),
  foundOn: riskFieldsShape.foundOn.optional(),
  dueOn: riskFieldsShape.dueOn.optional(),
  assetIds: z.array(id).min(1, 'A risk is about at least one asset').max(200).optional()
})
export type UpdateRiskInput = z.input<typeof UpdateRiskInput>

export const ListRisksInput = z.strictObject({
  periodId: periodId.optional(),
  sort: z.enum(RISK_SORTS).default('level'),
  filter: z
    .strictObject({
      assetId: id.optional(),
      threatId: text(80).optional(),
      owner: text(200).optional(),
      level: z.enum([...RISK_LEVEL_IDS, 'unrated']).optional(),
      treatment: z.enum([...TREATMENT_KINDS, 'none']).optional(),
      status: z.enum(SCENARIO_STATUSES).optional(),
      search: text(200).optional(),
      /** One heat-map cell: the risks counted in it (inherent or residual rating). */
      cell: z.strictObject({ rating: z.enum(['inherent', 'residual']), likelihood: step, impact: step }).optional()
    })
    .default({}),
  limit: z.int().min(1).max(100_000).default(100_000),
  offset: z.int().min(0).default(0)
})
export type ListRisksInput = z.input<typeof ListRisksInput>

const readPeriod = z.strictObject({ periodId: periodId.optional() })

export const risksCalls = {
  /** The threat catalog, the scale and its matrix, with their sources. */
  'risks.catalog': defineCall<RiskCatalogView>()(z.strictObject({})),
  'risks.list': defineCall<RiskListView>()(ListRisksInput),
  'risks.get': defineCall<RiskDetail>()(z.strictObject({ id })),
  /** Every risk of a period whole, highest first (the command line and the documents). */
  'risks.register': defineCall<RiskDetail[]>()(readPeriod),
  /** Free entry of any risk: assets × a threat, with vulnerabilities linked from their sources. */
  'risks.create': defineCall<RiskDetail>()(CreateRiskInput),
  /** Saves only the fields given, each audited: the UI saves as the person types. */
  'risks.update': defineCall<RiskDetail>()(UpdateRiskInput),
  'risks.setTreatment': defineCall<RiskDetail>()(z.strictObject({ id, treatment: TreatmentInput.nullable() })),
  'risks.delete': defineCall<void>()(z.strictObject({ id })),
  'risks.linkVulnerability': defineCall<RiskDetail>()(z.strictObject({ riskId: id, vulnerability: VulnerabilityRef })),
  'risks.unlinkVulnerability': defineCall<RiskDetail>()(z.strictObject({ riskId: id, vulnerabilityId: id })),
  'risks.addTask': defineCall<TaskView>()(
    z.strictObject({
      riskId: id,
      title: text(300).min(1, 'Say what has to be done'),
      owner: text(200).default(''),
      dueOn: date.nullable().default(null)
    })
  ),
  'risks.updateTask': defineCall<TaskView>()(
    z.strictObject({
      id,
      title: text(300).min(1, 'Say what has to be done').optional(),
      owner: text(200).optional(),
      dueOn: date.nullable().optional(),
      status: z.enum(['open', 'in-progress']).optional()
    })
  ),
  /** Closing a task asks what shows it is done: a text, and optionally an attachment already in the workspace. */
  'risks.completeTask': defineCall<TaskView>()(
    z.strictObject({
      id,
      evidence: text(4000).min(1, 'Describe the evidence that shows the task is done'),
      evidenceAttachment: z
        .string()
        .regex(/^[0-9a-f]{64}$/, 'An attachment is referred to by its SHA-256')
        .nullable()
        .default(null),
      doneOn: date.optional()
    })
  ),
  'risks.deleteTask': defineCall<void>()(z.strictObject({ id })),
  /** Asset × threat scenarios the map, the questionnaire, the scans and the BAA register point to. */
  'risks.suggestions': defineCall<SuggestionsView>()(z.strictObject({})),
  'risks.confirmSuggestion': defineCall<RiskDetail>()(z.strictObject({ key: text(4000).min(1), owner: text(200).default('') })),
  'risks.dismissSuggestion': defineCall<void>()(
    z.strictObject({ key: text(4000).min(1), reason: text(2000).min(1, 'Give the reason this scenario does not apply') })
  ),
  'risks.restoreSuggestion': defineCall<void>()(z.strictObject({ key: text(4000).min(1) })),
  /** PHI assets of the map with no risk assessed: an analysis that skips them is not enterprise-wide. */
  'risks.notAssessed': defineCall<NotAssessedAsset[]>()(readPeriod),
  'risks.overview': defineCall<RiskOverview>()(readPeriod),
  'risks.changes': defineCall<RiskChanges>()(readPeriod),
  /** Writes the register as CSV or Excel (by the file's extension); asks where when no path is given (null if cancelled). */
  'risks.export': defineCall<RiskFileResult | null>()(z.strictObject({ path: filePath.optional() })),
  /** Reads a CSV or Excel register: every row or none, with a report per row. Null if the dialog was cancelled. */
  'risks.import': defineCall<RiskImportReport | null>()(z.strictObject({ path: filePath.optional(), dryRun: z.boolean().default(false) }))
}
