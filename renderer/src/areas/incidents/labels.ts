import type { ObligationKind, ObligationStatus } from '../../../../main/breach/contract'

export const KIND_LABELS: Record<ObligationKind, string> = {
  individuals: 'Individuals',
  hhs: 'HHS (500 or more affected)',
  'hhs-annual-log': 'HHS annual log (under 500)',
  media: 'Media',
  'covered-entity': 'Covered entity (from its business associate)',
  'state-individuals': 'State law: residents',
  'state-regulator': 'State law: regulator'
}

export const OBLIGATION_STATUS: Record<ObligationStatus, { label: string; color: 'red' | 'amber' | 'green' | 'orange' }> = {
  overdue: { label: 'Overdue', color: 'red' },
  due: { label: 'Due', color: 'amber' },
  done: { label: 'Done', color: 'green' },
  'done-late': { label: 'Done late', color: 'orange' }
}
