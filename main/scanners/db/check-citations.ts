import type { Db } from '../../db/driver'

/**
 * Whether a scanner check (the scanner id stored on its findings and its check id) has been seen in any import, and
 * the specifications its stored findings map to (from the file, the mapping tables or a person's own mapping). Other
 * features (evidence on a cloud control) name a check this way: it is stable across scans, unlike a finding's id.
 */
export function readCheckCitations(db: Db, scanner: string, checkId: string): { known: boolean; citations: string[] } {
  const known = db.prepare('SELECT 1 FROM finding_check WHERE scanner = ? AND check_id = ? LIMIT 1').get(scanner, checkId) !== undefined
  if (!known) return { known, citations: [] }
  const rows = db
    .prepare(
      `SELECT DISTINCT m.citation AS citation FROM finding f
         JOIN finding_check c ON c.id = f.check_ref
         JOIN citation_set_member m ON m.set_id = f.citation_set_id
        WHERE c.scanner = ? AND c.check_id = ?
        ORDER BY m.citation`
    )
    .all(scanner, checkId) as { citation: string }[]
  return { known, citations: rows.map(row => row.citation) }
}
