import { describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrate'
import { databaseAtVersion, tableNames } from '../helpers/db'

describe('migration 16: the signing identity', () => {
  it('adds the table to a version-15 workspace, allowing one identity in use and any number retired', () => {
    const { db } = databaseAtVersion(15)
    expect(tableNames(db)).not.toContain('signing_identity')
    migrate(db, { target: 16 })
    expect(tableNames(db)).toContain('signing_identity')
    const insert = db.prepare(
      `INSERT INTO signing_identity (in_use, origin, certificate, private_key, fingerprint_sha256, created_at, retired_at) VALUES (?, 'created', x'30', x'30', 'AA', '2026-12-07', ?)`
    )
    insert.run(1, null)
    expect(() => insert.run(1, null)).toThrow(/UNIQUE/)
    insert.run(null, '2026-12-08')
    insert.run(null, '2026-12-09')
    // In use and retired exclude each other.
    expect(() => insert.run(null, null)).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare(
          `INSERT INTO signing_identity (in_use, origin, certificate, private_key, fingerprint_sha256, created_at) VALUES (NULL, 'stolen', x'30', x'30', 'AA', 'x')`
        )
        .run()
    ).toThrow(/CHECK/)
    expect(db.prepare('SELECT count(*) AS n FROM signing_identity').get()).toEqual({ n: 3 })
    expect(db.pragma('user_version', { simple: true })).toBe(16)
  })
})
