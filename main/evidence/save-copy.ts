// Writes a stored evidence file out chunk by chunk, hashing on the way, through the app's export writer (hidden name
// beside the target, flushed, renamed, mode 0600): the copy is checked against the stored SHA-256 before the rename, so
// a failed, cancelled or corrupted copy never leaves a file that looks complete.
import { createHash } from 'node:crypto'
import type { ProgressUpdate } from '../api/define-call'
import type { Db } from '../db/driver'
import { ApiError } from '../shared/errors'
import { writeExportFileStreaming } from '../shared/export-file'
import { contentChunks, type StoredContent } from './db/evidence-content'

export async function saveEvidenceCopy(
  db: Db,
  content: StoredContent,
  target: string,
  options: { signal?: AbortSignal | undefined; onProgress?: ((update: ProgressUpdate) => void) | undefined } = {}
): Promise<string> {
  return writeExportFileStreaming(target, async file => {
    const hash = createHash('sha256')
    let written = 0
    for (const chunk of contentChunks(db, content.id)) {
      if (options.signal?.aborted) throw new ApiError('cancelled', 'Saving the copy was cancelled; nothing was written.')
      hash.update(chunk)
      await file.write(chunk)
      written += chunk.length
      options.onProgress?.({ phase: 'Writing the copy', done: written, total: content.size, unit: 'bytes' })
    }
    const sha256 = hash.digest('hex')
    if (sha256 !== content.sha256 || written !== content.size) {
      throw new ApiError(
        'internal',
        `The stored evidence file does not match its record (SHA-256 ${sha256}, ${written} bytes; recorded ${content.sha256}, ${content.size} bytes); no copy was written. Restore the workspace from a backup.`
      )
    }
  })
}
