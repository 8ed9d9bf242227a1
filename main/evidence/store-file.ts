// Stores an evidence file inside the workspace: read through the hardened attachment reader in 1 MiB chunks, hashed
// while the chunks are written, all in one transaction that also records the item. A file whose content is already
// stored keeps the one copy; cancelling or any error rolls everything back.
import { createHash } from 'node:crypto'
import type { ProgressUpdate } from '../api/define-call'
import type { Db } from '../db/driver'
import { openAttachmentStream } from '../security/attachment-files'
import { ApiError } from '../shared/errors'
import { MAX_EVIDENCE_FILE_BYTES } from './contract'
import { chunkWriter, completeContent, discardPendingContent, findContentBySha, insertPendingContent } from './db/evidence-content'

export const EVIDENCE_CHUNK_BYTES = 1024 * 1024

const MB = 1024 * 1024

export interface StoredEvidenceFile {
  contentId: number
  name: string
  sha256: string
  size: number
  /** The same content was already in the workspace: nothing new was stored. */
  alreadyStored: boolean
}

export interface StoreOptions {
  now: string
  signal?: AbortSignal | undefined
  onProgress?: ((update: ProgressUpdate) => void) | undefined
  /** Records the item for the stored content, inside the same transaction; its result is returned. */
  record: (file: StoredEvidenceFile) => number
}

/** Evidence files are streamed, not held whole, so they may be far larger than a signed agreement (50 MB). */
export const evidenceFileKind = (file: string) => ({
  expected: 'an evidence file',
  maxBytes: MAX_EVIDENCE_FILE_BYTES,
  tooLarge: (size: number) =>
    new ApiError(
      'invalid-input',
      `"${file}" is ${Math.ceil(size / MB)} MB, over the ${MAX_EVIDENCE_FILE_BYTES / MB / 1024} GB limit for an evidence file; attach a smaller export or link to where it is kept.`
    )
})

const cancelled = () => new ApiError('cancelled', 'Attaching the evidence file was cancelled; nothing was stored.')

/**
 * The transaction spans the awaits of the file reads, so the caller must not run other writes on this connection
 * meanwhile (the handlers refuse a second evidence import into the same workspace while one runs).
 */
export async function storeEvidenceFile(db: Db, file: string, options: StoreOptions): Promise<{ file: StoredEvidenceFile; itemId: number }> {
  const source = await openAttachmentStream(file, evidenceFileKind(file))
  try {
    if (options.signal?.aborted) throw cancelled()
    if (db.inTransaction) throw new ApiError('conflict', 'Another import into this workspace is still running; attach the file when it has finished.')
    db.exec('BEGIN IMMEDIATE')
    try {
      const contentId = insertPendingContent(db, options.now)
      const write = chunkWriter(db, contentId)
      const hash = createHash('sha256')
      let size = 0
      let seq = 0
      options.onProgress?.({ phase: 'Storing the file', done: 0, total: source.size, unit: 'bytes' })
      for await (const chunk of source.chunks(EVIDENCE_CHUNK_BYTES)) {
        if (options.signal?.aborted) throw cancelled()
        hash.update(chunk)
        write(seq++, chunk)
        size += chunk.length
        options.onProgress?.({ phase: 'Storing the file', done: size, total: Math.max(size, source.size), unit: 'bytes' })
      }
      if (options.signal?.aborted) throw cancelled()
      const sha256 = hash.digest('hex')
      const existing = findContentBySha(db, sha256)
      let stored: StoredEvidenceFile
      if (existing) {
        discardPendingContent(db, contentId)
        stored = { contentId: existing.id, name: source.name, sha256, size: existing.size, alreadyStored: true }
      } else {
        completeContent(db, contentId, { sha256, size, chunkCount: seq })
        stored = { contentId, name: source.name, sha256, size, alreadyStored: false }
      }
      const itemId = options.record(stored)
      db.exec('COMMIT')
      return { file: stored, itemId }
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK')
      throw err
    }
  } finally {
    await source.close()
  }
}
