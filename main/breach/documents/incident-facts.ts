import type { OrganizationProfile } from '../../workspace/contract'
import { formatCount } from '../../shared/count-text'
import type { IncidentNotice, IncidentRecord } from '../contract'
import type { BreachAssessment } from '../obligation-types'
import { noticeMethodEntry } from '../notice-methods'

/** What a notice's content can be filled from: the incident, its assessment and notices, the workspace's profile. */
export interface FactSources {
  incident: IncidentRecord
  assessment: BreachAssessment
  notices: readonly IncidentNotice[]
  organization: OrganizationProfile | null
  /** The business associate the incident names (for a covered entity) or the client it serves (for a business associate). */
  linkedParty: string | null
}

/** Whom each kind of notice goes to, in a few words for lists and timelines. */
export const NOTICE_KIND_NAMES: Record<IncidentNotice['kind'], string> = {
  individuals: 'individuals',
  hhs: 'HHS',
  'hhs-annual-log': 'HHS (annual log)',
  media: 'media',
  'covered-entity': 'the covered entity',
  'state-individuals': 'state residents',
  'state-regulator': 'state regulator'
}

const text = (value: string | null | undefined): string | null => (value && value.trim() !== '' ? value.trim() : null)

/**
 * Every fact of an incident a notice element can name (the template's `facts`), with its label and
 * its value, or null when the incident does not record it. The one registry: the template's schema
 * takes its fact ids from here.
 */
export const INCIDENT_FACTS = {
  description: { label: 'Description', value: (s: FactSources) => text(s.incident.description) },
  'breach-date': { label: 'Date of the breach', value: (s: FactSources) => s.incident.breachOn },
  'discovery-date': { label: 'Date of discovery', value: (s: FactSources) => s.incident.discoveredOn },
  'phi-categories': {
    label: 'Types of PHI',
    value: (s: FactSources) => (s.incident.phiCategories.length > 0 ? s.incident.phiCategories.join(', ') : null)
  },
  mitigation: { label: 'Mitigation (risk assessment)', value: (s: FactSources) => text(s.incident.assessment.factors?.mitigation) },
  'organization-name': { label: 'Organisation', value: (s: FactSources) => text(s.organization?.name) },
  'contact-name': { label: 'Contact person', value: (s: FactSources) => text(s.organization?.contactName) },
  'contact-email': { label: 'Contact email', value: (s: FactSources) => text(s.organization?.contactEmail) },
  'contact-phone': { label: 'Contact telephone', value: (s: FactSources) => text(s.organization?.contactPhone) },
  // The profile keeps one telephone number and cannot say whether it is toll-free, which 164.404(c)(1)(E) asks for: the person adds it.
  'toll-free-number': { label: 'Toll-free telephone number', value: (): string | null => null },
  'affected-count': {
    label: 'Individuals affected',
    value: (s: FactSources) => {
      const states = Object.entries(s.incident.affectedByState)
      if (s.assessment.totalAffected === 0) return null
      return `${formatCount(s.assessment.totalAffected)} (${states.map(([state, count]) => `${state} ${formatCount(count ?? 0)}`).join(', ')})`
    }
  },
  'size-band': {
    label: 'Breach affecting',
    value: (s: FactSources) =>
      s.assessment.totalAffected === 0 ? null : s.assessment.totalAffected >= 500 ? '500 or more individuals' : 'Fewer than 500 individuals'
  },
  'business-associate': {
    label: 'Business associate',
    // Only a covered entity's incident names a business associate; a business associate's names its client.
    value: (s: FactSources) => (s.incident.role === 'covered-entity' ? s.linkedParty : null)
  },
  'notices-given': {
    label: 'Notices given',
    value: (s: FactSources) =>
      s.notices.length === 0
        ? null
        : s.notices
            .map(
              n =>
                `${NOTICE_KIND_NAMES[n.kind]}${n.jurisdiction ? ` (${n.jurisdiction})` : ''} on ${n.doneOn}${n.method === 'other' ? '' : ` (${noticeMethodEntry(n.method).label})`}`
            )
            .join('; ')
  }
} as const satisfies Record<string, { label: string; value: (sources: FactSources) => string | null }>

export type IncidentFactId = keyof typeof INCIDENT_FACTS
export const INCIDENT_FACT_IDS = Object.keys(INCIDENT_FACTS) as [IncidentFactId, ...IncidentFactId[]]
