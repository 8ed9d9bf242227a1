import type { Db } from '../../db/driver'
import type { ScanView } from '../contract'
import {
  FINDING_STATUSES,
  type FindingStatus,
  type FormatId,
  type ReadSummary,
  type Severity,
  type SourceEncoding,
  type UnmappedCheck
} from '../finding.types'
import { FORMAT_IDS, formatLabel } from '../formats/index'
import { unmappedReason } from '../mapping/unmapped-reason'
import { describeTally, tallyOf } from '../scan-tally'
import { compareCitations } from '../../shared/citation'

interface ScanRow {
  id: number
  file_name: string
  file_sha256: string
  file_bytes: number
  format: FormatId
  scanner: string
  scanner_version: string | null
  encoding: SourceEncoding
  accounts: string
  started_at: string | null
  imported_at: string
  findings: number
  passed: number
  failed: number
  failed_by_severity: string
  citations: string
  skipped: string
  warnings: string
  /** JSON { byStatus, records, checks } (migration 0013). */
  tally: string | null
  unmapped_checks: string
}

/** What is stored of a tally: its unit comes from the format registry when read. */
interface StoredTally {
  byStatus: Partial<Record<FindingStatus, number>>
  records: number
  checks: number
}

function tallyOfRow(row: ScanRow) {
  const stored: StoredTally = row.tally ? (JSON.parse(row.tally) as StoredTally) : { byStatus: {}, records: row.findings, checks: 0 }
  const byStatus = Object.fromEntries(FINDING_STATUSES.map(s => [s, stored.byStatus[s] ?? 0])) as Record<FindingStatus, number>
  // A format id from a newer Safeguard counts in check results.
  const format = (FORMAT_IDS as readonly string[]).includes(row.format) ? row.format : 'empty'
  return tallyOf(format, byStatus, stored.records, stored.checks)
}

const toView = (row: ScanRow): ScanView => viewOf(row, tallyOfRow(row))

const viewOf = (row: ScanRow, tally: ScanView['tally']): ScanView => ({
  id: row.id,
  fileName: row.file_name,
  sha256: row.file_sha256,
  bytes: row.file_bytes,
  format: row.format,
  formatLabel: formatLabel(row.format),
  scanner: row.scanner,
  scannerVersion: row.scanner_version,
  encoding: row.encoding,
  accounts: JSON.parse(row.accounts) as string[],
  startedAt: row.started_at,
  importedAt: row.imported_at,
  findings: row.findings,
  passed: row.passed,
  failed: row.failed,
  failedBySeverity: JSON.parse(row.failed_by_severity) as Record<Severity, number>,
  tally,
  summary: describeTally(tally),
  citations: JSON.parse(row.citations) as string[],
  // Scans imported before migration 0013 stored no reason: their format's own.
  unmappedChecks: (JSON.parse(row.unmapped_checks) as (Omit<UnmappedCheck, 'reason'> & { reason?: string })[]).map(u => ({
    ...u,
    reason: u.reason ?? unmappedReason(row.format)
  })),
  skipped: JSON.parse(row.skipped) as ScanView['skipped'],
  warnings: JSON.parse(row.warnings) as string[]
})

/** Starts a scan row before its findings; completeScan fills in what the file turned out to hold. */
export function insertPendingScan(db: Db, fileName: string, placeholderSha: string, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO scan (file_name, file_sha256, file_bytes, format, scanner, encoding, imported_at, findings, passed, failed)
         VALUES (?, ?, 0, 'empty', '', 'utf-8', ?, 0, 0, 0)`
      )
      .run(fileName, placeholderSha, now).lastInsertRowid
  )
}

export function completeScan(db: Db, scanId: number, sha256: string, summary: ReadSummary, startedAt: string | null): void {
  db.prepare(
    `UPDATE scan SET file_sha256 = @sha256, file_bytes = @bytes, format = @format, scanner = @scanner,
       scanner_version = @scannerVersion, encoding = @encoding, accounts = @accounts, account_key = @accountKey,
       started_at = @startedAt, findings = @findings, passed = @passed, failed = @failed,
       failed_by_severity = @failedBySeverity, citations = @citations, skipped = @skipped, warnings = @warnings,
       tally = @tally, unmapped_checks = @unmappedChecks
     WHERE id = @scanId`
  ).run({
    scanId,
    sha256,
    bytes: summary.bytes,
    format: summary.format,
    scanner: summary.scanner,
    scannerVersion: summary.scannerVersion,
    encoding: summary.encoding,
    accounts: JSON.stringify(summary.accounts),
    accountKey: summary.accounts.join(','),
    startedAt,
    findings: summary.findings,
    passed: summary.passed,
    failed: summary.failed,
    failedBySeverity: JSON.stringify(summary.failedBySeverity),
    citations: JSON.stringify(summary.citations),
    tally: JSON.stringify({ byStatus: summary.tally.byStatus, records: summary.tally.records, checks: summary.tally.checks } satisfies StoredTally),
    unmappedChecks: JSON.stringify(summary.unmappedChecks),
    skipped: JSON.stringify(summary.skipped),
    warnings: JSON.stringify(summary.warnings)
  })
}

/** After a person maps a check: the scan's specifications from its findings, and the check no longer among its unmapped ones. */
export function refreshScanCitations(db: Db, scanId: number, mappedCheckId: string): void {
  const citations = db
    .prepare(`SELECT DISTINCT m.citation FROM finding f JOIN citation_set_member m ON m.set_id = f.citation_set_id WHERE f.scan_id = ?`)
    .pluck()
    .all(scanId) as string[]
  const row = db.prepare('SELECT unmapped_checks FROM scan WHERE id = ?').pluck().get(scanId) as string
  const unmapped = (JSON.parse(row) as { checkId: string }[]).filter(u => u.checkId !== mappedCheckId)
  db.prepare('UPDATE scan SET citations = ?, unmapped_checks = ? WHERE id = ?').run(
    JSON.stringify(citations.sort(compareCitations)),
    JSON.stringify(unmapped),
    scanId
  )
}

/** Distinct check ids among a scan's findings (the pages of one export can share checks). */
export function distinctChecksOfScan(db: Db, scanId: number): number {
  return db
    .prepare('SELECT COUNT(DISTINCT c.check_id) FROM finding f JOIN finding_check c ON c.id = f.check_ref WHERE f.scan_id = ?')
    .pluck()
    .get(scanId) as number
}

export function findScanBySha(db: Db, sha256: string): ScanView | undefined {
  const row = db.prepare('SELECT * FROM scan WHERE file_sha256 = ?').get(sha256) as ScanRow | undefined
  return row && toView(row)
}

export function getScan(db: Db, scanId: number): ScanView | undefined {
  const row = db.prepare('SELECT * FROM scan WHERE id = ?').get(scanId) as ScanRow | undefined
  return row && toView(row)
}

export function listScans(db: Db): ScanView[] {
  return (db.prepare('SELECT * FROM scan ORDER BY imported_at DESC, id DESC').all() as ScanRow[]).map(toView)
}

/** The scan of the same account(s) and scanner family imported just before this one. */
export function previousScan(db: Db, scan: ScanView): ScanView | undefined {
  const row = db
    .prepare(
      `SELECT * FROM scan WHERE account_key = ? AND scanner = ? AND id <> ?
         AND (COALESCE(started_at, imported_at), id) < (SELECT COALESCE(started_at, imported_at), id FROM scan WHERE id = ?)
       ORDER BY COALESCE(started_at, imported_at) DESC, id DESC LIMIT 1`
    )
    .get(scan.accounts.join(','), scan.scanner, scan.id, scan.id) as ScanRow | undefined
  return row && toView(row)
}

/**
 * The newest scan of each account(s) and scanner: the ones whose findings are current
 * evidence. `without`: as if that scan were already deleted.
 */
export function latestScanIds(db: Db, options: { without?: number } = {}): number[] {
  const without = options.without ?? null
  return (
    db
      .prepare(
        `SELECT id FROM scan s WHERE s.id IS NOT ? AND NOT EXISTS (
           SELECT 1 FROM scan t WHERE t.account_key = s.account_key AND t.scanner = s.scanner AND t.id IS NOT ?
             AND (COALESCE(t.started_at, t.imported_at), t.id) > (COALESCE(s.started_at, s.imported_at), s.id))
         ORDER BY id`
      )
      .all(without, without) as { id: number }[]
  ).map(r => r.id)
}

export function deleteScan(db: Db, scanId: number): boolean {
  return db.prepare('DELETE FROM scan WHERE id = ?').run(scanId).changes > 0
}
