import type { Migration } from '../migration'

/** Breach assessment outcome, business associate discovery and BAA window units (filled in by the work that needs it). */
const migration: Migration = {
  version: 10,
  name: 'record-breach-assessment-outcome',
  up() {}
}

export default migration
