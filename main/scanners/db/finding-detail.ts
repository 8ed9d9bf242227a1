import type { Db } from '../../db/driver'
import type { FindingDetail } from '../contract'
import { COLUMNS, FROM, toView, type FindingRow } from './findings'
import { getScan, latestScanIds } from './scans'

/** One finding with every stored field, its scan and file, and the scans that hold the same key (first and last seen). */
export function readFindingDetail(db: Db, id: number): FindingDetail | undefined {
  const row = db.prepare(`SELECT ${COLUMNS}, c.scanner AS scanner FROM ${FROM} WHERE f.id = ?`).get(id) as
    (FindingRow & { scanner: string; key_hash: number }) | undefined
  if (!row) return undefined
  const scan = getScan(db, row.scan_id)
  if (!scan) return undefined
  // The hash narrows to a few rows; the key itself confirms them.
  const seen = db
    .prepare(
      `SELECT MIN(COALESCE(s.started_at, s.imported_at)) AS first, MAX(COALESCE(s.started_at, s.imported_at)) AS last, COUNT(DISTINCT s.id) AS scans
       FROM finding k JOIN scan s ON s.id = k.scan_id WHERE k.key_hash = ? AND k.finding_key = ?`
    )
    .get(row.key_hash, row.finding_key) as { first: string | null; last: string | null; scans: number }
  return {
    ...toView(row),
    scanner: row.scanner,
    firstSeen: seen.first,
    lastSeen: seen.last,
    seenInScans: seen.scans,
    current: latestScanIds(db).includes(scan.id),
    scan: {
      id: scan.id,
      fileName: scan.fileName,
      format: scan.format,
      formatLabel: scan.formatLabel,
      scanner: scan.scanner,
      accounts: scan.accounts,
      startedAt: scan.startedAt,
      importedAt: scan.importedAt
    }
  }
}
