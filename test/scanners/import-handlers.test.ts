import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ProgressUpdate } from '../../main/api/define-call'
import { listBackupFiles } from '../../main/backup/backup-files'
import { openWorkspaceDb } from '../../main/db/open'
import { createTestWorkspace, tempDir } from '../helpers/workspace'
import { ownFixture } from './fixture-paths'

type Workspace = Awaited<ReturnType<typeof createTestWorkspace>>

function tableCounts(ws: Workspace): Record<string, number> {
  const { db } = ws.session.requireWorkspace()
  const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
  return Object.fromEntries(['scan', 'finding', 'citation_set', 'citation_set_member', 'spec_review_flag'].map(t => [t, count(t)]))
}

async function importOk(ws: Workspace, file: string) {
  const [result] = await ws.call('scans.import', { paths: [file] })
  if (!result?.ok) throw new Error(`import failed: ${JSON.stringify(result)}`)
  return result
}

describe('scans.import', () => {
  it('imports a file with its findings, citations and summary', async () => {
    const ws = await createTestWorkspace()
    const result = await importOk(ws, ownFixture('prowler-v5.ocsf.json'))
    expect(result.alreadyImported).toBe(false)
    expect(result.scan).toMatchObject({
      format: 'prowler-ocsf',
      findings: 4,
      passed: 1,
      failed: 2,
      accounts: ['111122223333'],
      fileName: 'prowler-v5.ocsf.json'
    })
    expect(result.scan.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(result.scan.failedBySeverity.medium).toBe(1)
    expect(result.scan.startedAt).toBe('2025-02-14T13:27:03.000Z')
    const page = await ws.call('findings.query', { scanId: result.scan.id, citation: '164.312(a)(2)(iv)' })
    expect(page.findings.map(f => [f.status, f.resourceId])).toEqual([
      ['failed', 'arn:aws:s3:::patient-scans'],
      ['passed', 'arn:aws:s3:::billing-exports']
    ])
    expect(page.findings[0]?.citations).toEqual(['164.308(a)(1)(ii)(B)', '164.312(a)(2)(iv)', '164.312(c)(1)'])
  })

  it('stores every result of a non-HIPAA Powerpipe benchmark, with the warnings saying what maps to nothing', async () => {
    const ws = await createTestWorkspace()
    const result = await importOk(ws, ownFixture('powerpipe-cis-benchmark.json'))
    expect(result.scan).toMatchObject({ format: 'powerpipe-hipaa', findings: 21, passed: 10, failed: 5, accounts: ['123456789012'] })
    expect(result.scan.warnings.some(w => w.includes('benchmark aws_compliance.benchmark.cis_v300 is not the HIPAA benchmark'))).toBe(true)
    expect(result.scan.summary).toBe('21 control results from 10 checks: 10 passed, 5 failed, 3 informational, 1 skipped, 2 error')
    expect(result.scan.unmappedChecks.reduce((n, u) => n + u.findings, 0)).toBe(21)
    const { db } = ws.session.requireWorkspace()
    const rows = db.prepare('SELECT status, count(*) AS n FROM finding WHERE scan_id = ? GROUP BY status ORDER BY status').all(result.scan.id)
    expect(rows).toEqual([
      { status: 'error', n: 2 },
      { status: 'failed', n: 5 },
      { status: 'info', n: 3 },
      { status: 'passed', n: 10 },
      { status: 'skipped', n: 1 }
    ])
  })

  it('imports a Prowler 2 CSV through the worker, with its accounts and citations', async () => {
    const ws = await createTestWorkspace()
    const result = await importOk(ws, ownFixture('prowler-v2.csv'))
    expect(result.scan).toMatchObject({ format: 'prowler-v2-csv', findings: 5, passed: 2, failed: 2, accounts: ['111122223333', '444455556666'] })
    const page = await ws.call('findings.query', { scanId: result.scan.id, citation: '164.312(a)(1)' })
    expect(page.findings.map(f => [f.checkId, f.status, f.account, f.region])).toEqual([['extra7100', 'failed', '444455556666', 'eu-west-1']])
  })

  it('keeps a checked backup of the workspace as it was before the import', async () => {
    const ws = await createTestWorkspace()
    await importOk(ws, ownFixture('prowler-v5.ocsf.json'))
    const backups = listBackupFiles(ws.workspacePath)
    expect(backups.map(b => b.reason)).toEqual(['before-import'])
    const before = openWorkspaceDb(backups[0]!.file)
    expect((before.prepare('SELECT count(*) AS n FROM scan').get() as { n: number }).n).toBe(0)
    before.close()
    expect(tableCounts(ws).scan).toBe(1)
  })

  it('importing the same file twice adds nothing', async () => {
    const ws = await createTestWorkspace()
    const first = await importOk(ws, ownFixture('prowler-v5.ocsf.json'))
    const before = tableCounts(ws)
    const copy = path.join(tempDir(), 'renamed-copy.json')
    fs.copyFileSync(ownFixture('prowler-v5.ocsf.json'), copy)
    const second = await importOk(ws, copy)
    expect(second.alreadyImported).toBe(true)
    expect(second.scan.id).toBe(first.scan.id)
    expect(tableCounts(ws)).toEqual(before)
  })

  it('a rejected file leaves the workspace exactly as before, and the other files still import', async () => {
    const ws = await createTestWorkspace()
    await importOk(ws, ownFixture('prowler-v3.json'))
    const before = tableCounts(ws)
    const results = await ws.call('scans.import', {
      paths: [ownFixture('invalid/ocsf-pretty-third-record-missing-status.json'), ownFixture('securityhub-get-findings-page1.json')]
    })
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'missing-field', element: 2, line: 28 } })
    expect(results[1]).toMatchObject({ ok: true, scan: { format: 'securityhub-asff' } })
    const after = tableCounts(ws)
    expect(after.scan).toBe(before.scan! + 1)
    // Nothing of the rejected file's two good records was kept.
    const all = await ws.call('findings.query', {})
    expect(all.findings.some(f => f.checkId === 'a_a')).toBe(false)
  })

  it('reports progress and, when cancelled, leaves nothing behind', async () => {
    const ws = await createTestWorkspace()
    const before = tableCounts(ws)
    const controller = new AbortController()
    const updates: ProgressUpdate[] = []
    const call = ws.call(
      'scans.import',
      { paths: [ownFixture('scoutsuite_results_aws-555566667777.js')] },
      {
        signal: controller.signal,
        onProgress: u => {
          updates.push(u)
          controller.abort()
        }
      }
    )
    await expect(call).rejects.toMatchObject({ code: 'cancelled' })
    expect(updates[0]).toMatchObject({ phase: 'import', unit: 'bytes' })
    expect(tableCounts(ws)).toEqual(before)
  })

  it('flags failing specifications for review without touching assessment answers', async () => {
    const ws = await createTestWorkspace()
    const { db } = ws.session.requireWorkspace()
    const answers = () => db.prepare('SELECT * FROM assessment_answer ORDER BY question_id').all()
    const answersBefore = answers()
    await importOk(ws, ownFixture('prowler-v5.ocsf.json'))
    const flags = await ws.call('findings.reviewFlags', { status: 'open' })
    // The muted cloudtrail failure does not flag 164.312(b); the encryption failure flags its three citations.
    expect(flags.map(f => f.citation)).toEqual(['164.308(a)(1)(ii)(B)', '164.312(a)(2)(iv)', '164.312(c)(1)'])
    expect(answers()).toEqual(answersBefore)
    const dismissed = await ws.call('findings.dismissFlag', {
      citation: '164.312(c)(1)',
      reason: 'Encryption is enforced by the bucket policy',
      by: 'Dana Reyes'
    })
    expect(dismissed.status).toBe('dismissed')
    expect((await ws.call('findings.reviewFlags', { status: 'open' })).map(f => f.citation)).not.toContain('164.312(c)(1)')
    await expect(ws.call('findings.dismissFlag', { citation: '164.310(a)(1)', reason: 'Not ours', by: 'Dana Reyes' })).rejects.toMatchObject({
      code: 'not-found'
    })
  })
})

describe('evidence and scan comparison', () => {
  it('compares a scan with the previous one of the same account: new, resolved, persisting', async () => {
    const ws = await createTestWorkspace()
    const dir = tempDir()
    const finding = (check: string, status: string, bucket: string, time: number) => ({
      metadata: { event_code: check, product: { name: 'Prowler', version: '5.0.0' } },
      status_code: status,
      severity: 'High',
      class_uid: 2004,
      time,
      finding_info: { title: check },
      resources: [{ uid: `arn:aws:s3:::${bucket}` }],
      cloud: { account: { uid: '999900001111' }, region: 'us-east-1', provider: 'aws' },
      unmapped: { compliance: { HIPAA: ['164_312_a_2_iv'] } }
    })
    const write = (name: string, records: unknown[]) => {
      const file = path.join(dir, name)
      fs.writeFileSync(file, JSON.stringify(records, null, 2))
      return file
    }
    const january = write('jan.json', [
      finding('s3_bucket_default_encryption', 'FAIL', 'a', 1735689600),
      finding('s3_bucket_default_encryption', 'FAIL', 'b', 1735689600),
      finding('s3_bucket_default_encryption', 'PASS', 'c', 1735689600)
    ])
    const february = write('feb.json', [
      finding('s3_bucket_default_encryption', 'PASS', 'a', 1738368000),
      finding('s3_bucket_default_encryption', 'FAIL', 'b', 1738368000),
      finding('s3_bucket_default_encryption', 'FAIL', 'c', 1738368000)
    ])
    // Imported out of order: comparison follows the scans' own dates.
    const feb = await importOk(ws, february)
    const jan = await importOk(ws, january)
    await importOk(ws, ownFixture('prowler-v3.json'))
    const comparison = await ws.call('scans.compare', { scanId: feb.scan.id })
    expect(comparison.previous?.id).toBe(jan.scan.id)
    expect(comparison.counts).toEqual({ newFailures: 1, resolved: 1, persisting: 1 })
    expect(comparison.newFailures[0]?.resourceId).toBe('arn:aws:s3:::c')
    expect(comparison.resolved[0]?.resourceId).toBe('arn:aws:s3:::a')
    expect(comparison.persisting[0]?.resourceId).toBe('arn:aws:s3:::b')
    const first = await ws.call('scans.compare', { scanId: jan.scan.id })
    expect(first.previous).toBeNull()
    expect(first.counts.newFailures).toBe(2)

    // Evidence counts only the latest scan of each account.
    const evidence = await ws.call('findings.evidence', { citation: '164.312(a)(2)(iv)' })
    expect(evidence.scans).toContain(feb.scan.id)
    expect(evidence.scans).not.toContain(jan.scan.id)
    expect(
      evidence.failing
        .filter(f => f.scanId === feb.scan.id)
        .map(f => f.resourceId)
        .sort()
    ).toEqual(['arn:aws:s3:::b', 'arn:aws:s3:::c'])
    expect(evidence.failing[0]).toMatchObject({ severity: expect.any(String), account: expect.any(String), region: expect.any(String) })
    expect(evidence.flag?.status).toBe('open')
  })

  it('lists and deletes scans', async () => {
    const ws = await createTestWorkspace()
    const a = await importOk(ws, ownFixture('prowler-v2.ndjson'))
    await importOk(ws, ownFixture('awsconfig-get-conformance-pack-compliance-details.json'))
    expect((await ws.call('scans.list', {})).map(s => s.format).sort()).toEqual(['awsconfig-conformance-pack', 'prowler-v2-ndjson'])
    await ws.call('scans.delete', { scanId: a.scan.id })
    expect((await ws.call('scans.list', {})).map(s => s.format)).toEqual(['awsconfig-conformance-pack'])
    expect((await ws.call('findings.query', { scanId: a.scan.id })).total).toBe(0)
    await expect(ws.call('scans.delete', { scanId: a.scan.id })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('rejects a malformed citation at the boundary', async () => {
    const ws = await createTestWorkspace()
    await expect(ws.call('findings.query', { citation: 'DROP TABLE finding' })).rejects.toMatchObject({ code: 'invalid-input' })
  })
})

describe('pages of one export', () => {
  it('imports Security Hub pages as one scan, once', async () => {
    const ws = await createTestWorkspace()
    const pages = [ownFixture('securityhub-get-findings-page1.json'), ownFixture('securityhub-get-findings-page2-lowercase.json')]
    const results = await ws.call('scans.import', { paths: pages, asOneScan: true })
    expect(results.map(r => r.ok)).toEqual([true, true])
    const first = results[0]
    if (!first?.ok) throw new Error('expected an import')
    expect(first.scan).toMatchObject({
      format: 'securityhub-asff',
      findings: 6,
      accounts: ['444455556666', '777788889999'],
      fileName: 'securityhub-get-findings-page1.json (+1 more pages)'
    })
    expect(first.scan.skipped[0]?.count).toBe(1)
    expect(await ws.call('scans.list', {})).toHaveLength(1)
    const again = await ws.call('scans.import', { paths: [...pages].reverse(), asOneScan: true })
    expect(again[0]).toMatchObject({ ok: true, alreadyImported: true, scan: { id: first.scan.id } })
  })

  it('refuses pages of different formats, keeping nothing of any page', async () => {
    const ws = await createTestWorkspace()
    const results = await ws.call('scans.import', {
      paths: [ownFixture('securityhub-get-findings-page1.json'), ownFixture('prowler-v3.json')],
      asOneScan: true
    })
    expect(results[0]).toMatchObject({ ok: false, error: { code: 'not-imported' } })
    expect(results[1]).toMatchObject({ ok: false, error: { code: 'unknown-format', message: expect.stringMatching(/one format/) } })
    expect(await ws.call('scans.list', {})).toEqual([])
    expect((await ws.call('findings.query', {})).total).toBe(0)
  })
})

describe('findings.bySpecification', () => {
  it('counts failing (unmuted) and passing resources per specification over the latest scans', async () => {
    const ws = await createTestWorkspace()
    await importOk(ws, ownFixture('prowler-v5.ocsf.json'))
    const coverage = await ws.call('findings.bySpecification', {})
    const byCitation = Object.fromEntries(coverage.map(c => [c.citation, c]))
    expect(byCitation['164.312(a)(2)(iv)']).toEqual({ citation: '164.312(a)(2)(iv)', failing: 1, passing: 1, findings: 2, triaged: 0, flagged: true })
    // Only the muted cloudtrail failure bears on 164.312(b): not failing, not flagged.
    expect(byCitation['164.312(b)']).toMatchObject({ failing: 0, passing: 0, findings: 1, flagged: false })
    expect(coverage.map(c => c.citation)).toEqual([...coverage.map(c => c.citation)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })))
  })
})

describe('review flags when a scan is deleted', () => {
  const finding = (status: string, bucket: string, time: number, hipaa: string[]) => ({
    metadata: { event_code: 's3_bucket_default_encryption', product: { name: 'Prowler', version: '5.0.0' } },
    status_code: status,
    severity: 'High',
    class_uid: 2004,
    time,
    finding_info: { title: 's3_bucket_default_encryption' },
    resources: [{ uid: `arn:aws:s3:::${bucket}` }],
    cloud: { account: { uid: '999900001111' }, region: 'us-east-1', provider: 'aws' },
    unmapped: { compliance: { HIPAA: hipaa } }
  })

  it('keeps a flag only while a current scan still fails it, and never touches a dismissed one', async () => {
    const ws = await createTestWorkspace()
    const dir = tempDir()
    const write = (name: string, records: unknown[]) => {
      const file = path.join(dir, name)
      fs.writeFileSync(file, JSON.stringify(records))
      return file
    }
    const jan = await importOk(
      ws,
      write('jan.json', [finding('FAIL', 'a', 1735689600, ['164_312_a_2_iv']), finding('FAIL', 'b', 1735689600, ['164_312_a_2_iv'])])
    )
    const feb = await importOk(
      ws,
      write('feb.json', [finding('FAIL', 'a', 1738368000, ['164_312_a_2_iv', '164_312_b']), finding('FAIL', 'c', 1738368000, ['164_312_e_1'])])
    )
    const flags = async () => Object.fromEntries((await ws.call('findings.reviewFlags', {})).map(f => [f.citation, f]))
    expect(Object.keys(await flags()).sort()).toEqual(['164.312(a)(2)(iv)', '164.312(b)', '164.312(e)(1)'])
    expect((await flags())['164.312(a)(2)(iv)']).toMatchObject({ scanId: feb.scan.id, failing: 1, status: 'open' })
    await ws.call('findings.dismissFlag', { citation: '164.312(e)(1)', reason: 'Transit is TLS-only', by: 'Dana Reyes' })

    // Without February, January is the current scan of the account: it still fails (a)(2)(iv), not (b).
    await ws.call('scans.delete', { scanId: feb.scan.id })
    const afterFeb = await flags()
    expect(Object.keys(afterFeb).sort()).toEqual(['164.312(a)(2)(iv)', '164.312(e)(1)'])
    expect(afterFeb['164.312(a)(2)(iv)']).toMatchObject({ scanId: jan.scan.id, failing: 2, status: 'open' })
    expect(afterFeb['164.312(e)(1)']).toMatchObject({ status: 'dismissed', scanId: null })

    await ws.call('scans.delete', { scanId: jan.scan.id })
    expect(Object.keys(await flags())).toEqual(['164.312(e)(1)'])
  })

  it('changes nothing when the scan to delete does not exist', async () => {
    const ws = await createTestWorkspace()
    const scan = await importOk(ws, ownFixture('prowler-v5.ocsf.json'))
    const before = await ws.call('findings.reviewFlags', {})
    expect(before.length).toBeGreaterThan(0)
    await expect(ws.call('scans.delete', { scanId: scan.scan.id + 1 })).rejects.toMatchObject({ code: 'not-found' })
    expect(await ws.call('findings.reviewFlags', {})).toEqual(before)
  })
})
