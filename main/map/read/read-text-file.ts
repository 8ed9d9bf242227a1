// Reads an infrastructure file as text: only a regular file (never through a
// link, never a pipe or device that could block or never end), under a size
// cap, in any of the encodings the tools that write these files use.

import { FileRefusal, openRegularFile } from '../../shared/regular-file'
import { InfrastructureImportError } from './import-error'

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be'

/** Largest file read: a 10,000-resource plan is about 60 MB. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024
const CHUNK_BYTES = 4 * 1024 * 1024

export interface TextFile {
  text: string
  encoding: TextEncoding
  bytes: number
}

export interface ReadTextOptions {
  signal?: AbortSignal
  onBytes?: (bytesRead: number, bytesTotal: number) => void
  maxBytes?: number
}

export async function readTextFile(file: string, options: ReadTextOptions = {}): Promise<TextFile> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES
  const { handle, info } = await openRegularFile(file).catch((err: unknown) => Promise.reject(asImportError(err)))
  try {
    if (info.size > maxBytes) {
      throw new InfrastructureImportError(
        'too-large',
        file,
        {},
        `is ${megabytes(info.size)}; infrastructure files over ${megabytes(maxBytes)} are not read`
      )
    }
    const buffer = Buffer.allocUnsafe(info.size)
    let at = 0
    while (at < info.size) {
      if (options.signal?.aborted) throw new InfrastructureImportError('cancelled', file, {}, 'reading was cancelled')
      const { bytesRead } = await handle.read(buffer, at, Math.min(CHUNK_BYTES, info.size - at), at)
      if (bytesRead === 0) break
      at += bytesRead
      options.onBytes?.(at, info.size)
    }
    return decodeText(file, buffer.subarray(0, at))
  } finally {
    await handle.close()
  }
}

function asImportError(err: unknown): unknown {
  if (!(err instanceof FileRefusal)) return err
  if (err.kind === 'symlink') return new InfrastructureImportError('symlink', err.file, {}, err.reason)
  if (err.kind === 'not-a-file') return new InfrastructureImportError('not-a-file', err.file, {}, `${err.reason}, not an infrastructure file`)
  return new InfrastructureImportError('unreadable', err.file, {}, err.kind === 'missing' ? 'no such file' : err.reason)
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
}

/** Text from bytes: a byte order mark decides; without one, NUL bytes in every other position give UTF-16 away. */
export function decodeText(file: string, bytes: Buffer): TextFile {
  const encoding = sniffEncoding(bytes)
  const body = bytes.subarray(encoding === 'utf-8-bom' ? 3 : encoding === 'utf-8' || !hasBom(bytes) ? 0 : 2)
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') {
    const nul = body.indexOf(0)
    if (nul !== -1)
      throw new InfrastructureImportError(
        'binary',
        file,
        { ...lineAt(body, nul) },
        `holds binary data (a NUL byte at byte ${nul}), not JSON or YAML text`
      )
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding, bytes: bytes.length }
    } catch {
      const bad = firstInvalidUtf8(body)
      throw new InfrastructureImportError('bad-encoding', file, { ...lineAt(body, bad) }, `is not valid UTF-8 text (byte ${bad})`)
    }
  }
  if (body.length % 2 !== 0)
    throw new InfrastructureImportError('bad-encoding', file, {}, `looks like ${encoding} text but has an odd number of bytes`)
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(body)
    if (text.includes('\u0000')) throw new InfrastructureImportError('binary', file, {}, `holds binary data (a NUL character), not JSON or YAML text`)
    return { text, encoding, bytes: bytes.length }
  } catch (err) {
    if (err instanceof InfrastructureImportError) throw err
    throw new InfrastructureImportError('bad-encoding', file, {}, `looks like ${encoding} text but is not valid ${encoding}`)
  }
}

function hasBom(b: Buffer): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)
}

export function sniffEncoding(b: Buffer): TextEncoding {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8-bom'
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le'
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be'
  // JSON and YAML start with ASCII: in UTF-16 without a mark, every other byte of the head is NUL.
  const head = b.subarray(0, Math.min(b.length, 64) & ~1)
  if (head.length >= 4) {
    let evenNul = 0
    let oddNul = 0
    for (let i = 0; i < head.length; i += 2) {
      if (head[i] === 0) evenNul++
      if (head[i + 1] === 0) oddNul++
    }
    const pairs = head.length / 2
    if (oddNul === pairs && evenNul === 0) return 'utf-16le'
    if (evenNul === pairs && oddNul === 0) return 'utf-16be'
  }
  return 'utf-8'
}

function lineAt(body: Buffer, offset: number): { line: number } {
  let line = 1
  for (let i = body.indexOf(0x0a); i !== -1 && i < offset; i = body.indexOf(0x0a, i + 1)) line++
  return { line }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (only called after decoding failed). */
function firstInvalidUtf8(b: Buffer): number {
  for (let i = 0; i < b.length;) {
    const c = b[i] as number
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1
    if (need < 0) return i
    for (let k = 1; k <= need; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i
    i += need + 1
  }
  return b.length
}
