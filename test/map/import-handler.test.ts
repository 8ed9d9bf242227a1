import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ProgressUpdate } from '../../main/api/define-call'
import { listBackupFiles } from '../../main/backup/backup-files'
import { createTestWorkspace } from '../helpers/workspace'
import { dbOf, dumpTables } from './map-builders'

const OWN = path.resolve(__dirname, '../fixtures/map/clinic-intake_v4.tfstate')
const SHARED = path.resolve(__dirname, '../../../shared/fixtures/infrastructure')
const sharedPresent = fs.existsSync(SHARED)

describe('map.import through the format readers', () => {
  it('imports a Terraform state whole, with a checked backup first and progress', async () => {
    const ws = await createTestWorkspace()
    const progress: ProgressUpdate[] = []
    const result = await ws.call('map.import', { path: OWN }, { onProgress: p => progress.push(p) })
    expect(result).toMatchObject({ alreadyImported: false, format: 'terraform-tfstate', assets: 2, zones: 1, flows: 1, warnings: [] })
    expect(result.backupPath).toBe(listBackupFiles(ws.workspacePath)[0]?.file)
    expect(progress.some(p => p.phase === 'read' && p.unit === 'bytes')).toBe(true)
    const view = await ws.call('map.view', {})
    expect(view.flows).toEqual([expect.objectContaining({ kind: 'event-notification', label: 's3:ObjectCreated:* (prefix uploads/)' })])
    const again = await ws.call('map.import', { path: OWN })
    expect(again.alreadyImported).toBe(true)
  })

  it('keeps markings when a newer version of the state is imported, and refuses a truncated one leaving the workspace as it was', async () => {
    const ws = await createTestWorkspace()
    await ws.call('map.import', { path: OWN })
    const bucket = (await ws.call('map.view', {})).assets.find(a => a.key === 'arn:aws:s3:::clinic-intake')!
    await ws.call('map.setPhi', { type: 'asset', id: bucket.id, phi: 'phi', by: 'Dana' })
    await ws.call('map.updateAsset', { id: bucket.id, owner: 'Intake team' })

    // The newer state (same file name): the lambda and its notification gone.
    const dir = path.join(ws.dir, 'v2')
    fs.mkdirSync(dir)
    const state = JSON.parse(fs.readFileSync(OWN, 'utf8')) as { serial: number; resources: { type: string }[] }
    state.serial += 1
    state.resources = state.resources.filter(r => r.type === 'aws_s3_bucket')
    const newer = path.join(dir, path.basename(OWN))
    fs.writeFileSync(newer, JSON.stringify(state))
    const result = await ws.call('map.import', { path: newer })
    expect(result).toMatchObject({ assets: 1, flows: 0, removed: { assets: 1, flows: 1 }, removedWithMarkings: 0 })
    const view = await ws.call('map.view', {})
    expect(view.assets.map(a => [a.key, a.owner, a.phi.value, a.phi.origin])).toEqual([
      ['arn:aws:s3:::clinic-intake', 'Intake team', 'phi', 'person']
    ])

    const before = dumpTables(dbOf(ws))
    const truncated = path.join(ws.dir, 'truncated.tfstate')
    const text = fs.readFileSync(OWN, 'utf8')
    fs.writeFileSync(truncated, text.slice(0, Math.floor(text.length / 2)))
    const refused = await ws.call('map.import', { path: truncated }).then(
      () => null,
      (error: unknown) => error as { code: string; message: string }
    )
    expect(refused?.code).toBe('import-rejected')
    expect(refused?.message).toContain('truncated.tfstate')
    expect(dumpTables(dbOf(ws))).toEqual(before)
  })

  it.skipIf(!sharedPresent)('imports every shared Terraform example the readers take (skipped: ../shared/fixtures is absent)', async () => {
    const ws = await createTestWorkspace()
    const files = [
      'terraform-tfstate/inframap_lb-launchtemplate-rds-sg_v4.tfstate.json',
      'terraform-tfstate/driftctl_s3-notifications-to-lambda_v4.tfstate'
    ]
    for (const file of files) {
      const result = await ws.call('map.import', { path: path.join(SHARED, file) })
      expect(result.alreadyImported).toBe(false)
      expect(result.assets).toBeGreaterThan(0)
    }
    const view = await ws.call('map.view', {})
    expect(view.sources.map(s => s.fileName)).toEqual(files.map(f => path.basename(f)))
    // The inframap state: internet → load balancer → launch template → database, each a network flow.
    expect(view.flows.filter(f => f.kind === 'network')).toHaveLength(3)
  })
})
