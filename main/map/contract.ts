import { z } from 'zod'
import { defineCall } from '../api/define-call'
import type { FindingView } from '../scanners/contract'
import { ASSET_KINDS, FLOW_KINDS, type InfrastructureFormatId, type ZoneKind } from './model'
import { CalendarDate, filePathSchema } from '../shared/schemas'

/**
 * The PHI data-flow map: assets inside their boundaries (zones), flows between
 * them, what a person said holds or carries PHI (and what is inferred), and
 * the flags the map rules raise. The UI, the CLI and the documents read these types.
 */

/** What a zone or an asset holds: PHI, general data only, or orchestration (metadata only, never PHI). */
export const PHI_MARKINGS = ['phi', 'general', 'orchestration'] as const
export type PhiMarking = (typeof PHI_MARKINGS)[number]
/** What a flow carries. */
export const FLOW_CARRIES = ['phi', 'metadata', 'none'] as const
export type FlowCarries = (typeof FLOW_CARRIES)[number]
/** Where an effective marking comes from: a person said it, it is inferred from the map, or nothing says. */
export type MarkingOrigin = 'person' | 'inferred' | 'unknown'

/** Kinds a person can give an asset no file describes, beside the kinds read from files. */
export const MANUAL_ONLY_ASSET_KINDS = ['workstation', 'application', 'paper', 'site', 'storage-device', 'on-premises'] as const
export const MAP_ASSET_KINDS = [...ASSET_KINDS, ...MANUAL_ONLY_ASSET_KINDS] as const
export type MapAssetKind = (typeof MAP_ASSET_KINDS)[number]
/** `transfer` is a flow a person describes (email, SFTP, courier) that no wiring in a file shows. */
export const MAP_FLOW_KINDS = [...FLOW_KINDS, 'transfer'] as const
export type MapFlowKind = (typeof MAP_FLOW_KINDS)[number]

/** A marking as the map uses it: the effective value, where it comes from and, when inferred, why. */
export interface MarkingState<T extends string> {
  value: T | null
  origin: MarkingOrigin
  /** A person's marking: who said it and when. */
  saidBy: string | null
  saidAt: string | null
  /** An inferred marking: the reason in words ("in PHI zone vpc-0abc"). */
  because: string | null
}

/** One asset as other features read it (risk analysis, procurement, documents). */
export interface MapAssetSummary {
  id: number
  key: string
  name: string
  kind: MapAssetKind
  resourceType: string
  serviceId: string | null
  /** Effective marking: a person's, else inferred from the zones it sits in. */
  phi: PhiMarking | null
  phiInferred: boolean
  owner: string
  manual: boolean
  /** The first innermost zone's name (null for an asset in no zone). */
  zoneName: string | null
  zoneIds: number[]
  businessAssociateId: number | null
  /** Set when no current source describes the asset any more (kept with what a person said about it). */
  removedAt: string | null
}

export interface MapAsset extends Omit<MapAssetSummary, 'phi' | 'phiInferred'> {
  phi: MarkingState<PhiMarking>
  arn: string | null
  account: string | null
  region: string | null
  encryptedAtRest: boolean | null
  publicAccess: boolean | null
  attributes: Record<string, string>
  notes: string
  sourceIds: number[]
  createdAt: string
  updatedAt: string
}

export interface MapZone {
  id: number
  key: string
  kind: ZoneKind
  name: string
  parentId: number | null
  cidr: string | null
  placeholder: boolean
  provider: string
  account: string | null
  region: string | null
  /** A person's marking, else the nearest enclosing zone's. */
  phi: MarkingState<PhiMarking>
  sourceIds: number[]
  removedAt: string | null
}

/** One end of a flow: an asset or a zone. */
export interface MapEndpoint {
  type: 'asset' | 'zone'
  id: number
}

export interface MapFlow {
  id: number
  from: MapEndpoint
  to: MapEndpoint
  kind: MapFlowKind
  label: string
  carries: MarkingState<FlowCarries>
  encryptedInTransit: boolean | null
  manual: boolean
  sourceIds: number[]
  removedAt: string | null
}

export interface MapSource {
  id: number
  fileName: string
  sha256: string
  format: InfrastructureFormatId
  importedAt: string
  assets: number
  zones: number
  flows: number
  warnings: string[]
  /** The newer import of the same description that took over this one's rows. */
  supersededBy: number | null
}

export interface MapReview {
  id: number
  reviewedOn: string
  reviewedBy: string
  note: string
  recordedAt: string
}

/** A subject of a flag: what the UI highlights and the CLI prints as ids. */
export interface MapFlagSubject {
  type: 'asset' | 'zone' | 'flow' | 'map'
  id: number | null
}

export interface MapFlag {
  rule: string
  title: string
  citation: string | null
  message: string
  subjects: MapFlagSubject[]
  /** Stable across re-imports: the rule and its subjects' keys; dismissals refer to it. */
  subjectKey: string
  dismissal: { id: number; reason: string; by: string; at: string } | null
}

export interface DataFlowMapView {
  assets: MapAsset[]
  zones: MapZone[]
  flows: MapFlow[]
  flags: MapFlag[]
  sources: MapSource[]
  lastReview: MapReview | null
}

/** Counts of an asset's scanner findings by status ("other": manual, info, error). */
export interface FindingStatusCounts {
  failed: number
  passed: number
  other: number
}

/** The evidence that relates to one asset: the scanner findings on its resource and its business associate agreement. */
export interface MapAssetEvidence {
  assetId: number
  /** The names compared with scanner findings' resource ids and names (ARN, its last parts, address, name). */
  identifiers: string[]
  /** Every scan with findings on the asset, the newest first; `current` for the newest of its account(s) and scanner. */
  scans: { id: number; fileName: string; scanner: string; scannedOn: string; current: boolean; counts: FindingStatusCounts }[]
  /** Over every scan. */
  counts: FindingStatusCounts
  /** The newest scan's first, failed first within a scan; at most 200 of `findingsTotal`. */
  findings: FindingView[]
  findingsTotal: number
  businessAssociate: { id: number; name: string; status: string; expiresOn: string | null; agreementInForce: boolean } | null
}

export interface MapImportResult {
  file: string
  /** True when the same file (same SHA-256) was imported before; nothing was changed. */
  alreadyImported: boolean
  sourceId: number
  format: InfrastructureFormatId
  assets: number
  zones: number
  flows: number
  /** Rows of an older version of the same description that the new file no longer describes. */
  removed: { assets: number; zones: number; flows: number }
  /** Of those, assets a person had marked or described (kept, shown as removed). */
  removedWithMarkings: number
  warnings: string[]
  backupPath: string | null
}

const by = z.string().trim().max(200).default('')
const id = z.int().positive()
const shortText = (max: number) => z.string().trim().max(max)
const FilePath = filePathSchema()

const ManualAssetFields = {
  name: shortText(200).min(1, 'Enter the asset name'),
  kind: z.enum(MAP_ASSET_KINDS).default('other'),
  resourceType: shortText(200).default('manual'),
  serviceId: shortText(100).nullable().default(null),
  zoneId: id.nullable().default(null),
  phi: z.enum(PHI_MARKINGS).nullable().default(null),
  owner: shortText(200).default(''),
  notes: shortText(4000).default(''),
  businessAssociateId: id.nullable().default(null),
  encryptedAtRest: z.boolean().nullable().default(null),
  by
}

export const AddMapAssetInput = z.strictObject(ManualAssetFields)
export type AddMapAssetInput = z.input<typeof AddMapAssetInput>

/** What a person may change on any asset; name, kind and zone only on manual ones. */
export const UpdateMapAssetInput = z.strictObject({
  id,
  name: ManualAssetFields.name.optional(),
  kind: z.enum(MAP_ASSET_KINDS).optional(),
  resourceType: shortText(200).optional(),
  serviceId: shortText(100).nullable().optional(),
  zoneId: id.nullable().optional(),
  owner: shortText(200).optional(),
  notes: shortText(4000).optional(),
  businessAssociateId: id.nullable().optional(),
  encryptedAtRest: z.boolean().nullable().optional(),
  by
})
export type UpdateMapAssetInput = z.input<typeof UpdateMapAssetInput>

export const SetPhiInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('asset'), id, phi: z.enum(PHI_MARKINGS).nullable(), by }),
  z.strictObject({ type: z.literal('zone'), id, phi: z.enum(PHI_MARKINGS).nullable(), by }),
  z.strictObject({ type: z.literal('flow'), id, carries: z.enum(FLOW_CARRIES).nullable(), by })
])
export type SetPhiInput = z.input<typeof SetPhiInput>

const Endpoint = z.strictObject({ type: z.enum(['asset', 'zone']), id })

export const AddMapFlowInput = z.strictObject({
  from: Endpoint,
  to: Endpoint,
  kind: z.enum(MAP_FLOW_KINDS).default('transfer'),
  label: shortText(200).default(''),
  carries: z.enum(FLOW_CARRIES).nullable().default(null),
  encryptedInTransit: z.boolean().nullable().default(null),
  by
})
export type AddMapFlowInput = z.input<typeof AddMapFlowInput>

export const mapCalls = {
  /** Import one infrastructure file, whole or not at all (checked backup first, progress, cancel). */
  'map.import': defineCall<MapImportResult>()(z.strictObject({ path: FilePath })),
  /** Build assets from the resources named in imported scanner findings. */
  'map.importScannerResources': defineCall<MapImportResult>()(z.strictObject({})),
  'map.view': defineCall<DataFlowMapView>()(z.strictObject({})),
  /** The scanner findings on an asset's resource (failing and passing, newest scan first) and its business associate agreement. */
  'map.assetEvidence': defineCall<MapAssetEvidence>()(z.strictObject({ id })),
  'map.flags': defineCall<MapFlag[]>()(z.strictObject({ includeDismissed: z.boolean().default(false) })),
  'map.setPhi': defineCall<null>()(SetPhiInput),
  'map.addAsset': defineCall<MapAsset>()(AddMapAssetInput),
  'map.updateAsset': defineCall<MapAsset>()(UpdateMapAssetInput),
  /** Remove a manual asset; an asset a risk refers to needs `confirm: true`. */
  'map.removeAsset': defineCall<null>()(z.strictObject({ id, confirm: z.boolean().default(false) })),
  'map.addFlow': defineCall<MapFlow>()(AddMapFlowInput),
  'map.removeFlow': defineCall<null>()(z.strictObject({ id })),
  'map.review': defineCall<MapReview>()(
    z.strictObject({
      reviewedOn: CalendarDate.optional(),
      by: shortText(200).min(1, 'Say who reviewed the map'),
      note: shortText(4000).default('')
    })
  ),
  'map.dismissFlag': defineCall<null>()(
    z.strictObject({
      rule: shortText(100).min(1),
      subjectKey: shortText(4000).min(1),
      reason: shortText(2000).min(1, 'Give the reason for dismissing this flag'),
      by
    })
  ),
  'map.restoreFlag': defineCall<null>()(z.strictObject({ rule: shortText(100).min(1), subjectKey: shortText(4000).min(1), by }))
}
