import type { Db } from '../db/driver'
import type { MapAsset, MapEndpoint, MapFlow, MapZone, PhiMarking } from './contract'
import { listMapAssetDetails } from './db/assets'
import { listStoredFlows, type StoredFlow } from './db/flows'
import { listMapZones } from './db/zones'
import { effectiveFlowCarries } from './inference/flow-carries'

export interface MapGraph {
  assets: MapAsset[]
  zones: MapZone[]
  flows: MapFlow[]
}

/** The stored map with effective markings: zones and assets from the store, flows inferred from their ends. */
export function readMapGraph(db: Db): MapGraph {
  const assets = listMapAssetDetails(db)
  const zones = listMapZones(db)
  return { assets, zones, flows: withEffectiveCarries(listStoredFlows(db), assets, zones) }
}

export function withEffectiveCarries(flows: readonly StoredFlow[], assets: readonly MapAsset[], zones: readonly MapZone[]): MapFlow[] {
  const assetById = new Map(assets.map(a => [a.id, a]))
  const zoneById = new Map(zones.map(z => [z.id, z]))
  const end = (e: MapEndpoint): { name: string; marking: PhiMarking | null } => {
    const item = e.type === 'asset' ? assetById.get(e.id) : zoneById.get(e.id)
    return { name: item?.name ?? `${e.type} ${e.id}`, marking: item?.phi.value ?? null }
  }
  return flows.map(flow => ({
    id: flow.id,
    from: flow.from,
    to: flow.to,
    kind: flow.kind,
    label: flow.label,
    carries: effectiveFlowCarries({
      kind: flow.kind,
      said: { value: flow.carries, by: flow.carriesSaidBy, at: flow.carriesSaidAt },
      from: end(flow.from),
      to: end(flow.to)
    }),
    encryptedInTransit: flow.encryptedInTransit,
    manual: flow.manual,
    sourceIds: flow.sourceIds,
    removedAt: flow.removedAt
  }))
}

/** Without rows no source describes any more, and without flows that would lead to one of them. */
export function currentGraph(graph: MapGraph): MapGraph {
  const assets = graph.assets.filter(a => a.removedAt === null)
  const zones = graph.zones.filter(z => z.removedAt === null)
  const assetIds = new Set(assets.map(a => a.id))
  const zoneIds = new Set(zones.map(z => z.id))
  const present = (e: MapEndpoint) => (e.type === 'asset' ? assetIds.has(e.id) : zoneIds.has(e.id))
  return { assets, zones, flows: graph.flows.filter(f => f.removedAt === null && present(f.from) && present(f.to)) }
}
