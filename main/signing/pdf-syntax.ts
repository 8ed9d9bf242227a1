/**
 * Just enough PDF object syntax (ISO 32000-1 §7.3) to read a trailer, a catalog and a page, and to write them back
 * with an entry added. Every loop advances or stops, and nesting is capped, so hostile bytes give a `PdfSyntaxError`,
 * never a hang or a crash.
 */

export class PdfSyntaxError extends Error {}

export type PdfValue =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'number'; text: string }
  | { kind: 'name'; value: string }
  | { kind: 'string'; bytes: Buffer }
  | { kind: 'array'; items: PdfValue[] }
  | { kind: 'dict'; entries: Map<string, PdfValue> }
  | { kind: 'ref'; num: number; gen: number }

const MAX_DEPTH = 64
const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])

export function isWhitespace(byte: number | undefined): boolean {
  return byte !== undefined && WHITESPACE.has(byte)
}

function isRegular(byte: number | undefined): boolean {
  return byte !== undefined && !WHITESPACE.has(byte) && !DELIMITERS.has(byte)
}

/** Reads one PDF object at a position; `end` is where the next token may start. */
export class PdfReader {
  pos: number
  constructor(
    readonly buf: Buffer,
    start: number
  ) {
    this.pos = start
  }

  skipSpace(): void {
    const { buf } = this
    while (this.pos < buf.length) {
      const byte = buf[this.pos]!
      if (WHITESPACE.has(byte)) this.pos++
      else if (byte === 0x25) {
        while (this.pos < buf.length && buf[this.pos] !== 0x0a && buf[this.pos] !== 0x0d) this.pos++
      } else break
    }
  }

  private fail(what: string): never {
    throw new PdfSyntaxError(`${what} at byte ${this.pos}`)
  }

  private word(): string {
    const start = this.pos
    while (this.pos < this.buf.length && isRegular(this.buf[this.pos])) this.pos++
    return this.buf.toString('latin1', start, this.pos)
  }

  /** "N G obj": the object number and generation at the current position. */
  objectHeader(): { num: number; gen: number } {
    this.skipSpace()
    const num = this.word()
    this.skipSpace()
    const gen = this.word()
    this.skipSpace()
    if (!/^\d+$/.test(num) || !/^\d+$/.test(gen) || this.word() !== 'obj') this.fail('Expected an object header')
    return { num: Number(num), gen: Number(gen) }
  }

  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) this.fail('Objects nested too deeply')
    this.skipSpace()
    const { buf } = this
    const byte = buf[this.pos]
    if (byte === undefined) this.fail('Unexpected end of file')
    if (byte === 0x2f) {
      this.pos++
      return { kind: 'name', value: decodeName(this.word()) }
    }
    if (byte === 0x28) return { kind: 'string', bytes: this.literalString() }
    if (byte === 0x3c && buf[this.pos + 1] === 0x3c) return this.dict(depth)
    if (byte === 0x3c) return { kind: 'string', bytes: this.hexString() }
    if (byte === 0x5b) {
      this.pos++
      const items: PdfValue[] = []
      for (;;) {
        this.skipSpace()
        if (buf[this.pos] === 0x5d) {
          this.pos++
          return { kind: 'array', items }
        }
        items.push(this.value(depth + 1))
      }
    }
    const token = this.word()
    if (token === '') this.fail(`Unexpected character ${JSON.stringify(String.fromCharCode(byte))}`)
    if (token === 'true' || token === 'false') return { kind: 'bool', value: token === 'true' }
    if (token === 'null') return { kind: 'null' }
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) this.fail(`Unexpected word "${token.slice(0, 20)}"`)
    // "N G R" is a reference: look ahead without consuming unless it matches.
    if (/^\d+$/.test(token)) {
      const save = this.pos
      this.skipSpace()
      const gen = this.word()
      this.skipSpace()
      if (/^\d+$/.test(gen) && this.buf[this.pos] === 0x52 && !isRegular(this.buf[this.pos + 1])) {
        this.pos++
        return { kind: 'ref', num: Number(token), gen: Number(gen) }
      }
      this.pos = save
    }
    return { kind: 'number', text: token }
  }

  private dict(depth: number): PdfValue {
    this.pos += 2
    const entries = new Map<string, PdfValue>()
    for (;;) {
      this.skipSpace()
      if (this.buf[this.pos] === 0x3e && this.buf[this.pos + 1] === 0x3e) {
        this.pos += 2
        return { kind: 'dict', entries }
      }
      const key = this.value(depth + 1)
      if (key.kind !== 'name') this.fail('Expected a name as a dictionary key')
      entries.set(key.value, this.value(depth + 1))
    }
  }

  private literalString(): Buffer {
    const { buf } = this
    const out: number[] = []
    let nesting = 1
    this.pos++
    while (this.pos < buf.length) {
      const byte = buf[this.pos++]!
      if (byte === 0x5c) {
        const next = buf[this.pos++]
        if (next === undefined) break
        const escaped: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c }
        if (escaped[next] !== undefined) out.push(escaped[next])
        else if (next >= 0x30 && next <= 0x37) {
          let octal = next - 0x30
          for (let i = 0; i < 2 && buf[this.pos]! >= 0x30 && buf[this.pos]! <= 0x37; i++) octal = octal * 8 + buf[this.pos++]! - 0x30
          out.push(octal & 0xff)
        } else if (next === 0x0d) {
          if (buf[this.pos] === 0x0a) this.pos++
        } else if (next !== 0x0a) out.push(next)
      } else if (byte === 0x28) {
        nesting++
        out.push(byte)
      } else if (byte === 0x29) {
        if (--nesting === 0) return Buffer.from(out)
        out.push(byte)
      } else out.push(byte)
    }
    this.fail('Unterminated string')
  }

  private hexString(): Buffer {
    const close = this.buf.indexOf(0x3e, this.pos)
    if (close < 0) this.fail('Unterminated hex string')
    const hex = this.buf.toString('latin1', this.pos + 1, close).replace(/[\0\t\n\f\r ]/g, '')
    if (!/^[0-9a-fA-F]*$/.test(hex)) this.fail('Invalid hex string')
    this.pos = close + 1
    return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')
  }
}

function decodeName(raw: string): string {
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

function encodeName(name: string): string {
  return name.replace(/[^!-~]|[#()<>[\]{}/%]/g, c => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}

/** Writes a value back as PDF syntax (strings as hex, which keeps any bytes exactly). */
export function serializePdfValue(value: PdfValue): string {
  switch (value.kind) {
    case 'null':
      return 'null'
    case 'bool':
      return String(value.value)
    case 'number':
      return value.text
    case 'name':
      return `/${encodeName(value.value)}`
    case 'string':
      return `<${value.bytes.toString('hex')}>`
    case 'ref':
      return `${value.num} ${value.gen} R`
    case 'array':
      return `[${value.items.map(serializePdfValue).join(' ')}]`
    case 'dict':
      return `<<${[...value.entries].map(([key, entry]) => `/${encodeName(key)} ${serializePdfValue(entry)}`).join(' ')}>>`
  }
}

/** A text string for a dictionary: plain ASCII as a literal, anything else as UTF-16BE with its byte-order mark. */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, c => `\\${c}`)})`
  const utf16 = Buffer.from(text, 'utf16le').swap16()
  return `<feff${utf16.toString('hex')}>`
}

/** Decodes a text string read from a dictionary (UTF-16BE with a byte-order mark, UTF-8 with one, else PDFDocEncoding as Latin-1). */
export function decodePdfText(bytes: Buffer): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  return bytes.toString('latin1')
}

/** A PDF date (D:YYYYMMDDHHmmSSZ), in UTC. */
export function pdfDate(date: Date): string {
  const iso = date.toISOString()
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`
}

/** Reads a PDF date into an ISO timestamp, or null when it is not one. */
export function parsePdfDate(text: string): string | null {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([Zz+-])(?:(\d{2})'?(\d{2})?'?)?)?$/.exec(text.trim())
  if (!match) return null
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zone, zoneHours = '00', zoneMinutes = '00'] = match
  const offset = zone === '+' || zone === '-' ? `${zone}${zoneHours}:${zoneMinutes}` : 'Z'
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}
