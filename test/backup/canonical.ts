import { createHash } from 'node:crypto'
import type { Db } from '../../main/db/driver'

/** Row counts per table and a SHA-256 over every row, independent of page layout: equal digests mean equal contents. */
export function canonicalDigest(db: Db): { counts: Record<string, number>; sha256: string } {
  const tables = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]
  ).map(row => row.name)
  const hash = createHash('sha256')
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const rows = (
      db
        .prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`)
        .raw()
        .all() as unknown[][]
    ).map(row =>
      JSON.stringify(row, (_key, value: unknown) =>
        Buffer.isBuffer(value) ? value.toString('hex') : typeof value === 'bigint' ? String(value) : value
      )
    )
    rows.sort()
    counts[table] = rows.length
    hash.update(`${table}\n${rows.join('\n')}\n`)
  }
  return { counts, sha256: hash.digest('hex') }
}
