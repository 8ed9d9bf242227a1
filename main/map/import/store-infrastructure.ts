// Stores one read infrastructure description in the map, merged by key, inside
// the caller's transaction. What a person said about a zone, asset or flow is
// never touched; rows an older version of the same description had and this
// one lacks are kept, flagged removed, with their markings.

import type { Db } from '../../db/driver'
import type { MapEndpoint } from '../contract'
import { getAssetIdByKey, linkAssetSource, markUndescribedAssetsRemoved, setAssetZones, upsertParsedAsset } from '../db/assets'
import { linkFlowSource, markUndescribedFlowsRemoved, upsertParsedFlow } from '../db/flows'
import { completeMapSource, findCurrentSource, insertMapSource, supersedeSource } from '../db/sources'
import { getZoneIdByKey, linkZoneSource, markUndescribedZonesRemoved, setZoneParent, upsertParsedZone } from '../db/zones'
import type { ParsedInfrastructure } from '../model'
import { plural } from '../../shared/count-text'

export interface StoreOptions {
  now: string
  /** Called between batches: throws to stop (the caller rolls back). */
  checkpoint?: (done: number, total: number) => Promise<void>
}

export interface StoreOutcome {
  sourceId: number
  assets: number
  zones: number
  flows: number
  removed: { assets: number; zones: number; flows: number }
  removedWithMarkings: number
  warnings: string[]
}

const BATCH = 500

/** The key an imported flow is merged by: same ends, same kind, same label. */
export const flowKey = (fromKey: string, toKey: string, kind: string, label: string): string => `${fromKey} > ${toKey} ${kind} ${label}`

export async function storeInfrastructure(
  db: Db,
  parsed: ParsedInfrastructure,
  file: { name: string; sha256: string; bytes: number },
  options: StoreOptions
): Promise<StoreOutcome> {
  const warnings = [...parsed.warnings]
  const zones = dedupe(parsed.zones, z => z.key)
  const assets = dedupe(parsed.assets, a => a.key)
  const flows = dedupe(parsed.flows, f => flowKey(f.fromKey, f.toKey, f.kind, f.label))
  const total = zones.length + assets.length + flows.length
  let done = 0
  const step = async () => {
    done += 1
    if (done % BATCH === 0) await options.checkpoint?.(done, total)
  }

  const previous = findCurrentSource(db, file.name, parsed.format)
  const sourceId = insertMapSource(
    db,
    {
      fileName: file.name,
      sha256: file.sha256,
      bytes: file.bytes,
      format: parsed.format,
      assets: assets.length,
      zones: zones.length,
      flows: flows.length,
      warnings: []
    },
    options.now
  )

  for (const zone of zones) {
    linkZoneSource(db, upsertParsedZone(db, zone).id, sourceId)
    await step()
  }
  // Parents after every zone exists, since a file may list a subnet before its VPC.
  for (const zone of zones) {
    const parentId = zone.parentKey === null ? null : (getZoneIdByKey(db, zone.parentKey) ?? null)
    if (zone.parentKey !== null && parentId === null)
      warnings.push(`zone ${zone.name}: its parent ${zone.parentKey} is not described; shown at the top level`)
    setZoneParent(db, getZoneIdByKey(db, zone.key) as number, parentId)
  }

  for (const asset of assets) {
    const { id } = upsertParsedAsset(db, asset, options.now)
    linkAssetSource(db, id, sourceId)
    const zoneIds: number[] = []
    for (const key of asset.zoneKeys) {
      const zoneId = getZoneIdByKey(db, key)
      if (zoneId === undefined) warnings.push(`asset ${asset.name}: its zone ${key} is not described; shown outside it`)
      else zoneIds.push(zoneId)
    }
    setAssetZones(db, id, zoneIds)
    await step()
  }

  let storedFlows = 0
  for (const flow of flows) {
    const from = endpointOf(db, flow.fromKey)
    const to = endpointOf(db, flow.toKey)
    if (!from || !to) {
      warnings.push(`flow ${flow.kind} from ${flow.fromKey} to ${flow.toKey}: ${!from ? flow.fromKey : flow.toKey} is not described; flow left out`)
    } else {
      const key = flowKey(flow.fromKey, flow.toKey, flow.kind, flow.label)
      const { id } = upsertParsedFlow(
        db,
        { key, from, to, kind: flow.kind, label: flow.label, encryptedInTransit: flow.encryptedInTransit },
        options.now
      )
      linkFlowSource(db, id, sourceId)
      storedFlows += 1
    }
    await step()
  }

  if (previous) supersedeSource(db, previous.id, sourceId)
  const removedAssets = markUndescribedAssetsRemoved(db, options.now)
  const removed = {
    assets: removedAssets.removed,
    zones: markUndescribedZonesRemoved(db, options.now),
    flows: markUndescribedFlowsRemoved(db, options.now)
  }
  if (removed.assets + removed.zones + removed.flows > 0) {
    warnings.push(
      `${previous ? `${file.name} replaces the version imported on ${previous.importedAt}: ` : ''}${plural(removed.assets, 'asset')}, ${plural(removed.zones, 'zone')} and ${plural(removed.flows, 'flow')} it no longer describes are kept as removed` +
        (removedAssets.withMarkings > 0 ? `, ${removedAssets.withMarkings} of them with what a person said about them` : '')
    )
  }
  completeMapSource(db, sourceId, storedFlows, warnings)
  return {
    sourceId,
    assets: assets.length,
    zones: zones.length,
    flows: storedFlows,
    removed,
    removedWithMarkings: removedAssets.withMarkings,
    warnings
  }
}

function endpointOf(db: Db, key: string): MapEndpoint | null {
  const assetId = getAssetIdByKey(db, key)
  if (assetId !== undefined) return { type: 'asset', id: assetId }
  const zoneId = getZoneIdByKey(db, key)
  return zoneId === undefined ? null : { type: 'zone', id: zoneId }
}

/** The last description of each key wins (a file may describe a resource twice). */
function dedupe<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  return [...new Map(items.map(item => [keyOf(item), item])).values()]
}
