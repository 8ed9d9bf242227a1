import type { Migration } from '../migration'

/**
 * The organisation's signing identity for signed packs: its certificate (DER), the rest of an imported chain, and
 * the private key (PKCS #8 DER), kept only here, inside the workspace file, which the workspace's encryption covers.
 * Replacing the identity keeps the old one, retired, so what was signed with it stays explainable.
 */
const migration: Migration = {
  version: 16,
  name: 'create-signing-identity',
  up(db) {
    db.exec(`
      CREATE TABLE signing_identity (
        id INTEGER PRIMARY KEY,
        -- 1 for the identity in use, NULL once retired: the unique index allows one in use and any number retired.
        in_use INTEGER UNIQUE CHECK (in_use IS NULL OR in_use = 1),
        origin TEXT NOT NULL CHECK (origin IN ('created', 'imported')),
        certificate BLOB NOT NULL,
        -- Issuing certificates after the signer's own, each DER, concatenated (DER is self-delimiting); empty when self-signed.
        chain BLOB NOT NULL DEFAULT x'',
        private_key BLOB NOT NULL,
        fingerprint_sha256 TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT,
        CHECK ((in_use IS NULL) = (retired_at IS NOT NULL))
      ) STRICT;
    `)
  }
}

export default migration
