import { createHash } from 'node:crypto'
import { FileRefusal, assertRegularFile as assertRegular, openRegularFile } from '../../shared/regular-file'
import type { SourceEncoding } from '../finding.types'
import { ImportError } from '../import-error'

export interface DecodedSource {
  encoding: SourceEncoding
  bytesTotal: number
  /** Bytes of the file consumed so far (not of the decoded text). */
  bytesRead(): number
  /** SHA-256 of the bytes read so far: once chunks() is done, of exactly the bytes that were parsed. */
  sha256(): string
  /** UTF-8 chunks, each a fresh buffer the caller may keep. */
  chunks(): AsyncGenerator<Buffer>
  close(): Promise<void>
}

const CHUNK_BYTES = 1 << 20

/**
 * Opens a file and yields its text as UTF-8 chunks, whatever it was written in:
 * UTF-8 with or without BOM, or UTF-16 with a BOM (PowerShell's `>` writes UTF-16LE).
 * UTF-8 passes through without copying; UTF-16 is converted chunk by chunk.
 */
export async function openDecoded(file: string, signal?: AbortSignal): Promise<DecodedSource> {
  const { handle: fh, info } = await openRegularFile(file).catch((err: unknown) => Promise.reject(asImportError(file, err)))
  const bytesTotal = info.size
  const head = Buffer.alloc(4)
  const { bytesRead: headBytes } = await fh.read(head, 0, 4, 0)
  const encoding = sniffEncoding(head.subarray(0, headBytes))
  const bomBytes = encoding === 'utf-8-bom' ? 3 : encoding === 'utf-8' ? 0 : 2
  let position = bomBytes
  // The scan's identity is the hash of the very bytes parsed: a file changed or cut while it is read is stored as what was read, never as what it became.
  const hash = createHash('sha256').update(head.subarray(0, bomBytes))

  // Reads one chunk ahead, so the disk works while the caller parses the previous chunk.
  function readAt(at: number): Promise<Buffer> {
    const buf = Buffer.allocUnsafeSlow(CHUNK_BYTES)
    return fh.read(buf, 0, CHUNK_BYTES, at).then(({ bytesRead }) => (bytesRead === CHUNK_BYTES ? buf : buf.subarray(0, bytesRead)))
  }

  async function* raw(): AsyncGenerator<Buffer> {
    // A fresh buffer per read: slices of it may be kept by the caller across reads.
    let next = readAt(position)
    for (;;) {
      if (signal?.aborted) throw new ImportError('cancelled', file, 'import cancelled')
      const chunk = await next
      if (chunk.length === 0) return
      const at = position + chunk.length
      next = readAt(at)
      // Mark the read-ahead as handled so an abandoned read never surfaces as unhandled.
      next.catch(() => undefined)
      position = at
      hash.update(chunk)
      yield chunk
    }
  }

  async function* utf16(): AsyncGenerator<Buffer> {
    const decoder = new TextDecoder(encoding === 'utf-16le' ? 'utf-16le' : 'utf-16be', { fatal: true })
    try {
      for await (const chunk of raw()) {
        const text = decoder.decode(chunk, { stream: true })
        if (text.length) yield Buffer.from(text, 'utf8')
      }
      const rest = decoder.decode()
      if (rest.length) yield Buffer.from(rest, 'utf8')
    } catch (err) {
      if (err instanceof ImportError) throw err
      throw new ImportError('bad-encoding', file, `the file starts with a ${encoding} byte order mark but is not valid ${encoding} text`)
    }
  }

  return {
    encoding,
    bytesTotal,
    bytesRead: () => position,
    sha256: () => hash.copy().digest('hex'),
    chunks: encoding === 'utf-16le' || encoding === 'utf-16be' ? utf16 : raw,
    close: () => fh.close()
  }
}

export function sniffEncoding(head: Uint8Array): SourceEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom'
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  return 'utf-8'
}

/**
 * Refuses anything but a regular file before opening it: a symbolic link is not
 * followed, a named pipe would block open() forever and a device such as /dev/zero never ends.
 */
export async function assertRegularFile(file: string): Promise<void> {
  await assertRegular(file).catch((err: unknown) => Promise.reject(asImportError(file, err)))
}

function asImportError(file: string, err: unknown): unknown {
  if (!(err instanceof FileRefusal)) return err
  if (err.kind === 'not-a-file') return new ImportError('unreadable', file, `${err.reason}, not a scanner output file`)
  if (err.kind === 'symlink') return new ImportError('unreadable', file, err.reason)
  return new ImportError('unreadable', file, `cannot open the file: ${err.reason}`)
}
