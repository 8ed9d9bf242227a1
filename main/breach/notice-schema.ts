import { z } from 'zod'
import { jurisdictionCodeSchema, obligationKindSchema } from './incident-schema'
import { noticeMethodSchema } from './notice-methods'
import { CalendarDate, MAX_AFFECTED_COUNT } from '../shared/schemas'

/**
 * A notice as given: when it was sent, how, to how many, and what shows it was delivered.
 * Only zod here (the renderer imports it through the contract); the rules that join fields are in notice-rules.ts.
 */

const PeopleCount = z
  .int({ error: 'must be a whole number of people' })
  .min(0, 'cannot be negative')
  .max(MAX_AFFECTED_COUNT, `cannot exceed ${MAX_AFFECTED_COUNT.toLocaleString('en-US')}`)

const noticeTarget = {
  kind: obligationKindSchema,
  jurisdiction: jurisdictionCodeSchema.optional(),
  /** Targets one obligation when several share kind and jurisdiction (e.g. California's two laws). */
  obligationId: z.string().trim().min(1).max(100).optional(),
  /** The day the notice was sent. */
  doneOn: CalendarDate
}

/** A notice already given, as the breach clock reads it. A notice without a method counts as a complete one. */
export const noticeDoneSchema = z.strictObject({
  ...noticeTarget,
  method: noticeMethodSchema.optional(),
  /** How many of the people to be told had missing or out-of-date contact details, when the notice records it. */
  missingContactCount: PeopleCount.optional(),
  /** The last day a substitute notice stays posted or published. */
  postedUntil: CalendarDate.optional()
})
export type NoticeDone = z.infer<typeof noticeDoneSchema>

export const noticeInputSchema = z.strictObject({
  ...noticeTarget,
  /** Without one, 'other': an earlier client that sent no method still records the notice. */
  method: noticeMethodSchema.default('other'),
  /**
   * What shows it was delivered ("USPS certificate of mailing 9407…", "screenshot of the home page in folder X").
   * Optional so a notice can be recorded the day it goes out, before the proof is back; the app flags a notice without it.
   */
  evidence: z.string().trim().max(4000).default(''),
  /** How many people or bodies the notice went to. */
  recipientsCount: PeopleCount.optional(),
  missingContactCount: PeopleCount.optional(),
  /** Website or media substitute notice only: the last day it stays up; at least 90 days after it was sent (the default). */
  postedUntil: CalendarDate.optional()
})
export type NoticeInput = z.input<typeof noticeInputSchema>
export type NoticeValues = z.output<typeof noticeInputSchema>
