import { describe, expect, it } from 'vitest'
import type { Db } from '../../main/db/driver'
import { setAsideKeyHashIndex } from '../../main/scanners/db/key-hash-index'
import { createTestWorkspace } from '../helpers/workspace'
import { ownFixture } from '../scanners/fixture-paths'

// A large import drops the key hash index and builds it again before committing (cheaper than keeping it up row by
// row); whatever happens, the workspace ends with the index exactly as migration 0014 made it.

const indexSql = (db: Db) => db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'finding_by_key_hash'`).pluck().get() as string | undefined

describe('the key hash index across imports', () => {
  it('is there after an import and after an import that fails, as the migration made it', async () => {
    const ws = await createTestWorkspace()
    const db = ws.session.requireWorkspace().db
    const made = indexSql(db)
    expect(made).toMatch(/ON finding \(key_hash, scan_id\)/)
    const [imported] = await ws.call('scans.import', { paths: [ownFixture('prowler-v5.ocsf.json')] })
    expect(imported?.ok).toBe(true)
    expect(indexSql(db)).toBe(made)
    const [refused] = await ws.call('scans.import', { paths: [ownFixture('invalid/ndjson-bad-third-line.ndjson')] })
    expect(refused?.ok).toBe(false)
    expect(indexSql(db)).toBe(made)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('is dropped only when the import is large beside the findings stored, and the function returned builds it again', async () => {
    const ws = await createTestWorkspace()
    const db = ws.session.requireWorkspace().db
    const made = indexSql(db)
    db.prepare(
      `INSERT INTO scan (file_name, file_sha256, file_bytes, format, scanner, encoding, imported_at, findings, passed, failed)
       VALUES ('big.json', ?, 1, 'prowler-ocsf', 'prowler', 'utf-8', '2026-01-01T00:00:00Z', 1000000, 0, 0)`
    ).run('a'.repeat(64))
    // A 1 MB file beside a million stored findings: rebuilding would read them all, so the index stays.
    setAsideKeyHashIndex(db, 1_000_000)
    expect(indexSql(db)).toBe(made)
    // A 300 MB file adds as many findings as are stored: dropped, then built again.
    const rebuild = setAsideKeyHashIndex(db, 300_000_000)
    expect(indexSql(db)).toBeUndefined()
    rebuild()
    expect(indexSql(db)).toBe(made)
  })
})
