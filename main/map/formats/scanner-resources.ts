// The resources scanner findings are about, as assets of the map: which
// account and region, what type, and (where the scanner says, as Security Hub
// does in Resources[].Details.AwsEc2Instance.{VpcId,SubnetId}) which VPC and
// subnet. The store feeds this from the findings it keeps.

import type { ParsedInfrastructure } from '../model'
import { capName } from '../read/attributes'
import { accountZone, isEc2Id, parseArn } from '../read/keys'
import { linkRecords } from '../read/link'
import { resourceTypes, type ResourceTypeEntry } from '../read/resource-types'
import { newRecord, type SourceRecord } from '../read/source-record'

export interface ScannerResource {
  /** As the scanner wrote it: an ARN, an EC2 id, a bucket name. */
  resourceId: string | null
  resourceName?: string | null
  /** `AwsEc2Instance` (Security Hub, Prowler), `AWS::EC2::Instance` (AWS Config), `aws_instance`… */
  resourceType: string | null
  account: string | null
  region: string | null
  vpcId?: string | null
  subnetId?: string | null
}

const ACCOUNT_TYPES = /^(AwsAccount|AWS::::Account|Account|aws_account)$/i

export function assetsFromScannerResources(resources: Iterable<ScannerResource>): ParsedInfrastructure {
  const records = new Map<string, SourceRecord>()
  const zones = new Map<string, SourceRecord>()
  const accountsOnly = new Set<string>()
  const zone = (id: string, kind: 'vpc' | 'subnet', resource: ScannerResource, vpcId: string | null): void => {
    let record = zones.get(id)
    if (!record) {
      record = newRecord({
        handle: id,
        name: id,
        resourceType: kind === 'vpc' ? 'AwsEc2Vpc' : 'AwsEc2Subnet',
        entry: resourceTypes().byName('asff', kind === 'vpc' ? 'AwsEc2Vpc' : 'AwsEc2Subnet')
      })
      record.realIds = [id]
      record.placeholder = true
      record.account = resource.account
      record.region = resource.region
      zones.set(id, record)
    }
    if (vpcId && !record.facts.some(f => f.fact === 'in')) record.facts.push({ fact: 'in', ref: { to: vpcId } })
  }
  for (const resource of resources) {
    const id = resource.resourceId?.trim() || resource.resourceName?.trim()
    if (!id) continue
    if (ACCOUNT_TYPES.test(resource.resourceType ?? '') || id.startsWith('AWS::::Account') || id === resource.account) {
      if (resource.account) accountsOnly.add(resource.account)
      continue
    }
    const arn = parseArn(id)
    let record = records.get(id)
    if (!record) {
      const entry = entryOf(resource.resourceType, id)
      record = newRecord({
        handle: id,
        name: resource.resourceName?.trim() || nameOf(id),
        resourceType: resource.resourceType ?? entry?.row.asff?.[0] ?? 'unknown',
        entry
      })
      record.arn = arn ? id : null
      record.realIds = [id]
      record.account = resource.account ?? (arn?.account || null)
      record.region = resource.region ?? (arn?.region || null)
      records.set(id, record)
    }
    const vpcId = resource.vpcId?.trim() || null
    const subnetId = resource.subnetId?.trim() || null
    if (vpcId) zone(vpcId, 'vpc', resource, null)
    if (subnetId) zone(subnetId, 'subnet', resource, vpcId)
    for (const place of [subnetId, vpcId])
      if (place && !record.facts.some(f => f.fact === 'in' && f.ref.to === place)) record.facts.push({ fact: 'in', ref: { to: place } })
  }
  const result = linkRecords([...zones.values(), ...records.values()], {
    file: 'scanner findings',
    format: 'scanner-resources',
    family: 'asff',
    localPrefix: 'scanner'
  })
  for (const account of accountsOnly) {
    const zone = accountZone(account)
    if (!result.zones.some(z => z.key === zone.key)) result.zones.push(zone)
  }
  return result
}

/** The type as any scanner spells it, else what the ARN or EC2 id says, else unknown ('other'). */
function entryOf(type: string | null, id: string): ResourceTypeEntry | undefined {
  if (type) {
    const table = resourceTypes()
    const entry = table.byName('asff', type) ?? table.byName('config', type) ?? table.byName('terraform', type)
    if (entry) return entry
  }
  const arn = parseArn(id)
  if (arn) return resourceTypes().byArn(arn.service, arn.resourceType)
  if (isEc2Id(id)) {
    const prefix = id.slice(0, id.lastIndexOf('-'))
    const asff: Record<string, string> = { i: 'AwsEc2Instance', sg: 'AwsEc2SecurityGroup', vol: 'AwsEc2Volume', eni: 'AwsEc2NetworkInterface' }
    return asff[prefix] ? resourceTypes().byName('asff', asff[prefix]) : undefined
  }
  return undefined
}

function nameOf(id: string): string {
  const arn = parseArn(id)
  return capName(arn ? (arn.resource.split(/[/:]/).pop() ?? id) : id)
}
