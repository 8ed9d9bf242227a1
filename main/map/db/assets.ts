import type { Db } from '../../db/driver'
import type { MapAsset, MapAssetKind, MapAssetSummary, PhiMarking } from '../contract'
import { effectiveAssetMarking } from '../inference/zone-and-asset-phi'
import type { ParsedAsset } from '../model'
import { zoneMarkingsById } from './zones'

interface AssetRow {
  id: number
  key: string
  name: string
  resource_type: string
  kind: MapAssetKind
  service_id: string | null
  arn: string | null
  account: string | null
  region: string | null
  encrypted_at_rest: 0 | 1 | null
  public_access: 0 | 1 | null
  attributes: string
  manual: 0 | 1
  phi: PhiMarking | null
  phi_said_by: string | null
  phi_said_at: string | null
  owner: string
  notes: string
  business_associate_id: number | null
  created_at: string
  updated_at: string
  removed_at: string | null
  zone_ids: string
  source_ids: string
}

const SELECT_ASSETS = `SELECT a.*,
    (SELECT json_group_array(zone_id) FROM (SELECT zone_id FROM map_asset_zone WHERE asset_id = a.id ORDER BY zone_id)) AS zone_ids,
    (SELECT json_group_array(source_id) FROM (SELECT source_id FROM map_asset_source WHERE asset_id = a.id ORDER BY source_id)) AS source_ids
  FROM map_asset a`

const toBool = (value: 0 | 1 | null): boolean | null => (value === null ? null : value === 1)

type ZoneMarkings = ReturnType<typeof zoneMarkingsById>

function toAsset(row: AssetRow, zones: ZoneMarkings): MapAsset {
  const zoneIds = JSON.parse(row.zone_ids) as number[]
  const assetZones = zoneIds.flatMap(id => zones.get(id) ?? [])
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    kind: row.kind,
    resourceType: row.resource_type,
    serviceId: row.service_id,
    phi: effectiveAssetMarking({ value: row.phi, by: row.phi_said_by, at: row.phi_said_at }, assetZones, row.kind),
    owner: row.owner,
    manual: row.manual === 1,
    zoneName: assetZones[0]?.name ?? null,
    zoneIds,
    businessAssociateId: row.business_associate_id,
    removedAt: row.removed_at,
    arn: row.arn,
    account: row.account,
    region: row.region,
    encryptedAtRest: toBool(row.encrypted_at_rest),
    publicAccess: toBool(row.public_access),
    attributes: JSON.parse(row.attributes) as Record<string, string>,
    notes: row.notes,
    sourceIds: JSON.parse(row.source_ids) as number[],
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

export function toAssetSummary(asset: MapAsset): MapAssetSummary {
  const {
    phi,
    arn: _arn,
    account: _account,
    region: _region,
    encryptedAtRest: _e,
    publicAccess: _p,
    attributes: _a,
    notes: _n,
    sourceIds: _s,
    createdAt: _c,
    updatedAt: _u,
    ...rest
  } = asset
  return { ...rest, phi: phi.value, phiInferred: phi.origin === 'inferred' }
}

/** Every asset with all its details and effective PHI marking (removed ones too: `removedAt` says). */
export function listMapAssetDetails(db: Db): MapAsset[] {
  const zones = zoneMarkingsById(db)
  return (db.prepare(`${SELECT_ASSETS} ORDER BY a.name COLLATE NOCASE, a.id`).all() as AssetRow[]).map(row => toAsset(row, zones))
}

/** Current assets (not removed) as other features read them: risk analysis, procurement, documents. */
export function listMapAssets(db: Db): MapAssetSummary[] {
  return listMapAssetDetails(db)
    .filter(asset => asset.removedAt === null)
    .map(toAssetSummary)
}

/** Current assets whose effective marking is PHI (a person's, or inferred from a PHI zone). */
export function listPhiAssets(db: Db): MapAssetSummary[] {
  return listMapAssets(db).filter(asset => asset.phi === 'phi')
}

export function getMapAsset(db: Db, id: number): MapAsset | undefined {
  const row = db.prepare(`${SELECT_ASSETS} WHERE a.id = ?`).get(id) as AssetRow | undefined
  return row && toAsset(row, zoneMarkingsById(db))
}

/**
 * Whether a map exists: a file has been imported, or a person has said what an
 * asset holds. An unmarked manual asset alone (the risk analysis's
 * "Organisation-wide" placeholder) is not a map.
 */
export function hasDataFlowMap(db: Db): boolean {
  return (
    db.prepare('SELECT 1 FROM map_source LIMIT 1').get() !== undefined ||
    db.prepare('SELECT 1 FROM map_asset WHERE removed_at IS NULL AND phi IS NOT NULL LIMIT 1').get() !== undefined
  )
}

export function findAssetIdsByName(db: Db, name: string): number[] {
  return (db.prepare('SELECT id FROM map_asset WHERE name = ? OR key = ? OR arn = ? ORDER BY id').all(name, name, name) as { id: number }[]).map(
    row => row.id
  )
}

export function getAssetIdByKey(db: Db, key: string): number | undefined {
  return (db.prepare('SELECT id FROM map_asset WHERE key = ?').get(key) as { id: number } | undefined)?.id
}

/**
 * Inserts an asset read from a file, or refreshes what the file says about it.
 * What a person said (PHI marking, owner, notes, business associate) is never touched.
 */
export function upsertParsedAsset(db: Db, asset: ParsedAsset, now: string): { id: number; created: boolean } {
  const params = {
    key: asset.key,
    name: asset.name,
    resourceType: asset.resourceType,
    kind: asset.kind,
    serviceId: asset.serviceId,
    arn: asset.arn,
    account: asset.account,
    region: asset.region,
    encryptedAtRest: asset.encryptedAtRest === null ? null : asset.encryptedAtRest ? 1 : 0,
    publicAccess: asset.publicAccess === null ? null : asset.publicAccess ? 1 : 0,
    attributes: JSON.stringify(asset.attributes),
    now
  }
  const existing = getAssetIdByKey(db, asset.key)
  if (existing !== undefined) {
    db.prepare(
      `UPDATE map_asset SET name = @name, resource_type = @resourceType, kind = @kind, service_id = @serviceId, arn = @arn,
         account = @account, region = @region, encrypted_at_rest = @encryptedAtRest, public_access = @publicAccess,
         attributes = @attributes, updated_at = @now, removed_at = NULL
       WHERE id = @id`
    ).run({ ...params, id: existing })
    return { id: existing, created: false }
  }
  const result = db
    .prepare(
      `INSERT INTO map_asset (key, name, resource_type, kind, service_id, arn, account, region, encrypted_at_rest, public_access,
         attributes, manual, created_at, updated_at)
       VALUES (@key, @name, @resourceType, @kind, @serviceId, @arn, @account, @region, @encryptedAtRest, @publicAccess,
         @attributes, 0, @now, @now)`
    )
    .run(params)
  return { id: Number(result.lastInsertRowid), created: true }
}

export interface ManualAssetValues {
  key: string
  name: string
  kind: MapAssetKind
  resourceType: string
  serviceId: string | null
  phi: PhiMarking | null
  owner: string
  notes: string
  businessAssociateId: number | null
  encryptedAtRest: boolean | null
  by: string
}

export function insertManualAsset(db: Db, values: ManualAssetValues, now: string): number {
  const result = db
    .prepare(
      `INSERT INTO map_asset (key, name, resource_type, kind, service_id, encrypted_at_rest, manual, phi, phi_said_by, phi_said_at,
         owner, notes, business_associate_id, created_at, updated_at)
       VALUES (@key, @name, @resourceType, @kind, @serviceId, @encryptedAtRest, 1, @phi, @saidBy, @saidAt,
         @owner, @notes, @businessAssociateId, @now, @now)`
    )
    .run({
      ...values,
      encryptedAtRest: values.encryptedAtRest === null ? null : values.encryptedAtRest ? 1 : 0,
      saidBy: values.phi === null ? null : values.by,
      saidAt: values.phi === null ? null : now,
      now
    })
  return Number(result.lastInsertRowid)
}

/** The fields a person may change; only the ones given are written. */
export interface AssetChanges {
  name?: string
  kind?: MapAssetKind
  resourceType?: string
  serviceId?: string | null
  owner?: string
  notes?: string
  businessAssociateId?: number | null
  encryptedAtRest?: boolean | null
}

const CHANGE_COLUMNS: Record<keyof AssetChanges, string> = {
  name: 'name',
  kind: 'kind',
  resourceType: 'resource_type',
  serviceId: 'service_id',
  owner: 'owner',
  notes: 'notes',
  businessAssociateId: 'business_associate_id',
  encryptedAtRest: 'encrypted_at_rest'
}

export function updateAsset(db: Db, id: number, changes: AssetChanges, now: string): void {
  const entries = (Object.keys(CHANGE_COLUMNS) as (keyof AssetChanges)[]).filter(field => changes[field] !== undefined)
  const params: Record<string, unknown> = { id, now }
  for (const field of entries) {
    const value = changes[field]
    params[field] = typeof value === 'boolean' ? (value ? 1 : 0) : value
  }
  const sets = entries.map(field => `${CHANGE_COLUMNS[field]} = @${field}`)
  db.prepare(`UPDATE map_asset SET ${[...sets, 'updated_at = @now'].join(', ')} WHERE id = @id`).run(params)
}

export function setAssetPhi(db: Db, id: number, phi: PhiMarking | null, by: string, now: string): boolean {
  return (
    db
      .prepare('UPDATE map_asset SET phi = ?, phi_said_by = ?, phi_said_at = ?, updated_at = ? WHERE id = ?')
      .run(phi, phi === null ? null : by, phi === null ? null : now, now, id).changes === 1
  )
}

/** Puts an asset in exactly these zones. */
export function setAssetZones(db: Db, assetId: number, zoneIds: readonly number[]): void {
  db.prepare('DELETE FROM map_asset_zone WHERE asset_id = ?').run(assetId)
  const insert = db.prepare('INSERT OR IGNORE INTO map_asset_zone (asset_id, zone_id) VALUES (?, ?)')
  for (const zoneId of zoneIds) insert.run(assetId, zoneId)
}

export function linkAssetSource(db: Db, assetId: number, sourceId: number): void {
  db.prepare('INSERT OR IGNORE INTO map_asset_source (asset_id, source_id) VALUES (?, ?)').run(assetId, sourceId)
}

export function deleteAsset(db: Db, id: number): void {
  db.prepare('DELETE FROM map_asset WHERE id = ?').run(id)
}

/**
 * Imported assets no current source describes any more stay (with what a
 * person said about them) and are flagged removed; returns how many, and how
 * many of those a person had marked or described.
 */
export function markUndescribedAssetsRemoved(db: Db, now: string): { removed: number; withMarkings: number } {
  const where = `manual = 0 AND removed_at IS NULL AND NOT EXISTS (SELECT 1 FROM map_asset_source WHERE asset_id = map_asset.id)`
  const withMarkings = (
    db
      .prepare(
        `SELECT count(*) AS n FROM map_asset WHERE ${where} AND (phi IS NOT NULL OR owner <> '' OR notes <> '' OR business_associate_id IS NOT NULL)`
      )
      .get() as { n: number }
  ).n
  const removed = db.prepare(`UPDATE map_asset SET removed_at = ? WHERE ${where}`).run(now).changes
  return { removed, withMarkings }
}

/** How many current assets of each cloud service the map holds, and how many of them hold PHI; null when there is no map. */
export function mapAssetsByService(db: Db): Map<string, { assets: number; phiAssets: number }> | null {
  if (!hasDataFlowMap(db)) return null
  const byService = new Map<string, { assets: number; phiAssets: number }>()
  for (const asset of listMapAssets(db)) {
    if (asset.serviceId === null) continue
    const entry = byService.get(asset.serviceId) ?? { assets: 0, phiAssets: 0 }
    entry.assets += 1
    if (asset.phi === 'phi') entry.phiAssets += 1
    byService.set(asset.serviceId, entry)
  }
  return byService
}
