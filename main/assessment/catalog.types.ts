// Plain types of the assessment content in templates/assessment/.
// No imports on purpose: the renderer imports these for its types.

export const FAMILIES = ['administrative', 'physical', 'technical', 'organizational', 'documentation'] as const
export type Family = (typeof FAMILIES)[number]

/** Questions are grouped by safeguard family, plus the cloud section. */
export type QuestionGroup = Family | 'cloud'

export type RuleKind = 'standard' | 'specification'
export type Requirement = 'required' | 'addressable'

export const ANSWER_VALUES = ['yes', 'partly', 'no', 'na', 'not-assessed'] as const
export type AnswerValue = (typeof ANSWER_VALUES)[number]

export interface FamilyInfo {
  id: Family
  /** The CFR section, e.g. '164.308'. */
  section: string
  title: string
  summary: string
}

/** One standard or implementation specification of the Security Rule. */
export interface RuleEntry {
  /** Exact citation without '45 CFR', e.g. '164.308(a)(1)(ii)(A)'. */
  citation: string
  title: string
  kind: RuleKind
  /** Standards are always 'required'. */
  requirement: Requirement
  family: Family
  /** For a specification, the citation of its standard. */
  standard?: string
  /** NIST SP 800-53 Rev. 5 control ids, e.g. 'AC-2' or 'CP-9(1)'. */
  nist: string[]
  /** What the entry asks for, in plain words. */
  summary: string
}

/**
 * When a question applies. A profile condition compares an organisation
 * profile answer; a question condition looks at an earlier answer.
 */
export type Condition =
  { profile: string; equals: boolean } | { question: string; answerIn: AnswerValue[] } | { all: Condition[] } | { any: Condition[] }

/** A value that an answer carries and that policies later quote. */
export interface ValueField {
  key: string
  label: string
  type: 'number' | 'text' | 'choice'
  unit?: string
  min?: number
  max?: number
  choices?: string[]
  recommended?: number | string
}

export interface Question {
  id: string
  text: string
  /** What good looks like. */
  guidance: string
  /** What proves it. */
  evidence: string[]
  appliesWhen?: Condition
  valueField?: ValueField
}

export interface RuleQuestion extends Question {
  citation: string
}

export const CONTROL_ORIGIN_LABEL = {
  rule: 'The Security Rule',
  'source-architecture': 'Source architecture document',
  'good-practice': 'Good practice'
} as const
export type ControlOrigin = keyof typeof CONTROL_ORIGIN_LABEL

export const CONTROL_RULE_STATUS_LABEL = {
  required: 'Required by the rule',
  addressable: 'Addressable under the rule',
  'not-in-rule': 'Not in the rule'
} as const
export type ControlRuleStatus = keyof typeof CONTROL_RULE_STATUS_LABEL

export interface CloudControl {
  id: string
  title: string
  /** Where the control comes from: the rule itself, the source architecture document, or good practice. */
  origin: ControlOrigin
  /** Status of what the control serves under the rule in force (not the proposed update, 90 FR 898). */
  ruleStatus: ControlRuleStatus
  /** One sentence on the rule text behind the control and what it does not require. */
  basis: string
  awsMechanism: string
  /** Citations of the rule entries this control helps meet. */
  supports: string[]
  questions: Question[]
}

export interface CloudControlSet {
  source: string
  appliesWhen: Condition
  controls: CloudControl[]
}

export type EncryptionDefault = 'on' | 'off' | 'optional' | 'not-applicable'

export interface CloudServiceInfo {
  id: string
  name: string
  category: string
  hipaaEligible: boolean
  /** 'source-document': the project's source table; 'maintainer-knowledge': added by us, to be re-checked. */
  eligibilityBasis: 'source-document' | 'maintainer-knowledge'
  confidence: 'stated' | 'high' | 'medium'
  defaultEncryption: EncryptionDefault
  encryptionNote: string
  typicalUse: string
}

export interface CloudServiceCatalog {
  provider: string
  referenceUrl: string
  note: string
  services: CloudServiceInfo[]
}

export interface ProfileQuestion {
  key: string
  text: string
  help: string
}

export type QuestionSource = { kind: 'rule'; citation: string } | { kind: 'cloud'; controlId: string }

/** A question as the questionnaire uses it, whatever file it came from. */
export interface CatalogQuestion extends Question {
  group: QuestionGroup
  source: QuestionSource
  /** Citations this question gives evidence for. */
  citations: string[]
}

/** Everything in templates/assessment, validated. Plain data: safe to send over IPC. */
export interface CatalogData {
  rule: string
  families: FamilyInfo[]
  entries: RuleEntry[]
  profile: ProfileQuestion[]
  /** Rule questions in catalog order, then cloud questions. */
  questions: CatalogQuestion[]
  cloud: CloudControlSet
  services: CloudServiceCatalog
}
