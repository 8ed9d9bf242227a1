import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Host } from '../../main/api/host'
import { headlessHost } from '../../main/api/host'
import { runSafeguard } from '../helpers/cli'
import { createTestWorkspace } from '../helpers/workspace'
import { parseXml } from './parse-xml'

const saveTo = (file: string | null): Host => ({ ...headlessHost, pickSavePath: async () => file })

async function workspaceWithAssets() {
  const ws = await createTestWorkspace()
  const ehr = await ws.call('map.addAsset', { name: 'EHR <primary> & backup', kind: 'database', phi: 'phi', owner: 'Dana' })
  const gateway = await ws.call('map.addAsset', { name: 'Clearing house', kind: 'external', phi: 'general' })
  await ws.call('map.addFlow', { from: { type: 'asset', id: ehr.id }, to: { type: 'asset', id: gateway.id }, label: 'claims (SFTP)', carries: 'phi' })
  return { ws, ehr, gateway }
}

describe('map.layout and map.exportSvg', () => {
  it('lays out the stored map', async () => {
    const { ws, ehr, gateway } = await workspaceWithAssets()
    const scene = await ws.call('map.layout', {})
    expect(scene.assets.map(a => a.assetId).sort((a, b) => a - b)).toEqual([ehr.id, gateway.id])
    expect(scene.edges).toHaveLength(1)
    expect(scene.edges[0]).toMatchObject({ from: `a${ehr.id}`, to: `a${gateway.id}`, carries: 'phi' })
    const phiOnly = await ws.call('map.layout', { phiOnly: true })
    expect(phiOnly.phiOnly).toBe(true)
  })

  it('writes the SVG where the save dialog says, for the owner only, and nothing when cancelled', async () => {
    const { ws } = await workspaceWithAssets()
    const target = path.join(ws.dir, 'map.svg')
    expect(await ws.call('map.exportSvg', {}, { host: saveTo(null) })).toBeNull()
    expect(fs.existsSync(target)).toBe(false)

    const written = await ws.call('map.exportSvg', {}, { host: saveTo(target) })
    expect(written).toEqual({ path: target, bytes: fs.statSync(target).size })
    expect(fs.statSync(target).mode & 0o777).toBe(0o600)
    const svg = fs.readFileSync(target, 'utf8')
    expect(parseXml(svg).name).toBe('svg')
    expect(svg).toContain('EHR &lt;primary&gt; &amp; backup')
  })

  it('the input cannot carry a path: the call refuses unknown fields', async () => {
    const { ws } = await workspaceWithAssets()
    await expect(ws.call('map.exportSvg', { path: path.join(ws.dir, 'x.svg') } as never, { host: saveTo(null) })).rejects.toThrow()
  })

  it('safeguard map <ws> --svg FILE writes the drawing with mode 0600', async () => {
    const { ws, workspacePath } = await workspaceWithAssets().then(r => ({ ...r, workspacePath: r.ws.workspacePath }))
    ws.session.close()
    const target = path.join(ws.dir, 'out.svg')
    fs.writeFileSync(target, 'old', { mode: 0o644 })
    const result = await runSafeguard(['map', workspacePath, '--svg', target])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(target)
    expect(fs.statSync(target).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(target, 'utf8')).toContain('Clearing house')
  })
})
