// Opens a file chosen for import: only a regular file, never through a symbolic
// link (a link to /etc/shadow must not be read, nor its start quoted back in an
// error), never a pipe or device that could block or never end.

import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, type Stats } from 'node:fs'
import { lstat, open, type FileHandle } from 'node:fs/promises'
import { ApiError } from './errors'

export type FileRefusalKind = 'missing' | 'unreadable' | 'symlink' | 'not-a-file'

/** Why a file is not opened; callers wrap it in their own feature's error. */
export class FileRefusal extends Error {
  constructor(
    readonly kind: FileRefusalKind,
    readonly file: string,
    /** Reads after the file name: "is a symbolic link; choose the file itself", "is a folder" (callers may add what they expected). */
    readonly reason: string
  ) {
    super(`"${file}" ${reason}`)
    this.name = 'FileRefusal'
  }
}

export const SYMLINK_REASON = 'is a symbolic link; choose the file itself'

// O_NOFOLLOW and O_NONBLOCK close the gap between the check and the open: a link or a pipe swapped in meanwhile is refused, not followed or waited on.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0)

/** "a folder", "a named pipe", "a device" or "not a regular file"; null for a regular file. */
export function specialFileKind(info: Stats): string | null {
  if (info.isFile()) return null
  if (info.isSymbolicLink()) return 'a symbolic link'
  if (info.isDirectory()) return 'a folder'
  if (info.isFIFO()) return 'a named pipe'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

function checkLink(file: string, info: Stats): void {
  if (info.isSymbolicLink()) throw new FileRefusal('symlink', file, SYMLINK_REASON)
  const special = specialFileKind(info)
  if (special) throw new FileRefusal('not-a-file', file, `is ${special}`)
}

function statFailure(file: string, err: unknown): FileRefusal {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return new FileRefusal('missing', file, 'does not exist')
  return new FileRefusal('unreadable', file, `cannot be read (${code ?? String(err)})`)
}

function openFailure(file: string, err: unknown): FileRefusal {
  if ((err as NodeJS.ErrnoException).code === 'ELOOP') return new FileRefusal('symlink', file, SYMLINK_REASON)
  return statFailure(file, err)
}

/** Refuses a link or a special file without opening it. */
export async function assertRegularFile(file: string): Promise<void> {
  checkLink(file, await lstat(file).catch((err: unknown) => Promise.reject(statFailure(file, err))))
}

/** The open handle of a regular file and its size at opening. */
export async function openRegularFile(file: string): Promise<{ handle: FileHandle; info: Stats }> {
  await assertRegularFile(file)
  const handle = await open(file, OPEN_FLAGS).catch((err: unknown) => Promise.reject(openFailure(file, err)))
  try {
    const info = await handle.stat()
    checkLink(file, info)
    return { handle, info }
  } catch (err) {
    await handle.close()
    throw err
  }
}

/**
 * The bytes of a regular file, read synchronously. tooLarge builds the caller's
 * own error when the file is over maxBytes (checked on the opened file).
 */
export function readRegularFileSync(file: string, maxBytes: number, tooLarge: (size: number) => Error): Buffer {
  let linkInfo: Stats
  try {
    linkInfo = lstatSync(file)
  } catch (err) {
    throw statFailure(file, err)
  }
  checkLink(file, linkInfo)
  let fd: number
  try {
    fd = openSync(file, OPEN_FLAGS)
  } catch (err) {
    throw openFailure(file, err)
  }
  try {
    const info = fstatSync(fd)
    checkLink(file, info)
    if (info.size > maxBytes) throw tooLarge(info.size)
    // Read to the end, whatever the size said: a file that grows is read up to the cap, not cut at its first size.
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(info.size - total + 1, 4 * 1024 * 1024)))
      const n = readSync(fd, chunk, 0, chunk.length, null)
      if (n === 0) break
      total += n
      if (total > maxBytes) throw tooLarge(total)
      chunks.push(chunk.subarray(0, n))
    }
    return Buffer.concat(chunks, total)
  } finally {
    closeSync(fd)
  }
}

/**
 * readRegularFileSync for a feature's import, with its refusals as ApiErrors:
 * "… is a symbolic link; choose the file itself", "… is a folder, not a register file".
 */
export function readImportFileSync(file: string, maxBytes: number, tooLarge: (size: number) => Error, expected = 'a file to import'): Buffer {
  try {
    return readRegularFileSync(file, maxBytes, tooLarge)
  } catch (err) {
    if (!(err instanceof FileRefusal)) throw err
    if (err.kind === 'missing') throw new ApiError('not-found', `The file "${file}" does not exist.`)
    if (err.kind === 'symlink') throw new ApiError('invalid-input', err.message + '.')
    if (err.kind === 'not-a-file') throw new ApiError('not-a-file', `${err.message}, not ${expected}.`)
    throw new ApiError('import-rejected', err.message + '.')
  }
}
