// Plain TypeScript (no JSX, no imports from the screens) so the unit tests can run it as the screens do.

/** A real calendar date as YYYY-MM-DD, checked in UTC so the computer's zone cannot shift it. */
function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3])
}

/** As the other forms say it (business-associates/form-fields' dateError): '' is fine unless required; otherwise a real date. */
function dateError(value: string, label: string, required = false): string | null {
  if (value === '') return required ? `${label} is required.` : null
  return isCalendarDate(value) ? null : `${label} must be a real date (YYYY-MM-DD).`
}

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
