// What changed in the analysis since the period this one was copied from,
// matching scenarios by the key they keep across periods.
import type { FieldChange, RiskChanges, RiskSummary } from './contract'

const COMPARED: [string, (row: RiskSummary) => string | null][] = [
  ['title', row => row.title],
  ['assets', row => row.assets.map(a => a.name).join('; ')],
  ['threat', row => row.threat?.name ?? null],
  ['likelihood', row => row.likelihood],
  ['impact', row => row.impact],
  ['level', row => row.levelLabel],
  ['residualLevel', row => row.residualLevelLabel],
  ['treatment', row => row.treatment],
  ['status', row => row.status],
  ['owner', row => row.owner],
  ['dueOn', row => row.dueOn],
  ['acceptanceExpiresOn', row => row.acceptance?.expiresOn ?? null]
]

export function compareRegisters(current: readonly RiskSummary[], previous: readonly RiskSummary[]): Omit<RiskChanges, 'period' | 'previous'> {
  const before = new Map(previous.map(row => [row.key, row]))
  const now = new Map(current.map(row => [row.key, row]))
  const changed: RiskChanges['changed'] = []
  for (const row of current) {
    const old = before.get(row.key)
    if (!old) continue
    const fields: FieldChange[] = COMPARED.flatMap(([field, read]) =>
      read(old) === read(row) ? [] : [{ field, before: read(old), after: read(row) }]
    )
    if (fields.length > 0) changed.push({ key: row.key, title: row.title, fields })
  }
  return {
    added: current.filter(row => !before.has(row.key)).map(row => ({ key: row.key, title: row.title })),
    removed: previous.filter(row => !now.has(row.key)).map(row => ({ key: row.key, title: row.title })),
    changed
  }
}
