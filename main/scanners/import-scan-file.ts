// Imports one scanner output file into a workspace as one transaction: the file
// either lands whole (scan, findings, citations, review flags) or not at all.

import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Db } from '../db/driver'
import type { ScanView } from './contract'
import { citationSetResolver } from './db/citation-sets'
import { findingCheckResolver } from './db/finding-checks'
import { findingInserter } from './db/findings'
import { flagForReview } from './db/review-flags'
import { completeScan, findScanBySha, getScan, insertPendingScan } from './db/scans'
import { fileSha256 } from './file-sha256'
import { ScanFileReader, type ReadProgress } from './read/scan-reader'

export interface ImportScanOptions {
  now: string
  signal?: AbortSignal
  onProgress?: (progress: ReadProgress) => void
}

export interface ImportScanResult {
  /** True when a file with the same SHA-256 was imported before: nothing was added. */
  alreadyImported: boolean
  scan: ScanView
}

/**
 * Streams the file into the database inside one IMMEDIATE transaction, rolled
 * back on any error or cancellation. The transaction spans the awaits of the
 * file reads, so the caller must not run other writes on this connection
 * meanwhile (the handlers serialise imports per workspace).
 */
export async function importScanFile(db: Db, file: string, options: ImportScanOptions): Promise<ImportScanResult> {
  const sha = fileSha256(file)
  sha.catch(() => undefined)
  const reader = new ScanFileReader(file, {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {})
  })
  // A large import touches many index pages: a bigger page cache keeps them in memory
  // instead of spilling and re-reading them (restored afterwards).
  const cacheSize = db.pragma('cache_size', { simple: true }) as number
  db.pragma('cache_size = -65536')
  db.exec('BEGIN IMMEDIATE')
  try {
    const scanId = insertPendingScan(db, path.basename(file), randomBytes(32).toString('hex'), options.now)
    const inserter = findingInserter(db, scanId, citationSetResolver(db), findingCheckResolver(db))
    let earliest: string | null = null
    for await (const batch of reader.batches()) {
      inserter.insert(batch)
      for (const f of batch) if (f.observedAt && (earliest === null || f.observedAt < earliest)) earliest = f.observedAt
    }
    const sha256 = await sha
    const existing = findScanBySha(db, sha256)
    if (existing) {
      db.exec('ROLLBACK')
      return { alreadyImported: true, scan: existing }
    }
    completeScan(db, scanId, sha256, reader.summary, earliest)
    flagForReview(db, scanId, inserter.failing(), options.now)
    db.exec('COMMIT')
    return { alreadyImported: false, scan: getScan(db, scanId) as ScanView }
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK')
    throw err
  } finally {
    db.pragma(`cache_size = ${Number(cacheSize)}`)
  }
}
