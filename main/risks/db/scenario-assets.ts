import type { Db } from '../../db/driver'
import type { RiskAssetRef } from '../contract'

/** Puts a scenario on exactly these assets, keeping each one's name and kind as they are now. */
export function setScenarioAssets(db: Db, scenarioId: number, assets: readonly { id: number; name: string; kind: string }[]): void {
  db.prepare('DELETE FROM risk_scenario_asset WHERE scenario_id = ?').run(scenarioId)
  const insert = db.prepare('INSERT INTO risk_scenario_asset (scenario_id, asset_id, asset_name, asset_kind) VALUES (?, ?, ?, ?)')
  for (const asset of assets) insert.run(scenarioId, asset.id, asset.name, asset.kind)
}

export function listScenarioAssets(db: Db, scenarioId: number): RiskAssetRef[] {
  return db
    .prepare('SELECT asset_id AS id, asset_name AS name, asset_kind AS kind FROM risk_scenario_asset WHERE scenario_id = ? ORDER BY id')
    .all(scenarioId) as RiskAssetRef[]
}

/** The assets of every scenario of a period, by scenario id (one query for the whole register). */
export function assetsByScenario(db: Db, periodId: string): Map<number, RiskAssetRef[]> {
  const rows = db
    .prepare(
      `SELECT a.scenario_id AS scenarioId, a.asset_id AS id, a.asset_name AS name, a.asset_kind AS kind
       FROM risk_scenario_asset a JOIN risk_scenario s ON s.id = a.scenario_id WHERE s.period_id = ? ORDER BY a.id`
    )
    .all(periodId) as (RiskAssetRef & { scenarioId: number })[]
  const byScenario = new Map<number, RiskAssetRef[]>()
  for (const { scenarioId, ...asset } of rows) {
    const list = byScenario.get(scenarioId)
    if (list) list.push(asset)
    else byScenario.set(scenarioId, [asset])
  }
  return byScenario
}
