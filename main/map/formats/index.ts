// The infrastructure formats, and reading a file into the map's model. This
// list is the only place a format is added: its id and label come from here,
// and a file is matched to a format by its content, never by its name.

import type { ParsedInfrastructure } from '../model'
import { asMap, isMap, type InfrastructureDocument } from '../read/document'
import { excerpt, InfrastructureImportError } from '../read/import-error'
import { parseJsonDocument } from '../read/parse-json'
import { parseYamlDocument } from '../read/parse-yaml'
import { readTextFile } from '../read/read-text-file'
import { awsConfig } from './aws-config'
import { cloudFormation } from './cloudformation'
import { createFormatContext, type InfrastructureFileFormatId, type InfrastructureFormat, type ReadProgress } from './format'
import { terraformPlan } from './terraform-plan'
import { terraformShowState } from './terraform-show-state'
import { terraformTfstate } from './terraform-tfstate'

export type { InfrastructureFileFormatId, ReadProgress } from './format'

/** Tried in order; the first whose detect() accepts the document reads it. */
export const INFRASTRUCTURE_FORMATS = registry([terraformPlan, terraformShowState, terraformTfstate, cloudFormation, awsConfig])

export const INFRASTRUCTURE_FORMAT_IDS = INFRASTRUCTURE_FORMATS.map(f => f.id)
export const INFRASTRUCTURE_FORMAT_LABELS: Readonly<Record<InfrastructureFileFormatId | 'scanner-resources', string>> = {
  ...(Object.fromEntries(INFRASTRUCTURE_FORMATS.map(f => [f.id, f.label])) as Record<InfrastructureFileFormatId, string>),
  'scanner-resources': 'Resources in imported scanner findings'
}

// Every file format of the model has a reader: a format added to the model but not here fails to compile.
type Unregistered = Exclude<InfrastructureFileFormatId, (typeof INFRASTRUCTURE_FORMATS)[number]['id']>
const _everyFormatRegistered: [Unregistered] extends [never] ? true : never = true

function registry<const F extends readonly InfrastructureFormat[]>(formats: F): F {
  const seen = new Set<string>()
  for (const format of formats) {
    if (seen.has(format.id)) throw new Error(`infrastructure format ${format.id} is registered twice`)
    seen.add(format.id)
  }
  return formats
}

export interface ReadInfrastructureOptions {
  signal?: AbortSignal
  onProgress?: (progress: ReadProgress) => void
}

/** Reads one infrastructure file whole: refused with an InfrastructureImportError naming the file, the place and what is wrong. */
export async function readInfrastructureFile(path: string, options: ReadInfrastructureOptions = {}): Promise<ParsedInfrastructure> {
  const file = await readTextFile(path, {
    signal: options.signal,
    onBytes: (bytesRead, bytesTotal) => options.onProgress?.({ phase: 'reading', bytesRead, bytesTotal, resources: 0 })
  })
  return readDocument(path, file.text, file.bytes, options)
}

/** The same from text already in memory (tests, pasted text); `fileName` names it in messages. */
export function readInfrastructureText(text: string, fileName: string, options: ReadInfrastructureOptions = {}): Promise<ParsedInfrastructure> {
  return readDocument(fileName, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, Buffer.byteLength(text), options)
}

async function readDocument(file: string, text: string, bytes: number, options: ReadInfrastructureOptions): Promise<ParsedInfrastructure> {
  options.onProgress?.({ phase: 'parsing', bytesRead: bytes, bytesTotal: bytes, resources: 0 })
  const doc = parseInfrastructureDocument(file, text)
  if (options.signal?.aborted) throw new InfrastructureImportError('cancelled', file, {}, 'reading was cancelled')
  const format = INFRASTRUCTURE_FORMATS.find(f => f.detect(doc))
  if (!format) throw new InfrastructureImportError('unknown-format', file, {}, unknownFormatDetail(doc))
  const context = createFormatContext({ doc, format: format.id, signal: options.signal, onProgress: options.onProgress, bytes })
  return format.read(doc, context)
}

/** JSON when the text starts with `{` or `[`; YAML otherwise (CloudFormation and SAM templates). */
export function parseInfrastructureDocument(file: string, text: string): InfrastructureDocument {
  const start = text.search(/\S/)
  if (start === -1) throw new InfrastructureImportError('empty', file, {}, 'the file is empty')
  const first = text[start]
  return first === '{' || first === '[' ? parseJsonDocument(file, text) : parseYamlDocument(file, text)
}

const FORMATS_READ =
  'a Terraform plan or state (terraform show -json), a terraform.tfstate file, a CloudFormation or SAM template, or AWS Config items'

function unknownFormatDetail(doc: InfrastructureDocument): string {
  const root = doc.root
  if (looksLikeFindings(root))
    return `holds scanner findings, not an infrastructure description: import it under Findings (this reads ${FORMATS_READ})`
  if (isMap(root)) {
    const keys = Object.keys(root)
      .slice(0, 4)
      .map(k => excerpt(k))
    return `is not an infrastructure description this app reads (${FORMATS_READ}); its top-level keys are ${keys.join(', ') || 'none'}`
  }
  const what = Array.isArray(root) ? 'a list' : typeof root === 'string' ? 'plain text' : root === null ? 'empty' : `a single ${typeof root}`
  return `is ${what}, not an infrastructure description this app reads (${FORMATS_READ})`
}

function looksLikeFindings(root: unknown): boolean {
  const sample = Array.isArray(root) ? asMap(root[0]) : asMap(root)
  if (!sample) return false
  if (Array.isArray(sample.Findings) || Array.isArray(sample.findings)) return true
  return ['CheckID', 'StatusExtended', 'finding_info', 'SchemaVersion', 'ComplianceType', 'EvaluationResultIdentifier'].some(k =>
    Object.prototype.hasOwnProperty.call(sample, k)
  )
}
