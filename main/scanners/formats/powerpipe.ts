// Steampipe/Powerpipe benchmark JSON export, of the HIPAA benchmark or any other. Controls
// carry no HIPAA id: the item comes from the nearest enclosing group whose tags or title name
// a specification, else from our Steampipe control table. One control appears under several
// items, so results are merged by finding key and written out when the file ends. Every
// result is kept; what ties to no specification is counted per benchmark and said in a warning.

import type { FindingStatus, NormalizedFinding } from '../finding.types'
import { citationFromId } from '../mapping/citation'
import { steampipeControlCitations } from '../mapping/tables'
import { asArray, asObject, child, field, findingKey, MissingFieldError, severityOf, text, type JsonObject } from './fields'
import type { RecordSink } from './record-sink'

export function isPowerpipeGroup(o: JsonObject): boolean {
  return field(o, 'group_id') !== undefined && (field(o, 'groups') !== undefined || field(o, 'controls') !== undefined)
}

// Every Powerpipe status has its own (migration 0013 added 'skipped').
const RESULT_STATUS: Record<string, FindingStatus> = {
  ok: 'passed',
  alarm: 'failed',
  info: 'info',
  error: 'error',
  skip: 'skipped'
}

/** The root of an export wraps the benchmarks run; any other group id is the benchmark itself. */
const ROOT_GROUP_ID = 'root_result_group'

export function benchmarkOf(group: JsonObject): string | null {
  const id = text(field(group, 'group_id'))
  return id === ROOT_GROUP_ID ? null : id
}

/** The specification a benchmark group stands for, from its item-id tag or its title. */
export function groupCitation(group: JsonObject): string | null {
  const tags = child(group, 'tags')
  if (tags) {
    for (const key of Object.keys(tags)) {
      if (!key.endsWith('_item_id')) continue
      const c = citationFromId(String(tags[key]))
      if (c) return c
    }
  }
  const title = text(field(group, 'title'))
  const m = title ? /^164\.3\d\d(?:\([A-Za-z0-9]+\))+/.exec(title) : null
  return m ? m[0] : null
}

interface ControlResult {
  status: FindingStatus
  detail: string | null
  account: string | null
  region: string | null
  resourceId: string | null
}

export class PowerpipeCollector {
  private readonly byKey = new Map<string, NormalizedFinding>()
  /** The benchmark each finding was first met under, for the unmapped-results warning. */
  private readonly benchmarkOfKey = new Map<string, string | null>()

  constructor(private readonly sink: RecordSink) {}

  /** A group (or the root's own controls) with the citation and benchmark inherited from its ancestors. */
  group(group: JsonObject, inherited: string | null, benchmark: string | null): void {
    const citation = groupCitation(group) ?? inherited
    const within = benchmark ?? benchmarkOf(group)
    for (const sub of asArray(field(group, 'groups'))) {
      const o = asObject(sub)
      if (o) this.group(o, citation, within)
    }
    for (const control of asArray(field(group, 'controls'))) {
      const o = asObject(control)
      if (o) this.control(o, citation, within)
    }
  }

  control(control: JsonObject, citation: string | null, benchmark: string | null): void {
    const controlId = text(field(control, 'control_id'))
    if (!controlId) throw new MissingFieldError('control_id', 'powerpipe-hipaa')
    const checkId = controlId.replace(/^.*\.control\./, '')
    const results = asArray(field(control, 'results'))
    // A control that failed to run has no results, only its run_error: kept as one error finding.
    const runError = text(field(control, 'run_error'))
    if (results.length === 0 && runError) {
      const detail = `Powerpipe could not run the control: ${runError}`
      this.keep(control, checkId, citation, benchmark, { status: 'error', detail, account: null, region: null, resourceId: null })
    }
    for (const r of results) {
      const result = asObject(r)
      if (!result) continue
      const status = text(field(result, 'status')) ?? ''
      const mapped = Object.prototype.hasOwnProperty.call(RESULT_STATUS, status) ? RESULT_STATUS[status] : undefined
      if (!mapped) throw new MissingFieldError('results[].status', 'powerpipe-hipaa')
      const reason = text(field(result, 'reason'))
      let account: string | null = null
      let region: string | null = null
      for (const d of asArray(field(result, 'dimensions'))) {
        const dim = asObject(d)
        const key = text(field(dim, 'key'))
        if (key === 'account_id') account = text(field(dim, 'value'))
        else if (key === 'region') region = text(field(dim, 'value'))
      }
      this.keep(control, checkId, citation, benchmark, {
        status: mapped,
        detail: reason,
        account,
        region,
        resourceId: text(field(result, 'resource'))
      })
    }
  }

  private keep(control: JsonObject, checkId: string, citation: string | null, benchmark: string | null, result: ControlResult): void {
    const { account, region, resourceId } = result
    const key = findingKey('powerpipe', account, region, checkId, resourceId)
    const existing = this.byKey.get(key)
    if (existing) {
      if (citation && !existing.citations.includes(citation)) existing.citations.push(citation)
      return
    }
    const citations = citation ? [citation] : [...steampipeControlCitations(checkId)]
    this.benchmarkOfKey.set(key, benchmark)
    this.byKey.set(key, {
      format: 'powerpipe-hipaa',
      scanner: 'powerpipe',
      scannerVersion: null,
      checkId,
      title: text(field(control, 'title')) ?? checkId,
      status: result.status,
      muted: false,
      severity: severityOf(field(control, 'severity')),
      statusDetail: result.detail,
      resourceId,
      resourceName: null,
      resourceType: null,
      account,
      region,
      remediationText: null,
      remediationUrl: null,
      observedAt: null,
      itemCount: 1,
      findingKey: key,
      citations,
      citationSource: citation ? 'file' : citations.length ? 'table' : 'none'
    })
  }

  flush(): void {
    const unmapped = new Map<string, { results: number; controls: Set<string> }>()
    for (const [key, f] of this.byKey) {
      this.sink.add(f)
      if (f.citations.length) continue
      const benchmark = this.benchmarkOfKey.get(key) ?? '(unnamed)'
      const entry = unmapped.get(benchmark) ?? { results: 0, controls: new Set<string>() }
      entry.results++
      entry.controls.add(f.checkId)
      unmapped.set(benchmark, entry)
      this.sink.unmapped(f.checkId, unmappedBecause(benchmark))
    }
    if (this.byKey.size === 0)
      this.sink.warn('the benchmark export holds no control results (no control ran, or every control has an empty result list)')
    for (const [benchmark, { results, controls }] of unmapped) {
      const one = results === 1
      this.sink.warn(
        `${plural(results, 'result')} of ${plural(controls.size, 'control')} ${one ? 'is' : 'are'} not tied to a HIPAA specification: ${unmappedBecause(benchmark)}; ${one ? 'it was' : 'they were'} kept`
      )
    }
    this.byKey.clear()
    this.benchmarkOfKey.clear()
  }
}

function unmappedBecause(benchmark: string): string {
  return /hipaa/i.test(benchmark)
    ? `benchmark ${benchmark} has no group naming a specification above these controls, and Safeguard's Steampipe control table has no entry for them`
    : `benchmark ${benchmark} is not the HIPAA benchmark; its controls have no mapping (none is in Safeguard's Steampipe HIPAA control table)`
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
