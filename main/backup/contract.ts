import { z } from 'zod'
import { defineCall } from '../api/define-call'
import type { WorkspaceSummary } from '../workspace/contract'
import { filePathSchema } from '../shared/schemas'

export const BACKUP_REASON_VALUES = ['manual', 'before-import', 'daily', 'before-restore', 'before-encrypt'] as const

export interface BackupInfo {
  file: string
  name: string
  /** ISO 8601 UTC. */
  createdAt: string
  reason: (typeof BACKUP_REASON_VALUES)[number]
  sizeBytes: number
}

export interface RestoreOutcome {
  restoredFrom: string
  /** The workspace as it was just before the restore, kept as a backup (null if there was no file). */
  safetyCopy: string | null
  workspace: WorkspaceSummary
}

const BackupPath = filePathSchema('Choose a backup file')

export const backupCalls = {
  /** Backups of the open workspace, newest first. */
  'backup.list': defineCall<BackupInfo[]>()(z.strictObject({})),
  /** Makes a checked backup of the open workspace now. */
  'backup.create': defineCall<BackupInfo>()(z.strictObject({})),
  /** Replaces the open workspace with a backup (checked first; the current state is kept as a backup). */
  'backup.restore': defineCall<RestoreOutcome>()(z.strictObject({ file: BackupPath }))
}
