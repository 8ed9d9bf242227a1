import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../shared/errors'
import { FileRefusal, openRegularFile, readImportFileSync } from '../shared/regular-file'

/** Signed agreements and evidence are documents, not archives: 50 MB is generous. */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024

export interface AttachmentSource {
  /** The file's own name, cleaned for display (never used to build a path). */
  name: string
  bytes: Buffer
  sha256: string
}

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

/**
 * A file name as given by a person or a file (e.g. an import naming its
 * attachments), checked before it is shown or used for an exported copy:
 * one plain name, no folders, no dot segments, no drive or UNC prefix, no
 * control characters, no names Windows reserves.
 */
export function checkAttachmentName(name: string): string {
  const problem =
    name.length === 0
      ? 'it is empty'
      : name.length > 255
        ? 'it is longer than 255 characters'
        : /[\u0000-\u001f\u007f]/.test(name)
          ? 'it contains control characters'
          : /[/\\]/.test(name)
            ? 'it names a folder (contains / or \\)'
            : name === '.' || name === '..' || /^\.\.?$/.test(name.trim())
              ? 'it is a dot segment'
              : /^[a-z]:/i.test(name)
                ? 'it starts with a drive letter'
                : WINDOWS_RESERVED.test(name) || /[. ]$/.test(name)
                  ? 'Windows cannot store a file with that name'
                  : /[<>:"|?*]/.test(name)
                    ? 'it contains a character Windows does not allow in file names (<>:"|?*)'
                    : null
  if (problem)
    throw new ApiError('invalid-input', `"${name.replace(/[\u0000-\u001f\u007f]/g, '?')}" cannot be used as an attachment name: ${problem}.`)
  return name
}

/**
 * Reads a file a person chose to attach. Refuses symbolic links (a link in
 * a shared folder could point at a private file), anything that is not a
 * regular file (named pipes block, devices never end) and files over the
 * size limit; opened with O_NOFOLLOW and checked again on the open handle,
 * so the file cannot be swapped between the check and the read.
 */
export function readAttachmentSource(file: string, maxBytes = MAX_ATTACHMENT_BYTES): AttachmentSource {
  const shown = path.basename(file)
  const link = fs.lstatSync(file, { throwIfNoEntry: false })
  if (!link) throw new ApiError('not-found', `There is no file "${file}".`)
  if (link.isSymbolicLink()) throw new ApiError('invalid-input', `"${file}" is a link to another file; attach the file itself.`)
  if (!link.isFile()) throw new ApiError('not-a-file', `"${file}" is not a regular file.`)
  const handle = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0))
  try {
    const stat = fs.fstatSync(handle)
    if (!stat.isFile()) throw new ApiError('not-a-file', `"${file}" is not a regular file.`)
    if (stat.size > maxBytes) {
      throw new ApiError(
        'invalid-input',
        `"${shown}" is ${Math.ceil(stat.size / 1024 / 1024)} MB; attachments can be at most ${Math.floor(maxBytes / 1024 / 1024)} MB.`
      )
    }
    const bytes = Buffer.alloc(stat.size)
    let read = 0
    while (read < stat.size) {
      const n = fs.readSync(handle, bytes, read, stat.size - read, read)
      if (n === 0) break
      read += n
    }
    const content = bytes.subarray(0, read)
    return { name: checkAttachmentName(shown), bytes: content, sha256: createHash('sha256').update(content).digest('hex') }
  } finally {
    fs.closeSync(handle)
  }
}

/** A feature's own kind of attachment (a signed agreement): its size limit and how its refusals read. */
export interface AttachmentKind {
  /** What the file should be, ending the refusal of a folder or a pipe: "an agreement file". */
  expected: string
  maxBytes: number
  /** The feature's own refusal of a file over maxBytes, naming the file and the limit. */
  tooLarge: (size: number) => Error
}

/**
 * readAttachmentSource for a feature that keeps attachments of its own kind, through the one check
 * every import uses (main/shared/regular-file.ts), so its refusals read like every other file a person
 * chooses: a symbolic link, a folder, a pipe or a device is refused before anything is read, and the
 * size limit is checked on the open handle and again while reading (a file that grows meanwhile is
 * caught). The name is checked with checkAttachmentName, as for every attachment.
 */
export function readAttachmentOfKind(file: string, kind: AttachmentKind): AttachmentSource {
  const bytes = readImportFileSync(file, Math.min(kind.maxBytes, MAX_ATTACHMENT_BYTES), kind.tooLarge, kind.expected)
  return { name: checkAttachmentName(path.basename(file)), bytes, sha256: createHash('sha256').update(bytes).digest('hex') }
}

/** A feature's stored kind of attachment (a signed agreement, a notice's delivery evidence): how it is named, its cap, its media types. */
export interface StoredAttachmentKind {
  /** What the file should be, ending the refusal of a folder or a pipe: "an agreement file". */
  expected: string
  /** What the size limit is for, ending its refusal: "a signed agreement", "delivery evidence". */
  limitFor: string
  maxBytes: number
  /** Media types by lower-case extension ('.pdf'); anything else is application/octet-stream. */
  mediaTypes: Readonly<Record<string, string>>
}

/** An attachment as a feature stores it beside its record: the file's name, media type, size, SHA-256, when, and the bytes. */
export interface StoredAttachment {
  originalName: string
  mediaType: string
  size: number
  sha256: string
  attachedAt: string
  content: Buffer
}

const MB = 1024 * 1024

/**
 * Reads a file a person attaches to a record (a signed agreement, a notice's delivery evidence) for storage in the
 * workspace through readAttachmentOfKind: an absolute path to a regular file only (no link, folder, pipe or device),
 * within the kind's limit, under a plain, portable name, with its media type from the extension.
 */
export function readStoredAttachment(file: string, now: string, kind: StoredAttachmentKind): StoredAttachment {
  if (!path.isAbsolute(file)) throw new ApiError('invalid-input', `"${file}" is not an absolute path.`)
  const source = readAttachmentOfKind(file, {
    expected: kind.expected,
    maxBytes: kind.maxBytes,
    // Rounded up, so a file just over the limit never reads as "25.0 MB, over the 25 MB limit".
    tooLarge: size =>
      new ApiError(
        'invalid-input',
        `"${file}" is ${(Math.ceil((size / MB) * 10) / 10).toFixed(1)} MB, over the ${kind.maxBytes / MB} MB limit for ${kind.limitFor}.`
      )
  })
  return {
    originalName: source.name,
    mediaType: kind.mediaTypes[path.extname(source.name).toLowerCase()] ?? 'application/octet-stream',
    size: source.bytes.length,
    sha256: source.sha256,
    attachedAt: now,
    content: source.bytes
  }
}

/** An attachment opened for streaming: its checked name and size at opening, its bytes in chunks, and the handle to close. */
export interface AttachmentStream {
  name: string
  size: number
  /** The file's bytes in order, `chunkBytes` at a time (the last one shorter); throws kind.tooLarge if the file grows past the cap. */
  chunks(chunkBytes: number): AsyncIterable<Buffer>
  close(): Promise<void>
}

/**
 * readAttachmentOfKind for files too large to hold in memory (evidence, up to 2 GB): the same refusals (a symbolic
 * link, a folder, a pipe or a device before anything is read; the size cap on the open handle and again while
 * reading), but the bytes come in chunks, so the caller can hash and store them as they arrive. The cap here is the
 * kind's own, not MAX_ATTACHMENT_BYTES: the caller streams and never holds the file whole.
 */
export async function openAttachmentStream(file: string, kind: AttachmentKind): Promise<AttachmentStream> {
  const name = checkAttachmentName(path.basename(file))
  let opened: Awaited<ReturnType<typeof openRegularFile>>
  try {
    opened = await openRegularFile(file)
  } catch (err) {
    if (!(err instanceof FileRefusal)) throw err
    if (err.kind === 'missing') throw new ApiError('not-found', `The file "${file}" does not exist.`)
    if (err.kind === 'symlink') throw new ApiError('invalid-input', err.message + '.')
    if (err.kind === 'not-a-file') throw new ApiError('not-a-file', `${err.message}, not ${kind.expected}.`)
    throw new ApiError('import-rejected', err.message + '.')
  }
  const { handle, info } = opened
  if (info.size > kind.maxBytes) {
    await handle.close()
    throw kind.tooLarge(info.size)
  }
  return {
    name,
    size: info.size,
    async *chunks(chunkBytes: number) {
      let total = 0
      for (;;) {
        // A fresh buffer per chunk: the caller may keep it (SQLite copies it on insert, but a test may not).
        const buffer = Buffer.allocUnsafe(chunkBytes)
        let filled = 0
        while (filled < chunkBytes) {
          const { bytesRead } = await handle.read(buffer, filled, chunkBytes - filled, null)
          if (bytesRead === 0) break
          filled += bytesRead
        }
        if (filled === 0) return
        total += filled
        if (total > kind.maxBytes) throw kind.tooLarge(total)
        yield filled === chunkBytes ? buffer : buffer.subarray(0, filled)
        if (filled < chunkBytes) return
      }
    },
    close: () => handle.close()
  }
}

/**
 * Resolves a file an import names relative to its own folder (e.g. a
 * register listing "signed/northwind.pdf"), refusing absolute paths, dot
 * segments, and anything whose real location (after links) is outside that folder.
 */
export function resolveReferencedFile(baseFolder: string, reference: string): string {
  if (reference.length === 0 || reference.includes('\0'))
    throw new ApiError('invalid-input', 'An attachment reference is empty or contains a NUL character.')
  if (path.isAbsolute(reference) || path.win32.isAbsolute(reference) || /^[a-z]:/i.test(reference)) {
    throw new ApiError('invalid-input', `"${reference}" is an absolute path; name attachments relative to the imported file.`)
  }
  const segments = reference.split(/[/\\]/)
  if (segments.some(segment => segment === '..' || segment === '.')) {
    throw new ApiError('invalid-input', `"${reference}" leaves the imported file's folder (it contains "." or "..").`)
  }
  const root = fs.realpathSync(baseFolder)
  const target = path.join(root, ...segments)
  let real: string
  try {
    real = fs.realpathSync(target)
  } catch {
    throw new ApiError('not-found', `The attachment "${reference}" is not in "${baseFolder}".`)
  }
  const relative = path.relative(root, real)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new ApiError('invalid-input', `"${reference}" points outside the imported file's folder.`)
  }
  return real
}

/**
 * Writes an attachment out (exporting an evidence file) as `name` inside
 * `folder`: the name is checked, the target must not exist (never
 * overwrites, never follows a link planted at that name), and the file is
 * created only inside the folder's real location.
 */
export function writeAttachmentCopy(folder: string, name: string, bytes: Buffer): string {
  const root = fs.realpathSync(folder)
  const target = path.join(root, checkAttachmentName(name))
  if (path.dirname(target) !== root) throw new ApiError('invalid-input', `"${name}" would be written outside "${folder}".`)
  const handle = fs.openSync(target, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | (fs.constants.O_NOFOLLOW ?? 0), 0o600)
  try {
    fs.writeSync(handle, bytes)
    fs.fsyncSync(handle)
  } finally {
    fs.closeSync(handle)
  }
  return target
}
