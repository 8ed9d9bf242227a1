import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js'
import type { DataFlowMapView, FlowCarries, MapAsset, MapEndpoint, MapFlow, MapZone } from '../contract'
import { MapLayoutOptions, type MapScene, type SceneAsset, type SceneEdge, type SceneZone } from './contract'
import { assetCaption, zoneCaption } from './captions'
import { runElk } from './run-elk'
import { flowStyle, LEGEND, markingStyle, zoneStyle } from './styles'

export type MapLayoutInput = Pick<DataFlowMapView, 'assets' | 'zones' | 'flows' | 'flags'>

export const ASSET_WIDTH = 200
export const ASSET_HEIGHT = 46
export const COLLAPSED_WIDTH = 220
export const COLLAPSED_HEIGHT = 58
/** Room at the top of a zone for its name. */
const ZONE_PADDING = '[top=34,left=14,bottom=14,right=14]'

const ELK_ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Zones are nested boxes and flows cross them: one layout over the whole hierarchy.
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  // Every position absolute, so the drawing code never adds up parents' offsets.
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.spacing.nodeNode': '24',
  'elk.layered.spacing.nodeNodeBetweenLayers': '48',
  'elk.padding': '[top=16,left=16,bottom=16,right=16]'
}

const CARRIES_RANK: Record<FlowCarries, number> = { none: 1, metadata: 2, phi: 3 }

const zoneKey = (id: number) => `z${id}`
const assetKey = (id: number) => `a${id}`

/**
 * Lays the map out: zones as nested boxes (account → VPC → subnet), assets in
 * their innermost zone, flows as lines. Collapsed zones become one box counting
 * what they hold; flows into them are drawn to that box. Pure: no DOM, no Electron.
 */
export async function layoutMap(view: MapLayoutInput, rawOptions: MapLayoutOptions = {}): Promise<MapScene> {
  const options = MapLayoutOptions.parse(rawOptions)
  const { assets, zones, flows } = options.phiOnly ? phiOnly(view) : view
  const flagCounts = openFlagCounts(view.flags)

  const zoneById = new Map(zones.map(z => [z.id, z]))
  const parentOf = (z: MapZone) => (z.parentId !== null && zoneById.has(z.parentId) ? z.parentId : null)
  const asked = options.collapsed ?? (assets.length > options.collapseAbove ? zones.map(z => z.id) : [])
  const collapsed = new Set(asked.filter(id => zoneById.has(id)))

  // The box a zone is drawn as: its outermost collapsed ancestor (or itself).
  const representative = new Map<number, number>()
  const representativeOf = (id: number): number => {
    const known = representative.get(id)
    if (known !== undefined) return known
    const zone = zoneById.get(id) as MapZone
    const parent = parentOf(zone)
    const parentRep = parent === null ? null : representativeOf(parent)
    const rep = parentRep !== null && collapsed.has(parentRep) ? parentRep : id
    representative.set(id, rep)
    return rep
  }
  const visibleZones = zones.filter(z => representativeOf(z.id) === z.id)
  const hiddenZones = new Map<number, number>()
  for (const z of zones) {
    const rep = representativeOf(z.id)
    if (rep !== z.id) hiddenZones.set(rep, (hiddenZones.get(rep) ?? 0) + 1)
  }

  // Assets in a collapsed zone are counted; the rest are drawn, PHI and flagged ones first if there are too many.
  const hiddenAssets = new Map<number, number>()
  const homeOf = new Map<number, number | null>()
  const candidates: MapAsset[] = []
  for (const a of assets) {
    const home = a.zoneIds.find(id => zoneById.has(id)) ?? null
    homeOf.set(a.id, home)
    const rep = home === null ? null : representativeOf(home)
    if (rep !== null && collapsed.has(rep)) hiddenAssets.set(rep, (hiddenAssets.get(rep) ?? 0) + 1)
    else candidates.push(a)
  }
  const drawn = candidates.length > options.maxAssets ? [...candidates].sort(drawFirst(flagCounts)).slice(0, options.maxAssets) : candidates
  const drawnIds = new Set(drawn.map(a => a.id))
  const omittedAssets = candidates.length - drawn.length

  const nodeOf = (e: MapEndpoint): string | null => {
    if (e.type === 'zone') return zoneById.has(e.id) ? zoneKey(representativeOf(e.id)) : null
    if (drawnIds.has(e.id)) return assetKey(e.id)
    const home = homeOf.get(e.id)
    if (home === undefined || home === null) return null
    const rep = representativeOf(home)
    return collapsed.has(rep) ? zoneKey(rep) : null
  }

  // Ancestors of each drawn node, to leave out flows between a zone and something inside it (ELK cannot route those).
  const ancestorsOf = (key: string): Set<string> => {
    const result = new Set<string>()
    let zoneId = key.startsWith('a') ? (homeOf.get(Number(key.slice(1))) ?? null) : parentOf(zoneById.get(Number(key.slice(1))) as MapZone)
    while (zoneId !== null) {
      result.add(zoneKey(representativeOf(zoneId)))
      zoneId = parentOf(zoneById.get(zoneId) as MapZone)
    }
    return result
  }

  const edges = new Map<string, { from: string; to: string; flows: MapFlow[] }>()
  let undrawnFlows = 0
  for (const flow of flows) {
    const from = nodeOf(flow.from)
    const to = nodeOf(flow.to)
    if (from === null || to === null) {
      undrawnFlows++
      continue
    }
    if (from === to) continue
    if (ancestorsOf(from).has(to) || ancestorsOf(to).has(from)) {
      undrawnFlows++
      continue
    }
    const key = `${from}>${to}`
    const edge = edges.get(key) ?? { from, to, flows: [] }
    edge.flows.push(flow)
    edges.set(key, edge)
  }

  const graph = elkGraph(visibleZones, drawn, homeOf, parentOf, collapsed, [...edges.entries()])
  const laid = await runElk(graph)

  const sceneZones: SceneZone[] = []
  const sceneAssets: SceneAsset[] = []
  const assetById = new Map(drawn.map(a => [a.id, a]))
  const walk = (node: ElkNode, depth: number) => {
    for (const child of node.children ?? []) {
      const box = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 }
      const id = Number(child.id.slice(1))
      if (child.id.startsWith('z')) {
        const z = zoneById.get(id) as MapZone
        const zone = {
          key: child.id,
          zoneId: id,
          kind: z.kind,
          name: z.name,
          depth,
          placeholder: z.placeholder,
          phi: z.phi.value,
          phiInferred: z.phi.origin === 'inferred',
          collapsed: collapsed.has(id),
          hiddenAssets: hiddenAssets.get(id) ?? 0,
          hiddenZones: hiddenZones.get(id) ?? 0,
          flags: flagCounts.get(`zone:${id}`) ?? 0,
          style: zoneStyle(z.phi.value, z.placeholder),
          ...box
        }
        sceneZones.push({ ...zone, caption: zoneCaption(zone) })
        walk(child, depth + 1)
      } else {
        const a = assetById.get(id) as MapAsset
        const asset = {
          key: child.id,
          assetId: id,
          name: a.name,
          kind: a.kind,
          zoneId: homeOf.get(id) ?? null,
          phi: a.phi.value,
          phiInferred: a.phi.origin === 'inferred',
          manual: a.manual,
          flags: flagCounts.get(`asset:${id}`) ?? 0,
          style: markingStyle(a.phi.value),
          ...box
        }
        sceneAssets.push({ ...asset, caption: assetCaption(asset) })
      }
    }
  }
  walk(laid, 0)

  const sceneEdges: SceneEdge[] = (laid.edges ?? []).map(e =>
    sceneEdge(e, edges.get(e.id) as { from: string; to: string; flows: MapFlow[] }, flagCounts)
  )
  const hiddenTotal = [...hiddenAssets.values()].reduce((sum, n) => sum + n, 0)
  return {
    width: Math.ceil(laid.width ?? 0),
    height: Math.ceil(laid.height ?? 0),
    zones: sceneZones,
    assets: sceneAssets,
    edges: sceneEdges,
    legend: LEGEND,
    collapsedZoneIds: [...collapsed],
    phiOnly: options.phiOnly,
    counts: {
      assets: assets.length,
      zones: zones.length,
      flows: flows.length,
      drawnAssets: drawn.length,
      hiddenAssets: hiddenTotal,
      omittedAssets,
      undrawnFlows
    },
    notice: noticeOf(hiddenTotal, omittedAssets, options.phiOnly)
  }
}

function noticeOf(hidden: number, omitted: number, phiOnly: boolean): string | null {
  const parts: string[] = []
  if (hidden > 0) parts.push(`${hidden} ${hidden === 1 ? 'asset is' : 'assets are'} inside collapsed zones`)
  if (omitted > 0)
    parts.push(`${omitted} ${omitted === 1 ? 'asset is' : 'assets are'} not drawn to keep the drawing readable (collapse zones or show PHI only)`)
  if (parts.length === 0) return phiOnly ? 'Showing only what holds or carries PHI.' : null
  return `${parts.join('; ')}. The table lists every asset.${phiOnly ? ' Showing only what holds or carries PHI.' : ''}`
}

/** Roughly how wide a zone's name line is at 12px, so an empty or narrow zone still fits its name. */
function zoneCaptionWidth(z: MapZone): number {
  const [line] = zoneCaption({
    ...z,
    phi: z.phi.value,
    phiInferred: z.phi.origin === 'inferred',
    collapsed: false,
    hiddenAssets: 0,
    hiddenZones: 0,
    flags: 9
  })
  return (line ?? '').length * 6.6 + 24
}

function elkGraph(
  zones: MapZone[],
  assets: MapAsset[],
  homeOf: Map<number, number | null>,
  parentOf: (z: MapZone) => number | null,
  collapsed: Set<number>,
  edges: [string, { from: string; to: string }][]
): ElkNode {
  // Fewer crossing-minimisation passes on a large drawing: a little tidiness for a screen that answers in time.
  const thoroughness: Record<string, string> = assets.length + zones.length > 150 ? { 'elk.layered.thoroughness': '1' } : {}
  const root: ElkNode = { id: 'root', layoutOptions: { ...ELK_ROOT_OPTIONS, ...thoroughness }, children: [], edges: [] }
  const nodes = new Map<number, ElkNode>()
  for (const z of zones) {
    nodes.set(
      z.id,
      collapsed.has(z.id)
        ? { id: zoneKey(z.id), width: COLLAPSED_WIDTH, height: COLLAPSED_HEIGHT }
        : {
            id: zoneKey(z.id),
            children: [],
            layoutOptions: {
              'elk.padding': ZONE_PADDING,
              // An empty zone still shows its name.
              'elk.nodeSize.constraints': 'MINIMUM_SIZE',
              'elk.nodeSize.minimum': `(${Math.max(180, Math.ceil(zoneCaptionWidth(z)))},60)`
            }
          }
    )
  }
  const childrenOf = (zoneId: number | null): ElkNode[] => {
    const parent = zoneId === null ? root : nodes.get(zoneId)
    if (!parent || collapsed.has(zoneId as number)) return root.children as ElkNode[]
    parent.children ??= []
    return parent.children
  }
  for (const z of zones) childrenOf(parentOf(z)).push(nodes.get(z.id) as ElkNode)
  for (const a of assets) childrenOf(homeOf.get(a.id) ?? null).push({ id: assetKey(a.id), width: ASSET_WIDTH, height: ASSET_HEIGHT })
  root.edges = edges.map(([id, e]): ElkExtendedEdge => ({ id, sources: [e.from], targets: [e.to] }))
  return root
}

function sceneEdge(laid: ElkExtendedEdge, edge: { from: string; to: string; flows: MapFlow[] }, flagCounts: Map<string, number>): SceneEdge {
  const section = laid.sections?.[0]
  const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(p => ({ x: p.x, y: p.y })) : []
  const carries = strongestCarries(edge.flows)
  const encrypted = edge.flows.every(f => f.encryptedInTransit === true) ? true : edge.flows.some(f => f.encryptedInTransit === false) ? false : null
  const label = edge.flows.length === 1 ? edge.flows[0]!.label || edge.flows[0]!.kind : `${edge.flows.length} flows`
  return {
    key: laid.id,
    flowIds: edge.flows.map(f => f.id),
    from: edge.from,
    to: edge.to,
    kinds: [...new Set(edge.flows.map(f => f.kind))],
    label,
    carries,
    encryptedInTransit: encrypted,
    flags: edge.flows.reduce((sum, f) => sum + (flagCounts.get(`flow:${f.id}`) ?? 0), 0),
    points,
    style: flowStyle(carries)
  }
}

/** The most sensitive thing any of the flows carries: one PHI flow makes the line a PHI line. */
function strongestCarries(flows: MapFlow[]): FlowCarries | null {
  let best: FlowCarries | null = null
  for (const f of flows) {
    const value = f.carries.value
    if (value !== null && (best === null || CARRIES_RANK[value] > CARRIES_RANK[best])) best = value
  }
  return best
}

function openFlagCounts(flags: MapLayoutInput['flags']): Map<string, number> {
  const counts = new Map<string, number>()
  for (const flag of flags) {
    if (flag.dismissal) continue
    for (const s of flag.subjects) if (s.id !== null) counts.set(`${s.type}:${s.id}`, (counts.get(`${s.type}:${s.id}`) ?? 0) + 1)
  }
  return counts
}

const drawFirst =
  (flagCounts: Map<string, number>) =>
  (a: MapAsset, b: MapAsset): number => {
    const rank = (x: MapAsset) => (x.phi.value === 'phi' ? 0 : 2) + ((flagCounts.get(`asset:${x.id}`) ?? 0) > 0 ? 0 : 1)
    return rank(a) - rank(b) || a.name.localeCompare(b.name) || a.id - b.id
  }

/**
 * Only what holds or carries PHI: assets marked PHI, the ends of flows that
 * carry PHI, those flows, and the zones that enclose them.
 */
export function phiOnly(view: MapLayoutInput): Pick<MapLayoutInput, 'assets' | 'zones' | 'flows'> {
  const flows = view.flows.filter(f => f.carries.value === 'phi')
  const assetIds = new Set(view.assets.filter(a => a.phi.value === 'phi').map(a => a.id))
  const zoneIds = new Set(view.zones.filter(z => z.phi.value === 'phi').map(z => z.id))
  for (const f of flows) for (const end of [f.from, f.to]) (end.type === 'asset' ? assetIds : zoneIds).add(end.id)
  const assets = view.assets.filter(a => assetIds.has(a.id))
  for (const a of assets) for (const id of a.zoneIds) zoneIds.add(id)
  const zoneById = new Map(view.zones.map(z => [z.id, z]))
  for (const id of [...zoneIds]) {
    let parent = zoneById.get(id)?.parentId ?? null
    while (parent !== null && !zoneIds.has(parent)) {
      zoneIds.add(parent)
      parent = zoneById.get(parent)?.parentId ?? null
    }
  }
  return { assets, zones: view.zones.filter(z => zoneIds.has(z.id)), flows }
}
