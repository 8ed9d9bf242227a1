import type { ReadinessRow } from '../../../../main/proposed-rule/contract'

/** How sure the readiness view's statements about the proposal are, in words. */
export const CERTAINTY: Record<ReadinessRow['certainty'], string> = {
  confirmed: 'Confirmed in the text',
  secondary: 'From secondary sources',
  unconfirmed: 'Not confirmed'
}
