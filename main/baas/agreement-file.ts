import { createHash } from 'node:crypto'
import path from 'node:path'
import { ApiError } from '../shared/errors'
import { readImportFileSync } from '../shared/regular-file'
import type { AgreementFile } from './contract'

/** A signed agreement is a document, not an archive of evidence: 25 MB is generous. */
export const MAX_AGREEMENT_BYTES = 25 * 1024 * 1024

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.txt': 'text/plain',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff'
}

/**
 * The name kept with the stored copy: a plain file name only. Anything that
 * could steer a later save (separators, '..', control characters) is refused.
 */
export function checkStoredName(name: string): string {
  if (name.length === 0 || name.length > 255 || name === '.' || name === '..' || /[/\\\u0000-\u001f]/.test(name) || name.includes('..')) {
    throw new ApiError('invalid-input', `"${name}" cannot be used as the agreement's file name: use a plain name such as agreement.pdf.`)
  }
  return name
}

/** Reads a signed agreement for storage in the workspace: a regular file (no symlink), within the size limit. */
export function readAgreementFile(file: string, now: string): AgreementFile & { content: Buffer } {
  if (!path.isAbsolute(file)) throw new ApiError('invalid-input', `"${file}" is not an absolute path.`)
  const tooLarge = (size: number) =>
    new ApiError('invalid-input', `"${path.basename(file)}" is ${(size / 1024 / 1024).toFixed(1)} MB; the limit for an agreement is 25 MB.`)
  const content = readImportFileSync(file, MAX_AGREEMENT_BYTES, tooLarge, 'an agreement file')
  const originalName = checkStoredName(path.basename(file))
  return {
    originalName,
    mediaType: MEDIA_TYPES[path.extname(originalName).toLowerCase()] ?? 'application/octet-stream',
    size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    attachedAt: now,
    content
  }
}
