import type { ObligationStatus } from '../../../../main/breach/obligation-types'
import type { ObligationKind } from '../../../../main/breach/incident-schema'

export const KIND_LABELS: Record<ObligationKind, string> = {
  individuals: 'Individuals',
  hhs: 'HHS (now)',
  'hhs-annual-log': 'HHS annual log',
  media: 'Media',
  'covered-entity': 'Covered entity',
  'state-individuals': 'State: residents',
  'state-regulator': 'State: regulator'
}

export const OBLIGATION_STATUS: Record<ObligationStatus, { label: string; color: 'red' | 'amber' | 'green' | 'orange' }> = {
  overdue: { label: 'Overdue', color: 'red' },
  due: { label: 'Due', color: 'amber' },
  done: { label: 'Done', color: 'green' },
  'done-late': { label: 'Done late', color: 'orange' }
}
