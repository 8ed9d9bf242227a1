import { describe, expect, it } from 'vitest'
import { layoutMap } from '../../main/map/drawing/layout'
import type { MapScene, SceneZone } from '../../main/map/drawing/contract'
import { assetOf, flowOf, generatedView, viewOf, zoneOf } from './views'

const inside = (inner: { x: number; y: number; width: number; height: number }, outer: SceneZone) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height

// account 1 → vpc 2 (PHI) → subnet 3; vpc 4 (general); a database in the subnet, a function in vpc 4, a bucket outside.
const nested = viewOf({
  zones: [zoneOf(1, 'account', null), zoneOf(2, 'vpc', 1, 'phi'), zoneOf(3, 'subnet', 2), zoneOf(4, 'vpc', 1, 'general', { placeholder: true })],
  assets: [assetOf(10, [3], 'phi'), assetOf(11, [4], 'general', { kind: 'function' }), assetOf(12, [], null, { kind: 'bucket' })],
  flows: [flowOf(1, 10, 11, 'phi'), flowOf(2, 11, 12, 'none')]
})

const zone = (scene: MapScene, id: number) => scene.zones.find(z => z.zoneId === id) as SceneZone
const asset = (scene: MapScene, id: number) => scene.assets.find(a => a.assetId === id)!

describe('layoutMap', () => {
  it('nests assets in their innermost zone and zones in their parents', async () => {
    const scene = await layoutMap(nested)
    expect(scene.zones.map(z => [z.zoneId, z.depth])).toEqual(
      expect.arrayContaining([
        [1, 0],
        [2, 1],
        [3, 2],
        [4, 1]
      ])
    )
    expect(inside(zone(scene, 2), zone(scene, 1))).toBe(true)
    expect(inside(zone(scene, 3), zone(scene, 2))).toBe(true)
    expect(inside(asset(scene, 10), zone(scene, 3))).toBe(true)
    expect(inside(asset(scene, 11), zone(scene, 4))).toBe(true)
    expect(inside(asset(scene, 12), zone(scene, 1))).toBe(false)
    expect(scene.edges).toHaveLength(2)
    for (const e of scene.edges) expect(e.points.length).toBeGreaterThanOrEqual(2)
    // Every box lies in the drawing.
    for (const b of [...scene.zones, ...scene.assets]) expect(b.x + b.width <= scene.width && b.y + b.height <= scene.height).toBe(true)
  })

  it('marks PHI with a pattern and a heavier line, placeholders dashed, and flows by what they carry', async () => {
    const scene = await layoutMap(nested)
    expect(asset(scene, 10).style).toMatchObject({ tone: 'phi', pattern: 'hatch' })
    expect(asset(scene, 11).style.pattern).toBeNull()
    expect(asset(scene, 10).style.strokeWidth).toBeGreaterThan(asset(scene, 11).style.strokeWidth)
    expect(zone(scene, 4).style.dash).not.toBeNull()
    expect(zone(scene, 2).style.dash).toBeNull()
    const phiEdge = scene.edges.find(e => e.flowIds.includes(1))!
    expect(phiEdge).toMatchObject({ from: 'a10', to: 'a11', carries: 'phi' })
    expect(scene.edges.find(e => e.flowIds.includes(2))!.style.dash).not.toBeNull()
    expect(asset(scene, 10).caption.join(' ')).toContain('PHI')
  })

  it('draws a collapsed zone as one box counting what it holds, with flows redirected to it', async () => {
    const scene = await layoutMap(nested, { collapsed: [2] })
    expect(scene.zones.map(z => z.zoneId).sort()).toEqual([1, 2, 4])
    expect(zone(scene, 2)).toMatchObject({ collapsed: true, hiddenAssets: 1, hiddenZones: 1 })
    expect(scene.assets.map(a => a.assetId).sort()).toEqual([11, 12])
    expect(scene.edges.find(e => e.flowIds.includes(1))).toMatchObject({ from: 'z2', to: 'a11' })
    expect(scene.counts).toMatchObject({ assets: 3, drawnAssets: 2, hiddenAssets: 1 })
    expect(scene.notice).toContain('1 asset is inside collapsed zones')
  })

  it('merges flows a collapsed zone gathers into one line carrying the most sensitive data', async () => {
    const view = viewOf({
      zones: [zoneOf(1, 'vpc', null)],
      assets: [assetOf(1, [1]), assetOf(2, [1]), assetOf(3, [])],
      flows: [flowOf(1, 1, 3, 'none'), flowOf(2, 2, 3, 'phi'), flowOf(3, 1, 2, 'phi')]
    })
    const scene = await layoutMap(view, { collapsed: [1] })
    expect(scene.edges).toHaveLength(1)
    expect(scene.edges[0]).toMatchObject({ from: 'z1', to: 'a3', carries: 'phi', label: '2 flows' })
    expect(scene.edges[0]!.flowIds.sort()).toEqual([1, 2])
  })

  it('keeps only what holds or carries PHI under the PHI filter, with the zones around it', async () => {
    const scene = await layoutMap(nested, { phiOnly: true })
    // Asset 11 is general but receives a PHI flow; asset 12 and the none-flow drop out.
    expect(scene.assets.map(a => a.assetId).sort()).toEqual([10, 11])
    expect(scene.edges.map(e => e.flowIds)).toEqual([[1]])
    expect(scene.zones.map(z => z.zoneId).sort()).toEqual([1, 2, 3, 4])
    expect(scene.phiOnly).toBe(true)

    const none = await layoutMap(viewOf({ zones: [zoneOf(1, 'vpc', null)], assets: [assetOf(1, [1], 'general')] }), { phiOnly: true })
    expect(none.assets).toHaveLength(0)
    expect(none.zones).toHaveLength(0)
  })

  it('counts open flags on the boxes they name and ignores dismissed ones', async () => {
    const flag = (id: number, dismissed: boolean) => ({
      rule: 'phi-asset-without-owner',
      title: 'PHI asset without an owner',
      citation: '164.308(a)(2)',
      message: 'no owner',
      subjects: [{ type: 'asset' as const, id }],
      subjectKey: `asset-${id}`,
      dismissal: dismissed ? { id: 1, reason: 'known', by: '', at: '2025-01-01' } : null
    })
    const scene = await layoutMap({ ...nested, flags: [flag(10, false), flag(11, true)] })
    expect(asset(scene, 10).flags).toBe(1)
    expect(asset(scene, 11).flags).toBe(0)
  })

  it('leaves out a flow between a zone and an asset inside it, and says so', async () => {
    const view = viewOf({ zones: [zoneOf(1, 'vpc', null)], assets: [assetOf(1, [1])], flows: [flowOf(1, 1, 1, 'phi', ['zone', 'asset'])] })
    const scene = await layoutMap(view)
    expect(scene.edges).toHaveLength(0)
    expect(scene.counts.undrawnFlows).toBe(1)
  })

  it('lays out a generated map of 10,000 assets: zones collapse by default, and a cap bounds what is drawn', async () => {
    const view = generatedView(10_000)
    const collapsed = await layoutMap(view)
    expect(collapsed.counts).toMatchObject({ assets: 10_000, drawnAssets: 0, hiddenAssets: 10_000 })
    expect(collapsed.zones.every(z => z.collapsed && z.depth === 0)).toBe(true)
    expect(collapsed.zones.reduce((sum, z) => sum + z.hiddenAssets, 0)).toBe(10_000)

    const expanded = await layoutMap(view, { collapsed: [], maxAssets: 300 })
    expect(expanded.counts).toMatchObject({ drawnAssets: 300, omittedAssets: 9_700 })
    // PHI assets are drawn first when not all fit.
    expect(expanded.assets.every(a => a.phi === 'phi')).toBe(true)
    expect(expanded.notice).toContain('9700 assets are not drawn')
  })
})
