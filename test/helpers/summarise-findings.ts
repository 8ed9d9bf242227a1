import { SEVERITIES, type FindingsSummary, type Severity } from '../../main/documents/evidence-pack/pack-data'

// Builds a findings summary from synthetic findings for the composer's tests (the app reads its
// summary from the database with grouped queries: main/documents/workspace-data/scans.ts).

/** One finding as the summariser sees it (the scans feature stores many more fields). */
export type FindingForSummary = {
  severity: Severity
  status: 'failed' | 'passed'
  title: string
  resource: string
  accountId: string
  region: string
  citations: string[]
  scanId: string
}

export { SEVERITIES }

const RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2, low: 3, informational: 4 }

function worse(a: FindingForSummary, b: FindingForSummary): number {
  return RANK[a.severity] - RANK[b.severity] || b.citations.length - a.citations.length || a.title.localeCompare(b.title)
}

/**
 * Summarises any number of findings in one pass with bounded memory: counts by severity and by
 * specification, and the `worstLimit` worst failing findings. Time grows linearly with the findings.
 */
export function summariseFindings(
  findings: Iterable<FindingForSummary>,
  options: { worstLimit?: number; titleOf?: (citation: string) => string } = {}
): FindingsSummary {
  const worstLimit = options.worstLimit ?? 40
  const bySeverity = Object.fromEntries(SEVERITIES.map(s => [s, { failed: 0, passed: 0 }])) as FindingsSummary['bySeverity']
  const bySpec = new Map<string, { failed: number; passed: number }>()
  let worst: FindingForSummary[] = []
  let total = 0
  let failed = 0
  for (const finding of findings) {
    total += 1
    const bucket = bySeverity[finding.severity]
    if (finding.status === 'failed') {
      failed += 1
      bucket.failed += 1
      worst.push(finding)
      // Trim in batches: sorting 2N items every N findings keeps the pass linear.
      if (worst.length >= worstLimit * 2 + 64) worst = worst.sort(worse).slice(0, worstLimit)
    } else {
      bucket.passed += 1
    }
    for (const citation of finding.citations) {
      let spec = bySpec.get(citation)
      if (!spec) bySpec.set(citation, (spec = { failed: 0, passed: 0 }))
      spec[finding.status] += 1
    }
  }
  return {
    total,
    failed,
    passed: total - failed,
    bySeverity,
    bySpecification: [...bySpec.entries()]
      .map(([citation, counts]) => ({ citation, title: options.titleOf?.(citation) ?? '', ...counts }))
      .sort((a, b) => b.failed - a.failed || a.citation.localeCompare(b.citation)),
    worst: worst
      .sort(worse)
      .slice(0, worstLimit)
      .map(({ status: _status, ...rest }) => rest),
    worstLimit
  }
}
