import { createHash } from 'node:crypto'
import { ApiError } from '../shared/errors'
import type { Db } from '../db/driver'
import { readAttachmentSource, writeAttachmentCopy, MAX_ATTACHMENT_BYTES } from './attachment-files'

export interface AttachmentInfo {
  sha256: string
  name: string
  size: number
  addedAt: string
}

/**
 * Stores a chosen file inside the workspace (table attachment, migration
 * 0005): nothing is written beside the workspace or in a temp folder, and an
 * encrypted workspace encrypts its attachments. The same content is stored once.
 */
export function storeAttachment(db: Db, file: string, now: string, maxBytes = MAX_ATTACHMENT_BYTES): AttachmentInfo {
  const source = readAttachmentSource(file, maxBytes)
  db.prepare('INSERT INTO attachment (sha256, name, size, content, added_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING').run(
    source.sha256,
    source.name,
    source.bytes.length,
    source.bytes,
    now
  )
  return getAttachmentInfo(db, source.sha256)!
}

export function getAttachmentInfo(db: Db, sha256: string): AttachmentInfo | null {
  const row = db.prepare('SELECT sha256, name, size, added_at AS addedAt FROM attachment WHERE sha256 = ?').get(sha256) as AttachmentInfo | undefined
  return row ?? null
}

/** Writes a stored attachment to `folder` (under its stored name unless one is given), checking its content on the way out. */
export function exportAttachment(db: Db, sha256: string, folder: string, name?: string): string {
  const row = db.prepare('SELECT name, content FROM attachment WHERE sha256 = ?').get(sha256) as { name: string; content: Buffer } | undefined
  if (!row) throw new ApiError('not-found', `No attachment ${sha256} in this workspace.`)
  if (createHash('sha256').update(row.content).digest('hex') !== sha256) {
    throw new ApiError('workspace-corrupt', `The attachment "${row.name}" is damaged (its content no longer matches its checksum).`)
  }
  return writeAttachmentCopy(folder, name ?? row.name, row.content)
}
