// What a format reader hands the linker: one record per resource it read, in
// the format's own terms, with the wiring written as facts whose ends are
// references (a handle of another record, a real id or name, or an ARN). The
// linker (link.ts) turns them into assets, zones and flows; the AWS meaning of
// each fact is decided there once for every format.

import type { AssetKind, FlowKind } from '../model'
import type { ResourceTypeEntry } from './resource-types'

/** One end of a fact. `to` is a handle, a real id or name, or an ARN. */
export interface Ref {
  to: string
  /** What to draw when nothing in the file answers to `to` and it is no ARN (a CloudFormation parameter). */
  orElse?: { key: string; name: string; resourceType: string }
}

export type RouteVia = 'internet-gateway' | 'nat' | 'peering' | 'transit-gateway' | 'vpn' | 'endpoint' | 'instance' | 'other'

export type Fact =
  /** Placement: a VPC, subnet, DB subnet group or network interface; for a subnet, its VPC. */
  | { fact: 'in'; ref: Ref }
  /** This record is settings or wiring of `ref` (a bucket notification of its bucket). */
  | { fact: 'part-of'; ref: Ref }
  /** `ref` is settings or wiring of this record (an Auto Scaling group's launch template, an instance's network interface). */
  | { fact: 'has-part'; ref: Ref }
  | { fact: 'security-group'; ref: Ref }
  /** Inbound rule of a security group (the record itself, or `group` for a separate rule resource). */
  | { fact: 'ingress'; group: Ref | 'self'; from: Ref | null; cidr: string | null; label: string }
  /** Wiring that passes data: `self` is the record (or the resource it is part of). */
  | { fact: 'flow'; from: Ref | 'self'; to: Ref | 'self'; kind: FlowKind; label: string; encrypted: boolean | null; endKind?: AssetKind }
  /** A listener of a load balancer (`self`): its protocol says whether connections to it are encrypted; `backend` is the protocol (and port) it forwards with. */
  | { fact: 'listener'; protocol: string; backend?: string; backendPort?: string }
  /** A load balancer (or its listener) forwards to a target group. */
  | { fact: 'forward'; lb: Ref | 'self'; group: Ref; protocol: string | null }
  /** A target (instance, group, function, address) registered in a target group. */
  | { fact: 'target'; group: Ref; target: Ref | 'self' }
  /** The record names another in its settings; drawn as a reference unless other wiring already joins them. */
  | { fact: 'reference'; ref: Ref; label: string }
  | { fact: 'route-association'; table: Ref | 'self'; subnet: Ref }
  | { fact: 'route'; table: Ref | 'self'; destination: string | null; target: Ref; via: RouteVia }
  | { fact: 'peering'; vpc: Ref; peer: Ref }
  | { fact: 'attachment'; gateway: Ref; vpc: Ref | null; subnets: Ref[]; label: string }
  /** Places another record (an internet gateway attachment places the gateway in its VPC; a VPC's Config item lists what it contains). */
  | { fact: 'places'; what: Ref; in: Ref }
  /** Settings of a part that decide its parent's encryption at rest (an S3 bucket's separate SSE configuration). */
  | { fact: 'encrypts-parent' }

export interface SourceRecord {
  /** Unique in the file: a Terraform address, a logical id, a Config resource type and id. */
  handle: string
  name: string
  resourceType: string
  entry: ResourceTypeEntry
  /** True when the type is not in the resource table (drawn as 'other'). */
  unknownType: boolean
  arn: string | null
  /** Other names it answers to: its id, name, URL (a queue's), and symbolic names (a parameter it takes its name from). */
  realIds: string[]
  account: string | null
  region: string | null
  cidr: string | null
  /** A VPC or subnet the file only refers to (a parameter, a data source, an id named by another resource). */
  placeholder: boolean
  attributes: Record<string, string>
  encryptedAtRest: boolean | null
  publicAccess: boolean | null
  /** A CloudFormation condition the resource exists under; flows it wires are labelled with it. */
  condition: string | null
  /** Settings that can hold secrets (passwords, keys, user data) and have a value in the file: counted, never read. */
  secretsSeen: number
  facts: Fact[]
}

export const ref = (to: string): Ref => ({ to })

/** The entry of a type missing from the resource table: drawn as 'other' so nothing in the file is lost. */
export const UNKNOWN_TYPE_ENTRY: ResourceTypeEntry = {
  role: 'asset',
  assetKind: 'other',
  zoneKind: null,
  serviceId: null,
  standalone: false,
  row: { role: 'asset', kind: 'other', service: null }
}

/** A record with nothing known but its identity; readers fill in the rest. */
export function newRecord(init: Pick<SourceRecord, 'handle' | 'name' | 'resourceType'> & { entry: ResourceTypeEntry | undefined }): SourceRecord {
  return {
    handle: init.handle,
    name: init.name,
    resourceType: init.resourceType,
    entry: init.entry ?? UNKNOWN_TYPE_ENTRY,
    unknownType: init.entry === undefined,
    arn: null,
    realIds: [],
    account: null,
    region: null,
    cidr: null,
    placeholder: false,
    attributes: Object.create(null) as Record<string, string>,
    encryptedAtRest: null,
    publicAccess: null,
    condition: null,
    secretsSeen: 0,
    facts: []
  }
}
