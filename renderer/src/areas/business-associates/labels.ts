import type { BaaStatus, BusinessAssociateFlags, Relationship, TermState } from '../../../../main/baas/contract'

export const STATUS_LABELS: Record<BaaStatus, string> = {
  none: 'No agreement',
  requested: 'Requested',
  signed: 'Signed',
  expired: 'Expired',
  terminated: 'Terminated'
}

export const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  'business-associate': 'Business associate',
  'covered-entity-client': 'Covered-entity client',
  subcontractor: 'Subcontractor'
}

export const TERM_STATE_LABELS: Record<TermState, string> = {
  present: 'In the agreement',
  missing: 'Missing',
  'not-applicable': 'Not applicable',
  unchecked: 'Not checked yet'
}

export const CERTAINTY_LABELS = {
  confirmed: 'Confirmed against the rule text',
  secondary: 'From secondary sources',
  unconfirmed: 'Not confirmed'
} as const

/** Flags as badges: what needs attention, worst first. */
export function flagBadges(flags: BusinessAssociateFlags): { label: string; color: 'red' | 'amber' | 'orange' }[] {
  return [
    flags.phiWithoutSignedBaa ? { label: 'PHI without a signed BAA', color: 'red' as const } : null,
    flags.expired ? { label: 'Expired', color: 'red' as const } : null,
    flags.expiringSoon ? { label: 'Expiring soon', color: 'amber' as const } : null,
    flags.reviewOverdue ? { label: 'Review overdue', color: 'orange' as const } : null
  ].filter(badge => badge !== null)
}
