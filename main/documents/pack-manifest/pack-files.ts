import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Db } from '../../db/driver'
import { ApiError } from '../../shared/errors'
import { writeExportFile } from '../../shared/export-file'
import type { PdfAttachment } from '../pdf/pdf-writer'
import { evidenceSource } from './evidence-source'
import { MANIFEST_FILE_NAME, serializeManifest, type PackManifest } from './schema'

const CANCELLED = 'Document generation was cancelled; nothing was written.'

export type FileProgress = (update: { phase: string; done: number; total: number }) => void

/** The manifest as the pack's associated file, and with `embedded` each evidence file too (named as in the folder export). */
export function packAttachments(db: Db, manifest: PackManifest, signal?: AbortSignal): PdfAttachment[] {
  const files: PdfAttachment[] = [
    {
      name: MANIFEST_FILE_NAME,
      data: serializeManifest(manifest),
      mimeType: 'application/json',
      description: 'Safeguard pack manifest: what this pack was made from, with the SHA-256 of every file behind it',
      relationship: 'Supplement'
    }
  ]
  if (manifest.evidenceFiles !== 'embedded') return files
  for (const item of manifest.evidence) {
    if (!item.sha256 || !item.exportName) continue
    if (signal?.aborted) break
    files.push({
      name: item.exportName,
      data: Buffer.concat([...evidenceSource.chunks(db, item.sha256)]),
      mimeType: 'application/octet-stream',
      description: `Evidence: ${item.title}`,
      relationship: 'Source'
    })
  }
  return files
}

/** The folder the evidence is exported to beside a pack: `<pack name>-evidence`. */
export function evidenceFolderFor(packPath: string): string {
  return path.join(path.dirname(packPath), `${path.basename(packPath, path.extname(packPath))}-evidence`)
}

/**
 * Writes each evidence file of the manifest into `dir` (streamed out of the workspace chunk by chunk, its hash checked as
 * it goes) and the manifest beside them. All or nothing: a cancelled or failed export removes the folder.
 */
export function exportEvidenceFolder(
  db: Db,
  manifest: PackManifest,
  dir: string,
  options: { signal?: AbortSignal; onProgress?: FileProgress } = {}
): void {
  const existed = fs.existsSync(dir)
  if (existed && fs.readdirSync(dir).length > 0)
    throw new ApiError('invalid-input', `The folder ${dir} already exists and is not empty; choose another name for the pack.`)
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const files = manifest.evidence.filter(item => item.sha256 && item.exportName)
  try {
    files.forEach((item, index) => {
      if (options.signal?.aborted) throw new ApiError('cancelled', CANCELLED)
      options.onProgress?.({ phase: `Exporting ${item.exportName}`, done: index, total: files.length })
      const target = path.join(dir, item.exportName!)
      const hash = createHash('sha256')
      const fd = fs.openSync(target, 'wx', 0o600)
      try {
        for (const chunk of evidenceSource.chunks(db, item.sha256!)) {
          if (options.signal?.aborted) throw new ApiError('cancelled', CANCELLED)
          hash.update(chunk)
          fs.writeSync(fd, chunk)
        }
        fs.fsyncSync(fd)
      } finally {
        fs.closeSync(fd)
      }
      if (hash.digest('hex') !== item.sha256)
        throw new ApiError('invalid-input', `The stored evidence file ${item.exportName} does not match its SHA-256; nothing was exported.`)
    })
    writeExportFile(path.join(dir, MANIFEST_FILE_NAME), serializeManifest(manifest))
    options.onProgress?.({ phase: 'Evidence exported', done: files.length, total: files.length })
  } catch (error) {
    if (existed) for (const name of fs.readdirSync(dir)) fs.rmSync(path.join(dir, name), { force: true, recursive: true })
    else fs.rmSync(dir, { recursive: true, force: true })
    throw error
  }
}
