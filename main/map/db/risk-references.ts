import type { Db } from '../../db/driver'

/**
 * How many risks (issue 13's `risk_asset` links) refer to an asset. The risk
 * feature is built alongside; until its table exists no risk can refer to one.
 * The linking column is found through the table's foreign key to map_asset.
 */
export function risksReferringToAsset(db: Db, assetId: number): number {
  const table = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'risk_asset'").get()
  if (!table) return 0
  const keys = db.prepare("SELECT \"from\" AS column FROM pragma_foreign_key_list('risk_asset') WHERE \"table\" = 'map_asset'").all() as { column: string }[]
  let count = 0
  for (const { column } of keys) {
    // The column name comes from the schema itself, never from input.
    count += (db.prepare(`SELECT count(*) AS n FROM risk_asset WHERE "${column.replaceAll('"', '""')}" = ?`).get(assetId) as { n: number }).n
  }
  return count
}
