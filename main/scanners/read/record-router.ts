// Decides, from the shape of the JSON as it streams past, which format a file is
// and which values are its records, and hands each record to its format adapter.

import type { FormatId } from '../finding.types'
import { SCANNER_FORMATS } from '../formats/index'
import { ImportError } from '../import-error'
import { isAsff, isProwlerAsff, readAsff } from '../formats/asff'
import { CONFIG_COLLECTIONS, readConfigEvaluation, readConfigRuleCompliance } from '../formats/awsconfig'
import { asObject, child, field, isoTime, text, type JsonObject } from '../formats/fields'
import { isOcsf, isProwlerOcsf, readProwlerOcsf, readSecurityhubOcsf } from '../formats/ocsf'
import { benchmarkOf, groupCitation, isPowerpipeGroup, PowerpipeCollector } from '../formats/powerpipe'
import { isProwlerV2, isProwlerV3, readProwlerV2, readProwlerV3 } from '../formats/prowler'
import type { RecordSink } from '../formats/record-sink'
import { readScoutService, type ScoutContext } from '../formats/scoutsuite'
import type { PathKey, RecordPosition, SplitDecision, SplitHandler } from './json-splitter'

/** Formats whose writer streams records one by one, so a cut-short file still has whole records. */
const STREAMED_FORMATS = new Set<FormatId | null>([...SCANNER_FORMATS.filter(format => format.streamed).map(format => format.id), null])

export interface RouterEvents {
  sink: RecordSink
  /** Called before each record so skips and errors can name it. */
  position(position: RecordPosition): void
}

export class RecordRouter implements SplitHandler {
  format: FormatId | null = null
  private rootKind: 'object' | 'array' | null = null
  private ndjson = false
  private readonly rootMembers: JsonObject = {}
  private collection: string | null = null
  private powerpipe: PowerpipeCollector | null = null
  private records = 0
  private continuationNoted = false
  private readonly irregularNoted = new Set<string>()
  wasTruncated = false

  constructor(
    private readonly file: string,
    private readonly events: RouterEvents,
    private readonly scoutPrefix: boolean
  ) {}

  container(path: readonly PathKey[], kind: 'object' | 'array', rootIndex: number): SplitDecision {
    if (path.length === 0) {
      if (rootIndex === 0) {
        this.rootKind = kind
        return 'split'
      }
      if (this.rootKind === 'array') {
        this.noteContinuation()
        return kind === 'array' ? 'split' : 'capture'
      }
      this.ndjson = true
      return 'capture'
    }
    if (path.length === 1 && rootIndex === 0 && this.rootKind === 'object') {
      const key = String(path[0])
      const lower = key.toLowerCase()
      if (kind === 'array' && lower === 'findings') return this.beginCollection(key, 'securityhub-asff')
      const configFormat = kind === 'array' ? CONFIG_COLLECTIONS[lower] : undefined
      if (configFormat) return this.beginCollection(key, configFormat)
      if (kind === 'object' && key === 'services' && this.looksLikeScoutSuite()) return this.beginCollection(key, 'scoutsuite')
      if (kind === 'array' && (key === 'groups' || key === 'controls') && field(this.rootMembers, 'group_id') !== undefined) {
        this.powerpipe ??= new PowerpipeCollector(this.events.sink)
        return this.beginCollection(key, 'powerpipe-hipaa')
      }
    }
    return 'capture'
  }

  value(path: readonly PathKey[], value: unknown, position: RecordPosition, rootIndex: number): void {
    if (path.length === 0) {
      if (rootIndex === 0) throw this.error('unknown-format', 'the file holds a single JSON value, not scanner findings', position)
      this.record(value, position)
      return
    }
    if (this.rootKind === 'array' && path.length === 1) {
      this.record(value, position)
      return
    }
    if (path.length === 1) {
      this.rootMembers[String(path[0])] = value
      return
    }
    if (path.length === 2 && this.collection !== null && path[0] === this.collection) {
      this.collectionRecord(String(path[1]), value, position)
      return
    }
    // Members of a split collection other than the records (cannot happen with the decisions above).
    throw this.error('unknown-format', `unexpected value at ${path.join('.')}`, position)
  }

  closed(path: readonly PathKey[], kind: 'object' | 'array', rootIndex: number): void {
    if (path.length === 0 && rootIndex === 0 && kind === 'object' && this.collection === null) {
      // A root object without any record collection is itself one record (one NDJSON line, or one finding).
      this.record(this.rootMembers, { offset: 0, element: 0 })
    }
  }

  stray(char: string, offset: number): void {
    if (this.rootKind === 'array') {
      this.noteContinuation()
      return
    }
    if (char === ';' && this.rootKind === 'object') return
    throw this.error('not-json', `unexpected '${char}' after the end of the JSON value`, { offset, element: this.records })
  }

  irregular(description: string, offset: number): void {
    if (this.irregularNoted.has(description)) return
    this.irregularNoted.add(description)
    this.events.sink.warn(`${description} at byte ${offset} was tolerated`)
  }

  truncated(info: { insideRecord: boolean; offset: number; path: readonly PathKey[]; element: number }): void {
    const tolerant = (this.rootKind === 'array' || this.ndjson) && STREAMED_FORMATS.has(this.format)
    if (!tolerant) {
      throw this.error('truncated', 'the file ends in the middle of the JSON (it was cut short)', { offset: info.offset, element: info.element })
    }
    this.wasTruncated = true
    if (info.insideRecord) {
      this.events.position({ offset: info.offset, element: info.element })
      this.events.sink.skip('incomplete record at the end of a cut-short file')
      this.events.sink.warn(
        'the file ends in the middle of a record (the scan was probably interrupted or the file cut short); only the whole records before it were read'
      )
    } else {
      this.events.sink.warn('the file ends without its closing bracket (the scan was probably interrupted); every whole record was read')
    }
  }

  /** Called once the whole stream is consumed. */
  finish(): FormatId {
    if (this.powerpipe && this.collection !== null) this.powerpipeRootRest(this.powerpipe)
    this.powerpipe?.flush()
    if (this.format) return this.format
    if (this.wasTruncated) throw this.error('truncated', 'the file ends before its first complete record', { offset: 0, element: 0 })
    if (this.rootKind === 'array') return (this.format = 'empty')
    const keys = Object.keys(this.rootMembers).slice(0, 8)
    throw this.error('unknown-format', `JSON of an unknown shape: top-level members ${keys.length ? keys.join(', ') : '(none)'}`, {
      offset: 0,
      element: 0
    })
  }

  // Only one root member is streamed as records: a root group holding both groups and controls
  // has the other member captured whole, read here so none of its results is lost.
  private powerpipeRootRest(powerpipe: PowerpipeCollector): void {
    const other = this.collection === 'groups' ? 'controls' : 'groups'
    if (field(this.rootMembers, other) === undefined) return
    const rest = { title: field(this.rootMembers, 'title'), tags: field(this.rootMembers, 'tags'), [other]: field(this.rootMembers, other) }
    powerpipe.group(rest, null, benchmarkOf(this.rootMembers))
  }

  private beginCollection(key: string, format: FormatId): SplitDecision {
    if (this.collection !== null && this.collection !== key) return 'capture'
    this.collection = key
    this.format ??= format
    return 'split'
  }

  private collectionRecord(memberKey: string, value: unknown, position: RecordPosition): void {
    this.events.position(position)
    this.records++
    const o = asObject(value)
    if (this.format === 'scoutsuite') {
      if (o) readScoutService(memberKey, o, this.scoutContext(), this.events.sink)
      return
    }
    if (!o) throw this.error('unknown-format', 'a record is not a JSON object', position)
    switch (this.format) {
      case 'securityhub-asff':
        return readAsff(o, this.events.sink, 'securityhub-asff')
      case 'awsconfig-rule-compliance':
        return readConfigRuleCompliance(o, this.events.sink)
      case 'awsconfig-evaluation-results':
        return readConfigEvaluation(o, this.events.sink, 'awsconfig-evaluation-results', null)
      case 'awsconfig-conformance-pack':
        return readConfigEvaluation(o, this.events.sink, 'awsconfig-conformance-pack', text(field(this.rootMembers, 'ConformancePackName')))
      case 'powerpipe-hipaa': {
        const rootCitation = groupCitation(this.rootMembers)
        const benchmark = benchmarkOf(this.rootMembers)
        if (this.collection === 'controls') this.powerpipe?.control(o, rootCitation, benchmark)
        else this.powerpipe?.group(o, rootCitation, benchmark)
        return
      }
      default:
        throw this.error('unknown-format', `unexpected record for ${this.format}`, position)
    }
  }

  private record(value: unknown, position: RecordPosition): void {
    this.events.position(position)
    this.records++
    const o = asObject(value)
    if (!o) throw this.error('unknown-format', `record ${position.element} is not a JSON object`, position)
    this.format ??= this.detect(o, position)
    const sink = this.events.sink
    switch (this.format) {
      case 'prowler-ocsf':
        return readProwlerOcsf(o, sink)
      case 'securityhub-ocsf':
        return isOcsf(o) && isProwlerOcsf(o) ? readProwlerOcsf(o, sink) : readSecurityhubOcsf(o, sink)
      case 'prowler-v3-json':
        return readProwlerV3(o, sink)
      case 'prowler-v2-ndjson':
        return readProwlerV2(o, sink)
      case 'prowler-asff':
      case 'securityhub-asff':
        return readAsff(o, sink, this.format)
      case 'powerpipe-hipaa':
        this.powerpipe ??= new PowerpipeCollector(sink)
        return this.powerpipe.group(o, null, null)
      default:
        throw this.error('unknown-format', `unexpected record for ${this.format}`, position)
    }
  }

  private detect(o: JsonObject, position: RecordPosition): FormatId {
    if (isOcsf(o)) return isProwlerOcsf(o) ? 'prowler-ocsf' : 'securityhub-ocsf'
    if (isProwlerV3(o)) return 'prowler-v3-json'
    if (isAsff(o)) return isProwlerAsff(o) ? 'prowler-asff' : 'securityhub-asff'
    if (isProwlerV2(o)) return 'prowler-v2-ndjson'
    if (isPowerpipeGroup(o)) return 'powerpipe-hipaa'
    const keys = Object.keys(o).slice(0, 8)
    throw this.error('unknown-format', `JSON of an unknown shape: the first record has members ${keys.join(', ') || '(none)'}`, position)
  }

  private looksLikeScoutSuite(): boolean {
    return this.scoutPrefix || field(this.rootMembers, 'provider_code') !== undefined || field(this.rootMembers, 'last_run') !== undefined
  }

  private scoutContext(): ScoutContext {
    const lastRun = child(this.rootMembers, 'last_run')
    // ScoutSuite writes "2021-10-01 20:47:09+0200".
    const time = text(field(lastRun, 'time'))
    const iso = time ? time.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2') : null
    return {
      provider: text(field(this.rootMembers, 'provider_code')),
      account: text(field(this.rootMembers, 'account_id')),
      version: text(field(lastRun, 'version')),
      observedAt: isoTime(iso)
    }
  }

  private noteContinuation(): void {
    if (this.continuationNoted) return
    this.continuationNoted = true
    this.events.sink.warn('records continue after the closing bracket of the array (a known Prowler output defect); they were read as well')
  }

  private error(code: ImportError['code'], detail: string, position: RecordPosition): ImportError {
    return new ImportError(code, this.file, detail, { offset: position.offset, element: position.element })
  }
}
