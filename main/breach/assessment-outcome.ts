/**
 * "Is it a breach?": the outcome of the assessment 45 CFR 164.402 asks for, and what each outcome needs
 * written down. Plain data and pure checks (no zod, no Node), shared by the contract, the imports, the clock
 * and the renderer, so every path refuses the same gaps with the same words.
 */

export const ASSESSMENT_OUTCOMES = ['breach', 'exception', 'secured', 'low-probability'] as const
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES)[number]

/** The three exclusions of 164.402(1)(i)–(iii), in the rule's order. */
export const BREACH_EXCEPTIONS = ['workforce-good-faith', 'authorized-person-same-entity', 'unable-to-retain'] as const
export type BreachException = (typeof BREACH_EXCEPTIONS)[number]

export const BREACH_EXCEPTION_RULES: Record<BreachException, { citation: string; label: string }> = {
  'workforce-good-faith': {
    citation: '45 CFR 164.402(1)(i)',
    label: 'Unintentional, good-faith access or use by a workforce member or agent, within their authority, with no further impermissible use'
  },
  'authorized-person-same-entity': {
    citation: '45 CFR 164.402(1)(ii)',
    label:
      'Inadvertent disclosure between people authorised to access PHI at the same covered entity, business associate or organized health care arrangement'
  },
  'unable-to-retain': {
    citation: '45 CFR 164.402(1)(iii)',
    label: 'Good-faith belief that the person who received it could not reasonably have retained it'
  }
}

/** The four factors of 164.402(2)(i)–(iv), in the rule's order. */
export const RISK_FACTORS = ['natureAndExtent', 'unauthorizedRecipient', 'acquiredOrViewed', 'mitigation'] as const
export type RiskFactor = (typeof RISK_FACTORS)[number]

export const RISK_FACTOR_LABELS: Record<RiskFactor, string> = {
  natureAndExtent: 'The nature and extent of the PHI, including the types of identifiers and how likely re-identification is',
  unauthorizedRecipient: 'The unauthorised person who used the PHI or to whom it was disclosed',
  acquiredOrViewed: 'Whether the PHI was actually acquired or viewed',
  mitigation: 'The extent to which the risk to the PHI has been mitigated'
}

export const RISK_FACTOR_CITATIONS: Record<RiskFactor, string> = {
  natureAndExtent: '164.402(2)(i)',
  unauthorizedRecipient: '164.402(2)(ii)',
  acquiredOrViewed: '164.402(2)(iii)',
  mitigation: '164.402(2)(iv)'
}

export const OUTCOME_LABELS: Record<AssessmentOutcome, string> = {
  breach: 'A breach: notices are required',
  exception: 'Not a breach: one of the three exceptions of 164.402(1)',
  secured: 'Not a breach of unsecured PHI: the PHI was secured (encrypted or destroyed as HHS guidance describes)',
  'low-probability': 'Not a breach: a documented four-factor assessment shows a low probability of compromise (164.402(2))'
}

/** The outcome in a few words, for tables (the evidence pack's incident log). */
export const OUTCOME_SHORT_LABELS: Record<AssessmentOutcome, string> = {
  breach: 'Breach',
  exception: 'Exception (164.402(1))',
  secured: 'Secured PHI',
  'low-probability': 'Low probability (164.402(2))'
}

export type RiskFactors = Partial<Record<RiskFactor, string>>

/** The outcome as recorded. Optional parts are absent rather than empty. */
export interface IncidentAssessment {
  outcome: AssessmentOutcome
  exception?: BreachException | undefined
  /** Why: required for an exception and for secured PHI. */
  reason?: string | undefined
  factors?: RiskFactors | undefined
  reviewer?: string | undefined
  /** The day the assessment was made (YYYY-MM-DD). */
  assessedOn?: string | undefined
}

export interface AssessmentProblem {
  /** The field inside the assessment, e.g. ['factors', 'mitigation']. */
  path: string[]
  message: string
}

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === ''

/**
 * What the recorded outcome lacks, or says wrongly. Empty when complete. The contract and every import refuse
 * an assessment with problems; a stored one from before these rules (migration 0010) is kept and flagged.
 */
export function assessmentProblems(assessment: IncidentAssessment, discoveredOn: string): AssessmentProblem[] {
  const problems: AssessmentProblem[] = []
  const { outcome } = assessment
  if (outcome === 'exception' && assessment.exception === undefined) {
    problems.push({ path: ['exception'], message: 'choose which exception of 164.402(1)(i)–(iii) applies' })
  }
  if (outcome !== 'exception' && assessment.exception !== undefined) {
    problems.push({ path: ['exception'], message: `an exception is recorded only when the outcome is 'exception', not '${outcome}'` })
  }
  if ((outcome === 'exception' || outcome === 'secured') && blank(assessment.reason)) {
    problems.push({
      path: ['reason'],
      message:
        outcome === 'exception'
          ? 'say why the exception applies (164.414(b): you must be able to show it)'
          : 'say how the PHI was secured (the encryption and where the key was, or how it was destroyed)'
    })
  }
  if (outcome === 'low-probability') {
    for (const factor of RISK_FACTORS) {
      if (blank(assessment.factors?.[factor])) {
        problems.push({
          path: ['factors', factor],
          message: `a low-probability conclusion needs this factor written out (${RISK_FACTOR_CITATIONS[factor]}: ${RISK_FACTOR_LABELS[factor]})`
        })
      }
    }
    if (blank(assessment.reviewer)) problems.push({ path: ['reviewer'], message: 'a low-probability conclusion needs the name of who reviewed it' })
    if (assessment.assessedOn === undefined)
      problems.push({ path: ['assessedOn'], message: 'a low-probability conclusion needs the date it was made' })
  }
  if (assessment.assessedOn !== undefined && assessment.assessedOn < discoveredOn) {
    problems.push({ path: ['assessedOn'], message: `the assessment (${assessment.assessedOn}) cannot come before the discovery (${discoveredOn})` })
  }
  return problems
}

/** The parts a stored assessment lacks, in words for the screen ("the reviewer", "factor 164.402(2)(iv)"). */
export function missingAssessmentParts(assessment: IncidentAssessment, discoveredOn: string): string[] {
  return assessmentProblems(assessment, discoveredOn).map(problem => {
    const [field, factor] = problem.path
    if (field === 'factors' && factor !== undefined) return `factor ${RISK_FACTOR_CITATIONS[factor as RiskFactor]}`
    if (field === 'reviewer') return 'the reviewer'
    if (field === 'assessedOn') return 'the date of the assessment'
    if (field === 'reason') return 'the reason'
    return 'the exception'
  })
}
