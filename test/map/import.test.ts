import { describe, expect, it } from 'vitest'
import { ApiError } from '../../main/shared/errors'
import { listBackupFiles } from '../../main/backup/backup-files'
import { listMapAssets } from '../../main/map/db/assets'
import type { ParsedAsset } from '../../main/map/model'
import { createTestWorkspace } from '../helpers/workspace'
import { asset, assetByName, dbOf, dumpTables, flow, importParsed, infrastructure, zone } from './map-builders'

const VPC = 'aws:vpc:vpc-phi'
const SUBNET = 'aws:subnet:subnet-phi-a'
const DB = 'aws:rds:patients'
const BUCKET = 'aws:s3:uploads'

const firstVersion = () =>
  infrastructure({
    zones: [zone(SUBNET, 'subnet', VPC), zone(VPC, 'vpc', 'aws:account:111122223333'), zone('aws:account:111122223333', 'account')],
    assets: [asset(DB, 'database', [SUBNET], { serviceId: 'aws-rds', encryptedAtRest: true }), asset(BUCKET, 'bucket', ['aws:account:111122223333'])],
    flows: [flow(BUCKET, DB, 'reference', { label: 'loader' })],
    warnings: ['parameter pVpc not resolved']
  })

async function rejection(work: Promise<unknown>): Promise<ApiError> {
  try {
    await work
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the import to be refused')
}

describe('map import', () => {
  it('stores zones inside their parents (a subnet listed before its VPC), assets in their zones and flows between them', async () => {
    const ws = await createTestWorkspace()
    const result = await importParsed(ws, firstVersion())
    expect(result).toMatchObject({
      alreadyImported: false,
      format: 'terraform-tfstate',
      assets: 2,
      zones: 3,
      flows: 1,
      removed: { assets: 0, zones: 0, flows: 0 }
    })
    expect(result.warnings).toEqual(['parameter pVpc not resolved'])
    expect(listBackupFiles(ws.workspacePath).map(b => b.reason)).toEqual(['before-import'])
    const view = await ws.call('map.view', {})
    const byKey = new Map(view.zones.map(z => [z.key, z]))
    expect(byKey.get(SUBNET)?.parentId).toBe(byKey.get(VPC)?.id)
    expect(byKey.get(VPC)?.parentId).toBe(byKey.get('aws:account:111122223333')?.id)
    const database = view.assets.find(a => a.key === DB)!
    expect(database).toMatchObject({
      zoneIds: [byKey.get(SUBNET)?.id],
      zoneName: 'subnet-phi-a',
      serviceId: 'aws-rds',
      encryptedAtRest: true,
      sourceIds: [result.sourceId]
    })
    const bucket = view.assets.find(a => a.key === BUCKET)!
    expect(view.flows).toEqual([
      expect.objectContaining({ from: { type: 'asset', id: bucket.id }, to: { type: 'asset', id: database.id }, kind: 'reference', label: 'loader' })
    ])
    expect(view.sources).toEqual([expect.objectContaining({ id: result.sourceId, fileName: 'main.tfstate', assets: 2, zones: 3, flows: 1 })])
  })

  it('reports the same file imported twice and changes nothing', async () => {
    const ws = await createTestWorkspace()
    await importParsed(ws, firstVersion())
    const before = dumpTables(dbOf(ws))
    const again = await importParsed(ws, firstVersion())
    expect(again.alreadyImported).toBe(true)
    expect(again.warnings[0]).toMatch(/already imported/)
    expect(dumpTables(dbOf(ws))).toEqual(before)
    expect(listBackupFiles(ws.workspacePath)).toHaveLength(1)
  })

  it('keeps what a person said when a newer version of the same file is imported, and keeps assets it no longer lists as removed', async () => {
    const ws = await createTestWorkspace()
    await importParsed(ws, firstVersion())
    const ba = await ws.call('baas.create', { associate: { name: 'Loader Co', baaStatus: 'signed' } })
    const database = await assetByName(ws, 'patients')
    const bucket = await assetByName(ws, 'uploads')
    await ws.call('map.setPhi', { type: 'asset', id: database.id, phi: 'phi', by: 'Dana' })
    await ws.call('map.updateAsset', { id: database.id, owner: 'Records team', notes: 'primary store', businessAssociateId: ba.id })
    await ws.call('map.setPhi', { type: 'asset', id: bucket.id, phi: 'general', by: 'Dana' })
    const view = await ws.call('map.view', {})
    await ws.call('map.setPhi', { type: 'flow', id: view.flows[0]!.id, carries: 'none', by: 'Dana' })

    // The newer file: the database now encrypted differently, the bucket gone, a new queue.
    const newer = firstVersion()
    newer.assets = [asset(DB, 'database', [SUBNET], { serviceId: 'aws-rds', encryptedAtRest: false }), asset('aws:sqs:jobs', 'queue', [SUBNET])]
    newer.flows = []
    const result = await importParsed(ws, newer)
    expect(result).toMatchObject({ alreadyImported: false, assets: 2, removed: { assets: 1, zones: 0, flows: 1 }, removedWithMarkings: 1 })
    expect(result.warnings.join('\n')).toMatch(
      /1 asset, 0 zones and 1 flow it no longer describes are kept as removed, 1 of them with what a person said/
    )

    const after = await ws.call('map.view', {})
    const kept = after.assets.find(a => a.key === DB)!
    expect(kept.id).toBe(database.id)
    expect(kept).toMatchObject({
      owner: 'Records team',
      notes: 'primary store',
      businessAssociateId: ba.id,
      encryptedAtRest: false,
      sourceIds: [result.sourceId]
    })
    expect(kept.phi).toMatchObject({ value: 'phi', origin: 'person', saidBy: 'Dana' })
    expect(after.assets.map(a => a.key).sort()).toEqual([DB, 'aws:sqs:jobs'])
    expect(after.flows).toEqual([])
    // The bucket is kept with its marking, shown as removed when asked for.
    const withRemoved = (await import('../../main/map/read-data-flow-map')).readDataFlowMap(dbOf(ws), { today: '2025-06-01', includeRemoved: true })
    const gone = withRemoved.assets.find(a => a.key === BUCKET)!
    expect(gone.removedAt).not.toBeNull()
    expect(gone.phi).toMatchObject({ value: 'general', origin: 'person' })
    expect(withRemoved.flows[0]?.carries).toMatchObject({ value: 'none', origin: 'person' })
    // The older import is recorded as superseded by the newer one.
    expect(after.sources.map(s => s.supersededBy)).toEqual([result.sourceId, null])
    expect(
      listMapAssets(dbOf(ws))
        .map(a => a.key)
        .sort()
    ).toEqual([DB, 'aws:sqs:jobs'])

    // The bucket comes back in a later version: same row, marking intact.
    const third = firstVersion()
    third.assets.push(asset('aws:sqs:jobs', 'queue', [SUBNET]))
    await importParsed(ws, third)
    const back = await assetByName(ws, 'uploads')
    expect(back).toMatchObject({ id: bucket.id, removedAt: null })
    expect(back.phi.value).toBe('general')
  })

  it('refuses a file the reader cannot read, naming the file and the place, and leaves the workspace as it was', async () => {
    const ws = await createTestWorkspace()
    await importParsed(ws, firstVersion())
    const before = dumpTables(dbOf(ws))
    const error = await rejection(
      importParsed(ws, infrastructure({ warnings: ['another file'] }), {
        name: 'broken.json',
        read: async () => {
          throw Object.assign(new Error('line 3, column 7: the file ends inside an object'), { position: { line: 3, column: 7 } })
        }
      })
    )
    expect(error.code).toBe('import-rejected')
    expect(error.message).toMatch(/broken\.json: line 3, column 7: the file ends inside an object/)
    expect(error.details).toMatchObject({ position: { line: 3, column: 7 } })
    expect(dumpTables(dbOf(ws))).toEqual(before)
  })

  it('rolls back a file that fails halfway through storing: not one row of it stays', async () => {
    const ws = await createTestWorkspace()
    await importParsed(ws, firstVersion())
    await ws.call('map.setPhi', { type: 'asset', id: (await assetByName(ws, 'patients')).id, phi: 'phi', by: 'Dana' })
    const before = dumpTables(dbOf(ws))
    const many: ParsedAsset[] = Array.from({ length: 700 }, (_, i) => asset(`aws:s3:bucket-${i}`, 'bucket', [SUBNET]))
    // The last asset is one no reader may produce; the store refuses it after 700 others went in.
    many.push({ ...asset('aws:x:bad', 'bucket', [SUBNET]), kind: 'spaceship' as ParsedAsset['kind'] })
    const error = await rejection(importParsed(ws, infrastructure({ zones: firstVersion().zones, assets: many }), { name: 'other.tfstate' }))
    expect(error.code).toBe('import-rejected')
    expect(error.message).toMatch(/other\.tfstate: not imported, the map is as it was/)
    expect(dumpTables(dbOf(ws))).toEqual(before)
  })

  it('reports progress and rolls everything back when cancelled', async () => {
    const ws = await createTestWorkspace()
    const before = dumpTables(dbOf(ws))
    const controller = new AbortController()
    const phases: string[] = []
    const assets = Array.from({ length: 1600 }, (_, i) => asset(`aws:s3:b-${i}`, 'bucket', []))
    const error = await rejection(
      importParsed(ws, infrastructure({ assets }), {
        signal: controller.signal,
        onProgress: p => {
          phases.push(p.phase)
          if (p.phase === 'store' && p.done >= 1000) controller.abort()
        }
      })
    )
    expect(error.code).toBe('cancelled')
    expect(phases.filter(p => p === 'store').length).toBeGreaterThanOrEqual(2)
    expect(dumpTables(dbOf(ws))).toEqual(before)
  })

  it('keeps flows whose ends are not described out, with a warning', async () => {
    const ws = await createTestWorkspace()
    const parsed = firstVersion()
    parsed.flows.push(flow(DB, 'aws:lambda:missing', 'invocation'))
    const result = await importParsed(ws, parsed)
    expect(result.flows).toBe(1)
    expect(result.warnings).toContain(
      'flow invocation from aws:rds:patients to aws:lambda:missing: aws:lambda:missing is not described; flow left out'
    )
  })

  it('refuses the map.import call for a file that does not exist, naming it', async () => {
    const ws = await createTestWorkspace()
    await expect(ws.call('map.import', { path: `${ws.dir}/nope.json` })).rejects.toThrow(/nope\.json: cannot be read/)
  })
})
