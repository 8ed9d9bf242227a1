import type { Migration } from '../migration'

/** The organisation's signing identity for signed packs: certificate and encrypted private key (filled in by the work that needs it). */
const migration: Migration = {
  version: 16,
  name: 'create-signing-identity',
  up() {}
}

export default migration
