import type { Db } from '../../db/driver'

export interface SigningIdentityRecord {
  id: number
  origin: 'created' | 'imported'
  certificate: Buffer
  chain: Buffer
  privateKey: Buffer
  fingerprintSha256: string
  createdAt: string
}

interface Row {
  id: number
  origin: 'created' | 'imported'
  certificate: Buffer
  chain: Buffer
  private_key: Buffer
  fingerprint_sha256: string
  created_at: string
}

/** The identity in use, or undefined when none has been made or imported. */
export function getSigningIdentity(db: Db): SigningIdentityRecord | undefined {
  const row = db.prepare('SELECT * FROM signing_identity WHERE in_use = 1').get() as Row | undefined
  return (
    row && {
      id: row.id,
      origin: row.origin,
      certificate: row.certificate,
      chain: row.chain,
      privateKey: row.private_key,
      fingerprintSha256: row.fingerprint_sha256,
      createdAt: row.created_at
    }
  )
}

/** Fingerprints of identities replaced earlier, newest first (packs signed with them still name them). */
export function listRetiredFingerprints(db: Db): Array<{ fingerprintSha256: string; retiredAt: string }> {
  return db
    .prepare(
      'SELECT fingerprint_sha256 AS fingerprintSha256, retired_at AS retiredAt FROM signing_identity WHERE in_use IS NULL ORDER BY retired_at DESC, id DESC'
    )
    .all() as Array<{ fingerprintSha256: string; retiredAt: string }>
}

/** Puts a new identity in use, retiring the one before it (kept, not deleted). */
export function putSigningIdentity(db: Db, identity: Omit<SigningIdentityRecord, 'id'>, now: string): number {
  return db.transaction(() => {
    db.prepare('UPDATE signing_identity SET in_use = NULL, retired_at = ? WHERE in_use = 1').run(now)
    const result = db
      .prepare(
        `INSERT INTO signing_identity (in_use, origin, certificate, chain, private_key, fingerprint_sha256, created_at)
         VALUES (1, @origin, @certificate, @chain, @privateKey, @fingerprintSha256, @createdAt)`
      )
      .run(identity)
    return Number(result.lastInsertRowid)
  })()
}
