import { z } from 'zod'
import { JURISDICTION_CODES } from './jurisdictions'
import { AffectedCount, CalendarDate } from '../shared/schemas'

/**
 * The incident as the breach clock reads it. By design it holds no PHI:
 * counts per state and categories, never names or record identifiers.
 * Only zod here, so the renderer can import these types.
 */

const isoDate = CalendarDate

export const jurisdictionCodeSchema = z.enum(JURISDICTION_CODES, {
  error: issue => `"${String(issue.input)}" is not a US state, DC or territory code (e.g. TX, DC, PR)`
})

export const lawEnforcementDelaySchema = z
  .strictObject({
    kind: z.enum(['written', 'oral']),
    statedOn: isoDate,
    /** Written: the end of the period the statement specifies. Oral: optional, capped at 30 days. */
    until: isoDate.optional(),
    /** Who made the statement; 164.412(b) asks for it to be documented for an oral statement. */
    official: z.string().trim().max(200).optional()
  })
  .superRefine((delay, ctx) => {
    if (delay.kind === 'written' && delay.until === undefined) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: 'a written law-enforcement statement must give the date the delay ends' })
    }
    if (delay.until !== undefined && delay.until < delay.statedOn) {
      ctx.addIssue({ code: 'custom', path: ['until'], message: `the delay cannot end (${delay.until}) before it was stated (${delay.statedOn})` })
    }
  })
export type LawEnforcementDelay = z.infer<typeof lawEnforcementDelaySchema>

export const riskAssessmentSchema = z.strictObject({
  natureAndExtent: z.string().max(4000).optional(),
  unauthorizedRecipient: z.string().max(4000).optional(),
  acquiredOrViewed: z.string().max(4000).optional(),
  mitigation: z.string().max(4000).optional(),
  conclusion: z.enum(['breach', 'low-probability-of-compromise'])
})
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>

/** The incident fields of the issue's JSON format, shared by the clock's input and the stored record. */
export const incidentShape = {
  title: z.string().trim().min(1, 'title is required').max(200),
  discoveredOn: isoDate,
  breachOn: isoDate.optional(),
  role: z.enum(['covered-entity', 'business-associate']),
  unsecuredPhi: z.boolean(),
  affectedByState: z.partialRecord(jurisdictionCodeSchema, AffectedCount),
  /** One statement (the usual case) or several, e.g. an oral statement later confirmed in writing. */
  lawEnforcementDelay: z.union([lawEnforcementDelaySchema, z.array(lawEnforcementDelaySchema).max(20)]).optional(),
  /** A business associate's contract window for telling the covered entity, when shorter than 60 days. */
  baaReportingDays: z.int().min(1, 'the BAA reporting window must be at least 1 day').max(365).optional(),
  /** California licensed clinic, health facility, home health agency or hospice (H&S Code § 1280.15). */
  licensedHealthFacility: z.boolean().optional(),
  riskAssessment: riskAssessmentSchema.optional()
}

export function checkIncidentDates(incident: { breachOn?: string | undefined; discoveredOn: string }, ctx: z.RefinementCtx): void {
  if (incident.breachOn !== undefined && incident.breachOn > incident.discoveredOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['breachOn'],
      message: `the breach (${incident.breachOn}) cannot come after its discovery (${incident.discoveredOn})`
    })
  }
}

export const incidentSchema = z.strictObject(incidentShape).superRefine(checkIncidentDates)
export type Incident = z.infer<typeof incidentSchema>

export const obligationKindSchema = z.enum([
  'individuals',
  'hhs',
  'hhs-annual-log',
  'media',
  'covered-entity',
  'state-individuals',
  'state-regulator'
])
export type ObligationKind = z.infer<typeof obligationKindSchema>
