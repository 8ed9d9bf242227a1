import { z } from 'zod'
import recurringJson from '../../templates/calendar/recurring-obligations.json'
import { certaintySchema } from '../shared/certainty'

/** Recurrence definitions of templates/calendar/recurring-obligations.json, validated on load. */

const text = z.string().trim().min(1)

export const recurringDefinitionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: text,
  citation: text,
  everyMonths: z.int().min(1).max(120),
  basis: text,
  certainty: certaintySchema,
  /** From the 2025 proposed rule: shown labelled as proposed, and can be hidden. */
  proposed: z.boolean()
})
export type RecurringDefinition = z.infer<typeof recurringDefinitionSchema>

const derivedDefinitionSchema = z.strictObject({ title: text, citation: text, basis: text, certainty: certaintySchema })
export type DerivedDefinition = z.infer<typeof derivedDefinitionSchema>

export const calendarDefinitionsSchema = z
  .strictObject({
    title: text,
    disclaimer: text,
    recurring: z.array(recurringDefinitionSchema).min(1),
    derived: z.strictObject({
      'baa-renewal': derivedDefinitionSchema,
      'baa-review': derivedDefinitionSchema,
      'retention-ends': derivedDefinitionSchema
    })
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>()
    file.recurring.forEach((definition, index) => {
      if (ids.has(definition.id)) ctx.addIssue({ code: 'custom', path: ['recurring', index, 'id'], message: `duplicate id ${definition.id}` })
      ids.add(definition.id)
    })
  })
export type CalendarDefinitions = z.infer<typeof calendarDefinitionsSchema>

export function parseCalendarDefinitions(data: unknown): CalendarDefinitions {
  const result = calendarDefinitionsSchema.safeParse(data)
  if (!result.success) {
    const problems = result.error.issues.map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new Error(`templates/calendar/recurring-obligations.json is invalid:\n${problems.join('\n')}`)
  }
  return result.data
}

let cached: CalendarDefinitions | undefined

export function loadCalendarDefinitions(): CalendarDefinitions {
  cached ??= parseCalendarDefinitions(recurringJson)
  return cached
}
