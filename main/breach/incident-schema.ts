import { z } from 'zod'
import { JURISDICTION_CODES } from './jurisdictions'
import { AffectedCount, CalendarDate } from '../shared/schemas'
import { ASSESSMENT_OUTCOMES, BREACH_EXCEPTIONS, RISK_FACTORS, assessmentProblems, type IncidentAssessment } from './assessment-outcome'

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

/** The older shape (before the outcome was recorded): still read from JSON and CSV imports and API clients. */
export const riskAssessmentSchema = z.strictObject({
  natureAndExtent: z.string().max(4000).optional(),
  unauthorizedRecipient: z.string().max(4000).optional(),
  acquiredOrViewed: z.string().max(4000).optional(),
  mitigation: z.string().max(4000).optional(),
  conclusion: z.enum(['breach', 'low-probability-of-compromise']),
  reviewer: z.string().trim().max(200).optional(),
  assessedOn: isoDate.optional()
})
export type RiskAssessment = z.infer<typeof riskAssessmentSchema>

const factorText = z.string().trim().max(4000).optional()

/** "Is it a breach?" (45 CFR 164.402); what each outcome needs is checked by assessmentProblems. */
export const incidentAssessmentSchema = z.strictObject({
  outcome: z.enum(ASSESSMENT_OUTCOMES),
  exception: z.enum(BREACH_EXCEPTIONS).optional(),
  reason: z.string().trim().max(4000).optional(),
  factors: z
    .strictObject({ natureAndExtent: factorText, unauthorizedRecipient: factorText, acquiredOrViewed: factorText, mitigation: factorText })
    .optional(),
  reviewer: z.string().trim().max(200).optional(),
  assessedOn: isoDate.optional()
})

export const BAA_WINDOW_UNITS = ['calendar-days', 'business-days', 'hours'] as const
export type BaaWindowUnit = (typeof BAA_WINDOW_UNITS)[number]

/** Largest window per unit: a year of days, of business days, or of hours. */
export const BAA_WINDOW_MAX: Record<BaaWindowUnit, number> = { 'calendar-days': 365, 'business-days': 261, hours: 8760 }

export const baaReportingWindowSchema = z
  .strictObject({
    amount: z.int().min(1, 'the BAA reporting window must be at least 1'),
    unit: z.enum(BAA_WINDOW_UNITS)
  })
  .superRefine((window, ctx) => {
    const max = BAA_WINDOW_MAX[window.unit]
    if (window.amount > max) ctx.addIssue({ code: 'custom', path: ['amount'], message: `a window in ${window.unit} can be at most ${max}` })
  })
export type BaaReportingWindow = z.infer<typeof baaReportingWindowSchema>

/** The incident fields of the issue's JSON format, shared by the clock's input and the stored record. */
export const incidentShape = {
  title: z.string().trim().min(1, 'title is required').max(200),
  discoveredOn: isoDate,
  breachOn: isoDate.optional(),
  role: z.enum(['covered-entity', 'business-associate']),
  /** The outcome of the assessment; it decides which notices are owed. */
  assessment: incidentAssessmentSchema.optional(),
  /** Older shape, read for compatibility: false means 'secured'. */
  unsecuredPhi: z.boolean().optional(),
  affectedByState: z.partialRecord(jurisdictionCodeSchema, AffectedCount),
  /** One statement (the usual case) or several, e.g. an oral statement later confirmed in writing. */
  lawEnforcementDelay: z.union([lawEnforcementDelaySchema, z.array(lawEnforcementDelaySchema).max(20)]).optional(),
  /** Covered entity: the day the business associate itself discovered the breach it reported (164.410(a)(2)). */
  baDiscoveredOn: isoDate.optional(),
  /** Covered entity: the business associate acted as your agent (federal common law of agency), so its discovery is yours (164.404(a)(2)). */
  baIsAgent: z.boolean().optional(),
  /** Business associate: the agreement's window for telling the covered entity, when shorter than the rule's 60 days. */
  baaReportingWindow: baaReportingWindowSchema.optional(),
  /** Older shape, read as a window in calendar days. */
  baaReportingDays: z.int().min(1, 'the BAA reporting window must be at least 1 day').max(365).optional(),
  /** California licensed clinic, health facility, home health agency or hospice (H&S Code § 1280.15). */
  licensedHealthFacility: z.boolean().optional(),
  /** Older shape of the assessment, read for compatibility. */
  riskAssessment: riskAssessmentSchema.optional()
}

interface IncidentFields {
  breachOn?: string | undefined
  discoveredOn: string
  role: 'covered-entity' | 'business-associate'
  assessment?: IncidentAssessment | undefined
  unsecuredPhi?: boolean | undefined
  baDiscoveredOn?: string | undefined
  baIsAgent?: boolean | undefined
  baaReportingWindow?: BaaReportingWindow | undefined
  baaReportingDays?: number | undefined
  riskAssessment?: RiskAssessment | undefined
}

/** The earliest day anyone on the covered entity's side knew: its own discovery, or its business associate's. */
export function earliestDiscovery(incident: { discoveredOn: string; baDiscoveredOn?: string | undefined }): string {
  const { discoveredOn, baDiscoveredOn } = incident
  return baDiscoveredOn !== undefined && baDiscoveredOn < discoveredOn ? baDiscoveredOn : discoveredOn
}

/** The outcome an older-shape record means: unsecuredPhi false is 'secured'; a low-probability conclusion keeps its factors. */
function assessmentFromOlderShape(incident: IncidentFields): IncidentAssessment {
  const risk = incident.riskAssessment
  const factors = risk
    ? Object.fromEntries(
        RISK_FACTORS.filter(factor => risk[factor] !== undefined && risk[factor].trim() !== '').map(factor => [factor, risk[factor]])
      )
    : {}
  const documented = {
    ...(Object.keys(factors).length > 0 ? { factors } : {}),
    ...(risk?.reviewer ? { reviewer: risk.reviewer } : {}),
    ...(risk?.assessedOn ? { assessedOn: risk.assessedOn } : {})
  }
  if (incident.unsecuredPhi === false) return { outcome: 'secured', ...documented }
  if (risk?.conclusion === 'low-probability-of-compromise') return { outcome: 'low-probability', ...documented }
  return { outcome: 'breach', ...documented }
}

/** Checks the dates, the outcome and the business-associate fields, naming the field of each problem. */
export function checkIncident(incident: IncidentFields, ctx: z.RefinementCtx): void {
  checkIncidentDates(incident, ctx)
  const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
  if (incident.assessment !== undefined) {
    if (incident.riskAssessment !== undefined) add(['riskAssessment'], "give the assessment once: 'assessment' replaces the older 'riskAssessment'")
    const secured = incident.assessment.outcome === 'secured'
    if (incident.unsecuredPhi !== undefined && incident.unsecuredPhi === secured) {
      add(['unsecuredPhi'], `unsecuredPhi ${incident.unsecuredPhi} contradicts the outcome '${incident.assessment.outcome}'`)
    }
    for (const problem of assessmentProblems(incident.assessment, earliestDiscovery(incident))) add(['assessment', ...problem.path], problem.message)
  } else if (incident.unsecuredPhi === undefined && incident.riskAssessment === undefined) {
    add(['assessment'], "record the outcome of the assessment (assessment.outcome: 'breach', 'exception', 'secured' or 'low-probability')")
  } else if (incident.unsecuredPhi !== false && incident.riskAssessment?.conclusion === 'low-probability-of-compromise') {
    // The older shape still has to document the conclusion in full: the four factors, who reviewed it and when.
    for (const problem of assessmentProblems(assessmentFromOlderShape(incident), earliestDiscovery(incident))) {
      const [field, factor] = problem.path
      add(['riskAssessment', field === 'factors' ? factor! : field!], problem.message)
    }
  }
  if (incident.baaReportingWindow !== undefined && incident.baaReportingDays !== undefined) {
    add(['baaReportingDays'], "give the window once: 'baaReportingWindow' replaces the older 'baaReportingDays'")
  }
  if (incident.role === 'covered-entity') {
    if (incident.baIsAgent === true && incident.baDiscoveredOn === undefined) {
      add(['baDiscoveredOn'], "give the business associate's own discovery date: as your agent, its discovery starts your clock (164.404(a)(2))")
    }
    if (incident.baDiscoveredOn !== undefined && incident.baDiscoveredOn > incident.discoveredOn) {
      add(
        ['baDiscoveredOn'],
        `the business associate's discovery (${incident.baDiscoveredOn}) cannot come after the day you learned of it (${incident.discoveredOn})`
      )
    }
    if (incident.baDiscoveredOn !== undefined && incident.breachOn !== undefined && incident.breachOn > incident.baDiscoveredOn) {
      add(
        ['baDiscoveredOn'],
        `the business associate cannot have discovered it (${incident.baDiscoveredOn}) before the breach (${incident.breachOn})`
      )
    }
  } else {
    if (incident.baDiscoveredOn !== undefined) add(['baDiscoveredOn'], "only a covered entity's incident records a business associate's discovery")
    if (incident.baIsAgent !== undefined) add(['baIsAgent'], "only a covered entity's incident records whether a business associate was its agent")
  }
}

/** The stored form: the outcome and the window in their current shape, the older fields folded in. */
export function normalizeIncident<T extends IncidentFields>(
  incident: T
): Omit<T, 'unsecuredPhi' | 'riskAssessment' | 'baaReportingDays' | 'assessment' | 'baaReportingWindow'> & {
  assessment: IncidentAssessment
  baaReportingWindow?: BaaReportingWindow
} {
  const { unsecuredPhi: _unsecured, riskAssessment: _risk, baaReportingDays, assessment, baaReportingWindow, ...rest } = incident
  const window = baaReportingWindow ?? (baaReportingDays !== undefined ? { amount: baaReportingDays, unit: 'calendar-days' as const } : undefined)
  return { ...rest, assessment: assessment ?? assessmentFromOlderShape(incident), ...(window ? { baaReportingWindow: window } : {}) }
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

export const incidentSchema = z.strictObject(incidentShape).superRefine(checkIncident).transform(normalizeIncident)
export type Incident = z.output<typeof incidentSchema>

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
