import { dateError } from '../areas/business-associates/form-fields'

/** What a person types about a piece of evidence: kept as text (a draft) until it is sent. */
export interface EvidenceFieldValues {
  title: string
  effectiveAsOf: string
  expiresOn: string
  note: string
}

/** The problems with typed values, each written for the person; null where the field is fine. */
export function evidenceFieldProblems(values: EvidenceFieldValues, today: string, titleRequired: boolean) {
  const effective = dateError(values.effectiveAsOf, 'The effective date', true)
  const expiry = dateError(values.expiresOn, 'The expiry date')
  return {
    title: titleRequired && values.title.trim() === '' ? 'Give the evidence a title.' : null,
    effectiveAsOf: effective ?? (values.effectiveAsOf > today ? 'The effective date cannot be in the future.' : null),
    expiresOn:
      expiry ??
      (values.expiresOn !== '' && !effective && values.expiresOn <= values.effectiveAsOf
        ? 'The expiry must be after the day the evidence is effective as of.'
        : null)
  }
}
export type EvidenceFieldProblems = ReturnType<typeof evidenceFieldProblems>

/** An http or https address, as the main side accepts; null when fine. */
export function urlProblem(url: string): string | null {
  const value = url.trim()
  if (value === '') return 'Give the web address.'
  try {
    const parsed = new URL(value)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? null : 'Only http and https addresses can be attached.'
  } catch {
    return 'This is not a web address: it should start with https://.'
  }
}
