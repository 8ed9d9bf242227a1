import type { Migration } from '../migration'

/** Finding triage and dismissed review flags (filled in by the work that needs it). */
const migration: Migration = {
  version: 12,
  name: 'triage-findings',
  up() {}
}

export default migration
