import type { Db } from '../../db/driver'

/**
 * The finding key hash index (migration 0014) costs a random insert per finding: 120,000 findings imported took about
 * 1.5 s longer with it kept up row by row, and 0.1 s to build afresh. A large import therefore drops it inside its
 * transaction and builds it again before committing (a rollback brings it back untouched); a small import into a large
 * workspace keeps it, since building it again reads every finding. Per finding, keeping it up costs about ten times what
 * building it costs, so a rebuild pays when the import adds more than a tenth of the findings.
 */

const INDEX = 'finding_by_key_hash'
/** Fewer file bytes than any format spends on one finding, so the import's findings are not underestimated. */
const BYTES_PER_FINDING = 300

/** Drops the index when rebuilding it will be cheaper; the function returned builds it again (call it before COMMIT). */
export function setAsideKeyHashIndex(db: Db, fileBytes: number): () => void {
  const sql = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?`).pluck().get(INDEX) as string | undefined
  if (!sql) return () => {}
  const stored = db.prepare('SELECT COALESCE(SUM(findings), 0) FROM scan').pluck().get() as number
  if (fileBytes / BYTES_PER_FINDING < stored / 10) return () => {}
  db.exec(`DROP INDEX ${INDEX}`)
  return () => db.exec(sql)
}
