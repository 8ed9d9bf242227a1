import type { Db } from '../../db/driver'
import type { MapSource } from '../contract'
import type { InfrastructureFormatId } from '../model'

interface SourceRow {
  id: number
  file_name: string
  file_sha256: string
  file_bytes: number
  format: InfrastructureFormatId
  imported_at: string
  assets: number
  zones: number
  flows: number
  warnings: string
  superseded_by: number | null
}

const fromRow = (row: SourceRow): MapSource => ({
  id: row.id,
  fileName: row.file_name,
  sha256: row.file_sha256,
  format: row.format,
  importedAt: row.imported_at,
  assets: row.assets,
  zones: row.zones,
  flows: row.flows,
  warnings: JSON.parse(row.warnings) as string[],
  supersededBy: row.superseded_by
})

export function listMapSources(db: Db): MapSource[] {
  return (db.prepare('SELECT * FROM map_source ORDER BY imported_at, id').all() as SourceRow[]).map(fromRow)
}

export function findMapSourceBySha(db: Db, sha256: string): MapSource | undefined {
  const row = db.prepare('SELECT * FROM map_source WHERE file_sha256 = ?').get(sha256) as SourceRow | undefined
  return row && fromRow(row)
}

/** The current (not superseded) import of the same description: same file name and format. */
export function findCurrentSource(db: Db, fileName: string, format: InfrastructureFormatId): MapSource | undefined {
  const row = db
    .prepare('SELECT * FROM map_source WHERE file_name = ? AND format = ? AND superseded_by IS NULL ORDER BY id DESC LIMIT 1')
    .get(fileName, format) as SourceRow | undefined
  return row && fromRow(row)
}

export interface SourceValues {
  fileName: string
  sha256: string
  bytes: number
  format: InfrastructureFormatId
  assets: number
  zones: number
  flows: number
  warnings: string[]
}

export function insertMapSource(db: Db, values: SourceValues, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO map_source (file_name, file_sha256, file_bytes, format, imported_at, assets, zones, flows, warnings)
         VALUES (@fileName, @sha256, @bytes, @format, @now, @assets, @zones, @flows, @warnings)`
      )
      .run({ ...values, warnings: JSON.stringify(values.warnings), now }).lastInsertRowid
  )
}

/** The older import hands its rows over: its links go, and it records which import replaced it. */
export function supersedeSource(db: Db, oldId: number, newId: number): void {
  db.prepare('DELETE FROM map_asset_source WHERE source_id = ?').run(oldId)
  db.prepare('DELETE FROM map_zone_source WHERE source_id = ?').run(oldId)
  db.prepare('DELETE FROM map_flow_source WHERE source_id = ?').run(oldId)
  db.prepare('UPDATE map_source SET superseded_by = ? WHERE id = ?').run(newId, oldId)
}

/** What the import turned out to store: flows whose ends were found, and the warnings. */
export function completeMapSource(db: Db, id: number, flows: number, warnings: readonly string[]): void {
  db.prepare('UPDATE map_source SET flows = ?, warnings = ? WHERE id = ?').run(flows, JSON.stringify(warnings), id)
}
