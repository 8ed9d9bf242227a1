import type { Db } from '../../db/driver'

/** Queries of user_check_mapping (migration 0013): a person's own mapping of a scanner check to specifications. */

export interface UserCheckMapping {
  /** Tool family ('prowler', 'scoutsuite', ...): the check ids of a family's formats are one namespace. */
  scanner: string
  checkId: string
  citations: string[]
  mappedBy: string
  mappedAt: string
}

interface MappingRow {
  scanner: string
  check_id: string
  citations: string
  mapped_by: string
  mapped_at: string
}

const toMapping = (row: MappingRow): UserCheckMapping => ({
  scanner: row.scanner,
  checkId: row.check_id,
  citations: row.citations.split('|'),
  mappedBy: row.mapped_by,
  mappedAt: row.mapped_at
})

/** Records (or replaces) the mapping of one check. */
export function saveUserCheckMapping(db: Db, mapping: UserCheckMapping): void {
  db.prepare(
    `INSERT INTO user_check_mapping (scanner, check_id, citations, mapped_by, mapped_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (scanner, check_id) DO UPDATE SET citations = excluded.citations, mapped_by = excluded.mapped_by, mapped_at = excluded.mapped_at`
  ).run(mapping.scanner, mapping.checkId, mapping.citations.join('|'), mapping.mappedBy, mapping.mappedAt)
}

/**
 * Every mapping a person made, by scanner then check. The seam for a practice library
 * (not built yet): mappings made in one workspace can be carried to the next from this list.
 */
export function listUserCheckMappings(db: Db): UserCheckMapping[] {
  return (db.prepare('SELECT * FROM user_check_mapping ORDER BY scanner, check_id').all() as MappingRow[]).map(toMapping)
}

/** A lookup for one import: scanner and check id → citations. */
export function userCheckMappingLookup(db: Db): (scanner: string, checkId: string) => readonly string[] | undefined {
  const byKey = new Map(listUserCheckMappings(db).map(m => [`${m.scanner}\u0000${m.checkId}`, m.citations]))
  return (scanner, checkId) => byKey.get(`${scanner}\u0000${checkId}`)
}

/**
 * Gives the check's findings that no file or table maps (and those an earlier mapping of the person
 * reached) the mapping's citations. Returns how many, and the scans they are in. Writes finding rows:
 * kept here, beside the mapping, as the one place a person's mapping reaches stored findings.
 */
export function mapFindingsOfCheck(db: Db, scanner: string, checkId: string, citationSetId: number): { findings: number; scans: number[] } {
  const checks = `SELECT id FROM finding_check WHERE scanner = ? AND check_id = ?`
  const findings = db
    .prepare(
      `UPDATE finding SET citation_set_id = ?, citation_source = 'user'
        WHERE citation_source IN ('none', 'user') AND check_ref IN (${checks})`
    )
    .run(citationSetId, scanner, checkId).changes
  const scans = db
    .prepare(`SELECT DISTINCT scan_id FROM finding WHERE citation_source = 'user' AND check_ref IN (${checks}) ORDER BY scan_id`)
    .pluck()
    .all(scanner, checkId) as number[]
  return { findings, scans }
}

/** Failing (unmuted) resources of a scan per citation, for the given citations. */
export function failingByCitation(db: Db, scanId: number, citations: readonly string[]): { citation: string; failing: number }[] {
  return db
    .prepare(
      `SELECT m.citation AS citation, SUM(f.item_count) AS failing
         FROM finding f JOIN citation_set_member m ON m.set_id = f.citation_set_id
        WHERE f.scan_id = ? AND f.status = 'failed' AND f.muted = 0 AND m.citation IN (${citations.map(() => '?').join(',')})
        GROUP BY m.citation ORDER BY m.citation`
    )
    .all(scanId, ...citations) as { citation: string; failing: number }[]
}
