import type { Db } from '../../db/driver'
import type { MapZone, MarkingState, PhiMarking } from '../contract'
import { effectiveZoneMarkings } from '../inference/zone-and-asset-phi'
import type { ParsedZone, ZoneKind } from '../model'

interface ZoneRow {
  id: number
  key: string
  kind: ZoneKind
  name: string
  parent_id: number | null
  cidr: string | null
  placeholder: 0 | 1
  provider: string
  account: string | null
  region: string | null
  phi: PhiMarking | null
  phi_said_by: string | null
  phi_said_at: string | null
  removed_at: string | null
  source_ids: string
}

const SELECT_ZONES = `SELECT z.*, (SELECT json_group_array(source_id) FROM map_zone_source WHERE zone_id = z.id) AS source_ids FROM map_zone z`

function readZoneRows(db: Db): ZoneRow[] {
  return db.prepare(`${SELECT_ZONES} ORDER BY z.name COLLATE NOCASE, z.id`).all() as ZoneRow[]
}

/** Every zone (removed ones too) with its effective marking. */
export function listMapZones(db: Db): MapZone[] {
  const rows = readZoneRows(db)
  const markings = markingsOf(rows)
  return rows.map(row => ({
    id: row.id,
    key: row.key,
    kind: row.kind,
    name: row.name,
    parentId: row.parent_id,
    cidr: row.cidr,
    placeholder: row.placeholder === 1,
    provider: row.provider,
    account: row.account,
    region: row.region,
    phi: markings.get(row.id)!,
    sourceIds: (JSON.parse(row.source_ids) as number[]).sort((a, b) => a - b),
    removedAt: row.removed_at
  }))
}

function markingsOf(rows: ZoneRow[]): Map<number, MarkingState<PhiMarking>> {
  return effectiveZoneMarkings(
    rows.map(row => ({ id: row.id, name: row.name, parentId: row.parent_id, said: row.phi, saidBy: row.phi_said_by, saidAt: row.phi_said_at }))
  )
}

/** Effective markings and names of every zone, by id (for asset inference). */
export function zoneMarkingsById(db: Db): Map<number, { name: string; marking: MarkingState<PhiMarking> }> {
  const rows = db.prepare("SELECT id, key, name, parent_id, phi, phi_said_by, phi_said_at, '[]' AS source_ids FROM map_zone").all() as ZoneRow[]
  const markings = markingsOf(rows)
  return new Map(rows.map(row => [row.id, { name: row.name, marking: markings.get(row.id)! }]))
}

export function getZoneIdByKey(db: Db, key: string): number | undefined {
  return (db.prepare('SELECT id FROM map_zone WHERE key = ?').get(key) as { id: number } | undefined)?.id
}

export function zoneExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM map_zone WHERE id = ?').get(id) !== undefined
}

/** Inserts a zone read from a file, or refreshes what the file says about it; a person's marking is never touched. */
export function upsertParsedZone(db: Db, zone: ParsedZone): { id: number; created: boolean } {
  const existing = getZoneIdByKey(db, zone.key)
  const params = {
    key: zone.key,
    kind: zone.kind,
    name: zone.name,
    cidr: zone.cidr,
    placeholder: zone.placeholder ? 1 : 0,
    provider: zone.provider,
    account: zone.account,
    region: zone.region
  }
  if (existing !== undefined) {
    db.prepare(
      `UPDATE map_zone SET kind = @kind, name = @name, cidr = @cidr, placeholder = @placeholder, provider = @provider,
         account = @account, region = @region, removed_at = NULL WHERE id = @id`
    ).run({ ...params, id: existing })
    return { id: existing, created: false }
  }
  const result = db
    .prepare(
      `INSERT INTO map_zone (key, kind, name, cidr, placeholder, provider, account, region)
       VALUES (@key, @kind, @name, @cidr, @placeholder, @provider, @account, @region)`
    )
    .run(params)
  return { id: Number(result.lastInsertRowid), created: true }
}

export function setZoneParent(db: Db, id: number, parentId: number | null): void {
  db.prepare('UPDATE map_zone SET parent_id = ? WHERE id = ?').run(parentId === id ? null : parentId, id)
}

export function setZonePhi(db: Db, id: number, phi: PhiMarking | null, by: string, now: string): boolean {
  return (
    db
      .prepare('UPDATE map_zone SET phi = ?, phi_said_by = ?, phi_said_at = ? WHERE id = ?')
      .run(phi, phi === null ? null : by, phi === null ? null : now, id).changes === 1
  )
}

export function linkZoneSource(db: Db, zoneId: number, sourceId: number): void {
  db.prepare('INSERT OR IGNORE INTO map_zone_source (zone_id, source_id) VALUES (?, ?)').run(zoneId, sourceId)
}

/** Zones no current source describes any more are kept (a person may have marked them), flagged removed. */
export function markUndescribedZonesRemoved(db: Db, now: string): number {
  return db
    .prepare(
      `UPDATE map_zone SET removed_at = ? WHERE removed_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM map_zone_source WHERE zone_id = map_zone.id)`
    )
    .run(now).changes
}
