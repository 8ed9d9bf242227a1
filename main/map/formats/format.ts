// What every infrastructure format module provides, and what it is given.

import type { InfrastructureFormatId, ParsedInfrastructure } from '../model'
import { shortPath, type InfrastructureDocument } from '../read/document'
import { InfrastructureImportError, type InfrastructurePlace } from '../read/import-error'
import { linkRecords } from '../read/link'
import type { SpellingFamily } from '../read/resource-types'
import type { SourceRecord } from '../read/source-record'

export type InfrastructureFileFormatId = Exclude<InfrastructureFormatId, 'scanner-resources'>

export interface ReadProgress {
  phase: 'reading' | 'parsing' | 'resources' | 'linking'
  bytesRead: number
  bytesTotal: number
  /** Resources read from the file so far. */
  resources: number
}

export interface FormatContext {
  file: string
  /** Counts one resource read; now and then yields so a cancel can arrive, reports progress and stops if cancelled. */
  resourceRead(): Promise<void>
  /** Refuses the file: the place is a path in the document (and its line, for YAML). */
  fail(path: readonly (string | number)[], detail: string, value?: unknown): never
  /** Turns the records read into the map. */
  link(records: SourceRecord[], options: { family: SpellingFamily; localPrefix: string; warnings: string[] }): ParsedInfrastructure
}

export interface InfrastructureFormat<Id extends InfrastructureFileFormatId = InfrastructureFileFormatId> {
  id: Id
  /** What a person calls it: "Terraform plan (terraform show -json)". */
  label: string
  /** True when the document is this format, by its content (never by the file name). */
  detect(doc: InfrastructureDocument): boolean
  read(doc: InfrastructureDocument, context: FormatContext): Promise<ParsedInfrastructure>
}

/** Declares a format with its id kept as a literal type. */
export function defineFormat<const Id extends InfrastructureFileFormatId>(format: InfrastructureFormat<Id>): InfrastructureFormat<Id> {
  return format
}

const YIELD_EVERY = 200

export interface ContextOptions {
  doc: InfrastructureDocument
  format: InfrastructureFileFormatId
  signal?: AbortSignal
  onProgress?: (progress: ReadProgress) => void
  bytes: number
}

export function createFormatContext(options: ContextOptions): FormatContext {
  const { doc } = options
  let resources = 0
  const cancelled = () => new InfrastructureImportError('cancelled', doc.file, {}, 'reading was cancelled')
  const report = (phase: ReadProgress['phase']) => options.onProgress?.({ phase, bytesRead: options.bytes, bytesTotal: options.bytes, resources })
  return {
    file: doc.file,
    async resourceRead() {
      resources++
      if (resources % YIELD_EVERY !== 0) return
      await new Promise(resolve => setImmediate(resolve))
      if (options.signal?.aborted) throw cancelled()
      report('resources')
    },
    fail(path, detail, value) {
      const line = value === undefined ? undefined : doc.lineOf(value)
      const place: InfrastructurePlace = { ...(line ? { line: line.line, column: line.column } : {}), path: shortPath(path) }
      throw new InfrastructureImportError('malformed', doc.file, place, detail)
    },
    link(records, linkOptions) {
      if (options.signal?.aborted) throw cancelled()
      report('linking')
      return linkRecords(records, {
        file: doc.file,
        format: options.format,
        family: linkOptions.family,
        localPrefix: linkOptions.localPrefix,
        warnings: linkOptions.warnings,
        signal: options.signal,
        onProgress: () => report('linking')
      })
    }
  }
}
