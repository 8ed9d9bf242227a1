// ScoutSuite results: per rule, the paths of the flagged items and a checked count.
// There is no per-resource pass record, so passes are one record standing for
// checked - flagged items. Flagged paths are resolved in the service's own tree.
// Counts are kept in ScoutSuite's unit, the checked item: a failed record stands for
// every flagged item that resolved to its resource, so failed + passed = checked.

import { scoutsuiteRuleCitations } from '../mapping/tables'
import { asArray, asObject, child, field, findingKey, severityOf, text, type JsonObject } from './fields'
import type { RecordSink } from './record-sink'

export interface ScoutContext {
  /** provider_code: aws, azure, gcp... (the rule tables are per provider). */
  provider: string | null
  account: string | null
  version: string | null
  observedAt: string | null
}

export function readScoutService(serviceName: string, service: JsonObject, context: ScoutContext, sink: RecordSink): void {
  const findings = child(service, 'findings')
  if (!findings) return
  for (const ruleKey of Object.keys(findings)) {
    const rule = asObject(findings[ruleKey])
    if (!rule) continue
    const checked = numberOf(field(rule, 'checked_items'))
    const items = asArray(field(rule, 'items')).filter((i): i is string => typeof i === 'string')
    const flagged = Math.max(numberOf(field(rule, 'flagged_items')), items.length)
    if (checked === 0 && flagged === 0) {
      sink.skip('ScoutSuite rule checked no resources')
      continue
    }
    const citations = [...scoutsuiteRuleCitations(ruleKey, context.provider)]
    const base = {
      format: 'scoutsuite' as const,
      scanner: 'scoutsuite',
      scannerVersion: context.version,
      checkId: ruleKey,
      title: text(field(rule, 'description')) ?? ruleKey,
      muted: false,
      severity: severityOf(field(rule, 'level')),
      remediationText: text(field(rule, 'remediation')),
      remediationUrl: asArray(field(rule, 'references')).find((r): r is string => typeof r === 'string') ?? null,
      observedAt: context.observedAt,
      account: context.account,
      citations,
      citationSource: citations.length ? ('table' as const) : ('none' as const)
    }
    // Several flagged paths can point into one resource (ingress and egress rules of a group):
    // one record for the resource, standing for each of its flagged items.
    const byResource = new Map<string, { resource: ResolvedResource; items: string[] }>()
    for (const item of items) {
      const resource = resolveItem(serviceName, service, item)
      const key = findingKey('scoutsuite', context.account, resource.region, ruleKey, resource.id)
      const entry = byResource.get(key)
      if (entry) entry.items.push(item)
      else byResource.set(key, { resource, items: [item] })
    }
    for (const [key, { resource, items: paths }] of byResource) {
      sink.add({
        ...base,
        status: 'failed',
        statusDetail: paths.length === 1 ? (paths[0] as string) : `${paths.length} flagged items: ${paths.join(', ')}`,
        resourceId: resource.id,
        resourceName: resource.name,
        resourceType: resource.type,
        region: resource.region,
        itemCount: paths.length,
        findingKey: key
      })
    }
    // flagged_items above the paths listed: still failures ScoutSuite counted, on resources it did not name.
    if (flagged > items.length) {
      sink.add({
        ...base,
        status: 'failed',
        statusDetail: `${flagged - items.length} flagged items ScoutSuite counted without listing them`,
        resourceId: null,
        resourceName: null,
        resourceType: null,
        region: null,
        itemCount: flagged - items.length,
        findingKey: findingKey('scoutsuite', context.account, null, ruleKey, '(flagged, not listed)')
      })
    }
    const passed = checked - flagged
    if (passed > 0) {
      sink.add({
        ...base,
        status: 'passed',
        statusDetail: `${passed} of ${checked} checked items passed`,
        resourceId: null,
        resourceName: null,
        resourceType: null,
        region: null,
        itemCount: passed,
        findingKey: findingKey('scoutsuite', context.account, null, ruleKey, '(passed)')
      })
    }
  }
}

function numberOf(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? Math.floor(v) : 0
}

interface ResolvedResource {
  id: string
  name: string | null
  type: string | null
  region: string | null
}

/**
 * Walks a flagged path such as "s3.buckets.<hash>.default_encryption_enabled" or
 * "ec2.regions.eu-west-1.vpcs.vpc-1.security_groups.sg-2.rules.ingress" down the
 * service tree, keeping the deepest node that names a resource (arn, id or name).
 */
function resolveItem(serviceName: string, service: JsonObject, item: string): ResolvedResource {
  const parts = item.split('.')
  let node: JsonObject | null = service
  let region: string | null = null
  let best: ResolvedResource = { id: item, name: null, type: null, region: null }
  const start = parts[0] === serviceName ? 1 : 0
  for (let i = start; i < parts.length && node; i++) {
    const key = parts[i] as string
    const next = asObject(field(node, key))
    if (parts[i - 1] === 'regions') region = key
    if (next && i > start) {
      const collection = parts[i - 1] as string
      const arn = text(field(next, 'arn'))
      const id = text(field(next, 'id'))
      const name = text(field(next, 'name'))
      if ((arn || id || name) && collection !== 'regions') {
        best = {
          id: arn ?? id ?? name ?? item,
          name: name ?? id,
          type: `${serviceName}.${collection}`,
          region: text(field(next, 'region')) ?? region
        }
      }
    }
    node = next
  }
  if (best.region === null) best.region = region
  if (best.id === item && region) best.name = `${parts.slice(start).join('.')}`
  return best
}
