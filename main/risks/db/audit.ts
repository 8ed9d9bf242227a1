import type { Db } from '../../db/driver'

export interface RiskAuditEntry {
  id: number
  scenarioKey: string
  at: string
  field: string
  oldValue: string | null
  newValue: string | null
}

const asText = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value)

/** Records one changed field of a scenario (nothing when the value did not change). */
export function recordRiskChange(
  db: Db,
  change: { periodId: string; scenarioKey: string; at: string; field: string; oldValue: unknown; newValue: unknown }
): void {
  const oldValue = asText(change.oldValue)
  const newValue = asText(change.newValue)
  if (oldValue === newValue) return
  db.prepare('INSERT INTO risk_audit (period_id, scenario_key, at, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)').run(
    change.periodId,
    change.scenarioKey,
    change.at,
    change.field,
    oldValue,
    newValue
  )
}

export function listRiskAudit(db: Db, periodId: string, scenarioKey: string): RiskAuditEntry[] {
  return db
    .prepare(
      `SELECT id, scenario_key AS scenarioKey, at, field, old_value AS oldValue, new_value AS newValue
       FROM risk_audit WHERE period_id = ? AND scenario_key = ? ORDER BY id`
    )
    .all(periodId, scenarioKey) as RiskAuditEntry[]
}
