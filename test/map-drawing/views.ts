// Map views built in memory, the shape map.view returns, for the pure layout and SVG tests.

import type { DataFlowMapView, FlowCarries, MapAsset, MapFlow, MapZone, MarkingState, PhiMarking } from '../../main/map/contract'
import type { ZoneKind } from '../../main/map/model'

function marking<T extends string>(value: T | null, origin: 'person' | 'inferred' = 'person'): MarkingState<T> {
  return { value, origin: value === null ? 'unknown' : origin, saidBy: null, saidAt: null, because: origin === 'inferred' ? 'test' : null }
}

export function zoneOf(id: number, kind: ZoneKind, parentId: number | null, phi: PhiMarking | null = null, extra: Partial<MapZone> = {}): MapZone {
  return {
    id,
    key: `zone-${id}`,
    kind,
    name: `${kind}-${id}`,
    parentId,
    cidr: null,
    placeholder: false,
    provider: 'aws',
    account: '111122223333',
    region: 'us-east-1',
    phi: marking(phi),
    sourceIds: [1],
    removedAt: null,
    ...extra
  }
}

export function assetOf(id: number, zoneIds: number[], phi: PhiMarking | null = null, extra: Partial<MapAsset> = {}): MapAsset {
  return {
    id,
    key: `asset-${id}`,
    name: `asset-${id}`,
    kind: 'database',
    resourceType: 'aws_db_instance',
    serviceId: null,
    owner: '',
    manual: false,
    zoneName: null,
    zoneIds,
    businessAssociateId: null,
    removedAt: null,
    phi: marking(phi),
    arn: null,
    account: null,
    region: null,
    encryptedAtRest: null,
    publicAccess: null,
    attributes: {},
    notes: '',
    sourceIds: [1],
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...extra
  }
}

export function flowOf(
  id: number,
  from: number,
  to: number,
  carries: FlowCarries | null = null,
  ends: ['asset' | 'zone', 'asset' | 'zone'] = ['asset', 'asset']
): MapFlow {
  return {
    id,
    from: { type: ends[0], id: from },
    to: { type: ends[1], id: to },
    kind: 'reference',
    label: `flow ${id}`,
    carries: marking(carries, 'inferred'),
    encryptedInTransit: null,
    manual: false,
    sourceIds: [1],
    removedAt: null
  }
}

export function viewOf(parts: Partial<DataFlowMapView>): DataFlowMapView {
  return { assets: [], zones: [], flows: [], flags: [], sources: [], lastReview: null, ...parts }
}

/**
 * A generated map: `accounts` accounts, each with two VPCs of two subnets, and
 * `assets` assets spread over the subnets, every third one PHI, with a chain of
 * flows between neighbours.
 */
export function generatedView(assetCount: number, accounts = 4): DataFlowMapView {
  const zones: MapZone[] = []
  const subnets: number[] = []
  let next = 1
  for (let a = 0; a < accounts; a++) {
    const account = next++
    zones.push(zoneOf(account, 'account', null))
    for (let v = 0; v < 2; v++) {
      const vpc = next++
      zones.push(zoneOf(vpc, 'vpc', account, v === 0 ? 'phi' : 'general'))
      for (let s = 0; s < 2; s++) {
        const subnet = next++
        zones.push(zoneOf(subnet, 'subnet', vpc))
        subnets.push(subnet)
      }
    }
  }
  const assets = Array.from({ length: assetCount }, (_, i) => assetOf(i + 1, [subnets[i % subnets.length]!], i % 3 === 0 ? 'phi' : 'general'))
  const flows = assets.slice(1).map((a, i) => flowOf(i + 1, i + 1, a.id, i % 3 === 0 ? 'phi' : 'none'))
  return viewOf({ zones, assets, flows })
}
