// Steampipe/Powerpipe benchmark JSON export. Controls carry no HIPAA id: the item
// comes from the nearest enclosing group whose tags or title name a specification.
// One control appears under several items, so results are merged by finding key
// and written out when the file ends.

import type { FindingStatus, NormalizedFinding } from '../finding.types'
import { citationFromId } from '../mapping/citation'
import { steampipeControlCitations } from '../mapping/tables'
import { asArray, asObject, child, field, findingKey, MissingFieldError, severityOf, text, type JsonObject } from './fields'
import type { RecordSink } from './record-sink'

export function isPowerpipeGroup(o: JsonObject): boolean {
  return field(o, 'group_id') !== undefined && (field(o, 'groups') !== undefined || field(o, 'controls') !== undefined)
}

const RESULT_STATUS: Record<string, FindingStatus | 'skip'> = {
  ok: 'passed',
  alarm: 'failed',
  info: 'info',
  error: 'error',
  skip: 'skip'
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

export class PowerpipeCollector {
  private readonly byKey = new Map<string, NormalizedFinding>()

  constructor(private readonly sink: RecordSink) {}

  /** A group (or the root's own controls) with the citation inherited from its ancestors. */
  group(group: JsonObject, inherited: string | null): void {
    const citation = groupCitation(group) ?? inherited
    for (const sub of asArray(field(group, 'groups'))) {
      const o = asObject(sub)
      if (o) this.group(o, citation)
    }
    for (const control of asArray(field(group, 'controls'))) {
      const o = asObject(control)
      if (o) this.control(o, citation)
    }
  }

  control(control: JsonObject, citation: string | null): void {
    const controlId = text(field(control, 'control_id'))
    if (!controlId) throw new MissingFieldError('control_id', 'powerpipe-hipaa')
    const checkId = controlId.replace(/^.*\.control\./, '')
    for (const r of asArray(field(control, 'results'))) {
      const result = asObject(r)
      if (!result) continue
      const mapped = RESULT_STATUS[text(field(result, 'status')) ?? '']
      if (!mapped) throw new MissingFieldError('results[].status', 'powerpipe-hipaa')
      if (mapped === 'skip') {
        this.sink.skip('control skipped by Powerpipe')
        continue
      }
      let account: string | null = null
      let region: string | null = null
      for (const d of asArray(field(result, 'dimensions'))) {
        const dim = asObject(d)
        const key = text(field(dim, 'key'))
        if (key === 'account_id') account = text(field(dim, 'value'))
        else if (key === 'region') region = text(field(dim, 'value'))
      }
      const resourceId = text(field(result, 'resource'))
      const key = findingKey('powerpipe', account, region, checkId, resourceId)
      const existing = this.byKey.get(key)
      if (existing) {
        if (citation && !existing.citations.includes(citation)) existing.citations.push(citation)
        continue
      }
      const citations = citation ? [citation] : [...steampipeControlCitations(checkId)]
      this.byKey.set(key, {
        format: 'powerpipe-hipaa',
        scanner: 'powerpipe',
        scannerVersion: null,
        checkId,
        title: text(field(control, 'title')) ?? checkId,
        status: mapped,
        muted: false,
        severity: severityOf(field(control, 'severity')),
        statusDetail: text(field(result, 'reason')),
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
  }

  flush(): void {
    for (const f of this.byKey.values()) this.sink.add(f)
    this.byKey.clear()
  }
}
