import type { Migration } from '../migration'

/** Notice method, delivery evidence and recipients (filled in by the work that needs it). */
const migration: Migration = {
  version: 11,
  name: 'record-notice-delivery',
  up() {}
}

export default migration
