import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { packData } from '../../main/documents/generate'
import { SEVERITIES, type FindingsSummary } from '../../main/documents/evidence-pack/pack-data'
import { createTestWorkspace } from '../helpers/workspace'
import { pdfText } from './pdf-tools'
import { ownFixture, realSample, realSamplesDir, realSamplesPresent } from '../scanners/fixture-paths'

// The pack counts everything in one unit, the scans' own (results: a ScoutSuite record counts each item it stands
// for): its severity rows add up to its total and to the scan summary's, with triaged failures weighted alike.

function severityColumns(findings: FindingsSummary) {
  const sum = (read: (row: FindingsSummary['bySeverity'][keyof FindingsSummary['bySeverity']]) => number) =>
    SEVERITIES.reduce((n, s) => n + read(findings.bySeverity[s]), 0)
  const failed = sum(r => r.failed)
  const triaged = sum(r => r.triaged ?? 0)
  const passed = sum(r => r.passed)
  const other = sum(r => r.other ?? 0)
  return { failed, triaged, passed, other, all: failed + triaged + passed + other }
}

async function importedPack(file: string) {
  const ws = await createTestWorkspace({ now: () => new Date('2026-03-01T12:00:00Z') })
  const [result] = await ws.call('scans.import', { paths: [file] })
  if (!result?.ok) throw new Error(`import of ${file} failed`)
  return { ws, scan: result.scan }
}

async function expectRowsAddUp(file: string): Promise<void> {
  const { ws, scan } = await importedPack(file)
  const findings = (await packData(ws.context())).findings
  if (!findings) throw new Error('no findings in the pack')
  const rows = severityColumns(findings)
  expect(rows.all).toBe(findings.total)
  expect(rows.all).toBe(scan.tally.total)
  expect([rows.failed, rows.passed]).toEqual([findings.failed, findings.passed])
  expect([rows.failed, rows.passed]).toEqual([scan.tally.byStatus.failed, scan.tally.byStatus.passed])
  expect(findings.unit).toBe(scan.tally.unit.many)
}

const SCOUTSUITE_OWN = [
  'scoutsuite_results_aws-555566667777.js',
  'scoutsuite_results_azure-7d1e0c2a.js',
  'scoutsuite_results_gcp-clinic-prod-4411.js'
]

describe('the pack counts in results, as the scan summary does', () => {
  it.each(SCOUTSUITE_OWN)('ScoutSuite %s: the severity rows add up to the pack total and the scan total', async name => {
    await expectRowsAddUp(ownFixture(name))
  })

  it('results neither failed nor passed are counted as other, so the rows still add up (Powerpipe)', async () => {
    await expectRowsAddUp(ownFixture('powerpipe-hipaa-benchmark.json'))
  })

  it.skipIf(!realSamplesPresent)(`the real ScoutSuite AWS sample (in ${realSamplesDir}; absent in a clone without ../shared: skipped)`, async () => {
    await expectRowsAddUp(realSample('scoutsuite/scoutsuite_results_aws_new2.js'))
  })

  it('a triaged record that stands for two items moves two results from failed to triaged; the table names its unit', async () => {
    const { ws, scan } = await importedPack(ownFixture('scoutsuite_results_gcp-clinic-prod-4411.js'))
    const page = await ws.call('findings.query', { scanId: scan.id, status: 'failed', limit: 500 })
    const firewall = page.findings.find(f => f.checkId === 'computeengine-firewall-rule-allows-internal-traffic')
    if (!firewall) throw new Error('no firewall finding')
    await ws.call('findings.triage', {
      findingId: firewall.id,
      status: 'false-positive',
      reason: 'Internal range is the clinic VPN',
      by: 'Dana Reyes'
    })
    const findings = (await packData(ws.context())).findings
    if (!findings) throw new Error('no findings in the pack')
    const rows = severityColumns(findings)
    expect(rows.triaged).toBe(2)
    expect(findings.triaged?.resources).toBe(2)
    expect(rows.failed).toBe(scan.tally.byStatus.failed - 2)
    expect(rows.failed).toBe(findings.failed)
    expect(rows.all).toBe(findings.total)

    const file = path.join(ws.dir, 'pack.pdf')
    await ws.call('documents.generatePack', { path: file, sections: ['scans'] })
    const text = pdfText(file)
    expect(text).toContain('By severity, in checked items')
    expect(text).toContain(`All checked items (${findings.total.toLocaleString('en-US')})`)
    expect(text).toContain('Triaged')
  })
})
