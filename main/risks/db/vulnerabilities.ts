import type { Db } from '../../db/driver'
import type { VulnerabilityKind } from '../contract'

export interface VulnerabilityRecord {
  id: number
  scenarioId: number
  kind: VulnerabilityKind
  ref: string
  /** What the source said when it was linked. */
  label: string
  citations: string[]
}

interface VulnerabilityRow extends Omit<VulnerabilityRecord, 'citations'> {
  citations: string
}

const SELECT = 'SELECT id, scenario_id AS scenarioId, kind, ref, label, citations FROM risk_vulnerability'
const toRecord = (row: VulnerabilityRow): VulnerabilityRecord => ({ ...row, citations: JSON.parse(row.citations) as string[] })

export function listVulnerabilities(db: Db, scenarioId: number): VulnerabilityRecord[] {
  return (db.prepare(`${SELECT} WHERE scenario_id = ? ORDER BY id`).all(scenarioId) as VulnerabilityRow[]).map(toRecord)
}

/** Every link of a period's scenarios, by scenario id. */
export function vulnerabilitiesByScenario(db: Db, periodId: string): Map<number, VulnerabilityRecord[]> {
  const rows = db
    .prepare(`${SELECT} WHERE scenario_id IN (SELECT id FROM risk_scenario WHERE period_id = ?) ORDER BY id`)
    .all(periodId) as VulnerabilityRow[]
  const byScenario = new Map<number, VulnerabilityRecord[]>()
  for (const row of rows) {
    const list = byScenario.get(row.scenarioId) ?? []
    list.push(toRecord(row))
    byScenario.set(row.scenarioId, list)
  }
  return byScenario
}

/** Links a vulnerability once; a second link of the same source is ignored. Returns whether it was added. */
export function insertVulnerability(
  db: Db,
  scenarioId: number,
  link: { kind: VulnerabilityKind; ref: string; label: string; citations: readonly string[] }
): boolean {
  return (
    db
      .prepare('INSERT OR IGNORE INTO risk_vulnerability (scenario_id, kind, ref, label, citations) VALUES (?, ?, ?, ?, ?)')
      .run(scenarioId, link.kind, link.ref, link.label, JSON.stringify(link.citations)).changes === 1
  )
}

export function deleteVulnerability(db: Db, scenarioId: number, id: number): VulnerabilityRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE id = ? AND scenario_id = ?`).get(id, scenarioId) as VulnerabilityRow | undefined
  if (!row) return undefined
  db.prepare('DELETE FROM risk_vulnerability WHERE id = ?').run(id)
  return toRecord(row)
}
