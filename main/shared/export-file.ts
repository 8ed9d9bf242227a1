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
  const { resolved, temporary } = prepareExportTarget(target)
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
    throw failedExport(error, resolved, temporary)
  }
  return resolved
}

/**
 * The same, for content written piece by piece (a stored evidence file streamed out of the workspace): `write` gets
 * the open hidden file; whatever it throws (a cancel, a checksum that does not match) leaves no file behind.
 */
export async function writeExportFileStreaming(target: string, write: (file: fs.promises.FileHandle) => Promise<void>): Promise<string> {
  const { resolved, temporary } = prepareExportTarget(target)
  try {
    const file = await fs.promises.open(temporary, 'wx', 0o600)
    try {
      await write(file)
      await file.sync()
    } finally {
      await file.close()
    }
    renameDurably(temporary, resolved)
  } catch (error) {
    throw failedExport(error, resolved, temporary)
  }
  return resolved
}

function prepareExportTarget(target: string): { resolved: string; temporary: string } {
  const resolved = path.resolve(target)
  const dir = path.dirname(resolved)
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new ApiError('not-found', `The folder ${dir} does not exist.`)
  const existing = fs.lstatSync(resolved, { throwIfNoEntry: false })
  if (existing?.isSymbolicLink()) throw new ApiError('invalid-input', `"${resolved}" is a symbolic link; choose another place to save.`)
  if (existing?.isDirectory()) throw new ApiError('not-a-file', `${resolved} is a folder; give a file name.`)
  const temporary = path.join(dir, `.${path.basename(resolved)}.${process.pid}.partial`)
  fs.rmSync(temporary, { force: true })
  return { resolved, temporary }
}

function failedExport(error: unknown, resolved: string, temporary: string): ApiError {
  fs.rmSync(temporary, { force: true })
  if (error instanceof ApiError) return error
  return new ApiError('not-found', `Could not write "${resolved}": ${(error as Error).message}`)
}
