import type { Migration } from '../migration'

/** User-defined scanner check mappings (filled in by the work that needs it). */
const migration: Migration = {
  version: 13,
  name: 'user-check-mappings',
  up() {}
}

export default migration
