// zod schemas for the JSON files in templates/assessment/. Each schema is
// checked against the plain type it produces, so the two cannot drift apart.
import { z } from 'zod'
import {
  ANSWER_VALUES,
  CONTROL_ORIGIN_LABEL,
  CONTROL_RULE_STATUS_LABEL,
  FAMILIES,
  type CloudControlSet,
  type ControlOrigin,
  type ControlRuleStatus,
  type CloudServiceCatalog,
  type Condition,
  type FamilyInfo,
  type ProfileQuestion,
  type Question,
  type RuleEntry,
  type RuleQuestion,
  type ValueField
} from './catalog.types'

const text = z.string().trim().min(1, 'must not be empty')

/** 164.3xx followed by one or more parenthesised paragraph markers. */
export const CITATION_PATTERN = /^164\.3(08|10|12|14|16)(\([a-z]\)|\([0-9]+\)|\([ivx]+\)|\([A-Z]\))+$/
/** SP 800-53 control or enhancement: 'AC-2', 'CP-9(1)'. */
export const NIST_CONTROL_PATTERN = /^[A-Z]{2}-[0-9]{1,2}(\([0-9]{1,2}\))?$/
/** Question ids: lowercase words and paragraph markers joined by dashes, e.g. 'q-308-a1-iiA-1'. */
export const QUESTION_ID_PATTERN = /^q-[a-z0-9]+(-[a-zA-Z0-9]+)*-[0-9]+$/
const KEY_PATTERN = /^[a-z][a-zA-Z0-9]*$/

const citation = z.string().regex(CITATION_PATTERN, 'must be a citation like 164.308(a)(1)(ii)(A)')

export const familySchema = z.enum(FAMILIES)
export const answerValueSchema = z.enum(ANSWER_VALUES)

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ profile: z.string().regex(KEY_PATTERN), equals: z.boolean() }),
    z.strictObject({ question: z.string().regex(QUESTION_ID_PATTERN), answerIn: z.array(answerValueSchema).min(1) }),
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) })
  ])
)

export const valueFieldSchema = z
  .strictObject({
    key: z.string().regex(KEY_PATTERN, 'must be a camelCase key'),
    label: text,
    type: z.enum(['number', 'text', 'choice']),
    unit: text.optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    choices: z.array(text).min(2).optional(),
    recommended: z.union([z.number(), text]).optional()
  })
  .superRefine((field, ctx) => {
    if (field.type === 'choice' && !field.choices) ctx.addIssue({ code: 'custom', message: 'a choice field needs choices' })
    if (field.type !== 'choice' && field.choices) ctx.addIssue({ code: 'custom', message: 'only a choice field has choices' })
    if (field.type === 'choice' && field.recommended !== undefined && !field.choices?.includes(String(field.recommended)))
      ctx.addIssue({ code: 'custom', message: 'recommended must be one of the choices' })
    if (field.type === 'number' && field.recommended !== undefined) {
      const value = field.recommended
      if (typeof value !== 'number') ctx.addIssue({ code: 'custom', message: 'recommended must be a number' })
      else if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max))
        ctx.addIssue({ code: 'custom', message: 'recommended must lie between min and max' })
    }
  }) satisfies z.ZodType<ValueField>

const questionShape = {
  id: z.string().regex(QUESTION_ID_PATTERN, 'must be an id like q-308-a1-iiA-1'),
  text,
  guidance: text,
  evidence: z.array(text).min(1, 'name at least one piece of evidence'),
  appliesWhen: conditionSchema.optional(),
  valueField: valueFieldSchema.optional()
}

export const questionSchema = z.strictObject(questionShape) satisfies z.ZodType<Question>
export const ruleQuestionSchema = z.strictObject({ citation, ...questionShape }) satisfies z.ZodType<RuleQuestion>
export const ruleQuestionFileSchema = z.array(ruleQuestionSchema).min(1)

export const familyInfoSchema = z.strictObject({
  id: familySchema,
  section: z.string().regex(/^164\.3(08|10|12|14|16)$/),
  title: text,
  summary: text
}) satisfies z.ZodType<FamilyInfo>

export const ruleEntrySchema = z
  .strictObject({
    citation,
    title: text,
    kind: z.enum(['standard', 'specification']),
    requirement: z.enum(['required', 'addressable']),
    family: familySchema,
    standard: citation.optional(),
    nist: z.array(z.string().regex(NIST_CONTROL_PATTERN, 'must be an SP 800-53 id like AC-2 or CP-9(1)')).min(1),
    summary: text
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'standard' && entry.standard)
      ctx.addIssue({ code: 'custom', path: ['standard'], message: 'a standard has no parent standard' })
    if (entry.kind === 'specification' && !entry.standard)
      ctx.addIssue({ code: 'custom', path: ['standard'], message: 'a specification names its standard' })
    if (entry.kind === 'standard' && entry.requirement !== 'required')
      ctx.addIssue({ code: 'custom', path: ['requirement'], message: 'standards are always required' })
  }) satisfies z.ZodType<RuleEntry>

export const catalogFileSchema = z.strictObject({
  rule: text,
  families: z.array(familyInfoSchema).length(FAMILIES.length),
  entries: z.array(ruleEntrySchema).min(1)
})

export const profileFileSchema = z.strictObject({
  questions: z.array(z.strictObject({ key: z.string().regex(KEY_PATTERN), text, help: text }) satisfies z.ZodType<ProfileQuestion>).min(1)
})

export const cloudControlsFileSchema = z.strictObject({
  source: text,
  appliesWhen: conditionSchema,
  controls: z
    .array(
      z.strictObject({
        id: z.string().regex(/^cc-[a-z0-9-]+$/),
        title: text,
        origin: z.enum(Object.keys(CONTROL_ORIGIN_LABEL) as [ControlOrigin, ...ControlOrigin[]]),
        ruleStatus: z.enum(Object.keys(CONTROL_RULE_STATUS_LABEL) as [ControlRuleStatus, ...ControlRuleStatus[]]),
        basis: text,
        awsMechanism: text,
        supports: z.array(citation).min(1),
        questions: z.array(questionSchema).min(1)
      })
    )
    .min(1)
}) satisfies z.ZodType<CloudControlSet>

export const cloudServicesFileSchema = z.strictObject({
  provider: text,
  referenceUrl: z.url(),
  note: text,
  services: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
        name: text,
        category: text,
        hipaaEligible: z.boolean(),
        eligibilityBasis: z.enum(['source-document', 'maintainer-knowledge']),
        confidence: z.enum(['stated', 'high', 'medium']),
        defaultEncryption: z.enum(['on', 'off', 'optional', 'not-applicable']),
        encryptionNote: text,
        typicalUse: text
      })
    )
    .min(1)
}) satisfies z.ZodType<CloudServiceCatalog>
