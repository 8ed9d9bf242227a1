// Writes a stored evidence file out chunk by chunk, hashing on the way: beside the target under a hidden name,
// flushed, checked against the stored SHA-256, then renamed, so a failed, cancelled or corrupted copy never
// leaves a file that looks complete. Mode 0600, as every export (main/shared/export-file.ts).
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ProgressUpdate } from '../api/define-call'
import type { Db } from '../db/driver'
import { ApiError } from '../shared/errors'
import { renameDurably } from '../shared/fsync'
import { contentChunks, type StoredContent } from './db/evidence-content'

export async function saveEvidenceCopy(
  db: Db,
  content: StoredContent,
  target: string,
  options: { signal?: AbortSignal | undefined; onProgress?: ((update: ProgressUpdate) => void) | undefined } = {}
): Promise<string> {
  const resolved = path.resolve(target)
  const dir = path.dirname(resolved)
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ApiError('not-found', `The folder ${dir} does not exist.`)
  const existing = fs.lstatSync(resolved, { throwIfNoEntry: false })
  if (existing?.isSymbolicLink()) throw new ApiError('invalid-input', `"${resolved}" is a symbolic link; choose another place to save.`)
  if (existing?.isDirectory()) throw new ApiError('not-a-file', `${resolved} is a folder; give a file name.`)
  const temporary = path.join(dir, `.${path.basename(resolved)}.${process.pid}.partial`)
  fs.rmSync(temporary, { force: true })
  try {
    const handle = await fs.promises.open(temporary, 'wx', 0o600)
    const hash = createHash('sha256')
    let written = 0
    try {
      for (const chunk of contentChunks(db, content.id)) {
        if (options.signal?.aborted) throw new ApiError('cancelled', 'Saving the copy was cancelled; nothing was written.')
        hash.update(chunk)
        await handle.write(chunk)
        written += chunk.length
        options.onProgress?.({ phase: 'Writing the copy', done: written, total: content.size, unit: 'bytes' })
      }
      await handle.sync()
    } finally {
      await handle.close()
    }
    const sha256 = hash.digest('hex')
    if (sha256 !== content.sha256 || written !== content.size) {
      throw new ApiError(
        'internal',
        `The stored evidence file does not match its record (SHA-256 ${sha256}, ${written} bytes; recorded ${content.sha256}, ${content.size} bytes); no copy was written. Restore the workspace from a backup.`
      )
    }
    renameDurably(temporary, resolved)
  } catch (error) {
    fs.rmSync(temporary, { force: true })
    if (error instanceof ApiError) throw error
    throw new ApiError('not-found', `Could not write "${resolved}": ${(error as Error).message}`)
  }
  return resolved
}
