import { createHash } from 'node:crypto'
import { ApiError } from '../shared/errors'
import { checkAttachmentName, readStoredAttachment } from '../security/attachment-files'
import type { NoticeEvidenceFile } from './contract'

/** A receipt, a screenshot or a scan of a mailing log: 25 MB is generous. */
export const MAX_NOTICE_EVIDENCE_BYTES = 25 * 1024 * 1024

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
  return readStoredAttachment(file, now, {
    expected: 'a delivery evidence file',
    limitFor: 'delivery evidence',
    maxBytes: MAX_NOTICE_EVIDENCE_BYTES,
    mediaTypes: MEDIA_TYPES
  })
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
