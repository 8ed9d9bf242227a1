import { z } from 'zod'

/**
 * The shape of one policy or procedure in `templates/policies/*.json`. Text fields may hold
 * `{{placeholders}}` that the filler replaces from the workspace (see fill.ts).
 */

export const addressableDecisionSchema = z.enum(['as-specified', 'alternative', 'not-reasonable'])
export type AddressableDecision = z.infer<typeof addressableDecisionSchema>

export const ADDRESSABLE_DECISION_LABELS: Record<AddressableDecision, string> = {
  'as-specified': 'Implemented as specified',
  alternative: 'Equivalent alternative implemented',
  'not-reasonable': 'Not reasonable and appropriate (documented)'
}

const text = z.string().trim().min(1)

export const policyTemplateSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be lower-case words joined by hyphens'),
  number: z.string().regex(/^(POL|PRO|PLN)-\d{2}$/, 'number looks like POL-01, PRO-02 or PLN-03'),
  title: text,
  kind: z.enum(['policy', 'procedure', 'plan']),
  summary: text,
  /** Exact citations of the specifications and standards this document implements. */
  implements: z.array(text).min(1),
  purpose: z.array(text).min(1),
  scope: z.array(text).min(1),
  /** Numbered policy statements: the rules themselves. */
  statements: z.array(text).min(3),
  procedures: z.array(z.strictObject({ title: text, steps: z.array(text).min(2) })).min(1),
  roles: z.array(z.strictObject({ role: text, duties: text })).min(2),
  /** The default position on each Addressable specification implemented; the assessment's recorded decision wins. */
  addressableDecisions: z.array(z.strictObject({ citation: text, decision: addressableDecisionSchema, rationale: text })),
  enforcement: z.array(text).min(1),
  /** Ids of other documents of the set this one refers to. */
  related: z.array(text).default([]),
  /** Months between reviews; the next review date is computed from the effective date. */
  reviewCycleMonths: z.number().int().min(1).max(36).default(12)
})

export type PolicyTemplate = z.infer<typeof policyTemplateSchema>
