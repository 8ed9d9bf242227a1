import { createHash } from 'node:crypto'
import { ApiError } from '../shared/errors'
import { checkAttachmentName, readStoredAttachment } from '../security/attachment-files'
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
 * Reads a signed agreement for storage in the workspace through the hardened attachment reader
 * (security/attachment-files.ts): a regular file only (no symbolic link, folder, pipe or device),
 * within 25 MB, under a plain, portable file name.
 */
export function readAgreementFile(file: string, now: string): AgreementFile & { content: Buffer } {
  return readStoredAttachment(file, now, {
    expected: 'an agreement file',
    limitFor: 'a signed agreement',
    maxBytes: MAX_AGREEMENT_BYTES,
    mediaTypes: MEDIA_TYPES
  })
}

/**
 * The name the save dialog suggests for a copy: the stored name when it is a plain, portable file name
 * (agreements attached before names were checked as attachments' may not be), else "signed agreement"
 * with the extension of its kind.
 */
export function agreementCopyName(stored: AgreementFile): string {
  try {
    return checkAttachmentName(stored.originalName)
  } catch {
    const extension = Object.entries(MEDIA_TYPES).find(([, type]) => type === stored.mediaType)?.[0] ?? ''
    return `signed agreement${extension}`
  }
}

/** The stored bytes, checked against the checksum taken when they were attached, before a copy is written out. */
export function checkedAgreementContent(stored: AgreementFile & { content: Buffer }): Buffer {
  if (createHash('sha256').update(stored.content).digest('hex') !== stored.sha256) {
    throw new ApiError('workspace-corrupt', `The stored agreement "${stored.originalName}" is damaged (its content no longer matches its checksum).`)
  }
  return stored.content
}
