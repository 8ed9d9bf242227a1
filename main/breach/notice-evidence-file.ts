import { createHash } from 'node:crypto'
import path from 'node:path'
import { ApiError } from '../shared/errors'
import { checkAttachmentName, readAttachmentOfKind } from '../security/attachment-files'
import type { NoticeEvidenceFile } from './contract'

/** A receipt, a screenshot or a scan of a mailing log: 25 MB is generous. */
export const MAX_NOTICE_EVIDENCE_BYTES = 25 * 1024 * 1024
const MB = 1024 * 1024

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.eml': 'message/rfc822',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
}

export const NOTICE_EVIDENCE_FILTERS = [{ name: 'Delivery evidence', extensions: Object.keys(MEDIA_TYPES).map(extension => extension.slice(1)) }]

/**
 * Reads a file that shows a notice was delivered, for storage in the workspace, through the hardened attachment reader:
 * a regular file only (no link, folder, pipe or device), within 25 MB, under a plain, portable name.
 */
export function readNoticeEvidenceFile(file: string, now: string): NoticeEvidenceFile & { content: Buffer } {
  if (!path.isAbsolute(file)) throw new ApiError('invalid-input', `"${file}" is not an absolute path.`)
  const source = readAttachmentOfKind(file, {
    expected: 'a delivery evidence file',
    maxBytes: MAX_NOTICE_EVIDENCE_BYTES,
    tooLarge: size =>
      new ApiError(
        'invalid-input',
        `"${file}" is ${(Math.ceil((size / MB) * 10) / 10).toFixed(1)} MB, over the ${MAX_NOTICE_EVIDENCE_BYTES / MB} MB limit for delivery evidence.`
      )
  })
  return {
    originalName: source.name,
    mediaType: MEDIA_TYPES[path.extname(source.name).toLowerCase()] ?? 'application/octet-stream',
    size: source.bytes.length,
    sha256: source.sha256,
    attachedAt: now,
    content: source.bytes
  }
}

/** The stored bytes, checked against the checksum taken when they were attached, before a copy is written out. */
export function checkedNoticeEvidence(stored: NoticeEvidenceFile & { content: Buffer }): { name: string; content: Buffer } {
  if (createHash('sha256').update(stored.content).digest('hex') !== stored.sha256) {
    throw new ApiError(
      'workspace-corrupt',
      `The stored evidence file "${stored.originalName}" is damaged (its content no longer matches its checksum).`
    )
  }
  return { name: checkAttachmentName(stored.originalName), content: stored.content }
}
