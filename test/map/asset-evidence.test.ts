import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'
import { ownFixture } from '../scanners/fixture-paths'
import { asset, assetByName, importParsed, infrastructure } from './map-builders'

// Two Prowler files of the same account: the ASFF one (March 2023) passes patient-scans' encryption check,
// the OCSF one (February 2025) fails it. Imported newest first, so the order shown comes from the scans' dates.
async function mappedWorkspace() {
  const ws = await createTestWorkspace()
  for (const file of ['prowler-v5.ocsf.json', 'prowler-asff.json']) {
    const [scan] = await ws.call('scans.import', { paths: [ownFixture(file)] })
    expect(scan?.ok, file).toBe(true)
  }
  await importParsed(
    ws,
    infrastructure({
      assets: [
        asset('aws_s3_bucket.patient_scans', 'bucket', [], { name: 'patient_scans', arn: 'arn:aws:s3:::patient-scans', serviceId: 'aws-s3' }),
        asset('aws_s3_bucket.logs', 'bucket', [], { name: 'logs', arn: 'arn:aws:s3:::access-logs', serviceId: 'aws-s3' })
      ]
    })
  )
  return ws
}

describe('map.assetEvidence', () => {
  it('lists the findings on an asset matched by ARN, failing and passing, the newest scan first, with counts', async () => {
    const ws = await mappedWorkspace()
    const scans = await ws.call('scans.list', {})
    const ocsf = scans.find(s => s.fileName === 'prowler-v5.ocsf.json')!
    const asff = scans.find(s => s.fileName === 'prowler-asff.json')!
    const bucket = await assetByName(ws, 'patient_scans')

    const evidence = await ws.call('map.assetEvidence', { id: bucket.id })
    expect(evidence.identifiers).toContain('arn:aws:s3:::patient-scans')
    expect(evidence.scans.map(s => s.id)).toEqual([ocsf.id, asff.id])
    expect(evidence.scans[0]).toMatchObject({ fileName: 'prowler-v5.ocsf.json', current: true, counts: { failed: 1, passed: 0, other: 0 } })
    expect(evidence.scans[1]).toMatchObject({ fileName: 'prowler-asff.json', counts: { failed: 0, passed: 1, other: 0 } })
    expect(evidence.scans[0]!.scannedOn > evidence.scans[1]!.scannedOn).toBe(true)
    expect(evidence.counts).toEqual({ failed: 1, passed: 1, other: 0 })
    expect(evidence.findingsTotal).toBe(2)
    expect(evidence.findings.map(f => [f.scanId, f.status, f.checkId])).toEqual([
      [ocsf.id, 'failed', 's3_bucket_default_encryption'],
      [asff.id, 'passed', expect.stringContaining('s3_bucket_default_encryption')]
    ])
    // Nothing about other resources in those scans (the trail, the root account, the other bucket).
    expect(evidence.findings.every(f => f.resourceId === 'arn:aws:s3:::patient-scans')).toBe(true)
    expect(evidence.businessAssociate).toBeNull()
  })

  it('finds nothing for an asset no scanner names, and shows a linked agreement with its status and expiry', async () => {
    const ws = await mappedWorkspace()
    const logs = await assetByName(ws, 'logs')
    expect(await ws.call('map.assetEvidence', { id: logs.id })).toMatchObject({
      scans: [],
      findings: [],
      findingsTotal: 0,
      counts: { failed: 0, passed: 0, other: 0 }
    })

    // A manual asset linked to an agreement that has expired (the session date is later), then renewed.
    const ba = await ws.call('baas.create', {
      associate: { name: 'Imaging Partners', baaStatus: 'signed', effectiveOn: '2020-01-01', expiresOn: '2021-12-31' }
    })
    const party = await ws.call('map.addAsset', { name: 'Imaging archive', kind: 'external', businessAssociateId: ba.id, by: 'Dana' })
    expect((await ws.call('map.assetEvidence', { id: party.id })).businessAssociate).toEqual({
      id: ba.id,
      name: 'Imaging Partners',
      status: 'expired on 2021-12-31',
      expiresOn: '2021-12-31',
      agreementInForce: false
    })
    await ws.call('baas.update', {
      id: ba.id,
      associate: { name: 'Imaging Partners', baaStatus: 'signed', effectiveOn: '2020-01-01', expiresOn: '2099-12-31' }
    })
    expect((await ws.call('map.assetEvidence', { id: party.id })).businessAssociate).toMatchObject({
      status: 'signed',
      expiresOn: '2099-12-31',
      agreementInForce: true
    })
  })

  it('refuses an asset that is not on the map', async () => {
    const ws = await mappedWorkspace()
    await expect(ws.call('map.assetEvidence', { id: 9999 })).rejects.toThrow(/no asset 9999/)
  })
})
