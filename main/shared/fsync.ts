import fs from 'node:fs'
import path from 'node:path'

/** Flushes a file's contents to the disk. */
export function fsyncFile(file: string): void {
  const handle = fs.openSync(file, 'r+')
  try {
    fs.fsyncSync(handle)
  } finally {
    fs.closeSync(handle)
  }
}

/** Flushes a folder's entries (a rename is only durable once its folder is synced). Not possible on Windows; skipped there. */
export function fsyncFolder(folder: string): void {
  if (process.platform === 'win32') return
  const handle = fs.openSync(folder, 'r')
  try {
    fs.fsyncSync(handle)
  } finally {
    fs.closeSync(handle)
  }
}

/** Moves `from` over `to` in one atomic step and makes it durable. Both must be in the same folder. */
export function renameDurably(from: string, to: string): void {
  fs.renameSync(from, to)
  fsyncFolder(path.dirname(to))
}

/** Removes a SQLite file and its companions (journal, WAL, shared memory). */
export function removeSqliteFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true })
}
