import type { Migration } from '../migration'

/** What a practice library applied to this workspace, and what the workspace pushed back (filled in by the work that needs it). */
const migration: Migration = {
  version: 17,
  name: 'record-library-applications',
  up() {}
}

export default migration
