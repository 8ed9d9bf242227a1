// Configuration items as source records. Placement and wiring come from the
// relationships ("Is contained in Vpc", "Is associated with SecurityGroup") and,
// where an item has none (batch-get output) or they leave something out (RDS
// placement), from the item's own configuration. Resources only named in a
// relationship are drawn from their type and id.

import { shownAttributes } from '../attributes'
import { asList, asMap, asText, isMap, own, type JsonMap } from '../document'
import { parseArn } from '../keys'
import { resourceTypes } from '../resource-types'
import { evaluateChecks, plainSettings } from '../settings'
import { newRecord, type Fact, type Ref, type RouteVia, type SourceRecord } from '../source-record'
import { ingressLabel, routeVia } from '../wiring-labels'
import type { ConfigItem, ConfigRelationship } from './config-item'

export const configHandle = (type: string, id: string): string => `${type}:${id}`

export class ConfigRecordBuilder {
  private readonly records = new Map<string, SourceRecord>()
  private readonly stubs = new Map<string, SourceRecord>()
  readonly unusedRelationships = new Map<string, number>()

  add(item: ConfigItem): void {
    const handle = configHandle(item.resourceType, item.resourceId)
    const entry = resourceTypes().byName('config', item.resourceType)
    const record = newRecord({ handle, name: item.resourceName ?? item.resourceId, resourceType: item.resourceType, entry })
    const arn = item.arn && parseArn(item.arn) ? item.arn : null
    record.arn = arn
    record.realIds = [item.resourceId, item.resourceName ?? '', item.arn ?? ''].filter(Boolean)
    record.account = item.account
    record.region = item.region
    const settingsRoot = Object.assign(Object.create(null) as JsonMap, item.configuration, { supplementaryConfiguration: item.supplementary })
    const settings = plainSettings(settingsRoot)
    record.cidr = asText(own(item.configuration, 'cidrBlock')) ?? null
    record.attributes = shownAttributes(item.configuration)
    const encryption = entry?.row.encryptedAtRest
    record.encryptedAtRest = encryption && 'always' in encryption ? true : evaluateChecks(encryption?.config, settings)
    record.publicAccess = evaluateChecks(entry?.row.publicAccess?.config, settings)
    record.facts = [...this.relationshipFacts(item, record), ...configurationFacts(item)]
    if (record.entry.role !== 'zone') this.subnetsInVpc(item, record.facts)
    this.records.set(handle, record)
  }

  /** Every record: the items, then what only their relationships name. */
  all(): SourceRecord[] {
    return [...this.records.values(), ...[...this.stubs.values()].filter(s => !this.records.has(s.handle))]
  }

  private stub(item: ConfigItem, related: { resourceType: string; resourceId: string }): Ref {
    const handle = configHandle(related.resourceType, related.resourceId)
    if (!this.stubs.has(handle)) {
      const entry = resourceTypes().byName('config', related.resourceType)
      const stub = newRecord({ handle, name: related.resourceId, resourceType: related.resourceType, entry })
      stub.realIds = [related.resourceId]
      stub.account = item.account
      stub.region = item.region
      stub.placeholder = true
      this.stubs.set(handle, stub)
    }
    return { to: handle }
  }

  private relationshipFacts(item: ConfigItem, record: SourceRecord): Fact[] {
    const facts: Fact[] = []
    const self: Ref = { to: record.handle }
    const isZone = record.entry.role === 'zone'
    for (const rel of item.relationships) {
      const type = rel.resourceType.toLowerCase()
      const fact = relationshipFact(rel, type, isZone, record.entry.assetKind === 'security-group', () => this.stub(item, rel), self)
      if (fact === 'unused') {
        this.unusedRelationships.set(rel.name, (this.unusedRelationships.get(rel.name) ?? 0) + 1)
        continue
      }
      if (fact === null) continue
      // A subnet named by "Contains Subnet" learns its VPC from the VPC's item.
      if (fact.fact === 'places' && type === 'aws::ec2::subnet') {
        this.stubs.get(fact.what.to)?.facts.push({ fact: 'in', ref: self })
        continue
      }
      facts.push(fact)
    }
    // Contained in a subnet and in a VPC: the subnet is in that VPC.
    const subnets = item.relationships.filter(r => r.resourceType.toLowerCase() === 'aws::ec2::subnet' && /contained in|attached to/.test(r.name))
    const vpc = item.relationships.find(r => r.resourceType.toLowerCase() === 'aws::ec2::vpc' && r.name.includes('contained in'))
    if (vpc)
      for (const subnet of subnets)
        this.stubs.get(configHandle(subnet.resourceType, subnet.resourceId))?.facts.push({ fact: 'in', ref: this.stub(item, vpc) })
    return facts
  }

  /** The configuration's vpcId beside the subnets it places the item in: those subnets are in that VPC. */
  private subnetsInVpc(item: ConfigItem, facts: Fact[]): void {
    const c = item.configuration
    const vpcId = asText(own(c, 'vpcId')) ?? asText(own(asMap(own(c, 'dBSubnetGroup')), 'vpcId')) ?? asText(own(asMap(own(c, 'vpcConfig')), 'vpcId'))
    if (!vpcId) return
    for (const fact of facts) {
      if (fact.fact !== 'in' || !fact.ref.to.startsWith('subnet-')) continue
      const ref = this.stub(item, { resourceType: 'AWS::EC2::Subnet', resourceId: fact.ref.to })
      const stub = this.stubs.get(ref.to)
      if (stub && !stub.facts.some(f => f.fact === 'in')) stub.facts.push({ fact: 'in', ref: { to: vpcId } })
    }
  }
}

function relationshipFact(
  rel: ConfigRelationship,
  type: string,
  isZone: boolean,
  isGroup: boolean,
  stub: () => Ref,
  self: Ref
): Fact | 'unused' | null {
  const name = rel.name
  const zoneType = type === 'aws::ec2::vpc' || type === 'aws::ec2::subnet'
  if (/^is (contained in|attached to|associated with) (vpc|subnet)$/.test(name) && zoneType) return { fact: 'in', ref: stub() }
  if (name.startsWith('contains ') && isZone) return { fact: 'places', what: stub(), in: self }
  if (name === 'is attached to internetgateway' || name === 'is attached to vpngateway') return { fact: 'places', what: stub(), in: self }
  if (name === 'is associated with securitygroup' && !isGroup) return { fact: 'security-group', ref: stub() }
  if (/^(is attached to volume|attached volume)$/.test(name))
    return { fact: 'flow', from: self, to: stub(), kind: 'reference', label: 'attached volume', encrypted: null }
  if (/^(is attached to instance|attached to instance)$/.test(name) && type === 'aws::ec2::instance') {
    return { fact: 'flow', from: stub(), to: self, kind: 'reference', label: 'attached volume', encrypted: null }
  }
  if (name === 'is associated with kmskey' || name === 'is associated with key') return { fact: 'reference', ref: stub(), label: 'encryption key' }
  // Placement an item's configuration also gives, parts already read from it, and identities: nothing more to draw.
  if (/dbsubnetgroup|networkinterface|networkacl|routetable|role|securitygroup|instanceprofile|volume|instance|eip/.test(name)) return null
  return 'unused'
}

function dbSubnets(configuration: JsonMap): string[] {
  return asList(own(asMap(own(configuration, 'dBSubnetGroup')), 'subnets')).flatMap(s => {
    const id = asText(own(asMap(s), 'subnetIdentifier'))
    return id ? [id] : []
  })
}

const refs = (values: unknown[]): Ref[] => values.filter((v): v is string => typeof v === 'string' && v !== '').map(to => ({ to }))

/** Wiring read from the item's configuration (camelCase, as the service's API describes the resource). */
function configurationFacts(item: ConfigItem): Fact[] {
  const c = item.configuration
  const facts: Fact[] = []
  const type = item.resourceType.toLowerCase()
  const text = (v: unknown) => asText(v) ?? null
  const place = (...ids: unknown[]) => refs(ids).forEach(ref => facts.push({ fact: 'in', ref }))
  const groups = (...ids: unknown[]) => refs(ids).forEach(ref => facts.push({ fact: 'security-group', ref }))
  switch (type) {
    case 'aws::ec2::instance':
      groups(...asList(own(c, 'securityGroups')).map(g => own(asMap(g), 'groupId')))
      for (const mapping of asList(own(c, 'blockDeviceMappings'))) {
        const volume = text(own(asMap(own(asMap(mapping), 'ebs')), 'volumeId'))
        if (volume) facts.push({ fact: 'flow', from: 'self', to: { to: volume }, kind: 'reference', label: 'attached volume', encrypted: null })
      }
      break
    case 'aws::ec2::volume':
      for (const attachment of asList(own(c, 'attachments'))) {
        const instance = text(own(asMap(attachment), 'instanceId'))
        if (instance) facts.push({ fact: 'flow', from: { to: instance }, to: 'self', kind: 'reference', label: 'attached volume', encrypted: null })
      }
      break
    case 'aws::rds::dbinstance':
    case 'aws::rds::dbcluster':
      place(...dbSubnets(c))
      groups(...asList(own(c, 'vpcSecurityGroups')).map(g => own(asMap(g), 'vpcSecurityGroupId')))
      for (const key of refs([own(c, 'kmsKeyId')])) facts.push({ fact: 'reference', ref: key, label: 'encryption key' })
      break
    case 'aws::elasticloadbalancingv2::loadbalancer':
      place(...asList(own(c, 'availabilityZones')).map(z => own(asMap(z), 'subnetId')))
      groups(...asList(own(c, 'securityGroups')))
      break
    case 'aws::elasticloadbalancing::loadbalancer':
      place(...asList(own(c, 'subnets')))
      groups(...asList(own(c, 'securityGroups')))
      for (const instance of asList(own(c, 'instances'))) {
        const id = text(own(asMap(instance), 'instanceId'))
        if (id) facts.push({ fact: 'flow', from: 'self', to: { to: id }, kind: 'load-balancer-target', label: '', encrypted: null })
      }
      for (const description of asList(own(c, 'listenerDescriptions'))) {
        const listener = asMap(own(asMap(description), 'listener'))
        const protocol = text(own(listener, 'protocol'))
        const backend = text(own(listener, 'instanceProtocol'))
        const backendPort = text(own(listener, 'instancePort'))
        if (protocol) facts.push({ fact: 'listener', protocol, ...(backend ? { backend } : {}), ...(backendPort ? { backendPort } : {}) })
      }
      break
    case 'aws::lambda::function':
      place(...asList(own(asMap(own(c, 'vpcConfig')), 'subnetIds')))
      groups(...asList(own(asMap(own(c, 'vpcConfig')), 'securityGroupIds')))
      break
    case 'aws::ec2::securitygroup':
      for (const permission of asList(own(c, 'ipPermissions'))) {
        const p = asMap(permission)
        const label = ingressLabel(own(p, 'ipProtocol'), own(p, 'fromPort'), own(p, 'toPort'))
        const cidrs = [...asList(own(p, 'ipRanges')), ...asList(own(p, 'ipv4Ranges')), ...asList(own(p, 'ipv6Ranges'))]
          .map(r => (typeof r === 'string' ? r : (asText(own(asMap(r), 'cidrIp')) ?? asText(own(asMap(r), 'cidrIpv6')))))
          .filter((r): r is string => !!r)
        for (const cidr of new Set(cidrs)) facts.push({ fact: 'ingress', group: 'self', from: null, cidr, label })
        for (const pair of asList(own(p, 'userIdGroupPairs'))) {
          const group = text(own(asMap(pair), 'groupId'))
          if (group) facts.push({ fact: 'ingress', group: 'self', from: { to: group }, cidr: null, label })
        }
      }
      break
    case 'aws::ec2::internetgateway':
      place(...asList(own(c, 'attachments')).map(a => own(asMap(a), 'vpcId')))
      break
    case 'aws::ec2::routetable':
      for (const association of asList(own(c, 'associations'))) {
        const subnet = text(own(asMap(association), 'subnetId'))
        if (subnet) facts.push({ fact: 'route-association', table: 'self', subnet: { to: subnet } })
      }
      for (const route of asList(own(c, 'routes')).filter(isMap)) routeFacts(route, facts)
      break
    case 'aws::ec2::vpcpeeringconnection': {
      const vpc = text(own(asMap(own(c, 'requesterVpcInfo')), 'vpcId'))
      const peer = text(own(asMap(own(c, 'accepterVpcInfo')), 'vpcId'))
      if (vpc && peer) facts.push({ fact: 'peering', vpc: { to: vpc }, peer: { to: peer } })
      break
    }
    case 'aws::ec2::transitgatewayattachment': {
      const gateway = text(own(c, 'transitGatewayId'))
      const vpc = text(own(c, 'resourceType')) === 'vpc' ? text(own(c, 'resourceId')) : null
      if (gateway) facts.push({ fact: 'attachment', gateway: { to: gateway }, vpc: vpc ? { to: vpc } : null, subnets: [], label: 'attachment' })
      break
    }
  }
  // Most items say where they sit in these two words; a VPC's vpcId is itself, a subnet's subnetId too.
  if (type !== 'aws::ec2::vpc') place(own(c, 'vpcId'))
  if (type !== 'aws::ec2::subnet' && type !== 'aws::ec2::routetable') place(own(c, 'subnetId'))
  return facts
}

function routeFacts(route: JsonMap, facts: Fact[]): void {
  const destination =
    asText(own(route, 'destinationCidrBlock')) ??
    asText(own(route, 'destinationIpv6CidrBlock')) ??
    asText(own(route, 'destinationPrefixListId')) ??
    null
  const targets: [string, RouteVia][] = [
    ['gatewayId', 'internet-gateway'],
    ['egressOnlyInternetGatewayId', 'internet-gateway'],
    ['natGatewayId', 'nat'],
    ['transitGatewayId', 'transit-gateway'],
    ['vpcPeeringConnectionId', 'peering'],
    ['instanceId', 'instance'],
    ['networkInterfaceId', 'instance']
  ]
  for (const [name, fallback] of targets) {
    const target = asText(own(route, name))
    // `local` is the VPC itself.
    if (!target || target === 'local') continue
    facts.push({ fact: 'route', table: 'self', destination, target: { to: target }, via: routeVia(name, target, fallback) })
  }
}
