import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Host } from '../../main/api/host'
import { headlessHost } from '../../main/api/host'
import { backupBeforeImport } from '../../main/backup/backup'
import { readInfrastructureFile } from '../../main/map/formats'
import { importMapFile } from '../../main/map/import/import-map-file'
import { pdfText, qpdfCheck } from '../documents/pdf-tools'
import { createTestWorkspace } from '../helpers/workspace'

const FIXTURE = path.resolve(__dirname, '../fixtures/map-drawing/clinic.tfstate')
const saveTo = (file: string): Host => ({ ...headlessHost, pickSavePath: async () => file })

async function workspaceWithMap() {
  const ws = await createTestWorkspace()
  const { db, path: workspacePath } = ws.session.requireWorkspace()
  await importMapFile(db, FIXTURE, {
    now: ws.session.now(),
    read: (file, options) => readInfrastructureFile(file, options),
    beforeWrite: () => backupBeforeImport(db, workspacePath).file
  })
  const view = await ws.call('map.view', {})
  const vpc = view.zones.find(z => z.kind === 'vpc')!
  await ws.call('map.setPhi', { type: 'zone', id: vpc.id, phi: 'phi', by: 'Dana' })
  const bucket = view.assets.find(a => a.kind === 'bucket')!
  await ws.call('map.setPhi', { type: 'asset', id: bucket.id, phi: 'phi', by: 'Dana' })
  const gateway = await ws.call('map.addAsset', { name: 'Clearing <house> & co', kind: 'external', phi: 'phi' })
  await ws.call('map.addFlow', {
    from: { type: 'asset', id: bucket.id },
    to: { type: 'asset', id: gateway.id },
    label: 'claims (SFTP)',
    carries: 'phi'
  })
  return ws
}

describe('evidence pack: Where PHI lives and flows', () => {
  it('draws the map as a tagged vector figure with the PHI asset table and the map findings', async () => {
    const ws = await workspaceWithMap()
    const file = path.join(ws.dir, 'pack.pdf')
    await ws.call('documents.generatePack', {}, { host: saveTo(file) })
    expect(qpdfCheck(file).status).toBe(0)

    const text = pdfText(file)
    const section = text.slice(text.lastIndexOf('Where PHI lives and flows'))
    expect(section).toMatch(/4 assets in 4 zones with 2 flows are recorded; 3 assets are marked or inferred to hold PHI and 1 flow to carry it/)
    expect(section).toContain('it is not a statement of compliance')
    // The drawing's own words, as text (vector, not an image) and the legend.
    expect(section).toContain('aws_db_instance.patients')
    expect(section).toContain('Legend')
    expect(section).toContain('Holds PHI (hatched, thick border)')
    expect(section).toContain('Assets holding PHI')
    expect(section).toContain('Clearing <house> & co')
    expect(section).toContain('Map findings')
    expect(section).toContain('45 CFR 164.308(b)')
    expect(section).toContain('90 FR 898')
    expect(section).not.toContain('45 CFR 90 FR')
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').length).toBe(2) // header lines only: no raster images

    const raw = fs.readFileSync(file, 'latin1')
    expect(raw).toMatch(/\/S \/Figure[^>]*\/Alt \(Data-flow map with 4 assets in 4 zones and 2 flows/s)
  })

  it('says "not recorded" when the workspace has no map, and redacts names in a redacted pack', async () => {
    const empty = await createTestWorkspace()
    const emptyFile = path.join(empty.dir, 'empty.pdf')
    await empty.call('documents.generatePack', {}, { host: saveTo(emptyFile) })
    const emptyText = pdfText(emptyFile)
    expect(emptyText.slice(emptyText.lastIndexOf('Where PHI lives and flows'))).toMatch(/No data-flow map has been recorded/)

    const ws = await workspaceWithMap()
    const file = path.join(ws.dir, 'redacted.pdf')
    await ws.call('documents.generatePack', { redact: true }, { host: saveTo(file) })
    const text = pdfText(file)
    expect(text).not.toContain('aws_db_instance.patients')
    expect(text).toMatch(/\[database \d+\]/)
    // A party a person added by hand is named by them, not by a cloud: it stays (test/documents/redacted-pack.test.ts covers the rest).
    expect(text).toContain('Clearing <house> & co')
  })
})
