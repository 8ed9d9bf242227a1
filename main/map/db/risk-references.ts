import type { Db } from '../../db/driver'

/**
 * How many rows of other features (the risk analysis's scenario assets, issue
 * 13) refer to an asset. Found through the schema's own foreign keys to
 * map_asset, so a feature that links assets later is covered without a change here.
 */
export function rowsReferringToAsset(db: Db, assetId: number): number {
  const links = db
    .prepare(
      `SELECT t.name AS tableName, k."from" AS columnName
         FROM sqlite_schema t, pragma_foreign_key_list(t.name) k
        WHERE t.type = 'table' AND t.name NOT LIKE 'map\\_%' ESCAPE '\\' AND k."table" = 'map_asset'`
    )
    .all() as { tableName: string; columnName: string }[]
  let count = 0
  for (const { tableName, columnName } of links) {
    // Table and column names come from the schema itself, never from input.
    const quote = (name: string) => `"${name.replaceAll('"', '""')}"`
    count += (db.prepare(`SELECT count(*) AS n FROM ${quote(tableName)} WHERE ${quote(columnName)} = ?`).get(assetId) as { n: number }).n
  }
  return count
}
