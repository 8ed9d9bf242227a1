// What a person changes on the map: markings, manual assets and flows. Each
// change is one transaction; what files describe is only changed by imports.

import { randomUUID } from 'node:crypto'
import { ApiError } from '../shared/errors'
import { getBusinessAssociate } from '../baas/db/business-associates'
import type { Db } from '../db/driver'
import type { AddMapAssetInput, AddMapFlowInput, MapAsset, MapEndpoint, SetPhiInput, UpdateMapAssetInput } from './contract'
import type { z } from 'zod'
import { deleteAsset, getMapAsset, insertManualAsset, setAssetPhi, setAssetZones, updateAsset } from './db/assets'
import { deleteFlow, getStoredFlow, insertManualFlow, setFlowCarries } from './db/flows'
import { rowsReferringToAsset } from './db/risk-references'
import { setZonePhi, zoneExists } from './db/zones'

type Parsed<T extends z.ZodType> = z.output<T>

function assertZone(db: Db, zoneId: number | null | undefined): void {
  if (zoneId != null && !zoneExists(db, zoneId)) throw new ApiError('not-found', `There is no zone ${zoneId} on the map`)
}

function assertBusinessAssociate(db: Db, id: number | null | undefined): void {
  if (id != null && !getBusinessAssociate(db, id)) throw new ApiError('not-found', `There is no business associate ${id} in the register`)
}

function assertEndpoint(db: Db, endpoint: MapEndpoint, which: string): void {
  const exists = endpoint.type === 'asset' ? getMapAsset(db, endpoint.id) !== undefined : zoneExists(db, endpoint.id)
  if (!exists) throw new ApiError('not-found', `The flow's ${which} end: there is no ${endpoint.type} ${endpoint.id} on the map`)
}

export function addManualAsset(db: Db, input: Parsed<typeof AddMapAssetInput>, now: string): MapAsset {
  return db.transaction(() => {
    assertZone(db, input.zoneId)
    assertBusinessAssociate(db, input.businessAssociateId)
    const id = insertManualAsset(db, { ...input, key: `manual:${randomUUID()}` }, now)
    if (input.zoneId !== null) setAssetZones(db, id, [input.zoneId])
    return getMapAsset(db, id) as MapAsset
  })()
}

export function updateMapAsset(db: Db, input: Parsed<typeof UpdateMapAssetInput>, now: string): MapAsset {
  return db.transaction(() => {
    const asset = getMapAsset(db, input.id)
    if (!asset) throw new ApiError('not-found', `There is no asset ${input.id} on the map`)
    const describedByFile = ['name', 'kind', 'resourceType', 'serviceId', 'zoneId', 'encryptedAtRest'] as const
    const fileField = describedByFile.find(field => input[field] !== undefined)
    if (!asset.manual && fileField) {
      throw new ApiError(
        'invalid-input',
        `${asset.name} comes from an imported file: its ${fileField} is what the file says; change the file and import it again`
      )
    }
    assertZone(db, input.zoneId)
    assertBusinessAssociate(db, input.businessAssociateId)
    const { id: _id, by: _by, zoneId, ...changes } = input
    updateAsset(db, input.id, changes, now)
    if (zoneId !== undefined) setAssetZones(db, input.id, zoneId === null ? [] : [zoneId])
    return getMapAsset(db, input.id) as MapAsset
  })()
}

/**
 * Removes a manual asset, or an imported one no file describes any more.
 * An asset a risk refers to is only removed when the person confirms.
 */
export function removeMapAsset(db: Db, id: number, confirm: boolean): void {
  db.transaction(() => {
    const asset = getMapAsset(db, id)
    if (!asset) throw new ApiError('not-found', `There is no asset ${id} on the map`)
    if (!asset.manual && asset.removedAt === null) {
      throw new ApiError(
        'conflict',
        `${asset.name} is described by an imported file; it leaves the map when a newer version of that file no longer lists it`
      )
    }
    const risks = rowsReferringToAsset(db, id)
    if (risks > 0 && !confirm) {
      throw new ApiError('conflict', `${asset.name} is referred to by ${risks} risk(s); confirm to remove it anyway`, { risks })
    }
    try {
      deleteAsset(db, id)
    } catch (error) {
      throw new ApiError('conflict', `${asset.name} cannot be removed while risks refer to it: ${(error as Error).message}`)
    }
  })()
}

export function addManualFlow(db: Db, input: Parsed<typeof AddMapFlowInput>, now: string): number {
  return db.transaction(() => {
    assertEndpoint(db, input.from, 'from')
    assertEndpoint(db, input.to, 'to')
    if (input.from.type === input.to.type && input.from.id === input.to.id) throw new ApiError('invalid-input', 'A flow needs two different ends')
    return insertManualFlow(db, { ...input, key: `manual:${randomUUID()}` }, now)
  })()
}

/** Manual flows can be removed; an imported flow follows its file. */
export function removeManualFlow(db: Db, id: number): void {
  db.transaction(() => {
    const flow = getStoredFlow(db, id)
    if (!flow) throw new ApiError('not-found', `There is no flow ${id} on the map`)
    if (!flow.manual && flow.removedAt === null) {
      throw new ApiError('conflict', `Flow ${id} is described by an imported file; say it carries nothing instead, or change the file`)
    }
    deleteFlow(db, id)
  })()
}

export function setMarking(db: Db, input: Parsed<typeof SetPhiInput>, now: string): void {
  const found =
    input.type === 'asset'
      ? setAssetPhi(db, input.id, input.phi, input.by, now)
      : input.type === 'zone'
        ? setZonePhi(db, input.id, input.phi, input.by, now)
        : setFlowCarries(db, input.id, input.carries, input.by, now)
  if (!found) throw new ApiError('not-found', `There is no ${input.type} ${input.id} on the map`)
}
