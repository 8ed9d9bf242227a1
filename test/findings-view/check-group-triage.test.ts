import { describe, expect, it } from 'vitest'
import { createTestWorkspace, type TestSession } from '../helpers/workspace'
import { writeProwlerScan } from './scan-files'

// A check row in the grouped Findings view counts triaged failures apart from the failed ("3 failed, 1 triaged"),
// read through the same triage evaluation as every other count, so a lapsed triage puts them back among the failed.

const S3 = 's3_bucket_public_access'
const TRAIL = 'cloudtrail_multi_region_enabled'

async function grouped(ws: Pick<TestSession, 'call'>, filter: { severity?: 'high' | 'low' } = {}) {
  const page = await ws.call('findings.view', { groupBy: 'check', ...filter })
  if (page.groupBy !== 'check') throw new Error('not grouped')
  return new Map(page.groups.map(g => [g.checkId, { statuses: g.statuses, triaged: g.triaged, findings: g.findings }]))
}

describe('check rows count triaged failures apart', () => {
  it('a triaged finding and a triaged check leave the failed count and come back when the triage lapses', async () => {
    const clock = { now: new Date('2026-03-01T12:00:00Z') }
    const ws = await createTestWorkspace({ now: () => clock.now })
    const file = writeProwlerScan(ws.dir, 'scan.json', '111122223333', '2026-02-10T09:00:00', [
      ...['a', 'b', 'c', 'd'].map(r => ({
        check: S3,
        status: 'FAIL' as const,
        severity: 'high' as const,
        resource: `bucket-${r}`,
        hipaa: ['164_312_a_1']
      })),
      { check: S3, status: 'PASS', severity: 'high', resource: 'bucket-e', hipaa: ['164_312_a_1'] },
      { check: TRAIL, status: 'FAIL', severity: 'low', resource: 'trail-1', hipaa: ['164_312_b'] },
      { check: TRAIL, status: 'FAIL', severity: 'low', resource: 'trail-2', hipaa: ['164_312_b'] }
    ])
    const [imported] = await ws.call('scans.import', { paths: [file] })
    if (!imported?.ok) throw new Error('import failed')
    expect(await grouped(ws)).toEqual(
      new Map([
        [S3, { statuses: { failed: 4, passed: 1 }, triaged: 0, findings: 5 }],
        [TRAIL, { statuses: { failed: 2 }, triaged: 0, findings: 2 }]
      ])
    )

    const page = await ws.call('findings.query', { scanId: imported.scan.id, status: 'failed' })
    const bucket = page.findings.find(f => [f.resourceId, f.resourceName].some(v => v?.endsWith('bucket-b')))
    if (!bucket) throw new Error('no bucket-b finding')
    const triage = { reason: 'Holds public brochures only', by: 'Dana Reyes', expiresOn: '2026-03-31' }
    await ws.call('findings.triage', { findingId: bucket.id, status: 'accepted-risk', ...triage })
    await ws.call('findings.triage', { checkId: TRAIL, status: 'false-positive', reason: 'Organisation trail', by: 'Dana Reyes' })
    expect(await grouped(ws)).toEqual(
      new Map([
        [S3, { statuses: { failed: 3, passed: 1 }, triaged: 1, findings: 5 }],
        // Every failure triaged: no failed status left, both counted as triaged.
        [TRAIL, { statuses: {}, triaged: 2, findings: 2 }]
      ])
    )
    // The view's filters apply to the triaged count as to the rest.
    expect((await grouped(ws, { severity: 'high' })).get(S3)).toEqual({ statuses: { failed: 3, passed: 1 }, triaged: 1, findings: 5 })
    expect([...(await grouped(ws, { severity: 'low' })).keys()]).toEqual([TRAIL])

    // The accepted risk expires on 31 March; the false positive has no expiry and still holds.
    clock.now = new Date('2026-04-01T12:00:00Z')
    expect(await grouped(ws)).toEqual(
      new Map([
        [S3, { statuses: { failed: 4, passed: 1 }, triaged: 0, findings: 5 }],
        [TRAIL, { statuses: {}, triaged: 2, findings: 2 }]
      ])
    )
  })
})
