import type { MapAsset, MapEndpoint, MapFlow, MapZone, PhiMarking } from '../contract'
import type { MapRuleInput } from './rule'

/** Lookups several rules share, built once per evaluation. */
export interface MapIndex {
  asset(id: number): MapAsset | undefined
  zone(id: number): MapZone | undefined
  name(endpoint: MapEndpoint): string
  key(endpoint: MapEndpoint): string
  marking(endpoint: MapEndpoint): PhiMarking | null
  /** The zones an endpoint sits in: an asset's zones, or the zone itself. */
  zonesOf(endpoint: MapEndpoint): number[]
  /** Assets that hold PHI or receive a flow carrying it: the ones that store, process or transmit PHI. */
  phiTouching: MapAsset[]
  phiFlows: MapFlow[]
}

const memo = new WeakMap<MapRuleInput, MapIndex>()

export function mapIndex(input: MapRuleInput): MapIndex {
  const cached = memo.get(input)
  if (cached) return cached
  const assets = new Map(input.assets.map(a => [a.id, a]))
  const zones = new Map(input.zones.map(z => [z.id, z]))
  const phiFlows = input.flows.filter(f => f.carries.value === 'phi')
  const touching = new Set(input.assets.filter(a => a.phi.value === 'phi').map(a => a.id))
  for (const flow of phiFlows) {
    if (flow.from.type === 'asset') touching.add(flow.from.id)
    if (flow.to.type === 'asset') touching.add(flow.to.id)
  }
  const index: MapIndex = {
    asset: id => assets.get(id),
    zone: id => zones.get(id),
    name: e => (e.type === 'asset' ? assets.get(e.id)?.name : zones.get(e.id)?.name) ?? `${e.type} ${e.id}`,
    key: e => (e.type === 'asset' ? assets.get(e.id)?.key : zones.get(e.id)?.key) ?? `${e.type}:${e.id}`,
    marking: e => (e.type === 'asset' ? assets.get(e.id)?.phi.value : zones.get(e.id)?.phi.value) ?? null,
    zonesOf: e => (e.type === 'asset' ? (assets.get(e.id)?.zoneIds ?? []) : [e.id]),
    phiTouching: input.assets.filter(a => touching.has(a.id)),
    phiFlows
  }
  memo.set(input, index)
  return index
}
