import type { Db } from '../db/driver'
import { getWorkspaceProfile } from '../workspace/db/workspace-profile'

/**
 * Names and contact details of the client that text pushed to the library should not carry: the organisation's
 * name and its contact's name, email and phone. A warning in the push preview, not a refusal: the person decides.
 */
export function identifyingTerms(db: Db): { label: string; value: string }[] {
  const organization = getWorkspaceProfile(db)?.organization
  if (!organization) return []
  return [
    { label: "the organisation's name", value: organization.name },
    { label: "the contact's name", value: organization.contactName },
    { label: "the contact's email", value: organization.contactEmail },
    { label: "the contact's phone", value: organization.contactPhone }
  ].filter(term => term.value.trim().length >= 3 && term.value !== 'My organisation')
}

export function identifyingWarnings(texts: readonly string[], terms: readonly { label: string; value: string }[]): string[] {
  const haystack = texts.join('\n').toLowerCase()
  return terms.filter(term => haystack.includes(term.value.trim().toLowerCase())).map(term => `The text mentions ${term.label} (${term.value}).`)
}
