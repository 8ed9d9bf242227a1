import type { Migration } from '../migration'

/** Evidence on answers, decisions, controls, risks, tasks, assets and incidents: links, effective and expiry dates, content stored in chunks (filled in by the work that needs it). */
const migration: Migration = {
  version: 15,
  name: 'create-evidence-links',
  up() {}
}

export default migration
