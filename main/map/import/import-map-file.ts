// Imports one infrastructure file into the map, whole or not at all: read and
// checked first, then stored in one IMMEDIATE transaction that is rolled back
// on any error or cancellation.

import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../shared/errors'
import type { Db } from '../../db/driver'
import type { MapImportResult } from '../contract'
import { findMapSourceBySha } from '../db/sources'
import type { ParsedInfrastructure } from '../model'
import { fileSha256 } from './file-sha256'
import { storeInfrastructure, type StoreOutcome } from './store-infrastructure'

export type InfrastructureReader = (
  file: string,
  options: { signal?: AbortSignal; onProgress?: (progress: { bytesRead: number; bytesTotal: number }) => void }
) => Promise<ParsedInfrastructure>

export interface ImportMapOptions {
  now: string
  read: InfrastructureReader
  signal?: AbortSignal
  onProgress?: (progress: { phase: 'read' | 'store'; done: number; total: number; unit: 'bytes' | 'items' }) => void
  /** Runs after the duplicate check and before anything is written (the handler makes its checked backup here). */
  beforeWrite?: () => string | null
}

export const cancelled = (file: string) => new ApiError('cancelled', `Import cancelled: ${file} not imported, the map is as it was`)

/** The answer for content imported before (same SHA-256): what that import held, and nothing changed. */
export function alreadyImported(existing: NonNullable<ReturnType<typeof findMapSourceBySha>>, file: string, warning: string): MapImportResult {
  return {
    file,
    alreadyImported: true,
    sourceId: existing.id,
    format: existing.format,
    assets: existing.assets,
    zones: existing.zones,
    flows: existing.flows,
    removed: { assets: 0, zones: 0, flows: 0 },
    removedWithMarkings: 0,
    warnings: [warning],
    backupPath: null
  }
}

export async function importMapFile(db: Db, file: string, options: ImportMapOptions): Promise<MapImportResult> {
  const stat = await fs.promises.stat(file).catch((error: NodeJS.ErrnoException) => {
    throw new ApiError('not-found', `${file}: cannot be read (${error.code ?? error.message})`)
  })
  if (!stat.isFile()) throw new ApiError('not-a-file', `${file}: is not a regular file`)
  const sha256 = await fileSha256(file, options.signal).catch(error => {
    if (options.signal?.aborted) throw cancelled(file)
    throw new ApiError('import-rejected', `${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`)
  })
  const existing = findMapSourceBySha(db, sha256)
  if (existing)
    return alreadyImported(existing, file, `${path.basename(file)} was already imported on ${existing.importedAt} (same content); nothing changed`)

  let parsed: ParsedInfrastructure
  try {
    parsed = await options.read(file, {
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: p => options.onProgress?.({ phase: 'read', done: p.bytesRead, total: p.bytesTotal, unit: 'bytes' })
    })
  } catch (error) {
    if (options.signal?.aborted) throw cancelled(file)
    if (error instanceof ApiError) throw error
    const message = error instanceof Error ? error.message : String(error)
    // Readers name the file and the place; a message that does not gets the file in front.
    const where = error && typeof error === 'object' ? (error as { place?: unknown; position?: unknown; code?: unknown }) : {}
    throw new ApiError('import-rejected', message.includes(file) || message.includes(path.basename(file)) ? message : `${file}: ${message}`, {
      file,
      ...(typeof where.code === 'string' ? { reason: where.code } : {}),
      ...(where.place !== undefined ? { place: where.place } : {}),
      ...(where.position !== undefined ? { position: where.position } : {})
    })
  }
  if (options.signal?.aborted) throw cancelled(file)

  const backupPath = options.beforeWrite?.() ?? null
  const outcome = await storeWholeOrNothing(db, parsed, { name: path.basename(file), sha256, bytes: stat.size, shown: file }, options)
  return { file, alreadyImported: false, format: parsed.format, ...outcome, backupPath }
}

/** Stores a read description in one IMMEDIATE transaction, rolled back on any error or cancellation. */
export async function storeWholeOrNothing(
  db: Db,
  parsed: ParsedInfrastructure,
  file: { name: string; sha256: string; bytes: number; shown: string },
  options: Pick<ImportMapOptions, 'now' | 'signal' | 'onProgress'>
): Promise<StoreOutcome> {
  db.exec('BEGIN IMMEDIATE')
  try {
    const outcome = await storeInfrastructure(db, parsed, file, {
      now: options.now,
      checkpoint: async (done, total) => {
        options.onProgress?.({ phase: 'store', done, total, unit: 'items' })
        // Lets a cancel request arrive between batches.
        await new Promise(resolve => setImmediate(resolve))
        if (options.signal?.aborted) throw cancelled(file.shown)
      }
    })
    if (options.signal?.aborted) throw cancelled(file.shown)
    db.exec('COMMIT')
    return outcome
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK')
    if (error instanceof ApiError) throw error
    throw new ApiError(
      'import-rejected',
      `${file.shown}: not imported, the map is as it was: ${error instanceof Error ? error.message : String(error)}`,
      {
        file: file.shown
      }
    )
  }
}
