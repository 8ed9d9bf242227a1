// The assessment's calls: zod inputs and plain output types only (the renderer imports this).
import { z } from 'zod'
import { defineCall } from '../api/define-call'
import type {
  AnswerValue,
  CatalogData,
  CloudServiceInfo,
  ControlOrigin,
  ControlRuleStatus,
  EncryptionDefault,
  QuestionGroup,
  Requirement,
  ValueField
} from './catalog.types'
import { ANSWER_VALUES, FAMILIES } from './catalog.types'
import { CalendarDate } from '../shared/schemas'

// Re-exported for the renderer, which imports contracts only.
export type { AnswerValue, CatalogData, ControlOrigin, ControlRuleStatus, Family, QuestionGroup } from './catalog.types'
export { CONTROL_ORIGIN_LABEL, CONTROL_RULE_STATUS_LABEL } from './catalog.types'

export const QUESTION_GROUPS = [...FAMILIES, 'cloud'] as const
export const DECISION_KINDS = ['implemented-as-specified', 'equivalent-alternative', 'not-reasonable'] as const
export const RISK_STATUSES = ['open', 'in-progress', 'done', 'accepted'] as const
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const
export const QUESTIONNAIRE_FILTERS = ['all', 'unanswered', 'gaps', 'high-risk', 'to-confirm', 'decision-needed'] as const
export const RISK_SORTS = ['level', 'due', 'family', 'status'] as const
export const CUSTOM_ELIGIBILITY = ['eligible', 'not-eligible', 'unknown'] as const

export type DecisionKind = (typeof DECISION_KINDS)[number]
export type RiskStatus = (typeof RISK_STATUSES)[number]
export type RiskLevel = (typeof RISK_LEVELS)[number]
export type QuestionnaireFilter = (typeof QUESTIONNAIRE_FILTERS)[number]
export type Eligibility = (typeof CUSTOM_ELIGIBILITY)[number]

export interface PeriodView {
  id: string
  status: 'current' | 'closed'
  /** Closed periods cannot be changed. */
  readOnly: boolean
  startedOn: string
  closedOn: string | null
  copiedFrom: string | null
}

export interface AnswerView {
  questionId: string
  value: AnswerValue
  notes: string
  /** The question's value field (minutes, years, a choice), if it has one and it was given. */
  fieldValue: number | string | null
  /** Copied from the previous period and not confirmed yet. */
  toConfirm: boolean
  updatedAt: string
}

export interface DecisionView {
  citation: string
  decision: DecisionKind
  /** The alternative, or the reason it is not reasonable and appropriate. */
  explanation: string
  decidedBy: string
  decidedOn: string
  updatedAt: string
}

export interface RiskRating {
  likelihood: number
  impact: number
  score: number
  level: RiskLevel
  owner: string
  remediation: string
  dueOn: string | null
  status: RiskStatus
  updatedAt: string
}

export interface QuestionItem {
  id: string
  group: QuestionGroup
  citations: string[]
  /** Name of the rule entry (or cloud control) the question belongs to. */
  topic: string
  requirement: Requirement
  text: string
  guidance: string
  evidence: string[]
  valueField: ValueField | null
  applies: boolean
  answer: AnswerView | null
  /** An addressable specification not answered Yes and without a recorded decision (164.306(d)(3)). */
  decisionNeeded: boolean
  /** Why the recorded decision contradicts the answer (a Yes with 'not reasonable and appropriate', a stop-gap called an alternative); null when coherent. */
  decisionConflict: string | null
  /** For a cloud control's question: where the control comes from and its status under the rule in force. */
  cloudControl: { origin: ControlOrigin; ruleStatus: ControlRuleStatus; basis: string } | null
  risk: RiskRating | null
}

export interface ProfileView {
  questions: CatalogData['profile']
  /** Answers given in the assessment. */
  values: Record<string, boolean>
  /** Presets taken from the workspace's organisation settings, used where no answer was given. */
  defaults: Record<string, boolean>
}

export interface QuestionnaireView {
  period: PeriodView
  profile: ProfileView
  items: QuestionItem[]
  /** Decisions on the addressable specifications the items touch. */
  decisions: DecisionView[]
  /** How many applicable questions there are before filter and search. */
  totalApplicable: number
}

export interface SetAnswerResult {
  answer: AnswerView
  decisionNeeded: boolean
  /** Follow-up questions that now apply or no longer apply. */
  applicabilityChanged: string[]
}

export interface RiskView {
  questionId: string
  text: string
  group: QuestionGroup
  citations: string[]
  topic: string
  answer: 'no' | 'partly'
  rating: RiskRating | null
  /** Due date passed while not done or accepted (compared with today's date). */
  overdue: boolean
}

export interface SignOffView {
  group: QuestionGroup
  reviewer: string
  signedOn: string
  /** Answers in the group changed after the sign-off was recorded. */
  changedSince: boolean
}

export interface GroupProgress {
  group: QuestionGroup
  title: string
  applicable: number
  answered: number
  percent: number
  gaps: number
  unratedGaps: number
  decisionsNeeded: number
  toConfirm: number
  signOff: SignOffView | null
}

export interface ProgressView {
  period: PeriodView
  overall: { applicable: number; answered: number; percent: number }
  groups: GroupProgress[]
  answers: Record<AnswerValue | 'unanswered', number>
  risks: Record<RiskLevel | 'unrated', number>
  toConfirm: number
  decisionsNeeded: number
}

export interface InventoryItem {
  serviceId: string
  name: string
  category: string
  custom: boolean
  eligibility: Eligibility
  eligibilityBasis: CloudServiceInfo['eligibilityBasis'] | 'entered-by-user'
  defaultEncryption: EncryptionDefault | null
  encryptionNote: string
  typicalUse: string
  inUse: boolean
  holdsPhi: boolean
  notes: string
  /** Why this service is a gap, or null. */
  gap: string | null
  /** When a data-flow map exists: its assets of this service, and how many hold PHI (marked or inferred). */
  fromMap?: { assets: number; phiAssets: number }
}

export interface InventoryView {
  period: PeriodView
  provider: string
  referenceUrl: string
  note: string
  items: InventoryItem[]
}

export type ProcurementStatus = 'yes' | 'partly' | 'no' | 'unknown'

export type ProcurementAnswerId = 'baa' | 'services' | 'minimumNecessary'

export interface ProcurementAnswer {
  id: ProcurementAnswerId
  question: string
  /**
   * 'status': a yes, partly or no question, shown with its status; 'descriptive': the answer describes
   * measures, so it gets no yes/no badge (only "not answered yet" when nothing is assessed).
   */
  kind: 'status' | 'descriptive'
  status: ProcurementStatus
  /** A short answer in plain words, built from the workspace's data. */
  answer: string
  /** The rule paragraphs the answer rests on, each once, in the rule's order. */
  citations: string[]
  /** The records it was built from (assessment answers, the register, the inventory), each once. */
  basis: string[]
  /** The answer as plain text with its citations, as Copy and Export give it. */
  text: string
}

export interface ProcurementView {
  period: PeriodView
  baa: ProcurementAnswer
  services: ProcurementAnswer & { phiServices: { name: string; eligibility: Eligibility }[] }
  minimumNecessary: ProcurementAnswer
  /** All three answers as plain text with citations. */
  text: string
}

export interface AuditEntry {
  id: number
  at: string
  subject: string
  field: string
  oldValue: string | null
  newValue: string | null
}

export interface CsvExportResult {
  path: string
  rows: number
}

export interface CsvImportRow {
  /** Line in the file (1 = header); in a workbook, the row of its sheet. */
  line: number
  /** The workbook sheet the row is on (none for CSV). */
  sheet?: string
  /** Locked workbook columns whose text the file changed: reported, and Safeguard's own text kept. */
  lockedChanged?: string[]
  questionId: string
  outcome: 'accepted' | 'unchanged' | 'skipped' | 'rejected'
  /** Why it was rejected or skipped; for accepted rows, what changes. */
  message: string
}

export interface CsvImportReport {
  path: string
  /** True only when every row was acceptable and the changes were saved. */
  applied: boolean
  dryRun: boolean
  accepted: number
  unchanged: number
  skipped: number
  rejected: number
  rows: CsvImportRow[]
}

const calendarDate = CalendarDate
const periodId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, 'Use letters, digits, spaces, dots, dashes')
const questionId = z.string().trim().min(1).max(80)
const shortText = (max: number) => z.string().trim().max(max)
const filePath = z.string().trim().min(1).max(4096)
const readPeriod = z.strictObject({ periodId: periodId.optional() })

export const assessmentCalls = {
  /** Every standard, specification, question, cloud control and service in templates/assessment. */
  'assessment.catalog': defineCall<CatalogData>()(z.strictObject({})),
  'assessment.periods': defineCall<PeriodView[]>()(z.strictObject({})),
  /** Closes the current period (read-only from then on) and opens the next, copying answers marked 'to confirm'. */
  'assessment.startNextPeriod': defineCall<PeriodView>()(z.strictObject({ id: periodId.optional() })),
  'assessment.setProfile': defineCall<ProfileView>()(z.strictObject({ key: z.string().min(1).max(60), value: z.boolean().nullable() })),
  'assessment.questionnaire': defineCall<QuestionnaireView>()(
    z.strictObject({
      periodId: periodId.optional(),
      group: z.enum(QUESTION_GROUPS).optional(),
      filter: z.enum(QUESTIONNAIRE_FILTERS).default('all'),
      search: shortText(200).default('')
    })
  ),
  /** Saves at once and audits each changed field. Only the fields given change. */
  'assessment.setAnswer': defineCall<SetAnswerResult>()(
    z.strictObject({
      questionId,
      value: z.enum(ANSWER_VALUES).optional(),
      notes: shortText(5000).optional(),
      fieldValue: z.union([z.number(), shortText(200), z.null()]).optional(),
      /** Only false is meaningful: confirm a copied answer without changing it. */
      toConfirm: z.literal(false).optional()
    })
  ),
  'assessment.setDecision': defineCall<DecisionView | null>()(
    z.union([
      z.strictObject({
        citation: z.string().min(1).max(40),
        decision: z.enum(DECISION_KINDS),
        explanation: shortText(5000).default(''),
        decidedBy: shortText(200).default(''),
        decidedOn: calendarDate.optional()
      }),
      z.strictObject({ citation: z.string().min(1).max(40), decision: z.null() })
    ])
  ),
  'assessment.risks': defineCall<RiskView[]>()(z.strictObject({ periodId: periodId.optional(), sort: z.enum(RISK_SORTS).default('level') })),
  'assessment.rateRisk': defineCall<RiskView>()(
    z.strictObject({
      questionId,
      likelihood: z.number().int().min(1).max(5),
      impact: z.number().int().min(1).max(5),
      owner: shortText(200).default(''),
      remediation: shortText(5000).default(''),
      dueOn: calendarDate.nullable().default(null),
      status: z.enum(RISK_STATUSES).default('open')
    })
  ),
  'assessment.progress': defineCall<ProgressView>()(readPeriod),
  'assessment.signOff': defineCall<SignOffView | null>()(
    z.union([
      z.strictObject({
        group: z.enum(QUESTION_GROUPS),
        reviewer: shortText(200).min(1, 'Enter the reviewer name'),
        signedOn: calendarDate
      }),
      z.strictObject({ group: z.enum(QUESTION_GROUPS), reviewer: z.null() })
    ])
  ),
  'assessment.inventory': defineCall<InventoryView>()(readPeriod),
  'assessment.setService': defineCall<InventoryItem>()(
    z.strictObject({
      serviceId: z.string().trim().min(1).max(80),
      inUse: z.boolean().optional(),
      holdsPhi: z.boolean().optional(),
      notes: shortText(2000).optional()
    })
  ),
  /** Adds a service that is not in the catalog, with the eligibility the user found. */
  'assessment.addCustomService': defineCall<InventoryItem>()(
    z.strictObject({
      name: shortText(120).min(1, 'Enter the service name'),
      eligibility: z.enum(CUSTOM_ELIGIBILITY),
      holdsPhi: z.boolean().default(false),
      notes: shortText(2000).default('')
    })
  ),
  /** The three questions a procurement team asks, answered from this workspace. */
  'assessment.procurement': defineCall<ProcurementView>()(readPeriod),
  'assessment.audit': defineCall<AuditEntry[]>()(
    z.strictObject({
      periodId: periodId.optional(),
      subject: z.string().max(120).optional(),
      limit: z.number().int().min(1).max(5000).default(200)
    })
  ),
  /** Writes the questionnaire for a client to fill in, as CSV or an Excel workbook by the file's extension; asks where when no path is given (null if cancelled). */
  'assessment.exportCsv': defineCall<CsvExportResult | null>()(z.strictObject({ path: filePath.optional() })),
  /** Reads a filled-in CSV or workbook (.xlsx); saves all rows or none, and reports each row. Null if the file dialog was cancelled. */
  'assessment.importCsv': defineCall<CsvImportReport | null>()(z.strictObject({ path: filePath.optional(), dryRun: z.boolean().default(false) }))
}
