import { SAFEGUARD_NS } from './catalog-map'
import type { OscalData } from './read-oscal-data'
import { stableUuid } from './stable-uuid'

/** The OSCAL release whose JSON schemas the documents are validated against (../shared/reference/oscal). */
export const OSCAL_VERSION = '1.2.1'

export interface Prop {
  name: string
  ns: string
  value: string
}

/** A Safeguard prop; OSCAL's StringDatatype has no edge whitespace, so values are trimmed (and empty ones dropped by `props`). */
export function prop(name: string, value: string | number): Prop {
  return { name, ns: SAFEGUARD_NS, value: String(value).trim() }
}

export function props(list: readonly Prop[]): { props?: Prop[] } {
  const kept = list.filter(p => p.value !== '')
  return kept.length ? { props: kept } : {}
}

export const citationProps = (citations: readonly string[]): Prop[] => citations.map(c => prop('cfr-citation', c))

/** A markup-line: one line, no edge whitespace, never empty. */
export function line(text: string, fallback: string): string {
  const one = text.replace(/\s+/g, ' ').trim()
  return one === '' ? fallback : one
}

/** A markup-multiline: the paragraphs as written, never empty. */
export function paragraphs(parts: readonly (string | null | undefined)[], fallback: string): string {
  const text = parts
    .map(p => (p ?? '').trim())
    .filter(Boolean)
    .join('\n\n')
  return text === '' ? fallback : text
}

/** RFC 3339 with a zone, as OSCAL requires: a date alone is its start in UTC; SQLite's "YYYY-MM-DD HH:MM:SS" is UTC. */
export function instant(value: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value}T00:00:00Z`
  const iso = value.replace(' ', 'T')
  return /(Z|[+-]\d{2}:\d{2})$/.test(iso) ? iso : `${iso}Z`
}

/** The newest change the documents report: their last-modified, so the same state gives the same bytes. */
export function lastModified(data: OscalData): string {
  const stamps = [
    data.profileUpdatedAt,
    data.period.startedOn,
    ...data.answers.map(a => a.updatedAt),
    ...data.decisions.map(d => d.updatedAt),
    ...data.risks.map(r => r.updatedAt),
    ...data.scans.map(s => s.importedAt),
    ...data.agreements.map(a => a.file.attachedAt),
    ...data.evidence.map(e => e.updatedAt)
  ].map(instant)
  return stamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a))
}

export function ids(data: OscalData) {
  return (name: string) => stableUuid(data.workspaceUid, name)
}

export function metadata(data: OscalData, title: string, uuid: (name: string) => string) {
  return {
    title,
    'last-modified': lastModified(data),
    version: data.period.id,
    'oscal-version': OSCAL_VERSION,
    parties: [{ uuid: uuid('party/organization'), type: 'organization', name: line(data.organization, 'Organisation') }],
    remarks:
      'Written by Safeguard from the workspace: the status of safeguards as recorded, not a statement of compliance. ' +
      'Controls are those of the OSCAL HIPAA catalog (oscal-compass hipaa-2.0.0); each reference keeps its 45 CFR citation as a cfr-citation prop.'
  }
}
