import type { Db } from '../../db/driver'
import { findingCounts } from '../../scanners/db/finding-counts'
import { queryFindings } from '../../scanners/db/findings'
import { latestScanIds, listScans } from '../../scanners/db/scans'
import { formatLabel } from '../../scanners/reads'
import type { EvidencePackData, FindingsSummary, Severity } from '../evidence-pack/pack-data'
import { SEVERITIES } from '../evidence-pack/pack-data'

/**
 * Scanner results for the documents: the scans from the scans feature's read functions, counts by grouped
 * query (never by loading every finding), and only the worst failing findings fetched, so a
 * workspace with 100k findings costs a few queries.
 */

const WORST_LIMIT = 40

export function scanSections(db: Db, titleOf: (citation: string) => string): Pick<EvidencePackData, 'scans' | 'findings'> {
  const scans = listScans(db)
  if (scans.length === 0) return { scans: null, findings: null }
  // Only the newest scan of each account counts; earlier ones are listed for the record.
  const latestIds = latestScanIds(db)
  const latest = scans.filter(s => latestIds.includes(s.id))
  const inLatest = latest.reduce((sum, s) => sum + s.findings, 0)
  const inAll = scans.reduce((sum, s) => sum + s.findings, 0)
  const counts = findingCounts(db, latestIds, { mostRows: inLatest * 2 >= inAll })
  const severityCounts = counts.bySeverity
  const bySeverity = {} as FindingsSummary['bySeverity']
  for (const severity of SEVERITIES) {
    const own = severityCounts.get(severity) ?? { failed: 0, passed: 0 }
    const unknown = severity === 'informational' ? (severityCounts.get('unknown') ?? { failed: 0, passed: 0 }) : { failed: 0, passed: 0 }
    bySeverity[severity] = { failed: own.failed + unknown.failed, passed: own.passed + unknown.passed }
  }
  const bySpecification = [...counts.byCitation].map(([citation, counts]) => ({ citation, title: titleOf(citation), ...counts }))
  // The scans feature orders failing findings worst first; one page is the worst N.
  const page = queryFindings(db, { scanIds: latestIds, status: 'failed', limit: WORST_LIMIT, offset: 0 })
  const worst: FindingsSummary['worst'] = page.findings.map(f => ({
    severity: (f.severity === 'unknown' ? 'informational' : f.severity) as Severity,
    title: f.title,
    resource: f.resourceName ?? f.resourceId ?? '—',
    accountId: f.account ?? '—',
    region: f.region ?? '—',
    citations: f.citations,
    scanId: String(f.scanId)
  }))
  return {
    scans: scans.map(s => ({
      id: String(s.id),
      fileName: s.fileName,
      format: formatLabel(s.format),
      scannedOn: s.startedAt ? s.startedAt.slice(0, 10) : null,
      importedOn: s.importedAt.slice(0, 10),
      sha256: s.sha256,
      ...(s.accounts.length ? { accountId: s.accounts.join(', ') } : {}),
      findings: s.findings,
      failed: s.failed,
      passed: s.passed,
      superseded: !latestIds.includes(s.id)
    })),
    findings: {
      total: latest.reduce((sum, s) => sum + s.findings, 0),
      failed: latest.reduce((sum, s) => sum + s.failed, 0),
      passed: latest.reduce((sum, s) => sum + s.passed, 0),
      bySeverity,
      bySpecification: bySpecification.sort((a, b) => b.failed - a.failed || a.citation.localeCompare(b.citation)),
      worst,
      worstLimit: WORST_LIMIT
    }
  }
}

/** Failing checks per scan, oldest first, for the annual review's trend. */
export function findingsTrend(db: Db, range: { start: string; end: string }) {
  return listScans(db)
    .map(s => ({ s, on: (s.startedAt ?? s.importedAt).slice(0, 10) }))
    .filter(({ on }) => on <= range.end)
    .sort((a, b) => a.on.localeCompare(b.on))
    .map(({ s, on }) => ({
      label: formatLabel(s.format),
      scannedOn: on,
      failed: s.failed,
      passed: s.passed,
      failedBySeverity: {
        critical: s.failedBySeverity.critical ?? 0,
        high: s.failedBySeverity.high ?? 0,
        medium: s.failedBySeverity.medium ?? 0,
        low: s.failedBySeverity.low ?? 0,
        informational: (s.failedBySeverity.informational ?? 0) + (s.failedBySeverity.unknown ?? 0)
      }
    }))
}
