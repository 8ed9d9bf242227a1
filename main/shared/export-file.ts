import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from './errors'
import { renameDurably } from './fsync'

/**
 * Writes an export (CSV, iCalendar, PDF, DOCX, an agreement's copy) for the computer's owner only:
 * beside the target, flushed, then renamed, so a failed run never leaves half a file, and with
 * mode 0600 because exports hold an organisation's security posture, incidents and agreements.
 * A folder or a symbolic link at the target is refused rather than written through.
 */
export function writeExportFile(target: string, data: Buffer | string): string {
  const resolved = path.resolve(target)
  const dir = path.dirname(resolved)
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ApiError('not-found', `The folder ${dir} does not exist.`)
  const existing = fs.lstatSync(resolved, { throwIfNoEntry: false })
  if (existing?.isSymbolicLink()) throw new ApiError('invalid-input', `"${resolved}" is a symbolic link; choose another place to save.`)
  if (existing?.isDirectory()) throw new ApiError('not-a-file', `${resolved} is a folder; give a file name.`)
  const temporary = path.join(dir, `.${path.basename(resolved)}.${process.pid}.partial`)
  fs.rmSync(temporary, { force: true })
  try {
    const fd = fs.openSync(temporary, 'wx', 0o600)
    try {
      fs.writeFileSync(fd, data)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    // The rename replaces any earlier export, so the result is 0600 whatever the old file's mode was.
    renameDurably(temporary, resolved)
  } catch (error) {
    fs.rmSync(temporary, { force: true })
    if (error instanceof ApiError) throw error
    throw new ApiError('not-found', `Could not write "${resolved}": ${(error as Error).message}`)
  }
  return resolved
}
