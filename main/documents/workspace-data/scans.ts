import type { Db } from '../../db/driver'
import { findingCounts } from '../../scanners/db/finding-counts'
import { queryFindings } from '../../scanners/db/findings'
import { latestScanIds, listScans } from '../../scanners/db/scans'
import { evaluateTriage, formatLabel, tallyTriaged, triagedFailures } from '../../scanners/reads'
import type { EvidencePackData, FindingsSummary, Severity } from '../evidence-pack/pack-data'
import { SEVERITIES } from '../evidence-pack/pack-data'

/**
 * Scanner results for the documents: the scans from the scans feature's read functions, counts by grouped
 * query (never by loading every finding), and only the worst failing findings fetched, so a
 * workspace with 100k findings costs a few queries.
 */

const WORST_LIMIT = 40
const TRIAGED_LIMIT = 60

/** `asOf`: the day triages are read on; a triaged failure is left out of every count and listed apart with its reason. */
export function scanSections(db: Db, titleOf: (citation: string) => string, asOf: string): Pick<EvidencePackData, 'scans' | 'findings'> {
  const scans = listScans(db)
  if (scans.length === 0) return { scans: null, findings: null }
  // Only the newest scan of each account counts; earlier ones are listed for the record.
  const latestIds = latestScanIds(db)
  const latest = scans.filter(s => latestIds.includes(s.id))
  const inLatest = latest.reduce((sum, s) => sum + s.findings, 0)
  const inAll = scans.reduce((sum, s) => sum + s.findings, 0)
  const counts = findingCounts(db, latestIds, { mostRows: inLatest * 2 >= inAll })
  const evaluation = evaluateTriage(db, asOf)
  const triaged = triagedFailures(db, latestIds, evaluation)
  // Every count in results, the scans' own unit (a ScoutSuite record stands for several), triaged failures weighted alike.
  const triagedResults = tallyTriaged(db, triaged, { weight: 'resources', unmutedOnly: false })
  const severityCounts = counts.bySeverity
  const bySeverity = {} as FindingsSummary['bySeverity']
  // Unknown severities are shown as informational.
  const sourcesOf = (severity: Severity) => (severity === 'informational' ? ['informational', 'unknown'] : [severity])
  const sum = (severity: Severity, read: (s: string) => number) => sourcesOf(severity).reduce((n, s) => n + read(s), 0)
  for (const severity of SEVERITIES) {
    const triagedHere = sum(severity, s => triagedResults.bySeverity.get(s) ?? 0)
    bySeverity[severity] = {
      failed: sum(severity, s => severityCounts.get(s)?.failed ?? 0) - triagedHere,
      passed: sum(severity, s => severityCounts.get(s)?.passed ?? 0),
      triaged: triagedHere,
      other: sum(severity, s => severityCounts.get(s)?.other ?? 0)
    }
  }
  const bySpecification = [...counts.byCitation].map(([citation, counts]) => ({
    citation,
    title: titleOf(citation),
    failed: counts.failed - (triagedResults.byCitation.get(citation) ?? 0),
    passed: counts.passed
  }))
  const units = new Set(latest.map(s => s.tally.unit.many))
  const triagedIds = triaged.map(t => t.id)
  // The scans feature orders failing findings worst first; one page is the worst N.
  const page = queryFindings(db, { scanIds: latestIds, status: 'failed', withoutIds: triagedIds, limit: WORST_LIMIT, offset: 0 })
  const triagedPage = queryFindings(db, { scanIds: latestIds, status: 'failed', onlyIds: triagedIds, limit: TRIAGED_LIMIT, offset: 0 })
  const triageOf = new Map(triaged.map(t => [t.id, t.triage.triage]))
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
      summary: s.summary,
      superseded: !latestIds.includes(s.id)
    })),
    findings: {
      // Results, as the scans' summaries count them (a ScoutSuite pass record counting every item it stands for), not stored rows.
      unit: units.size === 1 ? ([...units][0] as string) : 'results',
      total: latest.reduce((sum, s) => sum + s.tally.total, 0),
      failed: latest.reduce((sum, s) => sum + s.failed, 0) - triagedResults.total,
      passed: latest.reduce((sum, s) => sum + s.passed, 0),
      bySeverity,
      bySpecification: bySpecification.sort((a, b) => b.failed - a.failed || a.citation.localeCompare(b.citation)),
      worst,
      worstLimit: WORST_LIMIT,
      triaged: {
        total: triagedPage.total,
        resources: triagedResults.total,
        limit: TRIAGED_LIMIT,
        listed: triagedPage.findings.map(f => {
          const triage = triageOf.get(f.id)
          return {
            severity: (f.severity === 'unknown' ? 'informational' : f.severity) as Severity,
            title: f.title,
            resource: f.resourceName ?? f.resourceId ?? (triage?.findingKey === null ? 'Whole check' : '—'),
            accountId: f.account ?? '—',
            region: f.region ?? '—',
            citations: f.citations,
            status: triage?.statusLabel ?? '—',
            reason: triage?.reason ?? '—',
            by: triage?.by ?? '—',
            triagedOn: triage?.createdAt.slice(0, 10) ?? '—',
            expiresOn: triage?.expiresOn ?? null,
            wholeCheck: triage?.findingKey === null
          }
        })
      }
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
