// Imports one scanner output file into a workspace as one transaction: the file
// either lands whole (scan, findings, citations, review flags) or not at all.

import { createHash, randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import path from 'node:path'
import type { Db } from '../db/driver'
import type { ScanView } from './contract'
import { citationSetResolver } from './db/citation-sets'
import { findingCheckResolver } from './db/finding-checks'
import { findingInserter } from './db/findings'
import { setAsideKeyHashIndex } from './db/key-hash-index'
import { flagForReview } from './db/review-flags'
import { userCheckMappingLookup } from './db/user-check-mappings'
import { completeScan, distinctChecksOfScan, findScanBySha, getScan, insertPendingScan } from './db/scans'
import { assertRegularFile } from './read/decoded-chunks'
import type { NormalizedFinding, ReadSummary, UnmappedCheck } from './finding.types'
import { mergeTallies } from './scan-tally'
import { ImportError } from './import-error'
import { compareCitations } from '../shared/citation'
import type { ReadProgress } from './read/scan-reader'
import { WorkerScanReader } from './read/worker-scan-reader'

export interface ImportScanOptions {
  now: string
  signal?: AbortSignal
  onProgress?: (progress: ReadProgress) => void
}

export interface ImportScanResult {
  /** True when a file with the same SHA-256 was imported before: nothing was added. */
  alreadyImported: boolean
  /** A file was cut short and only its whole records were read: the scan is not the whole export. */
  partial: boolean
  scan: ScanView
}

/**
 * Streams the file into the database inside one IMMEDIATE transaction, rolled
 * back on any error or cancellation. The transaction spans the awaits of the
 * file reads, so the caller must not run other writes on this connection
 * meanwhile (the handlers serialise imports per workspace).
 */
export async function importScanFile(db: Db, file: string, options: ImportScanOptions): Promise<ImportScanResult> {
  return importScanFiles(db, [file], options)
}

/**
 * Imports several files as one scan: the pages of one export (Security Hub's
 * get-findings with NextToken writes one file per page). All pages must be of
 * the same format; one transaction for all; the scan's identity is the SHA-256
 * of the pages' own hashes, so importing the same pages again adds nothing.
 */
export async function importScanFiles(db: Db, files: readonly string[], options: ImportScanOptions): Promise<ImportScanResult> {
  if (files.length === 0) throw new Error('no files to import')
  // Before anything reads them: a pipe or device must be refused, not hashed or read forever.
  for (const file of files) await assertRegularFile(file)
  // A large import touches many index pages: a bigger page cache keeps them in memory
  // instead of spilling and re-reading them (restored afterwards). 32 MB holds the key
  // index of a million findings; more only raises the peak memory of the import.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  db.pragma('cache_size = -32768')
  db.exec('BEGIN IMMEDIATE')
  try {
    const rebuildKeyHashIndex = setAsideKeyHashIndex(
      db,
      files.reduce((n, file) => n + statSync(file).size, 0)
    )
    const name = files.length === 1 ? path.basename(files[0] as string) : `${path.basename(files[0] as string)} (+${files.length - 1} more pages)`
    const scanId = insertPendingScan(db, name, randomBytes(32).toString('hex'), options.now)
    const inserter = findingInserter(db, scanId, citationSetResolver(db), findingCheckResolver(db))
    const userMapped = applyUserMappings(userCheckMappingLookup(db))
    let earliest: string | null = null
    const summaries: ReadSummary[] = []
    for (const file of files) {
      const reader = new WorkerScanReader(file, {
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {})
      })
      for await (const batch of reader.batches()) {
        userMapped.apply(batch)
        inserter.insert(batch)
        for (const f of batch) if (f.observedAt && (earliest === null || f.observedAt < earliest)) earliest = f.observedAt
      }
      summaries.push(reader.summary)
    }
    // Hashed by the reader from the bytes it parsed, so a file changed while read is stored as what was read.
    const fileHashes = summaries.map(s => s.sha256)
    const sha256 =
      fileHashes.length === 1
        ? (fileHashes[0] as string)
        : createHash('sha256')
            .update([...fileHashes].sort().join('\n'))
            .digest('hex')
    const existing = findScanBySha(db, sha256)
    const partial = summaries.some(s => s.partial)
    if (existing) {
      db.exec('ROLLBACK')
      return { alreadyImported: true, partial, scan: existing }
    }
    rebuildKeyHashIndex()
    completeScan(db, scanId, sha256, userMapped.summarised(mergeSummaries(summaries, () => distinctChecksOfScan(db, scanId))), earliest)
    flagForReview(db, scanId, inserter.failing(), options.now)
    db.exec('COMMIT')
    return { alreadyImported: false, partial, scan: getScan(db, scanId) as ScanView }
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw err
  } finally {
    db.pragma(`cache_size = ${Number(cacheSize)}`)
  }
}

/**
 * A person's own mappings (scans.mapCheck), offered again at each import: a finding of a mapped
 * check that the file and our tables tie to nothing takes the person's citations, marked 'user'.
 */
function applyUserMappings(lookup: (scanner: string, checkId: string) => readonly string[] | undefined) {
  const applied = new Set<string>()
  const citations = new Set<string>()
  return {
    apply(batch: NormalizedFinding[]): void {
      for (const f of batch) {
        if (f.citations.length) continue
        const mapped = lookup(f.scanner, f.checkId)
        if (!mapped) continue
        f.citations = [...mapped]
        f.citationSource = 'user'
        applied.add(f.checkId)
        for (const c of mapped) citations.add(c)
      }
    },
    /** The summary with the user-mapped checks no longer unmapped and their citations among the scan's. */
    summarised(summary: ReadSummary): ReadSummary {
      if (applied.size === 0) return summary
      return {
        ...summary,
        citations: [...new Set([...summary.citations, ...citations])].sort(compareCitations),
        unmappedChecks: summary.unmappedChecks.filter(u => !applied.has(u.checkId))
      }
    }
  }
}

/** Unmapped checks of several pages: one entry per check, findings summed. */
function mergeUnmapped(lists: readonly UnmappedCheck[][]): UnmappedCheck[] {
  const byCheck = new Map<string, UnmappedCheck>()
  for (const u of lists.flat()) {
    const entry = byCheck.get(u.checkId)
    if (entry) entry.findings += u.findings
    else byCheck.set(u.checkId, { ...u })
  }
  return [...byCheck.values()]
}

/** One summary for the pages of one scan; pages of different formats are refused. */
function mergeSummaries(summaries: readonly ReadSummary[], distinctChecks: () => number): ReadSummary {
  const [first, ...rest] = summaries as [ReadSummary, ...ReadSummary[]]
  if (rest.length === 0) return first
  const formats = new Set(summaries.map(s => s.format).filter(f => f !== 'empty'))
  if (formats.size > 1) {
    const odd = summaries.find(s => s.format !== first.format && s.format !== 'empty') as ReadSummary
    throw new ImportError(
      'unknown-format',
      odd.file,
      `is ${odd.format} but ${first.file} is ${first.format}: pages of one scan must be of one format`
    )
  }
  const skipped = new Map<string, ReadSummary['skipped'][number]>()
  for (const s of summaries.flatMap(x => x.skipped)) {
    const entry = skipped.get(s.reason)
    if (entry) entry.count += s.count
    else skipped.set(s.reason, { ...s, examples: [...s.examples] })
  }
  const failedBySeverity = { ...first.failedBySeverity }
  for (const s of rest)
    for (const k of Object.keys(failedBySeverity) as (keyof typeof failedBySeverity)[]) failedBySeverity[k] += s.failedBySeverity[k]
  const sum = (pick: (s: ReadSummary) => number) => summaries.reduce((n, s) => n + pick(s), 0)
  return {
    ...first,
    format: [...formats][0] ?? first.format,
    scannerVersion: summaries.find(s => s.scannerVersion)?.scannerVersion ?? null,
    bytes: sum(s => s.bytes),
    partial: summaries.some(s => s.partial),
    findings: sum(s => s.findings),
    passed: sum(s => s.passed),
    failed: sum(s => s.failed),
    failedBySeverity,
    tally: mergeTallies(
      [...formats][0] ?? first.format,
      summaries.map(s => s.tally),
      distinctChecks()
    ),
    unmappedChecks: mergeUnmapped(summaries.map(s => s.unmappedChecks)),
    citations: [...new Set(summaries.flatMap(s => s.citations))].sort(compareCitations),
    accounts: [...new Set(summaries.flatMap(s => s.accounts))].sort(),
    skipped: [...skipped.values()],
    warnings: [...new Set(summaries.flatMap(s => s.warnings))]
  }
}
