import { PdfReader, PdfSyntaxError, type PdfValue } from './pdf-syntax'

/**
 * The cross-reference table and trailer of a finished PDF, read from its end as a reader does. Only classic
 * `xref` tables are read (what pdfkit writes); a file indexed by cross-reference streams is refused with a reason.
 */
export interface PdfStructure {
  /** The newest trailer dictionary. */
  trailer: Map<string, PdfValue>
  /** Where each object's newest version starts. */
  offsets: Map<number, { offset: number; gen: number }>
  /** The offset the file's last `startxref` names. */
  startxref: number
}

const MAX_SECTIONS = 1000

export function readPdfStructure(buf: Buffer): PdfStructure {
  const tail = buf.subarray(Math.max(0, buf.length - 2048))
  const at = tail.lastIndexOf('startxref')
  if (at < 0) throw new PdfSyntaxError('The file has no "startxref" near its end: it is not a complete PDF')
  const reader = new PdfReader(tail, at + 'startxref'.length)
  const value = reader.value()
  const startxref = value.kind === 'number' ? Number(value.text) : NaN
  if (!Number.isInteger(startxref) || startxref < 0 || startxref >= buf.length)
    throw new PdfSyntaxError('The "startxref" offset is not inside the file')

  const offsets = new Map<number, { offset: number; gen: number }>()
  let trailer: Map<string, PdfValue> | null = null
  const seen = new Set<number>()
  let next: number | null = startxref
  while (next !== null) {
    if (seen.has(next) || seen.size >= MAX_SECTIONS) throw new PdfSyntaxError('The cross-reference sections loop')
    seen.add(next)
    const section = readXrefSection(buf, next)
    for (const [num, entry] of section.entries) if (!offsets.has(num)) offsets.set(num, entry)
    trailer ??= section.trailer
    const prev = section.trailer.get('Prev')
    next = prev?.kind === 'number' ? Number(prev.text) : null
    if (next !== null && (!Number.isInteger(next) || next < 0 || next >= buf.length))
      throw new PdfSyntaxError('A "/Prev" offset is not inside the file')
  }
  return { trailer: trailer!, offsets, startxref }
}

function readXrefSection(buf: Buffer, offset: number): { entries: Map<number, { offset: number; gen: number }>; trailer: Map<string, PdfValue> } {
  const reader = new PdfReader(buf, offset)
  reader.skipSpace()
  if (buf.toString('latin1', reader.pos, reader.pos + 4) !== 'xref') {
    throw new PdfSyntaxError(`No "xref" table at byte ${offset}: files indexed by cross-reference streams cannot be signed here`)
  }
  reader.pos += 4
  const entries = new Map<number, { offset: number; gen: number }>()
  for (;;) {
    reader.skipSpace()
    if (buf.toString('latin1', reader.pos, reader.pos + 7) === 'trailer') {
      reader.pos += 7
      const trailer = reader.value()
      if (trailer.kind !== 'dict') throw new PdfSyntaxError(`The trailer at byte ${reader.pos} is not a dictionary`)
      return { entries, trailer: trailer.entries }
    }
    const first = reader.value()
    const count = reader.value()
    if (first.kind !== 'number' || count.kind !== 'number')
      throw new PdfSyntaxError(`A cross-reference subsection header is malformed at byte ${reader.pos}`)
    const start = Number(first.text)
    const n = Number(count.text)
    if (!Number.isInteger(start) || !Number.isInteger(n) || n < 0 || n > buf.length / 20)
      throw new PdfSyntaxError('A cross-reference subsection is out of range')
    reader.skipSpace()
    for (let i = 0; i < n; i++) {
      const line = buf.toString('latin1', reader.pos, reader.pos + 20)
      const match = /^(\d{10}) (\d{5}) ([nf])/.exec(line)
      if (!match) throw new PdfSyntaxError(`A cross-reference entry is malformed at byte ${reader.pos}`)
      if (match[3] === 'n') entries.set(start + i, { offset: Number(match[1]), gen: Number(match[2]) })
      // Entries are 20 bytes; some writers end them with one byte less, so step over whatever line end there is.
      reader.pos += match[0].length
      reader.skipSpace()
    }
  }
}

/** An indirect object's value, read where the cross-reference table says it starts. */
export function readIndirectObject(buf: Buffer, structure: PdfStructure, num: number): PdfValue {
  const entry = structure.offsets.get(num)
  if (!entry || entry.offset >= buf.length) throw new PdfSyntaxError(`Object ${num} is not in the cross-reference table`)
  const reader = new PdfReader(buf, entry.offset)
  const header = reader.objectHeader()
  if (header.num !== num) throw new PdfSyntaxError(`The cross-reference table points object ${num} at object ${header.num}`)
  return reader.value()
}

/** A dictionary held directly or by reference. */
export function resolveDict(
  buf: Buffer,
  structure: PdfStructure,
  value: PdfValue | undefined,
  what: string
): { dict: Map<string, PdfValue>; ref: { num: number; gen: number } | null } {
  if (value?.kind === 'dict') return { dict: value.entries, ref: null }
  if (value?.kind === 'ref') {
    const target = readIndirectObject(buf, structure, value.num)
    if (target.kind === 'dict') return { dict: target.entries, ref: { num: value.num, gen: value.gen } }
  }
  throw new PdfSyntaxError(`The ${what} is not a dictionary`)
}
