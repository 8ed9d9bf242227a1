import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCallContext } from '../../main/api/call-context'
import type { InputOf } from '../../main/api/contract'
import { callHandler } from '../../main/api/dispatch'
import { headlessHost } from '../../main/api/host'
import type { FindingSort } from '../../main/scanners/contract'
import { Session } from '../../main/workspace/session'
import { createTestWorkspace, TEST_ORGANIZATION, type TestSession } from '../helpers/workspace'
import { CHECKS, writeThreeScans } from './scan-files'

type Caller = Pick<TestSession, 'call'>

/**
 * One workspace for the file, with scans A (superseded by B, same account), B and C (another account): every test
 * here only reads it, and one import instead of six keeps the suite short.
 */
let ws: Caller & { scans: { a: number; b: number; c: number } }
let dir: string
let session: Session

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-findings-view-'))
  session = new Session({ dataDir: path.join(dir, 'data'), appVersion: '0.0.0-test' })
  const call: TestSession['call'] = async (name, input) =>
    (await callHandler(name, input, createCallContext(session, { host: headlessHost }))) as never
  await call('workspace.create', { path: path.join(dir, 'workspace.safeguard'), organization: TEST_ORGANIZATION })
  const files = writeThreeScans(dir)
  const results = await call('scans.import', { paths: [files.a, files.b, files.c] })
  const ids = results.map(r => (r.ok ? r.scan.id : -1))
  expect(ids).not.toContain(-1)
  ws = { call, scans: { a: ids[0]!, b: ids[1]!, c: ids[2]! } }
})

afterAll(() => {
  session.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

async function groups(ws: Caller, input: { scope?: 'latest' | 'all'; sort?: FindingSort; order?: 'asc' | 'desc' } = {}) {
  const page = await ws.call('findings.view', { groupBy: 'check', ...input })
  if (page.groupBy !== 'check') throw new Error('not grouped')
  return page
}

async function rows(ws: Caller, input: Omit<InputOf<'findings.view'>, 'groupBy'> = {}) {
  const page = await ws.call('findings.view', { groupBy: 'none', ...input })
  if (page.groupBy !== 'none') throw new Error('grouped')
  return page
}

describe('findings.view', () => {
  it('groups the latest scan of each account by check, with status counts, resources and specifications; superseded scans on request', async () => {
    const latest = await groups(ws)
    expect(latest.scans).toEqual([ws.scans.b, ws.scans.c])
    expect(latest.total).toBe(3)
    expect(latest.groups.map(g => [g.checkId, g.severity, g.statuses, g.resources, g.citations])).toEqual([
      [CHECKS.EBS, 'critical', { failed: 2 }, 2, ['164.312(a)(2)(iv)']],
      [CHECKS.S3, 'high', { failed: 1, passed: 2 }, 3, ['164.312(a)(1)']],
      [CHECKS.TRAIL, 'low', { failed: 2 }, 2, ['164.312(b)']]
    ])
    const all = await groups(ws, { scope: 'all' })
    expect(all.total).toBe(4)
    expect(all.groups.find(g => g.checkId === CHECKS.MFA)).toMatchObject({ statuses: { failed: 1 }, severity: 'medium' })
    expect(all.groups.find(g => g.checkId === CHECKS.S3)?.statuses).toEqual({ failed: 1, passed: 3 })
    expect((await rows(ws, { scope: 'all' })).total).toBe(10)
    expect((await rows(ws)).total).toBe(7)
  })

  it('sorts groups by severity, specification, resources and age, either way', async () => {
    const checkOrder = async (sort: FindingSort, order: 'asc' | 'desc' = 'asc') => (await groups(ws, { sort, order })).groups.map(g => g.checkId)
    expect(await checkOrder('severity')).toEqual([CHECKS.EBS, CHECKS.S3, CHECKS.TRAIL])
    expect(await checkOrder('severity', 'desc')).toEqual([CHECKS.TRAIL, CHECKS.S3, CHECKS.EBS])
    // 164.312(a)(1) < 164.312(a)(2)(iv) < 164.312(b)
    expect(await checkOrder('specification')).toEqual([CHECKS.S3, CHECKS.EBS, CHECKS.TRAIL])
    expect(await checkOrder('specification', 'desc')).toEqual([CHECKS.TRAIL, CHECKS.EBS, CHECKS.S3])
    // Most resources first (3, then 2 and 2 by check id).
    expect(await checkOrder('resource')).toEqual([CHECKS.S3, CHECKS.TRAIL, CHECKS.EBS])
    // trail-z first seen 5 January (scan C); vol-1 and bucket-b on 10 January (scan A), the worse first.
    expect(await checkOrder('age')).toEqual([CHECKS.TRAIL, CHECKS.EBS, CHECKS.S3])
    const byAge = await groups(ws, { sort: 'age' })
    expect(byAge.groups.map(g => g.firstSeen)).toEqual(['2026-01-05T09:00:00', '2026-01-10T09:00:00', '2026-01-10T09:00:00'])
  })

  it('sorts single findings by each key', async () => {
    const names = async (sort: FindingSort, order: 'asc' | 'desc' = 'asc') => (await rows(ws, { sort, order })).findings.map(f => f.resourceName)
    expect(await names('resource')).toEqual(['=SUM(1+1)', 'bucket-a', 'bucket-b', 'bucket-c', 'trail-1', 'trail-z', 'vol-1'])
    expect(await names('resource', 'desc')).toEqual(['vol-1', 'trail-z', 'trail-1', 'bucket-c', 'bucket-b', 'bucket-a', '=SUM(1+1)'])
    const bySeverity = (await rows(ws, { sort: 'severity' })).findings
    expect(bySeverity.map(f => f.severity)).toEqual(['critical', 'critical', 'high', 'high', 'high', 'low', 'low'])
    // Within a severity the failing come first.
    expect(bySeverity.slice(2, 5).map(f => f.status)).toEqual(['failed', 'passed', 'passed'])
    const bySpec = (await rows(ws, { sort: 'specification' })).findings.map(f => f.citations[0])
    expect(bySpec).toEqual(['164.312(a)(1)', '164.312(a)(1)', '164.312(a)(1)', '164.312(a)(2)(iv)', '164.312(a)(2)(iv)', '164.312(b)', '164.312(b)'])
    const byAge = (await rows(ws, { sort: 'age' })).findings
    expect(byAge.slice(0, 3).map(f => [f.resourceName, f.firstSeen])).toEqual([
      ['trail-z', '2026-01-05T09:00:00'],
      ['vol-1', '2026-01-10T09:00:00'],
      ['bucket-b', '2026-01-10T09:00:00']
    ])
    expect((await rows(ws, { sort: 'age', order: 'desc' })).findings.at(-1)?.resourceName).toBe('trail-z')
    // Rows carry their first sighting whatever the sort.
    expect((await rows(ws, { sort: 'resource' })).findings.find(f => f.resourceName === 'vol-1')?.firstSeen).toBe('2026-01-10T09:00:00')
  })

  it('expands a group a page at a time, and filters by scan, specification, status and severity', async () => {
    const check = { scanner: 'prowler', checkId: CHECKS.S3 }
    const first = await rows(ws, { check, sort: 'resource', limit: 2 })
    expect(first.total).toBe(3)
    expect(first.findings.map(f => f.resourceName)).toEqual(['bucket-a', 'bucket-b'])
    expect((await rows(ws, { check, sort: 'resource', limit: 2, offset: 2 })).findings.map(f => f.resourceName)).toEqual(['bucket-c'])
    // A scan chosen by id is shown even when it is superseded.
    const onlyA = await rows(ws, { scanId: ws.scans.a })
    expect(onlyA.findings.map(f => f.scanId)).toEqual([ws.scans.a, ws.scans.a, ws.scans.a])
    expect(onlyA.findings.map(f => f.current)).toEqual([false, false, false])
    expect((await rows(ws)).findings.every(f => f.current)).toBe(true)
    expect((await rows(ws, { scope: 'all' })).findings.filter(f => !f.current).map(f => f.scanId)).toEqual([ws.scans.a, ws.scans.a, ws.scans.a])
    expect((await rows(ws, { citation: '164.312(b)' })).findings.map(f => f.resourceName).sort()).toEqual(['trail-1', 'trail-z'])
    expect((await groups(ws, { scope: 'latest' })).groups.length).toBe(3)
    const failing = await ws.call('findings.view', { groupBy: 'check', status: 'passed' })
    expect(failing.groupBy === 'check' && failing.groups.map(g => g.checkId)).toEqual([CHECKS.S3])
    expect((await rows(ws, { severity: 'low' })).total).toBe(2)
    // Past the last page: no rows, the same total.
    expect(await ws.call('findings.view', { groupBy: 'check', offset: 10 })).toMatchObject({ total: 3, groups: [] })
  })

  it('gives a finding’s every field with its scan, first and last seen, and whether its scan is current', async () => {
    const vol1 = async (scanId: number) => (await rows(ws, { scanId })).findings.find(f => f.resourceName === 'vol-1')!
    const current = await ws.call('findings.detail', { id: (await vol1(ws.scans.b)).id })
    expect(current).toMatchObject({
      checkId: CHECKS.EBS,
      status: 'failed',
      severity: 'critical',
      account: '111122223333',
      region: 'eu-west-1',
      statusDetail: 'vol-1 is FAIL',
      remediationText: 'Fix it.',
      citations: ['164.312(a)(2)(iv)'],
      firstSeen: '2026-01-10T09:00:00',
      lastSeen: '2026-02-10T09:00:00',
      seenInScans: 2,
      current: true,
      scan: { id: ws.scans.b, fileName: 'b.json', formatLabel: 'Prowler 3 JSON' }
    })
    expect((await ws.call('findings.detail', { id: (await vol1(ws.scans.a)).id })).current).toBe(false)
    await expect(ws.call('findings.detail', { id: 99999 })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('summarises each question’s specifications from the latest scans only, a section’s cards in one call', async () => {
    const [s3AndEbs, audit, superseded] = await ws.call('findings.specificationSummaries', {
      items: [['164.312(a)(1)', '164.312(a)(2)(iv)'], ['164.312(b)'], ['164.312(d)']],
      top: 1
    })
    expect(s3AndEbs).toMatchObject({ scans: 2, failing: 3, passing: 2, failingCheckCount: 2, passingCheckCount: 1 })
    expect(s3AndEbs!.failingChecks).toEqual([expect.objectContaining({ checkId: CHECKS.EBS, severity: 'critical', resources: 2 })])
    expect(s3AndEbs!.passingChecks).toEqual([expect.objectContaining({ checkId: CHECKS.S3, resources: 2 })])
    // trail-1 in scan B and trail-z in scan C: two accounts' latest scans.
    expect(audit).toMatchObject({ failing: 2, failingCheckCount: 1, passing: 0, citations: ['164.312(b)'] })
    // 164.312(d) fails only in scan A, which B superseded.
    expect(superseded).toMatchObject({ failing: 0, passing: 0, failingChecks: [] })
    const empty = await createTestWorkspace()
    expect(await empty.call('findings.specificationSummaries', { items: [['164.312(b)']] })).toEqual([
      expect.objectContaining({ scans: 0, failing: 0 })
    ])
  })
})
