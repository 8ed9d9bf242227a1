import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { packData } from '../../main/documents/generate'
import { redactPackData } from '../../main/documents/redact-pack'
import { createTestWorkspace } from '../helpers/workspace'
import { pdfText } from '../documents/pdf-tools'
import { ownFixture } from '../scanners/fixture-paths'
import { asset, assetByName, importParsed, infrastructure, zone } from '../map/map-builders'

// Every reader of failing findings asks the same triage read: each count below changes when the finding is triaged
// and changes back when the triage expires, in a real workspace with an imported scan.

const ENCRYPTION = '164.312(a)(2)(iv)'

async function triagedWorkspace() {
  const clock = { now: new Date('2026-03-01T12:00:00Z') }
  const ws = await createTestWorkspace({ now: () => clock.now })
  const [result] = await ws.call('scans.import', { paths: [ownFixture('prowler-v5.ocsf.json')] })
  if (!result?.ok) throw new Error('import failed')
  const page = await ws.call('findings.query', { scanId: result.scan.id, status: 'failed' })
  const bucket = page.findings.find(f => f.resourceId === 'arn:aws:s3:::patient-scans')
  if (!bucket) throw new Error('no failing bucket finding')
  return { ws, clock, bucket }
}

describe('consumers of failing findings honour triage', () => {
  it('the dashboard, the pack data and the pack itself leave a triaged failure out and list it with its reason', async () => {
    const { ws, clock, bucket } = await triagedWorkspace()
    const before = await packData(ws.context())
    const dashboardBefore = (await ws.call('calendar.dashboard', {})).evidence.latestScan
    expect(dashboardBefore).toMatchObject({ failed: 2, triaged: 0 })
    expect(before.findings).toMatchObject({ failed: 2, triaged: { total: 0 } })
    expect(before.findings?.bySeverity.medium.failed).toBe(1)
    expect(before.findings?.bySpecification.find(s => s.citation === ENCRYPTION)?.failed).toBe(1)
    expect(before.findings?.worst.map(w => w.resource)).toContain('patient-scans')
    expect(await ws.call('findings.specificationSummaries', { items: [[ENCRYPTION]] })).toEqual([
      expect.objectContaining({ failing: 1, failingCheckCount: 1 })
    ])

    await ws.call('findings.triage', {
      findingId: bucket.id,
      status: 'accepted-risk',
      reason: 'Test images only, removed at the April migration',
      by: 'Dana Reyes',
      expiresOn: '2026-03-31'
    })
    const after = await packData(ws.context())
    expect((await ws.call('calendar.dashboard', {})).evidence.latestScan).toMatchObject({ failed: 1, triaged: 1 })
    expect(after.findings).toMatchObject({ failed: 1, triaged: { total: 1, resources: 1 } })
    expect(after.findings?.bySeverity.medium.failed).toBe(0)
    expect(after.findings?.bySpecification.find(s => s.citation === ENCRYPTION)?.failed).toBe(0)
    expect(after.findings?.worst.map(w => w.resource)).not.toContain('patient-scans')
    // The question card's evidence and the Findings view.
    expect(await ws.call('findings.specificationSummaries', { items: [[ENCRYPTION]] })).toEqual([
      expect.objectContaining({ failing: 0, failingCheckCount: 0 })
    ])
    const view = await ws.call('findings.view', { groupBy: 'none', status: 'failed' })
    expect(view.groupBy === 'none' && view.findings.find(f => f.id === bucket.id)?.triage).toMatchObject({ active: true })
    expect(after.findings?.triaged?.listed).toEqual([
      expect.objectContaining({
        resource: 'patient-scans',
        status: 'Accepted risk',
        reason: 'Test images only, removed at the April migration',
        by: 'Dana Reyes',
        triagedOn: '2026-03-01',
        expiresOn: '2026-03-31',
        wholeCheck: false
      })
    ])
    // A redacted edition names neither the resource nor the account in the triaged list.
    const redacted = redactPackData(after).data.findings?.triaged?.listed[0]
    expect([redacted?.resource, redacted?.accountId]).not.toContain('patient-scans')
    expect(redacted?.accountId).not.toBe('111122223333')
    // The control matrix counts failing findings per specification from the same numbers.
    expect(after.controls?.find(c => c.citation === ENCRYPTION)?.failingFindings ?? 0).toBe(0)

    const file = path.join(ws.dir, 'pack.pdf')
    await ws.call('documents.generatePack', { path: file, sections: ['scans'] })
    const text = pdfText(file)
    expect(text).toContain('Triaged findings')
    // Table cells wrap: the reason and the name are read around the line breaks.
    expect(text).toMatch(/patient-scans Accepted risk Test images only, removed at the April Dana Reyes, 1 31 Mar migration/)

    // After the expiry day the failure counts again in each of them.
    clock.now = new Date('2026-04-01T12:00:00Z')
    expect((await ws.call('calendar.dashboard', {})).evidence.latestScan).toMatchObject({ failed: 2, triaged: 0 })
    const expired = await packData(ws.context())
    expect(expired.findings).toMatchObject({ failed: 2, triaged: { total: 0 } })
    expect(expired.findings?.bySpecification.find(s => s.citation === ENCRYPTION)?.failed).toBe(1)
  })
})

describe('the data-flow map honours triage', () => {
  it('a false positive on a bucket raises no encryption flag while it holds', async () => {
    const { ws, bucket } = await triagedWorkspace()
    await importParsed(
      ws,
      infrastructure({
        zones: [zone('aws:account:111122223333', 'account')],
        assets: [
          asset('arn:aws:s3:::patient-scans', 'bucket', ['aws:account:111122223333'], { arn: 'arn:aws:s3:::patient-scans', serviceId: 'aws-s3' })
        ]
      })
    )
    await ws.call('map.setPhi', { type: 'asset', id: (await assetByName(ws, 'patient-scans')).id, phi: 'phi', by: 'Dana' })
    const encryptionFlags = async () => (await ws.call('map.flags', {})).filter(f => f.rule === 'phi-unencrypted-at-rest').map(f => f.subjectKey)
    expect(await encryptionFlags()).toEqual(['arn:aws:s3:::patient-scans'])
    const triage = await ws.call('findings.triage', {
      findingId: bucket.id,
      status: 'false-positive',
      reason: 'Encrypted by bucket policy',
      by: 'Dana Reyes'
    })
    expect(await encryptionFlags()).toEqual([])
    await ws.call('findings.untriage', { id: triage.id, by: 'Dana Reyes' })
    expect(await encryptionFlags()).toEqual(['arn:aws:s3:::patient-scans'])
  })
})
