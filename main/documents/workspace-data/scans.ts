import type { FindingPage, ScanView } from '../../scanners/contract'
import type { EvidencePackData, FindingsSummary, Severity } from '../evidence-pack-data'
import { SEVERITIES } from '../findings-summary'
import type { ApiCaller } from './api-caller'

/**
 * Scanner results for the documents, read through the scans feature's calls: counts come from
 * the store's own totals (never by loading every finding), and only the worst failing findings are
 * fetched, so a workspace with 100k findings costs a few dozen small queries.
 */

const WORST_LIMIT = 40

const FORMAT_LABELS: Record<string, string> = {
  'prowler-ocsf': 'Prowler JSON-OCSF',
  'prowler-v2-ndjson': 'Prowler v2 JSON',
  'prowler-v3-json': 'Prowler v3 JSON',
  'prowler-asff': 'Prowler ASFF',
  'prowler-csv': 'Prowler CSV',
  'securityhub-asff': 'AWS Security Hub ASFF',
  'securityhub-ocsf': 'AWS Security Hub OCSF',
  scoutsuite: 'ScoutSuite',
  'aws-config': 'AWS Config',
  powerpipe: 'Powerpipe benchmark'
}

function formatLabel(format: string, scanner: string): string {
  return FORMAT_LABELS[format] ?? `${scanner} (${format})`
}

async function total(api: ApiCaller, query: Record<string, unknown>): Promise<number> {
  const page = await api.optional<FindingPage>('findings.query', { ...query, limit: 1 })
  return page?.total ?? 0
}

/** The newest scan of each account (or set of accounts): earlier ones are superseded. */
export function latestPerAccount(scans: ScanView[]): ScanView[] {
  const newest = new Map<string, ScanView>()
  const when = (s: ScanView) => s.startedAt ?? s.importedAt
  for (const scan of scans) {
    const key = [...scan.accounts].sort().join(',')
    const current = newest.get(key)
    if (!current || when(scan) > when(current)) newest.set(key, scan)
  }
  return [...newest.values()]
}

export async function scanSections(
  api: ApiCaller,
  titleOf: (citation: string) => string
): Promise<Pick<EvidencePackData, 'scans' | 'findings'>> {
  const scans = await api.optional<ScanView[]>('scans.list', {})
  if (!scans || scans.length === 0) return { scans: null, findings: null }
  const latest = latestPerAccount(scans)
  const latestIds = new Set(latest.map((s) => s.id))
  const sumOver = async (query: Record<string, unknown>) => {
    let sum = 0
    for (const scan of latest) sum += await total(api, { ...query, scanId: scan.id })
    return sum
  }
  const bySeverity = {} as FindingsSummary['bySeverity']
  for (const severity of SEVERITIES) {
    const failedOf = (s: ScanView) => (s.failedBySeverity[severity] ?? 0) + (severity === 'informational' ? s.failedBySeverity.unknown ?? 0 : 0)
    const failed = latest.reduce((sum, s) => sum + failedOf(s), 0)
    const passed = (await sumOver({ status: 'passed', severity })) + (severity === 'informational' ? await sumOver({ status: 'passed', severity: 'unknown' }) : 0)
    bySeverity[severity] = { failed, passed }
  }
  const citations = [...new Set(latest.flatMap((s) => s.citations))]
  const bySpecification: FindingsSummary['bySpecification'] = []
  for (const citation of citations) {
    bySpecification.push({
      citation,
      title: titleOf(citation),
      failed: await sumOver({ citation, status: 'failed' }),
      passed: await sumOver({ citation, status: 'passed' })
    })
  }
  const worst: FindingsSummary['worst'] = []
  for (const severity of [...SEVERITIES, 'unknown'] as const) {
    for (const scan of latest) {
      if (worst.length >= WORST_LIMIT) break
      const page = await api.optional<FindingPage>('findings.query', { scanId: scan.id, status: 'failed', severity, limit: WORST_LIMIT - worst.length })
      for (const f of page?.findings ?? []) {
        worst.push({
          severity: (severity === 'unknown' ? 'informational' : severity) as Severity,
          title: f.title,
          resource: f.resourceName ?? f.resourceId ?? '—',
          accountId: f.account ?? '—',
          region: f.region ?? '—',
          citations: f.citations,
          scanId: String(f.scanId)
        })
      }
    }
  }
  const failed = latest.reduce((sum, s) => sum + s.failed, 0)
  const passed = latest.reduce((sum, s) => sum + s.passed, 0)
  return {
    scans: scans.map((s) => ({
      id: String(s.id),
      fileName: s.fileName,
      format: formatLabel(s.format, s.scanner),
      scannedOn: s.startedAt ? s.startedAt.slice(0, 10) : null,
      importedOn: s.importedAt.slice(0, 10),
      sha256: s.sha256,
      ...(s.accounts.length ? { accountId: s.accounts.join(', ') } : {}),
      findings: s.findings,
      failed: s.failed,
      passed: s.passed,
      superseded: !latestIds.has(s.id)
    })),
    findings: {
      total: latest.reduce((sum, s) => sum + s.findings, 0),
      failed,
      passed,
      bySeverity,
      bySpecification: bySpecification.sort((a, b) => b.failed - a.failed || a.citation.localeCompare(b.citation)),
      worst,
      worstLimit: WORST_LIMIT
    }
  }
}

/** Failing checks per scan, oldest first, for the annual review's trend. */
export async function findingsTrend(api: ApiCaller, range: { start: string; end: string }) {
  const scans = await api.optional<ScanView[]>('scans.list', {})
  if (!scans) return null
  return scans
    .map((s) => ({ s, on: (s.startedAt ?? s.importedAt).slice(0, 10) }))
    .filter(({ on }) => on <= range.end)
    .sort((a, b) => a.on.localeCompare(b.on))
    .map(({ s, on }) => ({
      label: formatLabel(s.format, s.scanner),
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
