import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'
import { ownFixture } from '../scanners/fixture-paths'
import { dbOf, dumpTables } from './map-builders'

describe('map.importScannerResources', () => {
  it('refuses when no scan names a resource, changing nothing', async () => {
    const ws = await createTestWorkspace()
    const before = dumpTables(dbOf(ws))
    await expect(ws.call('map.importScannerResources', {})).rejects.toThrow(/import scanner results first/)
    expect(dumpTables(dbOf(ws))).toEqual(before)
  })

  it('adds the resources of the current scans as assets, once, and a failing encryption check then flags the PHI one', async () => {
    const ws = await createTestWorkspace()
    const [scan] = await ws.call('scans.import', { paths: [ownFixture('prowler-v5.ocsf.json')] })
    expect(scan?.ok).toBe(true)
    const result = await ws.call('map.importScannerResources', {})
    expect(result).toMatchObject({ alreadyImported: false, format: 'scanner-resources', file: 'scanner findings' })
    const view = await ws.call('map.view', {})
    const arns = view.assets.map(a => a.arn).filter(Boolean)
    expect(arns).toEqual(expect.arrayContaining(['arn:aws:s3:::patient-scans', 'arn:aws:s3:::billing-exports']))
    expect(result.assets).toBe(view.assets.length)
    expect((await ws.call('map.importScannerResources', {})).alreadyImported).toBe(true)

    const bucket = view.assets.find(a => a.arn === 'arn:aws:s3:::patient-scans')!
    expect(bucket.kind).toBe('bucket')
    await ws.call('map.setPhi', { type: 'asset', id: bucket.id, phi: 'phi', by: 'Dana' })
    const flags = (await ws.call('map.flags', {})).filter(f => f.rule === 'phi-unencrypted-at-rest')
    expect(flags.map(f => f.subjects)).toEqual([[{ type: 'asset', id: bucket.id }]])
  })
})
