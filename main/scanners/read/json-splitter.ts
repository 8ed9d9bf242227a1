// Finds the byte boundaries of the records in a JSON stream and parses each record
// with the native JSON.parse. Only the few outer levels that hold records ("split"
// levels) are tokenised here; inside a record the scanner tracks just string, escape
// and bracket state, and skips string bodies with Buffer.indexOf. This keeps a
// multi-gigabyte file at flat memory and close to JSON.parse speed.

import { isAscii } from 'node:buffer'

export type PathKey = string | number

export interface RecordPosition {
  /** Absolute byte offset of the record's first byte in the decoded stream. */
  offset: number
  /** Index of the record in the innermost split array (or of the root value). */
  element: number
}

export type SplitDecision = 'split' | 'capture'

export interface SplitHandler {
  /** A container opens at `path` (empty = a root value): tokenise its members, or take it whole. */
  container(path: readonly PathKey[], kind: 'object' | 'array', rootIndex: number): SplitDecision
  /** A whole value found at `path` (path is a live array: copy it to keep it). */
  value(path: readonly PathKey[], value: unknown, position: RecordPosition, rootIndex: number): void
  /** A split container closed. */
  closed(path: readonly PathKey[], kind: 'object' | 'array', rootIndex: number): void
  /** A byte outside any value at the root (',', ']', ';' after the root value). Throw to reject. */
  stray(char: string, offset: number): void
  /** A separator was missing or doubled inside a split array; throw to reject. */
  irregular(description: string, offset: number): void
  /** The stream ended inside a value or a split container. Throw to reject. */
  truncated(info: { insideRecord: boolean; offset: number; path: readonly PathKey[]; element: number }): void
}

export interface SplitLimits {
  maxDepth: number
  maxRecordBytes: number
}

export class SplitError extends Error {
  constructor(
    readonly kind: 'syntax' | 'too-deep' | 'too-large' | 'forbidden-key',
    message: string,
    readonly position: RecordPosition
  ) {
    super(message)
  }
}

type ObjectState = 'key-or-end' | 'colon' | 'value' | 'comma-or-end'
type ArrayState = 'value-or-end' | 'comma-or-end'

interface Frame {
  kind: 'object' | 'array'
  state: ObjectState | ArrayState
  index: number
  /** Set while a key string is being captured, then the member's key. */
  key: string | null
  /** The path entry this frame pushed for its current member (object key or array index). */
  pushed: boolean
}

interface Capture {
  kind: 'container' | 'string' | 'literal'
  purpose: 'value' | 'key'
  offset: number
  /** Start of the capture in the current chunk (0 after a chunk boundary). */
  startInChunk: number
  pieces: Buffer[]
  size: number
  nest: number
  inString: boolean
  escapePending: boolean
  element: number
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d
const COMMA = 0x2c
const COLON = 0x3a
const PROTO = Buffer.from('__proto__')
const UNICODE_ESCAPE = Buffer.from('\\u')
/**
 * The most text one bulk JSON.parse takes when its records allow (tryBulk). Below V8's large-object size (128 KiB)
 * the text and the records parsed from it live and die in the young generation. Parsing a whole 1 MB chunk at once
 * put each text in the old generation: on an import of 100k findings, 16–18 full collections instead of 6–7, more
 * CPU time (2–15% in paired runs) and 10–25 MB more peak memory.
 */
const BULK_BYTES = 96 * 1024

/**
 * The UTF-8 text of buf[start, end). Scanner output is nearly always plain ASCII:
 * checking that (vectorised) and copying bytes as Latin-1 is several times faster
 * than a full UTF-8 decode, and gives the same string.
 */
function textOf(buf: Buffer, start: number, end: number): string {
  return isAscii(buf.subarray(start, end)) ? buf.toString('latin1', start, end) : buf.toString('utf8', start, end)
}

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09
}

function isLiteralEnd(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || isWhitespace(c)
}

export class JsonSplitter {
  private frames: Frame[] = []
  private path: PathKey[] = []
  private capture: Capture | null = null
  private chunkBase = 0
  private rootIndex = 0
  private chunk: Buffer = Buffer.alloc(0)
  /** Next position in the current chunk where '__proto__' or '\u' occurs (chunk length if none). */
  private suspectAt = -1
  private suspectFrom = 0
  private bulkFailures = 0
  private readonly bulkNeedles = new Map<string, Buffer>()

  /** startOffset: where the JSON begins in the file (after a BOM or a `name =` prefix). */
  constructor(
    private readonly handler: SplitHandler,
    private readonly limits: SplitLimits,
    startOffset = 0
  ) {
    this.chunkBase = startOffset
  }

  /** Bytes consumed so far. */
  get offset(): number {
    return this.chunkBase + this.chunk.length
  }

  push(chunk: Buffer): void {
    this.chunkBase += this.chunk.length
    this.chunk = chunk
    this.suspectAt = -1
    this.suspectFrom = 0
    const n = chunk.length
    let i = 0
    if (this.capture) {
      this.capture.startInChunk = 0
      i = this.continueCapture(chunk, 0)
    }
    while (i < n) {
      const c = chunk[i] as number
      if (isWhitespace(c)) {
        i++
        continue
      }
      i = this.structural(chunk, i, c)
      if (this.capture) i = this.continueCapture(chunk, i)
    }
    if (this.capture) {
      const cap = this.capture
      const piece = chunk.subarray(cap.startInChunk)
      cap.pieces.push(piece)
      cap.size += piece.length
      if (cap.size > this.limits.maxRecordBytes) throw this.tooLarge(cap)
    }
  }

  end(): void {
    const cap = this.capture
    if (cap && cap.kind === 'literal') {
      this.finishCapture(this.chunk.length, true)
      return this.end()
    }
    if (cap) {
      this.handler.truncated({ insideRecord: cap.purpose === 'value', offset: cap.offset, path: this.path, element: cap.element })
      this.capture = null
      return
    }
    if (this.frames.length) {
      const top = this.frames[this.frames.length - 1] as Frame
      this.handler.truncated({ insideRecord: false, offset: this.offset, path: this.path, element: top.index })
    }
  }

  // Handles one byte (or the start of one value) outside any capture; returns the next index.
  private structural(buf: Buffer, i: number, c: number): number {
    const top = this.frames[this.frames.length - 1]
    if (!top) return this.atRoot(buf, i, c)
    if (top.kind === 'array') {
      if (top.state === 'value-or-end') {
        if (c === CLOSE_BRACKET) return this.closeFrame(i)
        if (c === COMMA) {
          this.handler.irregular('an empty element (two commas in a row)', this.chunkBase + i)
          return i + 1
        }
        if (c === OPEN_BRACE) {
          const bulkEnd = this.tryBulk(buf, i, top)
          if (bulkEnd > i) return bulkEnd
        }
        this.path.push(top.index)
        top.pushed = true
        return this.startValue(buf, i, c, top.index)
      }
      if (c === COMMA) {
        top.state = 'value-or-end'
        return i + 1
      }
      if (c === CLOSE_BRACKET) return this.closeFrame(i)
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.handler.irregular('a missing comma between elements', this.chunkBase + i)
        top.state = 'value-or-end'
        return i
      }
      throw this.syntax(c, i, "',' or ']'")
    }
    switch (top.state as ObjectState) {
      case 'key-or-end':
        if (c === QUOTE) {
          this.beginCapture('string', 'key', i, top.index)
          return i + 1
        }
        if (c === CLOSE_BRACE) return this.closeFrame(i)
        throw this.syntax(c, i, "a member name or '}'")
      case 'colon':
        if (c !== COLON) throw this.syntax(c, i, "':'")
        top.state = 'value'
        return i + 1
      case 'value':
        this.path.push(top.key as string)
        top.pushed = true
        return this.startValue(buf, i, c, top.index)
      case 'comma-or-end':
        if (c === COMMA) {
          top.state = 'key-or-end'
          return i + 1
        }
        if (c === CLOSE_BRACE) return this.closeFrame(i)
        throw this.syntax(c, i, "',' or '}'")
    }
  }

  /**
   * Fast path for line-structured files (pretty-printed or one record per line): the
   * elements from `i` up to the last line within BULK_BYTES (or, for a larger record, of
   * this chunk) that closes an object at the element's own indentation are parsed in one
   * JSON.parse call. A raw newline can never be inside a JSON string, and JSON.parse
   * checks the guess: if the slice is not a clean run of elements it throws and the
   * exact scanner takes over.
   */
  private tryBulk(buf: Buffer, i: number, top: Frame): number {
    if (this.bulkFailures > 3) return i
    let k = i - 1
    while (k >= 0 && (buf[k] === 0x20 || buf[k] === 0x09)) k--
    if (k < 0 || buf[k] !== 0x0a) return i
    const indent = buf.toString('latin1', k + 1, i)
    let needle = this.bulkNeedles.get(indent)
    if (!needle) this.bulkNeedles.set(indent, (needle = Buffer.from(`\n${indent}}`, 'latin1')))
    let last = buf.lastIndexOf(needle, i + BULK_BYTES)
    if (last < i) last = buf.lastIndexOf(needle)
    if (last < i) return i
    const end = last + needle.length
    if (end - i > this.limits.maxRecordBytes) return i
    this.path.push(top.index)
    const decision = this.handler.container(this.path, 'object', this.rootIndex)
    this.path.pop()
    if (decision !== 'capture') return i
    let values: unknown[]
    try {
      values = JSON.parse(`[${textOf(buf, i, end)}]`) as unknown[]
    } catch {
      this.bulkFailures++
      return i
    }
    const firstIndex = top.index
    let starts: number[] | null = null
    const exactStarts = (): number[] => (starts ??= elementStarts(buf, i, end).map(s => this.chunkBase + s))
    if (this.suspectBetween(i, end)) {
      values.forEach((v, n) => assertNoProtoKeys(v, { offset: exactStarts()[n] ?? this.chunkBase + i, element: firstIndex + n }))
    }
    for (let n = 0; n < values.length; n++) {
      this.path.push(top.index)
      try {
        this.handler.value(this.path, values[n], { offset: starts ? (starts[n] as number) : this.chunkBase + i, element: top.index }, this.rootIndex)
      } catch (err) {
        if (starts) throw err
        // Replay the failing element with its exact position so the error can name it.
        this.handler.value(this.path, values[n], { offset: exactStarts()[n] ?? this.chunkBase + i, element: top.index }, this.rootIndex)
        throw err
      } finally {
        this.path.pop()
      }
      top.index++
    }
    top.state = 'comma-or-end'
    return end
  }

  /**
   * Fast path for one JSON object per line (NDJSON) once the first root value has
   * shown the file is a stream of root objects: each whole line of this chunk is
   * parsed on its own (a raw newline is never inside a JSON string). A line that is
   * not one whole object stops the fast path; the exact scanner continues from it.
   */
  private tryBulkLines(buf: Buffer, i: number): number {
    if (this.bulkFailures > 3) return i
    const lastNewline = buf.lastIndexOf(0x0a)
    if (lastNewline <= i || this.handler.container(this.path, 'object', this.rootIndex) !== 'capture') return i
    let start = i
    while (start < lastNewline) {
      while (start < lastNewline && isWhitespace(buf[start] as number)) start++
      if (start >= lastNewline) return lastNewline + 1
      if (buf[start] !== OPEN_BRACE) return start
      const newline = buf.indexOf(0x0a, start)
      const end = buf[newline - 1] === 0x0d ? newline - 1 : newline
      let value: unknown
      try {
        value = JSON.parse(textOf(buf, start, end))
      } catch {
        this.bulkFailures++
        return start
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return start
      const position = { offset: this.chunkBase + start, element: this.rootIndex }
      if (this.suspectBetween(start, end)) assertNoProtoKeys(value, position)
      this.handler.value(this.path, value, position, this.rootIndex)
      this.rootIndex++
      start = newline + 1
    }
    return start
  }

  private atRoot(buf: Buffer, i: number, c: number): number {
    if (c === OPEN_BRACE && this.rootIndex > 0) {
      const bulkEnd = this.tryBulkLines(buf, i)
      if (bulkEnd > i) return bulkEnd
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET || c === QUOTE || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e) {
      return this.startValue(buf, i, c, this.rootIndex)
    }
    if (c === COMMA || c === CLOSE_BRACKET || c === 0x3b) {
      this.handler.stray(String.fromCharCode(c), this.chunkBase + i)
      return i + 1
    }
    throw this.syntax(c, i, 'a JSON value')
  }

  private startValue(buf: Buffer, i: number, c: number, element: number): number {
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const kind = c === OPEN_BRACE ? 'object' : 'array'
      if (this.frames.length + 1 > this.limits.maxDepth) throw this.tooDeep(i, element)
      const decision = this.handler.container(this.path, kind, this.rootIndex)
      if (decision === 'split') {
        this.frames.push({ kind, state: kind === 'object' ? 'key-or-end' : 'value-or-end', index: 0, key: null, pushed: false })
        return i + 1
      }
      this.beginCapture('container', 'value', i, element)
      const cap = this.capture!
      cap.nest = 1
      return i + 1
    }
    if (c === QUOTE) {
      this.beginCapture('string', 'value', i, element)
      return i + 1
    }
    this.beginCapture('literal', 'value', i, element)
    return i
  }

  private beginCapture(kind: Capture['kind'], purpose: Capture['purpose'], startInChunk: number, element: number): void {
    this.capture = {
      kind,
      purpose,
      offset: this.chunkBase + startInChunk,
      startInChunk,
      pieces: [],
      size: 0,
      nest: 0,
      inString: kind === 'string',
      escapePending: false,
      element
    }
  }

  // Scans the open capture from i; finishes it when its end is in this chunk.
  private continueCapture(buf: Buffer, i: number): number {
    const cap = this.capture as Capture
    const n = buf.length
    if (cap.kind === 'literal') {
      let j = i
      while (j < n && !isLiteralEnd(buf[j] as number)) j++
      if (j === n) return n
      return this.finishCapture(j, false)
    }
    let j = i
    let nest = cap.nest
    let inString = cap.inString
    if (cap.escapePending) {
      cap.escapePending = false
      j++
    }
    const maxNest = this.limits.maxDepth - this.frames.length
    // One pass over the bytes: strings are skipped byte by byte (most are short keys,
    // where a native indexOf call costs more than it saves), brackets counted outside them.
    while (j < n) {
      const c = buf[j++] as number
      if (inString) {
        if (c === QUOTE) {
          inString = false
          if (cap.kind === 'string') return this.finishCapture(j, false)
        } else if (c === BACKSLASH) {
          if (j === n) {
            cap.escapePending = true
            break
          }
          j++
        }
      } else if (c === QUOTE) inString = true
      else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (++nest > maxNest) throw this.tooDeep(j - 1, cap.element)
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (--nest === 0) {
          cap.nest = 0
          return this.finishCapture(j, false)
        }
      }
    }
    cap.nest = nest
    cap.inString = inString
    return n
  }

  private finishCapture(end: number, atEof: boolean): number {
    const cap = this.capture as Capture
    this.capture = null
    const buf = this.chunk
    let suspicious: boolean
    let text: string
    if (cap.pieces.length === 0 && !atEof) {
      if (end - cap.startInChunk > this.limits.maxRecordBytes) throw this.tooLarge(cap)
      text = textOf(buf, cap.startInChunk, end)
      suspicious = this.suspectBetween(cap.startInChunk, end)
    } else {
      const tail = atEof ? [] : [buf.subarray(0, end)]
      const bytes = Buffer.concat([...cap.pieces, ...tail])
      suspicious = bytes.indexOf(PROTO) !== -1 || bytes.indexOf(UNICODE_ESCAPE) !== -1
      if (bytes.length > this.limits.maxRecordBytes) throw this.tooLarge(cap)
      text = textOf(bytes, 0, bytes.length)
    }
    const position: RecordPosition = { offset: cap.offset, element: cap.element }
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (err) {
      throw new SplitError('syntax', `invalid JSON: ${(err as Error).message}`, position)
    }
    if (cap.purpose === 'key') {
      const top = this.frames[this.frames.length - 1] as Frame
      if (value === '__proto__') throw new SplitError('forbidden-key', 'a member named "__proto__" is not allowed', position)
      top.key = value as string
      top.state = 'colon'
      return end
    }
    if (suspicious && cap.kind === 'container') assertNoProtoKeys(value, position)
    this.handler.value(this.path, value, position, this.rootIndex)
    this.afterValue()
    return end
  }

  // A value at the current level is complete: move the enclosing frame on.
  private afterValue(): void {
    const top = this.frames[this.frames.length - 1]
    if (!top) {
      this.rootIndex++
      return
    }
    if (top.pushed) {
      this.path.pop()
      top.pushed = false
    }
    top.index++
    top.state = 'comma-or-end'
  }

  private closeFrame(i: number): number {
    const frame = this.frames.pop() as Frame
    this.handler.closed(this.path, frame.kind, this.rootIndex)
    this.afterValue()
    return i + 1
  }

  private suspectBetween(start: number, end: number): boolean {
    if (this.suspectAt < start) {
      const from = Math.max(start, this.suspectFrom)
      const a = this.chunk.indexOf(PROTO, from)
      const b = this.chunk.indexOf(UNICODE_ESCAPE, from)
      const n = this.chunk.length
      this.suspectAt = Math.min(a === -1 ? n : a, b === -1 ? n : b)
      this.suspectFrom = from
    }
    return this.suspectAt < end
  }

  private syntax(c: number, i: number, expected: string): SplitError {
    const shown = c >= 0x20 && c < 0x7f ? `'${String.fromCharCode(c)}'` : `byte 0x${c.toString(16)}`
    const top = this.frames[this.frames.length - 1]
    return new SplitError('syntax', `expected ${expected}, found ${shown}`, {
      offset: this.chunkBase + i,
      element: top ? top.index : this.rootIndex
    })
  }

  private tooDeep(i: number, element: number): SplitError {
    return new SplitError('too-deep', `nesting deeper than ${this.limits.maxDepth} levels`, { offset: this.chunkBase + i, element })
  }

  private tooLarge(cap: Capture): SplitError {
    return new SplitError('too-large', `a single record is larger than ${Math.round(this.limits.maxRecordBytes / 1048576)} MB`, {
      offset: cap.offset,
      element: cap.element
    })
  }
}

/** Start offsets of the top-level values in buf[start, end) (a comma-separated run). Error path only. */
function elementStarts(buf: Buffer, start: number, end: number): number[] {
  const starts: number[] = []
  let depth = 0
  let inString = false
  let expectValue = true
  for (let j = start; j < end; j++) {
    const c = buf[j] as number
    if (inString) {
      if (c === BACKSLASH) j++
      else if (c === QUOTE) inString = false
      continue
    }
    if (isWhitespace(c)) continue
    if (depth === 0 && c === COMMA) {
      expectValue = true
      continue
    }
    if (depth === 0 && expectValue) {
      starts.push(j)
      expectValue = false
    }
    if (c === QUOTE) inString = true
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--
  }
  return starts
}

/** JSON.parse keeps "__proto__" as an inert own key; we refuse such records outright. */
function assertNoProtoKeys(root: unknown, position: RecordPosition): void {
  const stack: unknown[] = [root]
  while (stack.length) {
    const v = stack.pop()
    if (v === null || typeof v !== 'object') continue
    if (Array.isArray(v)) {
      for (const item of v) stack.push(item)
      continue
    }
    if (Object.prototype.hasOwnProperty.call(v, '__proto__')) {
      throw new SplitError('forbidden-key', 'a member named "__proto__" is not allowed', position)
    }
    for (const key of Object.keys(v)) stack.push((v as Record<string, unknown>)[key])
  }
}
