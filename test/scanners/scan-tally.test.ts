import fs from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FINDING_STATUSES, type NormalizedFinding, type ReadSummary } from '../../main/scanners/finding.types'
import { readScanFile } from '../../main/scanners/read/scan-reader'
import { describeTally } from '../../main/scanners/scan-tally'
import { scanSections } from '../../main/documents/workspace-data/scans'
import { createTestWorkspace, tempDir } from '../helpers/workspace'
import { ownFixture, realSample, realSamplesDir, realSamplesPresent } from './fixture-paths'

/** Every part the summary text lists, and its head total: the parts must make the whole. */
function partsOfText(text: string): { total: number; parts: number[] } {
  const [head, rest] = text.split(/\): |: /, 2) as [string, string]
  const total = Number(/^([\d,]+)/.exec(head)?.[1]?.replace(/,/g, ''))
  const parts = (rest.split('; stored as')[0] as string).split(', ').map(p => Number(/^([\d,]+)/.exec(p)?.[1]?.replace(/,/g, '')))
  return { total, parts }
}

function expectAddsUp(findings: NormalizedFinding[], summary: ReadSummary): void {
  const { tally } = summary
  // Each status's count is the sum of its findings' item counts, read off the findings themselves.
  for (const status of FINDING_STATUSES)
    expect(tally.byStatus[status], status).toBe(findings.filter(f => f.status === status).reduce((n, f) => n + f.itemCount, 0))
  expect(FINDING_STATUSES.reduce((n, s) => n + tally.byStatus[s], 0)).toBe(tally.total)
  expect([tally.byStatus.passed, tally.byStatus.failed]).toEqual([summary.passed, summary.failed])
  expect(tally.records).toBe(findings.length)
  expect(tally.checks).toBe(new Set(findings.map(f => f.checkId)).size)
  const text = partsOfText(describeTally(tally))
  expect(text.total).toBe(tally.total)
  expect(text.parts.reduce((n, p) => n + p, 0)).toBe(tally.total)
  // Unmapped checks: exactly the checks with a finding that has no citation, counting those findings.
  const unmapped = new Map<string, number>()
  for (const f of findings) if (f.citations.length === 0) unmapped.set(f.checkId, (unmapped.get(f.checkId) ?? 0) + 1)
  expect(new Map(summary.unmappedChecks.map(u => [u.checkId, u.findings]))).toEqual(unmapped)
  expect(summary.unmappedChecks.every(u => u.reason.length > 20)).toBe(true)
}

const OWN = fs
  .readdirSync(ownFixture('.'))
  .filter(name => /\.(json|js|csv|ndjson)$/.test(name) && !name.startsWith('prowler-ocsf-truncated'))
  .sort()

describe('every summary adds up and names its unit', () => {
  it.each(OWN)('own fixture %s', async name => {
    const { findings, summary } = await readScanFile(ownFixture(name))
    expectAddsUp(findings, summary)
  })

  const REAL = realSamplesPresent
    ? [
        'prowler/asff_prowler-output.asff.json',
        'prowler/v3-json_many_vuln.json',
        'prowler/v5-csv_example_output_aws.csv',
        'prowler/v5-ocsf_example_output_aws.ocsf.json',
        'scoutsuite/scoutsuite_results_aws_new2.js',
        'securityhub/get-findings_fsbp-config_multiple_resources.json'
      ]
    : []
  describe.skipIf(!realSamplesPresent)(`real samples in ${realSamplesDir} (absent in a clone without ../shared: skipped)`, () => {
    it.each(REAL)('%s', async name => {
      const { findings, summary } = await readScanFile(realSample(name))
      expectAddsUp(findings, summary)
    })

    it('the Prowler AWS example maps to no specification and says so, check by check', async () => {
      const { findings, summary } = await readScanFile(realSample('prowler/v5-ocsf_example_output_aws.ocsf.json'))
      expect(summary.citations).toEqual([])
      expect(summary.unmappedChecks.map(u => u.checkId).sort()).toEqual([...new Set(findings.map(f => f.checkId))].sort())
      expect(summary.unmappedChecks.every(u => u.reason.includes("Prowler's HIPAA mapping"))).toBe(true)
    })

    it("the real ScoutSuite AWS file counts in checked items that match ScoutSuite's own per-service summary", async () => {
      const file = realSample('scoutsuite/scoutsuite_results_aws_new2.js')
      const { summary } = await readScanFile(file)
      const own = await scoutSuiteOwnSummary(file)
      expect(summary.tally.unit.many).toBe('checked items')
      expect(summary.tally.total).toBe(own.checked)
      expect(summary.tally.byStatus.failed).toBe(own.flagged)
    })
  })
})

/** ScoutSuite's own last_run.summary totals, which the file carries beside its findings. */
async function scoutSuiteOwnSummary(file: string): Promise<{ checked: number; flagged: number }> {
  const text = await readFile(file, 'utf8')
  const results = JSON.parse(text.slice(text.indexOf('\n') + 1)) as {
    last_run: { summary: Record<string, { checked_items: number; flagged_items: number }> }
  }
  const services = Object.values(results.last_run.summary)
  return { checked: services.reduce((n, s) => n + s.checked_items, 0), flagged: services.reduce((n, s) => n + s.flagged_items, 0) }
}

describe('ScoutSuite GCP and Azure', () => {
  it('GCP: every number in checked items, matching the file’s own summary; rules mapped through their Prowler equivalents', async () => {
    const file = ownFixture('scoutsuite_results_gcp-clinic-prod-4411.js')
    const { findings, summary } = await readScanFile(file)
    const own = await scoutSuiteOwnSummary(file)
    expect(summary.tally.total).toBe(own.checked)
    expect(summary.tally.byStatus.failed).toBe(own.flagged)
    expect(summary.tally.byStatus.passed).toBe(own.checked - own.flagged)
    // Two flagged paths into one firewall rule: one finding standing for both items.
    const firewall = findings.filter(f => f.checkId === 'computeengine-firewall-rule-allows-internal-traffic' && f.status === 'failed')
    expect(firewall.map(f => [f.resourceName, f.itemCount])).toEqual([['allow-internal', 2]])
    // Three flagged, two listed: the third is kept as a failure on no named resource.
    const keys = findings.filter(f => f.checkId === 'iam-service-account-with-user-managed-keys' && f.status === 'failed')
    expect(keys.map(f => [f.resourceId, f.itemCount])).toEqual([
      ['sa-1', 1],
      ['sa-2', 1],
      [null, 1]
    ])
    expect(findings.find(f => f.checkId === 'cloudsql-instance-ssl-not-required')).toMatchObject({
      account: 'clinic-prod-4411',
      resourceName: 'intake-db',
      citations: ['164.312(e)(1)', '164.312(e)(2)(ii)'],
      citationSource: 'table'
    })
    expect(findings.find(f => f.checkId === 'cloudstorage-bucket-no-versioning')?.citations).toContain('164.308(a)(7)(ii)(A)')
    expect(summary.unmappedChecks).toEqual([
      {
        checkId: 'computeengine-firewall-rule-allows-internal-traffic',
        title: 'Firewall rule allows internal traffic',
        findings: 2,
        reason: expect.stringMatching(/no Prowler check or Steampipe control/)
      }
    ])
    expect(summary.skipped).toEqual([{ reason: 'ScoutSuite rule checked no resources', count: 1, examples: [expect.any(String)] }])
  })

  it('Azure: rules mapped through their Prowler equivalents, the rest listed as unmapped', async () => {
    const file = ownFixture('scoutsuite_results_azure-7d1e0c2a.js')
    const { findings, summary } = await readScanFile(file)
    const own = await scoutSuiteOwnSummary(file)
    expect(summary.tally.total).toBe(own.checked)
    expect(findings.find(f => f.checkId === 'storageaccount-account-allowing-clear-text' && f.status === 'failed')).toMatchObject({
      resourceName: 'intakestore',
      citationSource: 'table'
    })
    expect(summary.citations).toContain('164.312(e)(1)')
    expect(summary.unmappedChecks.map(u => u.checkId)).toEqual(['appservice-authentication-disabled'])
  })
})

describe('unmapped checks', () => {
  it('lists the 200 checks with the most findings and says how many more map to nothing', async () => {
    const file = path.join(tempDir(), 'many-checks.json')
    const record = (check: string) => ({
      CheckID: check,
      FindingUniqueId: `${check}-1`,
      Status: 'FAIL',
      Provider: 'aws',
      ResourceArn: `arn:aws:s3:::${check}`
    })
    const records = [...Array.from({ length: 250 }, (_, i) => record(`custom_check_${String(i).padStart(3, '0')}`)), record('custom_check_249')]
    await writeFile(file, JSON.stringify(records))
    const { summary } = await readScanFile(file)
    expect(summary.unmappedChecks).toHaveLength(200)
    expect(summary.unmappedChecks[0]).toMatchObject({ checkId: 'custom_check_249', findings: 2 })
    expect(summary.warnings).toContain('50 further checks (50 findings) map to no specification either; the 200 with the most findings are listed')
  })
})

describe('describeTally', () => {
  it('lists passed and failed always, other statuses when they have results, and the records when they differ', () => {
    const tally = {
      unit: { one: 'control result', many: 'control results' },
      total: 6,
      byStatus: { passed: 1, failed: 0, info: 0, skipped: 5, error: 0, manual: 0 },
      records: 6,
      checks: 1
    }
    expect(describeTally(tally)).toBe('6 control results from 1 check: 1 passed, 0 failed, 5 skipped')
    expect(describeTally({ ...tally, records: 2 })).toBe('6 control results from 1 check: 1 passed, 0 failed, 5 skipped; stored as 2 findings')
  })
})

describe('one summary for the CLI, the app and the pack', () => {
  it('pages of one export add up to one tally, each check counted once across the pages', async () => {
    const ws = await createTestWorkspace()
    const pages = [ownFixture('securityhub-get-findings-page1.json'), ownFixture('securityhub-get-findings-page2-lowercase.json')]
    const read = await Promise.all(pages.map(p => readScanFile(p)))
    const [result] = await ws.call('scans.import', { paths: pages, asOneScan: true })
    if (!result?.ok) throw new Error('import failed')
    const { tally } = result.scan
    expect(tally.total).toBe(read.reduce((n, r) => n + r.summary.tally.total, 0))
    expect(tally.records).toBe(read.reduce((n, r) => n + r.findings.length, 0))
    expect(tally.checks).toBe(new Set(read.flatMap(r => r.findings.map(f => f.checkId))).size)
    expect(FINDING_STATUSES.reduce((n, s) => n + tally.byStatus[s], 0)).toBe(tally.total)
    expect(tally.unit.many).toBe('findings')
  })

  it('the pack prints the summary the app and the CLI read from the scan, and its totals are in the same unit', async () => {
    const ws = await createTestWorkspace()
    const [result] = await ws.call('scans.import', { paths: [ownFixture('scoutsuite_results_gcp-clinic-prod-4411.js')] })
    if (!result?.ok) throw new Error('import failed')
    const [listed] = await ws.call('scans.list', {})
    expect(listed?.summary).toBe(result.scan.summary)
    expect(result.scan.summary).toBe(describeTally(result.scan.tally))
    const pack = scanSections(ws.session.requireWorkspace().db, () => '', '2026-12-07')
    expect(pack.scans?.map(s => s.summary)).toEqual([result.scan.summary])
    expect(pack.findings?.total).toBe(result.scan.tally.total)
    expect((pack.findings?.failed ?? 0) + (pack.findings?.passed ?? 0)).toBe(result.scan.tally.byStatus.failed + result.scan.tally.byStatus.passed)
  })
})
