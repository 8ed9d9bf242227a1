// Turns the records a format read into the map: assets, zones and flows. The
// AWS meaning of each fact lives here, once for every format: what a security
// group rule lets through, where a route leads, what a target group serves.

import type { AssetKind, FlowKind, InfrastructureFormatId, ParsedAsset, ParsedFlow, ParsedInfrastructure, ParsedZone } from '../model'
import { capName } from './attributes'
import { InfrastructureImportError } from './import-error'
import { accountKey, accountZone, assetKeyOf, boundedKey, INTERNET_KEY, isEc2Id, parseArn, zoneKeyOfId } from './keys'
import { resourceTypes, type ResourceTypeEntry, type SpellingFamily } from './resource-types'
import type { Fact, Ref, SourceRecord } from './source-record'

export interface LinkOptions {
  file: string
  format: InfrastructureFormatId
  /** How the format spells types, for what the linker draws from an id alone. */
  family: SpellingFamily
  /** Prefix of keys for what only this file names: 'tf', 'cfn', 'config'. */
  localPrefix: string
  warnings?: string[]
  signal?: AbortSignal
  onProgress?: (linked: number, total: number) => void
}

/** A fact with the record that wrote it and the records its `self` stands for. */
interface PlacedFact {
  fact: Fact
  carrier: SourceRecord
  owners: SourceRecord[]
}

const INTERNET_CIDRS = new Set(['0.0.0.0/0', '::/0'])
const SKIPPED_REFERENCE_KINDS = new Set<AssetKind>(['identity', 'security-group'])
const PROGRESS_EVERY = 500
/** A security group rule joining more member pairs than this is drawn between the groups themselves. */
const MAX_PAIRS_PER_RULE = 2500

export function linkRecords(records: readonly SourceRecord[], options: LinkOptions): ParsedInfrastructure {
  return new Linker(records, options).link()
}

class Linker {
  private readonly byHandle = new Map<string, SourceRecord>()
  private readonly byId = new Map<string, SourceRecord[]>()
  private readonly zones = new Map<string, ParsedZone>()
  private readonly assets = new Map<string, ParsedAsset>()
  private readonly flows = new Map<string, ParsedFlow>()
  /** Flows between two nodes in either direction, so a reference is not drawn beside real wiring. */
  private readonly joined = new Set<string>()
  private readonly nodeKeys = new Map<SourceRecord, string[]>()
  private readonly parents = new Map<SourceRecord, SourceRecord[]>()
  private readonly placed: PlacedFact[] = []
  private readonly attachedTo = new Map<string, Set<string>>()
  private readonly warnings: string[]
  private readonly dangling = new Set<string>()
  private unresolved = 0
  private crowdedRules = 0
  private readonly unknownTypes = new Set<string>()

  constructor(
    private readonly records: readonly SourceRecord[],
    private readonly options: LinkOptions
  ) {
    this.warnings = [...(options.warnings ?? [])]
  }

  link(): ParsedInfrastructure {
    this.index()
    this.readZones()
    this.adoptParts()
    this.readAssets()
    this.placeFacts()
    this.placeAssets()
    this.attachSecurityGroups()
    this.parentSubnetsBySecurityGroups()
    this.readIngress()
    this.readLoadBalancing()
    this.readFlows()
    this.readRoutes()
    this.readReferences()
    this.finishAccounts()
    this.summarize()
    return {
      format: this.options.format,
      assets: [...this.assets.values()],
      zones: [...this.zones.values()],
      flows: [...this.flows.values()],
      warnings: this.warnings
    }
  }

  // ---- finding records ---------------------------------------------------

  private index(): void {
    for (const record of this.records) {
      this.byHandle.set(record.handle, record)
      for (const id of new Set([record.arn, ...record.realIds])) {
        if (!id) continue
        const list = this.byId.get(id)
        if (list) list.push(record)
        else this.byId.set(id, [record])
      }
    }
  }

  private lookup(target: Ref, accept: (record: SourceRecord) => boolean = () => true): SourceRecord | undefined {
    const byHandle = this.byHandle.get(target.to)
    if (byHandle && accept(byHandle)) return byHandle
    // Log group ARNs are written with and without a trailing ':*'.
    const id = target.to.endsWith(':*') ? target.to.slice(0, -2) : target.to
    return this.byId.get(target.to)?.find(accept) ?? this.byId.get(id)?.find(accept)
  }

  private checkCancel(done: number): void {
    if (done % PROGRESS_EVERY !== 0) return
    if (this.options.signal?.aborted) throw new InfrastructureImportError('cancelled', this.options.file, {}, 'reading was cancelled')
    this.options.onProgress?.(done, this.records.length)
  }

  // ---- zones ---------------------------------------------------------------

  private zoneKeyOf(record: SourceRecord): string {
    for (const id of [...record.realIds, record.arn ?? '']) {
      const key = zoneKeyOfId(id) ?? (id.startsWith('arn:') ? zoneKeyOfId(id.split('/').pop() ?? '') : null)
      if (key) return key
    }
    return boundedKey(`${this.options.localPrefix}:${record.handle}`)
  }

  private readZones(): void {
    const zoneRecords = this.records.filter(r => r.entry.role === 'zone')
    for (const record of zoneRecords) {
      const key = this.zoneKeyOf(record)
      this.nodeKeys.set(record, [key])
      const existing = this.zones.get(key)
      if (existing) {
        existing.placeholder &&= record.placeholder
        existing.cidr ??= record.cidr
        existing.account ??= record.account
        existing.region ??= record.region
        if (!record.placeholder && existing.name === key.split(':').pop()) existing.name = capName(record.name)
        continue
      }
      this.zones.set(key, {
        key,
        kind: record.entry.zoneKind ?? 'vpc',
        name: capName(record.name),
        parentKey: null,
        cidr: record.cidr,
        placeholder: record.placeholder,
        provider: 'aws',
        account: record.account,
        region: record.region
      })
    }
    for (const record of zoneRecords) {
      const zone = this.zones.get(this.zoneKeyOf(record)) as ParsedZone
      if (zone.kind !== 'subnet' || zone.parentKey) continue
      for (const fact of record.facts) {
        if (fact.fact !== 'in') continue
        const parent = this.zoneKeysOf(fact.ref).find(k => this.zones.get(k)?.kind === 'vpc')
        if (parent) {
          zone.parentKey = parent
          break
        }
      }
    }
  }

  /** A placeholder zone for a VPC or subnet known only by its id. */
  private zoneOfId(id: string, account: string | null, region: string | null): string | null {
    const key = zoneKeyOfId(id)
    if (!key) return null
    if (!this.zones.has(key)) {
      this.zones.set(key, {
        key,
        kind: id.startsWith('vpc-') ? 'vpc' : 'subnet',
        name: id,
        parentKey: null,
        cidr: null,
        placeholder: true,
        provider: 'aws',
        account,
        region
      })
    }
    return key
  }

  /** The zones a placement reference stands for: a zone, or the zones of a subnet group or network interface. */
  private zoneKeysOf(target: Ref, seen = new Set<SourceRecord>()): string[] {
    const record = this.lookup(target, r => r.entry.role === 'zone' || r.entry.role === 'part')
    if (!record) {
      const key = this.zoneOfId(target.to, null, null)
      return key ? [key] : []
    }
    if (record.entry.role === 'zone') return this.nodeKeys.get(record) ?? []
    if (seen.has(record)) return []
    seen.add(record)
    return record.facts.flatMap(f => (f.fact === 'in' ? this.zoneKeysOf(f.ref, seen) : []))
  }

  // ---- parts and assets ----------------------------------------------------

  private adoptParts(): void {
    const adopt = (part: SourceRecord, parent: SourceRecord) => {
      if (part === parent) return
      const list = this.parents.get(part)
      if (!list) this.parents.set(part, [parent])
      else if (!list.includes(parent)) list.push(parent)
    }
    for (const record of this.records) {
      for (const fact of record.facts) {
        if (fact.fact === 'part-of' && record.entry.role === 'part') {
          const parent = this.lookup(fact.ref, r => r !== record && r.entry.role !== 'part')
          if (parent) adopt(record, parent)
        } else if (fact.fact === 'has-part') {
          const part = this.lookup(fact.ref, r => r !== record && r.entry.role === 'part')
          if (part) adopt(part, record)
        }
      }
    }
  }

  /** Records drawn as assets: assets, types we do not know, and standalone parts nothing owns. */
  private isDrawn(record: SourceRecord): boolean {
    if (record.entry.role === 'asset') return true
    return record.entry.role === 'part' && record.entry.standalone && !this.parents.has(record)
  }

  private readAssets(): void {
    let done = 0
    for (const record of this.records) {
      this.checkCancel(++done)
      if (record.unknownType) this.unknownTypes.add(record.resourceType)
      if (!this.isDrawn(record)) continue
      const key = assetKeyOf({ arn: record.arn, realIds: record.realIds, local: `${this.options.localPrefix}:${record.handle}` })
      this.nodeKeys.set(record, [key])
      const existing = this.assets.get(key)
      if (existing) {
        // The same resource twice (a Config item and another item's relationship to it): keep what each says.
        existing.encryptedAtRest ??= record.encryptedAtRest
        existing.publicAccess ??= record.publicAccess
        existing.arn ??= record.arn
        existing.account ??= record.account
        existing.region ??= record.region
        if (existing.serviceId === null) existing.serviceId = record.entry.serviceId
        for (const [name, value] of Object.entries(record.attributes)) existing.attributes[name] ??= value
        continue
      }
      this.assets.set(key, {
        key,
        name: capName(record.name),
        resourceType: record.resourceType,
        kind: record.entry.assetKind ?? 'other',
        serviceId: record.entry.serviceId,
        zoneKeys: [],
        arn: record.arn,
        account: record.account,
        region: record.region,
        encryptedAtRest: record.encryptedAtRest,
        publicAccess: record.publicAccess,
        attributes: { ...record.attributes }
      })
    }
    // A part's node is its owners' node: `self` in its wiring means them.
    for (const [part, owners] of this.parents) {
      if (!this.nodeKeys.has(part)) this.nodeKeys.set(part, [...new Set(owners.flatMap(o => this.ownerKeys(o)))])
    }
    for (const [part, owners] of this.parents) {
      const encrypts = part.facts.some(f => f.fact === 'encrypts-parent')
      for (const key of owners.flatMap(o => this.ownerKeys(o))) {
        const asset = this.assets.get(key)
        if (!asset) continue
        if (encrypts && asset.encryptedAtRest !== false) asset.encryptedAtRest = true
        // A launch configuration's public address setting is its group's.
        asset.publicAccess ??= part.publicAccess
      }
    }
  }

  private ownerKeys(record: SourceRecord, seen = new Set<SourceRecord>()): string[] {
    const own = this.nodeKeys.get(record)
    if (own) return own
    if (seen.has(record)) return []
    seen.add(record)
    return (this.parents.get(record) ?? []).flatMap(p => this.ownerKeys(p, seen))
  }

  /** Every fact with the records its `self` stands for: the record itself, or the owners of a part. */
  private placeFacts(): void {
    for (const record of this.records) {
      const owners = this.isDrawn(record) || record.entry.role === 'zone' ? [record] : this.ownersOf(record)
      for (const fact of record.facts) this.placed.push({ fact, carrier: record, owners })
    }
  }

  private ownersOf(record: SourceRecord, seen = new Set<SourceRecord>()): SourceRecord[] {
    if (seen.has(record)) return []
    seen.add(record)
    return (this.parents.get(record) ?? []).flatMap(p => (this.isDrawn(p) || p.entry.role === 'zone' ? [p] : this.ownersOf(p, seen)))
  }

  private assetOf(record: SourceRecord): ParsedAsset | undefined {
    const key = this.nodeKeys.get(record)?.[0]
    return key === undefined ? undefined : this.assets.get(key)
  }

  private placeAssets(): void {
    const zonesOf = new Map<ParsedAsset, Set<string>>()
    const place = (asset: ParsedAsset | undefined, keys: string[]) => {
      if (!asset || !keys.length) return
      const set = zonesOf.get(asset) ?? new Set<string>()
      for (const key of keys) set.add(key)
      zonesOf.set(asset, set)
    }
    for (const { fact, owners } of this.placed) {
      if (fact.fact === 'in') for (const owner of owners) if (this.isDrawn(owner)) place(this.assetOf(owner), this.zoneKeysOf(fact.ref))
      if (fact.fact === 'places') {
        const what = this.lookup(fact.what, r => this.isDrawn(r))
        place(what ? this.assetOf(what) : this.stubAsset(fact.what), this.zoneKeysOf(fact.in))
      }
    }
    for (const [asset, keys] of zonesOf) {
      // Innermost only: a subnet says more than the VPC around it.
      const parentsOfSubnets = new Set([...keys].map(k => this.zones.get(k)?.parentKey).filter(Boolean))
      asset.zoneKeys = [...keys].filter(k => !parentsOfSubnets.has(k))
      const zone = this.zones.get(asset.zoneKeys[0] ?? '')
      asset.account ??= zone?.account ?? null
      asset.region ??= zone?.region ?? null
    }
  }

  /** An asset known only by an id or ARN another resource names (a security group, an instance, a function elsewhere). */
  private stubAsset(target: Ref, kindHint?: AssetKind): ParsedAsset | undefined {
    const arn = parseArn(target.to)
    if (!arn && !isEc2Id(target.to) && !target.orElse) return undefined
    if (target.orElse && !arn) {
      const named = resourceTypes().byName(this.options.family, target.orElse.resourceType)
      const kind = named?.assetKind ?? kindHint ?? 'other'
      return this.ensureAsset(
        boundedKey(target.orElse.key),
        target.orElse.name,
        target.orElse.resourceType,
        kind,
        named?.serviceId ?? null,
        null,
        null,
        null
      )
    }
    const entry = arn ? resourceTypes().byArn(arn.service, arn.resourceType) : this.entryOfEc2Id(target.to)
    if (entry && entry.role !== 'asset' && !entry.standalone) return undefined
    const key = assetKeyOf({ arn: arn ? target.to : null, realIds: [target.to], local: target.to })
    const name = arn ? (arn.resource.split(/[/:]/).pop() ?? target.to) : target.to
    const kind = entry?.assetKind ?? kindHint ?? 'other'
    const asset = this.ensureAsset(
      key,
      name,
      this.spelling(entry),
      kind,
      entry?.serviceId ?? null,
      arn ? target.to : null,
      arn?.account || null,
      arn?.region || null
    )
    this.dangling.add(key)
    return asset
  }

  private entryOfEc2Id(id: string): ResourceTypeEntry | undefined {
    const prefix = id.slice(0, id.lastIndexOf('-'))
    const arnType: Record<string, string> = {
      i: 'instance',
      sg: 'security-group',
      vol: 'volume',
      igw: 'internet-gateway',
      eigw: 'egress-only-internet-gateway',
      nat: 'natgateway',
      tgw: 'transit-gateway',
      vgw: 'vpn-gateway',
      cgw: 'customer-gateway',
      vpce: 'vpc-endpoint',
      pcx: 'vpc-peering-connection',
      eni: 'network-interface',
      lt: 'launch-template'
    }
    const type = arnType[prefix]
    return type ? resourceTypes().byArn('ec2', type) : undefined
  }

  private spelling(entry: ResourceTypeEntry | undefined): string {
    const row = entry?.row
    const family = this.options.family
    const names = family === 'terraform' ? row?.terraform : family === 'asff' ? row?.asff : row?.cloudformation
    return names?.[0] ?? row?.cloudformation?.[0] ?? 'unknown'
  }

  private ensureAsset(
    key: string,
    name: string,
    resourceType: string,
    kind: AssetKind,
    serviceId: string | null,
    arn: string | null,
    account: string | null,
    region: string | null
  ): ParsedAsset {
    let asset = this.assets.get(key)
    if (!asset) {
      asset = {
        key,
        name: capName(name),
        resourceType,
        kind,
        serviceId,
        zoneKeys: [],
        arn,
        account,
        region,
        encryptedAtRest: null,
        publicAccess: null,
        attributes: {}
      }
      this.assets.set(key, asset)
    }
    return asset
  }

  private internet(): string {
    this.ensureAsset(INTERNET_KEY, 'Internet', 'internet', 'internet', null, null, null, null)
    return INTERNET_KEY
  }

  // ---- flows ---------------------------------------------------------------

  /** A flow wired by a conditional resource says so. */
  private labelOf(label: string, carrier: SourceRecord): string {
    return carrier.condition ? `${label ? `${label} ` : ''}(if ${carrier.condition})` : label
  }

  private addFlow(fromKey: string, toKey: string, kind: FlowKind, label: string, encrypted: boolean | null): void {
    if (fromKey === toKey) return
    const id = `${fromKey}\n${toKey}\n${kind}`
    const existing = this.flows.get(id)
    if (existing) {
      if (label && !existing.label.split('; ').includes(label)) existing.label = capName(existing.label ? `${existing.label}; ${label}` : label)
      // Two wirings on one path: unencrypted if either is, unknown if either is unknown.
      if (existing.encryptedInTransit !== encrypted)
        existing.encryptedInTransit = existing.encryptedInTransit === false || encrypted === false ? false : null
      return
    }
    this.flows.set(id, { fromKey, toKey, kind, label: capName(label), encryptedInTransit: encrypted })
    this.joined.add(`${fromKey}\n${toKey}`)
    this.joined.add(`${toKey}\n${fromKey}`)
  }

  /** The node keys an end stands for: `self` → the owners; a record → its asset or zone (a part: its owners); else a stub. */
  private endKeys(end: Ref | 'self', owners: SourceRecord[], kindHint?: AssetKind): string[] {
    if (end === 'self') return owners.flatMap(o => this.nodeKeys.get(o) ?? [])
    const record = this.lookup(end)
    if (record) {
      const keys = this.nodeKeys.get(record) ?? this.ownerKeys(record)
      if (keys.length) return keys
    }
    const stub = this.stubAsset(end, kindHint)
    if (stub) return [stub.key]
    this.unresolved++
    return []
  }

  private readFlows(): void {
    const backends = this.listenerBackends()
    for (const { fact, owners, carrier } of this.placed) {
      if (fact.fact !== 'flow') continue
      const from = this.endKeys(fact.from, owners)
      const to = this.endKeys(fact.to, owners, fact.endKind)
      for (const f of from) {
        // A classic load balancer's targets are reached with its listeners' instance protocol.
        const backend = fact.kind === 'load-balancer-target' && !fact.label ? backends.get(f) : undefined
        const label = this.labelOf(backend?.label ?? fact.label, carrier)
        for (const t of to) this.addFlow(f, t, fact.kind, label, fact.encrypted ?? backend?.encrypted ?? null)
      }
    }
  }

  private listenerBackends(): Map<string, { label: string; encrypted: boolean | null }> {
    const found = new Map<string, string[]>()
    for (const { fact, owners } of this.placed) {
      if (fact.fact !== 'listener' || !fact.backend) continue
      const text = `${fact.backend.toUpperCase()}${fact.backendPort ? ` ${fact.backendPort}` : ''}`
      for (const key of owners.flatMap(o => this.nodeKeys.get(o) ?? [])) found.set(key, [...new Set([...(found.get(key) ?? []), text])])
    }
    const out = new Map<string, { label: string; encrypted: boolean | null }>()
    for (const [key, list] of found) {
      const protocols = list.map(t => t.split(' ')[0] ?? '')
      const encrypted = protocols.every(p => /^(HTTPS|SSL|TLS)$/.test(p)) ? true : protocols.some(p => p === 'HTTP') ? false : null
      out.set(key, { label: list.join(', '), encrypted })
    }
    return out
  }

  private isSecurityGroup = (record: SourceRecord): boolean => record.entry.assetKind === 'security-group'

  /** The key of a security group named by a reference (drawn from its id when the file does not describe it). */
  private groupKey(group: Ref | 'self', owners: SourceRecord[]): string | undefined {
    if (group === 'self') return owners.filter(this.isSecurityGroup).flatMap(o => this.nodeKeys.get(o) ?? [])[0]
    const record = this.lookup(group, this.isSecurityGroup)
    if (record) return this.nodeKeys.get(record)?.[0]
    return this.stubAsset(group, 'security-group')?.key
  }

  private attachSecurityGroups(): void {
    for (const { fact, owners } of this.placed) {
      if (fact.fact !== 'security-group') continue
      const group = this.groupKey(fact.ref, [])
      if (!group) continue
      for (const owner of owners) {
        if (this.isSecurityGroup(owner)) continue
        for (const key of this.nodeKeys.get(owner) ?? []) {
          const set = this.attachedTo.get(group) ?? new Set<string>()
          set.add(key)
          this.attachedTo.set(group, set)
        }
      }
    }
  }

  /**
   * A subnet known only as a parameter or an id has no VPC of its own; a
   * security group attached to something in it must be in its VPC.
   */
  private parentSubnetsBySecurityGroups(): void {
    const vpcsOf = new Map<string, Set<string>>()
    for (const [group, members] of this.attachedTo) {
      const vpcs = (this.assets.get(group)?.zoneKeys ?? []).filter(k => this.zones.get(k)?.kind === 'vpc')
      for (const member of members) {
        for (const zoneKey of this.assets.get(member)?.zoneKeys ?? []) {
          const zone = this.zones.get(zoneKey)
          if (zone?.kind !== 'subnet' || zone.parentKey) continue
          for (const vpc of vpcs) vpcsOf.set(zoneKey, (vpcsOf.get(zoneKey) ?? new Set()).add(vpc))
        }
      }
    }
    for (const [subnet, vpcs] of vpcsOf) if (vpcs.size === 1) (this.zones.get(subnet) as ParsedZone).parentKey = [...vpcs][0] as string
  }

  private readIngress(): void {
    const zonesByCidr = new Map<string, string>()
    // VPCs first, so a CIDR shared by a VPC and a subnet means the VPC.
    for (const zone of [...this.zones.values()].sort((a, b) => (a.kind === 'vpc' ? 0 : 1) - (b.kind === 'vpc' ? 0 : 1))) {
      if (zone.cidr && !zonesByCidr.has(zone.cidr)) zonesByCidr.set(zone.cidr, zone.key)
    }
    const listeners = this.listenerEncryption()
    for (const { fact, owners, carrier } of this.placed) {
      if (fact.fact !== 'ingress') continue
      const group = this.groupKey(fact.group, owners)
      if (!group) continue
      const targets = [...(this.attachedTo.get(group) ?? [])]
      let sources: string[] = []
      if (fact.from) {
        const source = this.groupKey(fact.from, owners)
        sources = source ? [...(this.attachedTo.get(source) ?? [])] : []
      } else if (fact.cidr && INTERNET_CIDRS.has(fact.cidr)) {
        if (targets.length) sources = [this.internet()]
        for (const target of targets) {
          const asset = this.assets.get(target)
          if (asset && asset.publicAccess === null) asset.publicAccess = true
        }
      } else if (fact.cidr) {
        const zone = zonesByCidr.get(fact.cidr)
        if (zone) sources = [zone]
      }
      if (sources.length * targets.length > MAX_PAIRS_PER_RULE && fact.from) {
        // Thousands of members on both sides: one flow between the groups says the same without millions of lines.
        const source = this.groupKey(fact.from, owners)
        if (source) this.addFlow(source, group, 'network', this.labelOf(`${fact.label} (between all members)`, carrier), null)
        this.crowdedRules++
        continue
      }
      for (const source of sources) {
        for (const target of targets) {
          const encrypted = listeners.get(target) ?? null
          this.addFlow(source, target, 'network', this.labelOf(fact.label, carrier), encrypted)
        }
      }
    }
  }

  /** Per load balancer: encrypted when every listener is HTTPS/TLS/SSL, not when any is plain HTTP, else unknown. */
  private listenerEncryption(): Map<string, boolean | null> {
    const protocols = new Map<string, string[]>()
    for (const { fact, owners } of this.placed) {
      if (fact.fact !== 'listener') continue
      for (const key of owners.flatMap(o => this.nodeKeys.get(o) ?? [])) protocols.set(key, [...(protocols.get(key) ?? []), fact.protocol])
    }
    const out = new Map<string, boolean | null>()
    for (const [key, list] of protocols) {
      const encrypted = list.every(p => /^(HTTPS|TLS|SSL)$/i.test(p)) ? true : list.some(p => /^HTTP$/i.test(p)) ? false : null
      out.set(key, encrypted)
      const asset = this.assets.get(key)
      if (asset) asset.attributes.listeners ??= [...new Set(list.map(p => p.toUpperCase()))].join(', ')
    }
    return out
  }

  private readLoadBalancing(): void {
    const members = new Map<SourceRecord, string[]>()
    for (const { fact, owners } of this.placed) {
      if (fact.fact !== 'target') continue
      const group = this.lookup(fact.group, r => r.entry.role === 'part')
      if (!group) continue
      const list = members.get(group) ?? []
      list.push(...this.endKeys(fact.target, owners, 'function'))
      members.set(group, list)
    }
    for (const { fact, owners, carrier } of this.placed) {
      if (fact.fact !== 'forward') continue
      const group = this.lookup(fact.group, r => r.entry.role === 'part')
      if (!group) continue
      const protocol = fact.protocol ?? group.attributes.protocol ?? null
      const encrypted = protocol === null ? null : /^(HTTPS|TLS|SSL)$/i.test(protocol) ? true : /^HTTP$/i.test(protocol) ? false : null
      const label = this.labelOf([protocol, group.attributes.port].filter(Boolean).join(' '), carrier)
      for (const lb of this.endKeys(fact.lb, owners))
        for (const target of members.get(group) ?? []) this.addFlow(lb, target, 'load-balancer-target', label, encrypted)
    }
  }

  // ---- routes ----------------------------------------------------------------

  private readRoutes(): void {
    const tableSubnets = new Map<SourceRecord, Set<string>>()
    const tableOf = (table: Ref | 'self', carrier: SourceRecord) => (table === 'self' ? carrier : this.lookup(table, r => r.entry.role === 'part'))
    for (const { fact, carrier } of this.placed) {
      if (fact.fact !== 'route-association') continue
      const table = tableOf(fact.table, carrier)
      if (!table) continue
      const set = tableSubnets.get(table) ?? new Set<string>()
      for (const key of this.zoneKeysOf(fact.subnet)) set.add(key)
      tableSubnets.set(table, set)
    }
    const usedPeerings = new Set<SourceRecord>()
    for (const { fact, carrier } of this.placed) {
      if (fact.fact !== 'route') continue
      const table = tableOf(fact.table, carrier)
      const sources = table ? [...(tableSubnets.get(table) ?? [])] : []
      if (table && !sources.length) sources.push(...table.facts.flatMap(f => (f.fact === 'in' ? this.zoneKeysOf(f.ref) : [])))
      const destination = this.labelOf(fact.destination ?? 'a prefix list', carrier)
      if (fact.via === 'peering') {
        const peering = this.lookup(fact.target, r => r.entry.role === 'part')
        if (peering) {
          usedPeerings.add(peering)
          this.routeThroughPeering(peering, sources, fact.destination, carrier)
          continue
        }
      }
      const target = this.endKeys(fact.target, [], fact.via === 'peering' || fact.via === 'transit-gateway' ? 'gateway' : undefined)
      const kind: FlowKind = fact.via === 'transit-gateway' ? 'transit-gateway' : fact.via === 'peering' ? 'peering' : 'route'
      for (const source of sources) for (const t of target) this.addFlow(source, t, kind, destination, null)
      if (fact.via === 'internet-gateway') for (const t of target) this.addFlow(t, this.internet(), 'route', 'internet', null)
    }
    for (const { fact, carrier } of this.placed) {
      if (fact.fact === 'peering' && !usedPeerings.has(carrier)) {
        const [a] = this.zoneKeysOf(fact.vpc)
        const [b] = this.zoneKeysOf(fact.peer)
        if (a && b) this.addFlow(a, b, 'peering', this.labelOf(`peering connection ${carrier.name} (no routes in this file)`, carrier), null)
      }
      if (fact.fact === 'attachment') {
        const gateway = this.endKeys(fact.gateway, [], 'gateway')
        const zones = fact.vpc ? this.zoneKeysOf(fact.vpc) : []
        for (const g of gateway) for (const z of zones) this.addFlow(g, z, 'transit-gateway', this.labelOf(fact.label, carrier), null)
      }
    }
  }

  /** A route through a peering connection leads from the table's side to the other VPC. */
  private routeThroughPeering(peering: SourceRecord, sources: string[], destination: string | null, carrier: SourceRecord): void {
    const sides = peering.facts.flatMap(f => (f.fact === 'peering' ? [this.zoneKeysOf(f.vpc)[0], this.zoneKeysOf(f.peer)[0]] : []))
    const [a, b] = sides
    if (!a || !b) {
      this.warnings.push(`A route through ${peering.name} could not be drawn: the peered VPCs are not both known.`)
      return
    }
    const vpcOf = (key: string) => (this.zones.get(key)?.kind === 'subnet' ? (this.zones.get(key)?.parentKey ?? key) : key)
    const label = this.labelOf(`${destination ?? 'a prefix list'} via ${peering.name}`, carrier)
    if (sources.length) {
      for (const source of sources) {
        const vpc = vpcOf(source)
        const target =
          vpc === a ? b : vpc === b ? a : destination === this.zones.get(b)?.cidr ? b : destination === this.zones.get(a)?.cidr ? a : null
        if (target) this.addFlow(source, target, 'peering', label, null)
      }
      return
    }
    // The route table is not in this file (a parameter): the destination tells which side the route leads to.
    const target = destination === this.zones.get(a)?.cidr ? a : destination === this.zones.get(b)?.cidr ? b : null
    if (target) this.addFlow(target === a ? b : a, target, 'peering', label, null)
    else
      this.warnings.push(
        `A route through ${peering.name} to ${destination ?? 'a prefix list'} could not be placed: its route table is not in this file.`
      )
  }

  // ---- references and accounts ----------------------------------------------

  private readReferences(): void {
    for (const { fact, owners } of this.placed) {
      if (fact.fact !== 'reference') continue
      const froms = owners.filter(o => this.isDrawn(o)).flatMap(o => this.nodeKeys.get(o) ?? [])
      if (!froms.length) continue
      const record = this.lookup(fact.ref)
      let targets: string[]
      if (record) {
        if (record.entry.role === 'zone') continue
        targets = this.nodeKeys.get(record) ?? this.ownerKeys(record)
      } else {
        const stub = parseArn(fact.ref.to) ? this.stubAsset(fact.ref) : undefined
        targets = stub ? [stub.key] : []
      }
      for (const from of froms) {
        for (const to of targets) {
          const kind = this.assets.get(to)?.kind
          if (!kind || SKIPPED_REFERENCE_KINDS.has(kind) || this.joined.has(`${from}\n${to}`)) continue
          this.addFlow(from, to, 'reference', kind === 'key' ? 'encryption key' : fact.label, null)
        }
      }
    }
  }

  private finishAccounts(): void {
    const ensureAccount = (account: string) => {
      const key = accountKey(account)
      if (!this.zones.has(key)) this.zones.set(key, accountZone(account))
      return key
    }
    // A VPC or subnet known only by its id is in the account of what it holds, when all of that agrees.
    const accountsIn = new Map<string, Set<string>>()
    const note = (zoneKey: string, account: string) => accountsIn.set(zoneKey, (accountsIn.get(zoneKey) ?? new Set()).add(account))
    for (const asset of this.assets.values()) if (asset.account) for (const key of asset.zoneKeys) note(key, asset.account)
    const zones = [...this.zones.values()]
    const accountOf = (zone: ParsedZone) =>
      zone.account ?? (accountsIn.get(zone.key)?.size === 1 ? ([...(accountsIn.get(zone.key) as Set<string>)][0] as string) : null)
    for (const zone of zones) {
      const account = zone.kind === 'subnet' ? accountOf(zone) : null
      if (account && zone.parentKey) note(zone.parentKey, account)
    }
    for (const zone of zones) zone.account ??= accountOf(zone)
    for (const zone of zones) {
      if (zone.kind === 'subnet' && zone.parentKey) {
        const vpc = this.zones.get(zone.parentKey)
        zone.account ??= vpc?.account ?? null
        zone.region ??= vpc?.region ?? null
      }
      if (!zone.parentKey && zone.kind !== 'account' && zone.account) zone.parentKey = ensureAccount(zone.account)
    }
    for (const asset of this.assets.values()) if (!asset.zoneKeys.length && asset.account) asset.zoneKeys = [ensureAccount(asset.account)]
  }

  private summarize(): void {
    const secrets = this.records.reduce((sum, r) => sum + r.secretsSeen, 0)
    if (secrets) {
      this.warnings.push(
        `${secrets} setting${secrets === 1 ? '' : 's'} that can hold secrets (passwords, keys, environment variables, user data) ${secrets === 1 ? 'has a value' : 'have values'} in this file; none were read or kept. Keep the file itself safe.`
      )
    }
    if (this.unknownTypes.size) {
      const types = [...this.unknownTypes].sort()
      this.warnings.push(
        `${types.length} resource type${types.length === 1 ? ' is' : 's are'} not in the resource table and drawn as 'other': ${types.slice(0, 10).join(', ')}${types.length > 10 ? ', …' : ''}.`
      )
    }
    if (this.dangling.size) {
      this.warnings.push(
        `${this.dangling.size} resource${this.dangling.size === 1 ? ' is' : 's are'} named by other resources but not described in this file; drawn from the id or ARN alone.`
      )
    }
    if (this.unresolved)
      this.warnings.push(
        `${this.unresolved} wiring end${this.unresolved === 1 ? '' : 's'} named nothing this file describes and ${this.unresolved === 1 ? 'was' : 'were'} left out.`
      )
  }
}
