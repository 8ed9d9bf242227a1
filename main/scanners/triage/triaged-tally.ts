import type { Db } from '../../db/driver'
import type { TriagedFailure } from './effective-triage'

/** Triaged failures added up the way a count needs them: per severity, per specification and in all. */
export interface TriagedTally {
  bySeverity: Map<string, number>
  byCitation: Map<string, number>
  total: number
}

/**
 * `weight`: 'rows' for counts of stored findings, 'resources' for counts of results (a ScoutSuite record stands for
 * several: the evidence pack, the Findings screens and flags). `unmutedOnly` for counts that already
 * leave muted findings out.
 */
export function tallyTriaged(
  db: Db,
  failures: readonly TriagedFailure[],
  options: { weight: 'rows' | 'resources'; unmutedOnly: boolean }
): TriagedTally {
  const bySeverity = new Map<string, number>()
  const byCitation = new Map<string, number>()
  let total = 0
  if (failures.length === 0) return { bySeverity, byCitation, total }
  const sets = new Map(
    (db.prepare('SELECT id, citations FROM citation_set').all() as { id: number; citations: string }[]).map(s => [s.id, s.citations.split('|')])
  )
  for (const f of failures) {
    if (options.unmutedOnly && f.muted) continue
    const n = options.weight === 'rows' ? 1 : f.itemCount
    total += n
    bySeverity.set(f.severity, (bySeverity.get(f.severity) ?? 0) + n)
    for (const citation of f.citationSetId === null ? [] : (sets.get(f.citationSetId) ?? []))
      byCitation.set(citation, (byCitation.get(citation) ?? 0) + n)
  }
  return { bySeverity, byCitation, total }
}
