import type { Db } from '../../db/driver'
import type { FlowCarries, MapEndpoint, MapFlowKind } from '../contract'

/** A flow as stored: a person's `carries` only (inference happens when the map is read). */
export interface StoredFlow {
  id: number
  key: string
  from: MapEndpoint
  to: MapEndpoint
  kind: MapFlowKind
  label: string
  carries: FlowCarries | null
  carriesSaidBy: string | null
  carriesSaidAt: string | null
  encryptedInTransit: boolean | null
  manual: boolean
  sourceIds: number[]
  createdAt: string
  removedAt: string | null
}

interface FlowRow {
  id: number
  key: string
  from_asset_id: number | null
  from_zone_id: number | null
  to_asset_id: number | null
  to_zone_id: number | null
  kind: MapFlowKind
  label: string
  carries: FlowCarries | null
  carries_said_by: string | null
  carries_said_at: string | null
  encrypted_in_transit: 0 | 1 | null
  manual: 0 | 1
  created_at: string
  removed_at: string | null
  source_ids: string
}

const endpoint = (assetId: number | null, zoneId: number | null): MapEndpoint =>
  assetId !== null ? { type: 'asset', id: assetId } : { type: 'zone', id: zoneId as number }

const fromRow = (row: FlowRow): StoredFlow => ({
  id: row.id,
  key: row.key,
  from: endpoint(row.from_asset_id, row.from_zone_id),
  to: endpoint(row.to_asset_id, row.to_zone_id),
  kind: row.kind,
  label: row.label,
  carries: row.carries,
  carriesSaidBy: row.carries_said_by,
  carriesSaidAt: row.carries_said_at,
  encryptedInTransit: row.encrypted_in_transit === null ? null : row.encrypted_in_transit === 1,
  manual: row.manual === 1,
  sourceIds: JSON.parse(row.source_ids) as number[],
  createdAt: row.created_at,
  removedAt: row.removed_at
})

const SELECT_FLOWS = `SELECT f.*,
    (SELECT json_group_array(source_id) FROM (SELECT source_id FROM map_flow_source WHERE flow_id = f.id ORDER BY source_id)) AS source_ids
  FROM map_flow f`

export function listStoredFlows(db: Db): StoredFlow[] {
  return (db.prepare(`${SELECT_FLOWS} ORDER BY f.id`).all() as FlowRow[]).map(fromRow)
}

export function getStoredFlow(db: Db, id: number): StoredFlow | undefined {
  const row = db.prepare(`${SELECT_FLOWS} WHERE f.id = ?`).get(id) as FlowRow | undefined
  return row && fromRow(row)
}

export interface FlowValues {
  key: string
  from: MapEndpoint
  to: MapEndpoint
  kind: MapFlowKind
  label: string
  encryptedInTransit: boolean | null
}

const endpointParams = (values: FlowValues) => ({
  fromAsset: values.from.type === 'asset' ? values.from.id : null,
  fromZone: values.from.type === 'zone' ? values.from.id : null,
  toAsset: values.to.type === 'asset' ? values.to.id : null,
  toZone: values.to.type === 'zone' ? values.to.id : null,
  encrypted: values.encryptedInTransit === null ? null : values.encryptedInTransit ? 1 : 0
})

/** Inserts a flow read from a file, or refreshes what the file says about it; a person's `carries` is kept. */
export function upsertParsedFlow(db: Db, values: FlowValues, now: string): { id: number; created: boolean } {
  const existing = db.prepare('SELECT id FROM map_flow WHERE key = ?').get(values.key) as { id: number } | undefined
  const params = { ...endpointParams(values), key: values.key, kind: values.kind, label: values.label, now }
  if (existing) {
    db.prepare(
      `UPDATE map_flow SET from_asset_id = @fromAsset, from_zone_id = @fromZone, to_asset_id = @toAsset, to_zone_id = @toZone,
         kind = @kind, label = @label, encrypted_in_transit = @encrypted, removed_at = NULL WHERE id = @id`
    ).run({ ...params, id: existing.id })
    return { id: existing.id, created: false }
  }
  const result = db
    .prepare(
      `INSERT INTO map_flow (key, from_asset_id, from_zone_id, to_asset_id, to_zone_id, kind, label, encrypted_in_transit, manual, created_at)
       VALUES (@key, @fromAsset, @fromZone, @toAsset, @toZone, @kind, @label, @encrypted, 0, @now)`
    )
    .run(params)
  return { id: Number(result.lastInsertRowid), created: true }
}

export function insertManualFlow(db: Db, values: FlowValues & { carries: FlowCarries | null; by: string }, now: string): number {
  const result = db
    .prepare(
      `INSERT INTO map_flow (key, from_asset_id, from_zone_id, to_asset_id, to_zone_id, kind, label, carries, carries_said_by,
         carries_said_at, encrypted_in_transit, manual, created_at)
       VALUES (@key, @fromAsset, @fromZone, @toAsset, @toZone, @kind, @label, @carries, @saidBy, @saidAt, @encrypted, 1, @now)`
    )
    .run({
      ...endpointParams(values),
      key: values.key,
      kind: values.kind,
      label: values.label,
      carries: values.carries,
      saidBy: values.carries === null ? null : values.by,
      saidAt: values.carries === null ? null : now,
      now
    })
  return Number(result.lastInsertRowid)
}

export function setFlowCarries(db: Db, id: number, carries: FlowCarries | null, by: string, now: string): boolean {
  return (
    db
      .prepare('UPDATE map_flow SET carries = ?, carries_said_by = ?, carries_said_at = ? WHERE id = ?')
      .run(carries, carries === null ? null : by, carries === null ? null : now, id).changes === 1
  )
}

export function linkFlowSource(db: Db, flowId: number, sourceId: number): void {
  db.prepare('INSERT OR IGNORE INTO map_flow_source (flow_id, source_id) VALUES (?, ?)').run(flowId, sourceId)
}

export function deleteFlow(db: Db, id: number): void {
  db.prepare('DELETE FROM map_flow WHERE id = ?').run(id)
}

/** Imported flows no current source describes are kept (a person may have said what they carry), flagged removed. */
export function markUndescribedFlowsRemoved(db: Db, now: string): number {
  return db
    .prepare(
      `UPDATE map_flow SET removed_at = ? WHERE manual = 0 AND removed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM map_flow_source WHERE flow_id = map_flow.id)`
    )
    .run(now).changes
}
