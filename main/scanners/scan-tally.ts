// The one summary of what a scan holds, printed alike by the CLI, the app and the documents,
// so a number never means one thing in one place and another elsewhere.

import { FINDING_STATUSES, type FindingStatus, type FormatId, type NormalizedFinding, type ScanTally } from './finding.types'
import { scannerFormat } from './formats/index'

/** Counts findings as they are read; `tally()` gives the totals. */
export class TallyCounter {
  private readonly byStatus = Object.fromEntries(FINDING_STATUSES.map(s => [s, 0])) as Record<FindingStatus, number>
  private readonly checks = new Set<string>()
  private records = 0

  add(f: Pick<NormalizedFinding, 'status' | 'itemCount' | 'checkId'>): void {
    this.byStatus[f.status] += f.itemCount
    this.checks.add(f.checkId)
    this.records++
  }

  tally(format: FormatId): ScanTally {
    return tallyOf(format, { ...this.byStatus }, this.records, this.checks.size)
  }
}

export function tallyOf(format: FormatId, byStatus: Record<FindingStatus, number>, records: number, checks: number): ScanTally {
  const { one, many, note } = scannerFormat(format).unit
  const total = FINDING_STATUSES.reduce((sum, s) => sum + byStatus[s], 0)
  return { unit: { one, many, ...(note ? { note } : {}) }, total, byStatus, records, checks }
}

/** Pages of one scan (of one format): the sums; `checks` is counted over all pages by the caller (a check can span pages). */
export function mergeTallies(format: FormatId, tallies: readonly ScanTally[], checks: number): ScanTally {
  const byStatus = Object.fromEntries(FINDING_STATUSES.map(s => [s, tallies.reduce((n, t) => n + t.byStatus[s], 0)])) as Record<FindingStatus, number>
  const records = tallies.reduce((n, t) => n + t.records, 0)
  return tallyOf(format, byStatus, records, checks)
}

const STATUS_WORDS: Record<FindingStatus, string> = {
  passed: 'passed',
  failed: 'failed',
  info: 'informational',
  skipped: 'skipped',
  error: 'error',
  manual: 'manual'
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}

/**
 * "24 checked items from 7 checks (passed = checked - flagged, as ScoutSuite counts them): 18 passed,
 * 6 failed; stored as 9 findings". The parts listed always add up to the total: passed and failed always,
 * each other status when it has results.
 */
export function describeTally(t: ScanTally): string {
  const parts = FINDING_STATUSES.filter(s => s === 'passed' || s === 'failed' || t.byStatus[s] > 0).map(
    s => `${t.byStatus[s].toLocaleString('en-US')} ${STATUS_WORDS[s]}`
  )
  const head = `${count(t.total, t.unit.one, t.unit.many)} from ${count(t.checks, 'check', 'checks')}${t.unit.note ? ` (${t.unit.note})` : ''}`
  const stored = t.records !== t.total ? `; stored as ${count(t.records, 'finding', 'findings')}` : ''
  return `${head}: ${parts.join(', ')}${stored}`
}
