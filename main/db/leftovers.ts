import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { WorkspaceLock } from './workspace-lock'

/** Operations that build a new copy of a file beside it before renaming it over the file. */
export type FileOperation = 'encrypting' | 'rekeying' | 'restoring'

const OPERATIONS: readonly FileOperation[] = ['encrypting', 'rekeying', 'restoring']
/** Backups are written as `.<name>.partial-<hex>` by VACUUM INTO (main/backup/backup.ts). */
const LEFTOVER_MARKS = [...OPERATIONS, 'partial']
const LEFTOVER_NAME = new RegExp(`^\\..+\\.(?:${LEFTOVER_MARKS.join('|')})-[0-9a-f]{12}(?:-journal|-wal|-shm)?$`)

/** The hidden name the copy of `file` takes while `operation` builds it: recognised as a leftover if the program dies first. */
export function operationTempPath(file: string, operation: FileOperation): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${operation}-${randomBytes(6).toString('hex')}`)
}

function leftoversIn(folder: string, prefix: string | null): string[] {
  let names: string[]
  try {
    names = fs.readdirSync(folder)
  } catch {
    return []
  }
  return names.filter(name => LEFTOVER_NAME.test(name) && (prefix === null || name.startsWith(prefix))).map(name => path.join(folder, name))
}

/**
 * Overwrites a file's bytes with zeros, flushes them, then removes it. On SSDs
 * and copy-on-write or journaling file systems the old blocks may survive
 * elsewhere on the disk; this is the most a program can do, and it removes
 * every trace the file system shows.
 */
export function shredFile(file: string): void {
  try {
    const stat = fs.lstatSync(file)
    if (stat.isFile()) {
      const handle = fs.openSync(file, 'r+')
      try {
        const zeros = Buffer.alloc(Math.min(stat.size, 1 << 20))
        for (let written = 0; written < stat.size; written += zeros.length) {
          fs.writeSync(handle, zeros, 0, Math.min(zeros.length, stat.size - written), written)
        }
        fs.fsyncSync(handle)
      } finally {
        fs.closeSync(handle)
      }
    }
  } catch {
    // Unreadable or already gone: removing it is still right.
  }
  fs.rmSync(file, { force: true })
}

/**
 * Removes what an interrupted encrypt, key change, restore or backup left
 * beside the workspace or in its backup folder: copies that may be in clear
 * or open with an old key. Runs only under the workspace's lock, so it never
 * touches the copy of an operation still running in another program.
 * Returns the removed files.
 */
export function removeLeftovers(workspacePath: string, lock: WorkspaceLock): string[] {
  lock.assertHolds(workspacePath)
  const file = path.resolve(workspacePath)
  const found = [...leftoversIn(path.dirname(file), `.${path.basename(file)}.`), ...leftoversIn(`${file}.backups`, null)]
  for (const leftover of found) shredFile(leftover)
  return found
}
