import type { Db } from '../../db/driver'
import type { ScanView } from '../contract'
import type { FormatId, ReadSummary, Severity, SourceEncoding } from '../finding.types'
import { formatLabel } from '../formats/index'

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
}

const toView = (row: ScanRow): ScanView => ({
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
  citations: JSON.parse(row.citations) as string[],
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
       failed_by_severity = @failedBySeverity, citations = @citations, skipped = @skipped, warnings = @warnings
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
    skipped: JSON.stringify(summary.skipped),
    warnings: JSON.stringify(summary.warnings)
  })
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
