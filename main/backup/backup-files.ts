import fs from 'node:fs'
import path from 'node:path'

/** Why a backup was made; part of its file name. */
export const BACKUP_REASONS = ['manual', 'before-import', 'daily', 'before-restore', 'before-encrypt'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

export const BACKUP_EXTENSION = '.safeguard'

export interface BackupFile {
  file: string
  name: string
  /** When it was made, ISO 8601 UTC (from its name, so copying the folder keeps it). */
  createdAt: string
  reason: BackupReason
  sizeBytes: number
}

/** Backups live beside the workspace, in "<workspace file>.backups/", so they move with it. */
export function backupFolderFor(workspacePath: string): string {
  return `${path.resolve(workspacePath)}.backups`
}

/** 2026-11-22T07-51-00-123Z-before-import.safeguard: sorts by time, safe on every file system. */
export function backupName(createdAt: Date, reason: BackupReason): string {
  return `${createdAt.toISOString().replace(/[:.]/g, '-')}-${reason}${BACKUP_EXTENSION}`
}

const NAME_PATTERN = new RegExp(
  `^(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z-(${BACKUP_REASONS.join('|')})(?:-(\\d+))?\\${BACKUP_EXTENSION}$`
)

export function parseBackupName(name: string): { createdAt: string; reason: BackupReason } | null {
  const match = NAME_PATTERN.exec(name)
  if (!match) return null
  const [, day, hours, minutes, seconds, millis, reason] = match
  return { createdAt: `${day}T${hours}:${minutes}:${seconds}.${millis}Z`, reason: reason as BackupReason }
}

/** Finished backups, newest first. Partial files (dot-named) and anything else in the folder are ignored. */
export function listBackupFiles(workspacePath: string): BackupFile[] {
  const folder = backupFolderFor(workspacePath)
  if (!fs.existsSync(folder)) return []
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter(entry => entry.isFile())
    .flatMap(entry => {
      const parsed = parseBackupName(entry.name)
      if (!parsed) return []
      const file = path.join(folder, entry.name)
      return [{ file, name: entry.name, ...parsed, sizeBytes: fs.statSync(file).size }]
    })
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
}
