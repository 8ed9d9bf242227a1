// Reads one scanner output file, whatever its format, as batches of normalized findings.

import { Readable } from 'node:stream'
import { parse as parseCsv } from 'csv-parse'
import {
  SEVERITIES,
  type FormatId,
  type NormalizedFinding,
  type ReadSummary,
  type Severity,
  type SkippedRecords,
  type SourceEncoding,
  type UnmappedCheck
} from '../finding.types'
import { MissingFieldError } from '../formats/fields'
import { scannerFormat } from '../formats/index'
import { compareCitations } from '../../shared/citation'
import { PROWLER_CSV_REQUIRED, PROWLER_V2_CSV_REQUIRED, readProwlerCsvRow, readProwlerV2CsvRow } from '../formats/prowler'
import type { RecordSink } from '../formats/record-sink'
import { ImportError, type ImportErrorPosition } from '../import-error'
import { openDecoded, type DecodedSource } from './decoded-chunks'
import { JsonSplitter, SplitError, type RecordPosition } from './json-splitter'
import { capFindingText, MAX_FIELD_CHARS } from './long-text'
import { RecordRouter } from './record-router'
import { printableExcerpt } from '../../shared/excerpt'
import { unmappedReason } from '../mapping/unmapped-reason'
import { TallyCounter } from '../scan-tally'

export interface ReadProgress {
  bytesRead: number
  bytesTotal: number
  findings: number
}

export interface ReadOptions {
  signal?: AbortSignal
  onProgress?: (progress: ReadProgress) => void
  /** Findings per yielded batch (approximate: a batch closes at a chunk boundary). */
  batchSize?: number
  maxDepth?: number
  /** Largest single record (array element, ScoutSuite service) held in memory at once. */
  maxRecordBytes?: number
}

const DEFAULTS = { batchSize: 2000, maxDepth: 512, maxRecordBytes: 256 * 1024 * 1024 }
const MAX_EXAMPLES = 3

export class ScanFileReader {
  private readonly options: Required<Omit<ReadOptions, 'signal' | 'onProgress'>> & ReadOptions
  private batch: NormalizedFinding[] = []
  private position: RecordPosition = { offset: 0, element: 0 }
  private result: ReadSummary | null = null
  /** Set when a cut-short file was read up to its last whole record. */
  private partial = false
  private readonly counts = {
    findings: 0,
    passed: 0,
    failed: 0,
    failedBySeverity: Object.fromEntries(SEVERITIES.map(s => [s, 0])) as Record<Severity, number>,
    citations: new Set<string>(),
    accounts: new Set<string>(),
    skipped: new Map<string, SkippedRecords>(),
    warnings: [] as string[],
    shortened: { count: 0, first: '' },
    scanner: '',
    scannerVersion: null as string | null,
    tally: new TallyCounter(),
    /** Per check id with no citations: its title, findings, and the reason a format gave (else the format's own). */
    unmapped: new Map<string, { title: string; findings: number; reason: string | null }>()
  }

  constructor(
    readonly file: string,
    options: ReadOptions = {}
  ) {
    this.options = { ...DEFAULTS, ...options }
  }

  /** What was read; available once batches() has been iterated to the end. */
  get summary(): ReadSummary {
    if (!this.result) throw new Error('the file has not been read to the end yet')
    return this.result
  }

  async *batches(): AsyncGenerator<NormalizedFinding[]> {
    const source = await openDecoded(this.file, this.options.signal)
    try {
      yield* this.readSource(source)
    } catch (err) {
      throw await this.explain(err, source.encoding)
    } finally {
      await source.close()
    }
  }

  private async *readSource(source: DecodedSource): AsyncGenerator<NormalizedFinding[]> {
    const chunks = source.chunks()
    let first = await chunks.next()
    // Skip leading whitespace chunks to find the first meaningful byte.
    let head: Buffer = first.done ? Buffer.alloc(0) : first.value
    let start = firstNonBlank(head)
    let blankBefore = 0
    while (start === -1 && !first.done) {
      blankBefore += head.length
      first = await chunks.next()
      head = first.done ? Buffer.alloc(0) : first.value
      start = firstNonBlank(head)
    }
    if (start === -1) throw new ImportError('empty-file', this.file, 'the file is empty (no findings and no JSON)')
    const bomBytes = source.encoding === 'utf-8-bom' ? 3 : 0
    // Offsets count bytes of the file (for UTF-16: of the text converted to UTF-8).
    const headOffset = bomBytes + blankBefore
    const c = head[start]
    let format: FormatId
    // Objects and arrays, and also bare strings and numbers so they get the 'not scanner findings' message.
    if (c === 0x7b || c === 0x5b || c === 0x22 || c === 0x2d || (c !== undefined && c >= 0x30 && c <= 0x39)) {
      format = yield* this.readJson(source, chunks, head, start, headOffset, false)
    } else {
      const assignment = /^[A-Za-z_$][\w$]*\s*=\s*/.exec(head.subarray(start, start + 200).toString('latin1'))
      if (assignment) {
        const jsonStart = start + assignment[0].length
        format = yield* this.readJson(source, chunks, head, jsonStart, headOffset, true)
      } else {
        const firstLine = head.subarray(start, head.indexOf(0x0a, start) === -1 ? head.length : head.indexOf(0x0a, start)).toString('utf8')
        const csv = csvKindOf(firstLine)
        if (!csv) {
          const shown = printableExcerpt(head.subarray(start, start + 160).toString('utf8'))
          const detail = /[;,]/.test(firstLine)
            ? `a CSV file with ${CSV_KINDS_LOOKED_FOR}`
            : `not JSON and not a scanner CSV: it starts with ${shown}`
          throw new ImportError(/[;,]/.test(firstLine) ? 'unknown-format' : 'not-json', this.file, detail, { offset: bomBytes + start, line: 1 })
        }
        yield* this.readCsv(source, chunks, head.subarray(start), csv)
        format = csv.format
      }
    }
    if (this.batch.length) yield this.takeBatch()
    this.result = this.buildSummary(format, source)
  }

  private async *readJson(
    source: DecodedSource,
    chunks: AsyncGenerator<Buffer>,
    head: Buffer,
    jsonStart: number,
    headFileOffset: number,
    scoutPrefix: boolean
  ): AsyncGenerator<NormalizedFinding[], FormatId> {
    const router = new RecordRouter(this.file, { sink: this.sink(), position: p => (this.position = p) }, scoutPrefix)
    const splitter = new JsonSplitter(
      router,
      { maxDepth: this.options.maxDepth, maxRecordBytes: this.options.maxRecordBytes },
      headFileOffset + jsonStart
    )
    splitter.push(head.subarray(jsonStart))
    yield* this.afterChunk(source)
    for (;;) {
      const next = await chunks.next()
      if (next.done) break
      splitter.push(next.value)
      yield* this.afterChunk(source)
    }
    splitter.end()
    const format = router.finish()
    this.partial = router.wasTruncated
    return format
  }

  private async *readCsv(source: DecodedSource, chunks: AsyncGenerator<Buffer>, head: Buffer, csv: CsvKind): AsyncGenerator<NormalizedFinding[]> {
    async function* all(): AsyncGenerator<Buffer> {
      yield head
      for (;;) {
        const next = await chunks.next()
        if (next.done) return
        yield next.value
      }
    }
    const parser = Readable.from(all()).pipe(
      parseCsv({
        delimiter: csv.delimiter,
        columns: true,
        bom: true,
        skip_empty_lines: true,
        relax_column_count: true,
        relax_quotes: true,
        info: true
      })
    )
    const sink = this.sink()
    let row = 0
    // Each record's own info: the parser's running count is already lines ahead when a record is read.
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      if (row === 0) {
        const missing = csv.required.filter(col => !Object.prototype.hasOwnProperty.call(record, col))
        if (missing.length) throw new ImportError('missing-field', this.file, `the CSV header has no ${missing.join(', ')} column`, { line: 1 })
      }
      this.position = { offset: -1, element: row }
      try {
        csv.readRow(record, sink)
      } catch (err) {
        if (err instanceof MissingFieldError) {
          const value = Object.prototype.hasOwnProperty.call(record, err.field) ? record[err.field] : ''
          const what = value ? `an unrecognised ${err.field} ${JSON.stringify(value)}` : `an empty ${err.field}`
          throw new ImportError('missing-field', this.file, `row ${row + 1} has ${what}`, { line: info.lines, element: row })
        }
        throw err
      }
      row++
      if (this.batch.length >= this.options.batchSize) {
        this.report(source)
        yield this.takeBatch()
      }
    }
    this.report(source)
  }

  private *afterChunk(source: DecodedSource): Generator<NormalizedFinding[]> {
    this.report(source)
    if (this.batch.length >= this.options.batchSize) yield this.takeBatch()
  }

  private report(source: DecodedSource): void {
    if (this.options.signal?.aborted) throw new ImportError('cancelled', this.file, 'import cancelled')
    this.options.onProgress?.({ bytesRead: source.bytesRead(), bytesTotal: source.bytesTotal, findings: this.counts.findings })
  }

  private takeBatch(): NormalizedFinding[] {
    const out = this.batch
    this.batch = []
    return out
  }

  private sink(): RecordSink {
    const counts = this.counts
    return {
      add: found => {
        const f = capFindingText(found)
        if (f !== found && counts.shortened.count++ === 0) counts.shortened.first = this.where()
        this.batch.push(f)
        counts.findings++
        counts.scanner ||= f.scanner
        counts.scannerVersion ??= f.scannerVersion
        if (f.status === 'passed') counts.passed += f.itemCount
        else if (f.status === 'failed') {
          counts.failed += f.itemCount
          counts.failedBySeverity[f.severity] += f.itemCount
        }
        for (const c of f.citations) counts.citations.add(c)
        if (f.account) counts.accounts.add(f.account)
        counts.tally.add(f)
        if (f.citations.length === 0) {
          const entry = counts.unmapped.get(f.checkId)
          if (entry) entry.findings++
          else counts.unmapped.set(f.checkId, { title: f.title, findings: 1, reason: null })
        }
      },
      unmapped: (checkId, reason) => {
        const entry = counts.unmapped.get(checkId)
        if (entry) entry.reason ??= reason
      },
      skip: reason => {
        let entry = counts.skipped.get(reason)
        if (!entry) counts.skipped.set(reason, (entry = { reason, count: 0, examples: [] }))
        entry.count++
        if (entry.examples.length < MAX_EXAMPLES) {
          entry.examples.push(this.where())
        }
      },
      warn: message => {
        if (!counts.warnings.includes(message)) counts.warnings.push(message)
      }
    }
  }

  /** Where the record being read is, for the user to look at. */
  private where(): string {
    const p = this.position
    return p.offset >= 0 ? `record ${p.element} at byte ${p.offset}` : `row ${p.element + 1}`
  }

  private buildSummary(format: FormatId, source: DecodedSource): ReadSummary {
    const c = this.counts
    const unmapped = listUnmapped(c.unmapped, format)
    return {
      file: this.file,
      format,
      scanner: c.scanner || scannerOfFormat(format),
      scannerVersion: c.scannerVersion,
      encoding: source.encoding,
      bytes: source.bytesRead(),
      sha256: source.sha256(),
      partial: this.partial,
      findings: c.findings,
      passed: c.passed,
      failed: c.failed,
      failedBySeverity: c.failedBySeverity,
      tally: c.tally.tally(format),
      unmappedChecks: unmapped.listed,
      citations: [...c.citations].sort(compareCitations),
      accounts: [...c.accounts].sort(),
      skipped: [...c.skipped.values()],
      warnings: c.shortened.count
        ? [
            ...c.warnings,
            ...unmapped.warnings,
            `${c.shortened.count} finding${c.shortened.count === 1 ? '' : 's'} had text longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters, kept shortened (first: ${c.shortened.first})`
          ]
        : [...c.warnings, ...unmapped.warnings]
    }
  }

  // Turns any failure into an ImportError naming the file, the position and the problem.
  private async explain(err: unknown, encoding: SourceEncoding): Promise<ImportError> {
    let out: ImportError
    if (err instanceof ImportError) out = err
    else if (err instanceof SplitError) {
      const code =
        err.kind === 'syntax' ? 'not-json' : err.kind === 'too-deep' ? 'too-deep' : err.kind === 'too-large' ? 'element-too-large' : 'forbidden-key'
      out = new ImportError(code, this.file, err.message, { offset: err.position.offset, element: err.position.element })
    } else if (err instanceof MissingFieldError) {
      out = new ImportError('missing-field', this.file, `not a valid ${err.format} record: it has no ${err.field}`, {
        offset: this.position.offset,
        element: this.position.element
      })
    } else if (err instanceof Error && (err as NodeJS.ErrnoException).code?.startsWith('CSV_')) {
      const info = (err as Error & { lines?: number }).lines
      out = new ImportError('not-json', this.file, `invalid CSV: ${err.message}`, info ? { line: info } : {})
    } else {
      const message = err instanceof Error ? err.message : String(err)
      out = new ImportError('unreadable', this.file, message)
    }
    if (out.position.offset !== undefined && out.position.offset >= 0 && out.position.line === undefined && out.code !== 'cancelled') {
      const line = await lineAtOffset(this.file, out.position.offset, encoding)
      if (line !== null) out = out.withPosition({ line })
    }
    return out
  }
}

/** Reads a whole file into memory: for tests and small files. */
export async function readScanFile(file: string, options: ReadOptions = {}): Promise<{ findings: NormalizedFinding[]; summary: ReadSummary }> {
  const reader = new ScanFileReader(file, options)
  const findings: NormalizedFinding[] = []
  for await (const batch of reader.batches()) findings.push(...batch)
  return { findings, summary: reader.summary }
}

/** Unmapped checks listed in a summary; a file of per-finding check ids (Inspector CVEs) has thousands, said in one warning. */
const MAX_UNMAPPED_LISTED = 200

function listUnmapped(
  unmapped: ReadonlyMap<string, { title: string; findings: number; reason: string | null }>,
  format: FormatId
): { listed: UnmappedCheck[]; warnings: string[] } {
  const all = [...unmapped]
    .map(([checkId, u]) => ({ checkId, title: u.title, findings: u.findings, reason: u.reason ?? unmappedReason(format) }))
    .sort((a, b) => b.findings - a.findings || a.checkId.localeCompare(b.checkId))
  if (all.length <= MAX_UNMAPPED_LISTED) return { listed: all, warnings: [] }
  const rest = all.slice(MAX_UNMAPPED_LISTED)
  const findings = rest.reduce((n, u) => n + u.findings, 0)
  return {
    listed: all.slice(0, MAX_UNMAPPED_LISTED),
    warnings: [
      `${rest.length.toLocaleString('en-US')} further checks (${findings.toLocaleString('en-US')} findings) map to no specification either; the ${MAX_UNMAPPED_LISTED} with the most findings are listed`
    ]
  }
}

function firstNonBlank(buf: Buffer): number {
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i]
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i
  }
  return -1
}

/** The scanner CSVs Safeguard reads, told apart by their separator and header. */
interface CsvKind {
  format: FormatId
  delimiter: string
  required: readonly string[]
  readRow(row: Record<string, string>, sink: RecordSink): void
}

const CSV_KINDS: readonly CsvKind[] = [
  { format: 'prowler-csv', delimiter: ';', required: PROWLER_CSV_REQUIRED, readRow: readProwlerCsvRow },
  { format: 'prowler-v2-csv', delimiter: ',', required: PROWLER_V2_CSV_REQUIRED, readRow: readProwlerV2CsvRow }
]

/** What a refused CSV lacked, e.g. "neither the CHECK_ID and STATUS columns ... nor ...". */
const CSV_KINDS_LOOKED_FOR = `neither ${CSV_KINDS.map(kind => `the ${kind.required.join(' and ')} columns of a ${scannerFormat(kind.format).label} ('${kind.delimiter}'-separated)`).join(' nor ')} in its first line`

function csvKindOf(line: string): CsvKind | null {
  const header = line.replace(/\r$/, '')
  for (const kind of CSV_KINDS) {
    const columns = header.split(kind.delimiter).map(column => column.trim().replace(/^"(.*)"$/, '$1'))
    if (kind.required.every(col => columns.includes(col))) return kind
  }
  return null
}

function scannerOfFormat(format: FormatId): string {
  return scannerFormat(format).scanner
}

// Error path only: re-reads the text up to the offset to count lines.
async function lineAtOffset(file: string, offset: number, encoding: SourceEncoding): Promise<number | null> {
  try {
    const source = await openDecoded(file)
    let seen = encoding === 'utf-8-bom' ? 3 : 0
    let line = 1
    try {
      for await (const chunk of source.chunks()) {
        const limit = Math.min(chunk.length, offset - seen)
        let i = chunk.indexOf(0x0a)
        while (i !== -1 && i < limit) {
          line++
          i = chunk.indexOf(0x0a, i + 1)
        }
        seen += chunk.length
        if (seen >= offset) break
      }
    } finally {
      await source.close()
    }
    return line
  } catch {
    return null
  }
}

export type { ImportErrorPosition }
