export type ImportErrorCode =
  | 'empty-file'
  | 'not-json'
  | 'unknown-format'
  | 'missing-field'
  | 'too-deep'
  | 'element-too-large'
  | 'forbidden-key'
  | 'truncated'
  | 'bad-encoding'
  | 'cancelled'
  | 'unreadable'

export interface ImportErrorPosition {
  /** Byte offset in the file (for UTF-16 files: in the UTF-8 text it was converted to). */
  offset?: number
  /** 1-based line, filled in when known. */
  line?: number
  /** 0-based index of the record (array element, NDJSON line, CSV row) the problem is in. */
  element?: number
}

/** A scanner file that cannot be imported, with what is wrong and where. */
export class ImportError extends Error {
  readonly code: ImportErrorCode
  readonly file: string
  readonly position: ImportErrorPosition
  readonly detail: string

  constructor(code: ImportErrorCode, file: string, detail: string, position: ImportErrorPosition = {}) {
    super(`${file}${describePosition(position)}: ${detail}`)
    this.name = 'ImportError'
    this.code = code
    this.file = file
    this.detail = detail
    this.position = position
  }

  withPosition(position: ImportErrorPosition): ImportError {
    return new ImportError(this.code, this.file, this.detail, { ...this.position, ...position })
  }
}

function describePosition(p: ImportErrorPosition): string {
  const parts: string[] = []
  if (p.line !== undefined) parts.push(`line ${p.line}`)
  if (p.offset !== undefined) parts.push(`byte ${p.offset}`)
  if (p.element !== undefined) parts.push(`record ${p.element}`)
  return parts.length ? ` (${parts.join(', ')})` : ''
}
