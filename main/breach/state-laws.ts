import { z } from 'zod'
import stateLawsJson from '../../templates/breach/state-laws.json'
import { certaintySchema, weakestCertainty } from '../shared/certainty'
import { JURISDICTION_CODES } from './jurisdictions'

/**
 * The state-law table of templates/breach/state-laws.json, validated on load so
 * a bad edit to the data fails loudly instead of producing a wrong deadline.
 */

/** What starts a state's clock. Every trigger except resident-notice is counted from discovery (never later, so safer). */
export const stateTriggerSchema = z.enum(['discovery', 'determination', 'confirmation', 'detection', 'awareness-and-scope', 'resident-notice'])
export type StateTrigger = z.infer<typeof stateTriggerSchema>

export const stateDeadlineSchema = z.strictObject({
  days: z.int().min(0).max(365),
  unit: z.enum(['calendar', 'business']),
  trigger: stateTriggerSchema
})
export type StateDeadline = z.infer<typeof stateDeadlineSchema>

const nonEmptyText = z.string().trim().min(1)

const individualRuleSchema = z.strictObject({
  deadline: stateDeadlineSchema.nullable(),
  text: nonEmptyText,
  certainty: certaintySchema
})

const regulatorRuleSchema = z.strictObject({
  body: nonEmptyText,
  /** Smallest resident count that triggers the notice ("more than 500" is 501, "500 or more" is 500). */
  minResidents: z.int().min(1),
  thresholdText: nonEmptyText,
  deadline: stateDeadlineSchema.nullable(),
  /** The notice is due on the resident notice date if that comes before the computed deadline. */
  notLaterThanResidentNotice: z.boolean().optional(),
  text: nonEmptyText,
  certainty: certaintySchema
})

const vendorRuleSchema = z.strictObject({
  deadline: stateDeadlineSchema,
  /** The subsection that sets the vendor's window, when narrower than the row's statute. */
  citation: nonEmptyText.optional(),
  text: nonEmptyText,
  certainty: certaintySchema
})

/** A notice a state still asks of a HIPAA entity, counted from that entity's notice to HHS (45 CFR 164.408). */
const afterHhsNoticeSchema = z.strictObject({
  citation: nonEmptyText,
  body: nonEmptyText,
  minResidents: z.int().min(1),
  thresholdText: nonEmptyText,
  /** 0 means on the day HHS is told (Washington's "federal timing"). */
  days: z.int().min(0).max(365),
  unit: z.enum(['calendar', 'business']),
  text: nonEmptyText,
  certainty: certaintySchema
})

/**
 * How the state law treats a HIPAA covered entity or business associate for PHI.
 * 'deemed-compliant': notice given under HIPAA/HITECH satisfies the state's resident notice, so no state clock runs for it.
 * 'exempt': the law does not apply to HIPAA-regulated entities at all.
 */
const hipaaRuleSchema = z.strictObject({
  effect: z.enum(['deemed-compliant', 'exempt']),
  citation: nonEmptyText,
  text: nonEmptyText,
  certainty: certaintySchema,
  /** Deemed-compliant only: the row's regulator notice still owed as written ('kept') or replaced by `afterHhsNotice` ('replaced'). */
  regulatorForPhi: z.enum(['kept', 'replaced']).optional(),
  afterHhsNotice: afterHhsNoticeSchema.optional()
})
export type StateHipaaRule = z.infer<typeof hipaaRuleSchema>
export type AfterHhsNotice = z.infer<typeof afterHhsNoticeSchema>

function checkHipaaRule(id: string, hipaa: StateHipaaRule | undefined, hipaaNote: string | undefined, ctx: z.RefinementCtx): void {
  if (!hipaa) return
  const problem = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: ['hipaa', path], message: `row ${id}: ${message}` })
  if (hipaaNote !== undefined) problem('effect', 'give the HIPAA interplay once: a hipaa rule or a hipaaNote, not both')
  if (hipaa.effect === 'exempt') {
    if (hipaa.regulatorForPhi !== undefined || hipaa.afterHhsNotice !== undefined) {
      problem('effect', 'an exempt entity owes no notice under the state law, so it has no regulatorForPhi or afterHhsNotice')
    }
    return
  }
  if (hipaa.regulatorForPhi === undefined)
    problem('regulatorForPhi', "a deemed-compliant rule says whether the regulator notice is 'kept' or 'replaced'")
  if (hipaa.regulatorForPhi === 'replaced' && hipaa.afterHhsNotice === undefined) {
    problem('afterHhsNotice', 'a replaced regulator notice needs the afterHhsNotice that replaces it')
  }
}

/**
 * Whether the state excuses notice when harm is unlikely (a "risk-of-harm test"). Where it has none (California's
 * Civ. Code 1798.82, for one), a HIPAA low-probability conclusion under 164.402(2) does not remove the state's notices.
 * Its certainty is kept apart from the row's (which is about the deadlines).
 */
const harmTestSchema = z.strictObject({
  exists: z.boolean(),
  text: nonEmptyText,
  certainty: certaintySchema
})
export type StateHarmTest = z.infer<typeof harmTestSchema>

export const stateLawRowSchema = z
  .strictObject({
    id: nonEmptyText,
    jurisdiction: z.enum(JURISDICTION_CODES),
    statute: nonEmptyText,
    /** 'licensed-health-facility' rows apply only when the incident says the entity is one. */
    scope: z.enum(['general', 'licensed-health-facility']),
    individual: individualRuleSchema,
    regulator: regulatorRuleSchema.nullable(),
    vendorNotice: vendorRuleSchema.optional(),
    /** A HIPAA rule the app applies; `hipaaNote` is for interplay it only reports (secondary summaries it does not act on). */
    hipaa: hipaaRuleSchema.optional(),
    hipaaNote: nonEmptyText.optional(),
    harmTest: harmTestSchema,
    notes: nonEmptyText.optional(),
    certainty: certaintySchema
  })
  .superRefine((row, ctx) => {
    const parts = [
      row.individual.certainty,
      row.regulator?.certainty,
      row.vendorNotice?.certainty,
      row.hipaa?.certainty,
      row.hipaa?.afterHhsNotice?.certainty
    ].filter((level): level is NonNullable<typeof level> => level !== undefined)
    const expected = weakestCertainty(...parts)
    if (row.certainty !== expected) {
      ctx.addIssue({
        code: 'custom',
        path: ['certainty'],
        message: `row ${row.id}: overall certainty must be the weakest of its parts (${expected}), not ${row.certainty}`
      })
    }
    checkHipaaRule(row.id, row.hipaa, row.hipaaNote, ctx)
    if (row.individual.deadline?.trigger === 'resident-notice') {
      ctx.addIssue({
        code: 'custom',
        path: ['individual', 'deadline', 'trigger'],
        message: `row ${row.id}: the resident notice cannot count from itself`
      })
    }
  })
export type StateLawRow = z.infer<typeof stateLawRowSchema>

export const stateLawTableSchema = z
  .strictObject({
    title: nonEmptyText,
    disclaimer: nonEmptyText,
    sourcesCurrentTo: z.string().regex(/^\d{4}-\d{2}$/),
    countingNote: nonEmptyText,
    rows: z.array(stateLawRowSchema).min(1)
  })
  .superRefine((table, ctx) => {
    const seen = new Set<string>()
    table.rows.forEach((row, index) => {
      if (seen.has(row.id)) ctx.addIssue({ code: 'custom', path: ['rows', index, 'id'], message: `duplicate row id ${row.id}` })
      seen.add(row.id)
    })
  })
export type StateLawTable = z.infer<typeof stateLawTableSchema>

export function parseStateLawTable(data: unknown): StateLawTable {
  const result = stateLawTableSchema.safeParse(data)
  if (!result.success) {
    const problems = result.error.issues.map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new Error(`templates/breach/state-laws.json is invalid:\n${problems.join('\n')}`)
  }
  return result.data
}

let cachedTable: StateLawTable | undefined

/** The shipped state-law table, validated once. */
export function loadStateLawTable(): StateLawTable {
  cachedTable ??= parseStateLawTable(stateLawsJson)
  return cachedTable
}
