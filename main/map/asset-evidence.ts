// The evidence beside one asset on the map: the scanner findings on its resource, found by the
// names the map rules match findings with, and the business associate agreement linked to it.
import { getBusinessAssociate } from '../baas/db/business-associates'
import type { Db } from '../db/driver'
import { findingsOnResources } from '../scanners/db/findings'
import { getScan, latestScanIds } from '../scanners/db/scans'
import { ApiError } from '../shared/errors'
import type { FindingStatusCounts, MapAssetEvidence } from './contract'
import { getMapAsset } from './db/assets'
import { agreementOf, resourceIdentifiers } from './rule-facts'

export const ASSET_FINDINGS_SHOWN = 200

export function readAssetEvidence(db: Db, assetId: number, today: string): MapAssetEvidence {
  const asset = getMapAsset(db, assetId)
  if (!asset) throw new ApiError('not-found', `There is no asset ${assetId} on the map`)
  const identifiers = resourceIdentifiers(asset)
  const { counts, findings } = findingsOnResources(db, identifiers, ASSET_FINDINGS_SHOWN)

  const byScan = new Map<number, FindingStatusCounts>()
  const total: FindingStatusCounts = { failed: 0, passed: 0, other: 0 }
  for (const row of counts) {
    const scanCounts = byScan.get(row.scanId) ?? { failed: 0, passed: 0, other: 0 }
    const bucket = row.status === 'failed' || row.status === 'passed' ? row.status : 'other'
    scanCounts[bucket] += row.findings
    total[bucket] += row.findings
    byScan.set(row.scanId, scanCounts)
  }
  const current = new Set(latestScanIds(db))
  const scans = [...byScan].flatMap(([id, scanCounts]) => {
    const scan = getScan(db, id)
    if (!scan) return []
    return [
      {
        id,
        fileName: scan.fileName,
        scanner: scan.scanner,
        scannedOn: scan.startedAt ?? scan.importedAt,
        current: current.has(id),
        counts: scanCounts
      }
    ]
  })
  scans.sort((a, b) => (a.scannedOn === b.scannedOn ? b.id - a.id : a.scannedOn < b.scannedOn ? 1 : -1))

  const associate = asset.businessAssociateId === null ? undefined : getBusinessAssociate(db, asset.businessAssociateId)
  return {
    assetId,
    identifiers,
    scans,
    counts: total,
    findings,
    findingsTotal: total.failed + total.passed + total.other,
    businessAssociate: associate ? { id: associate.id, ...agreementOf(associate, today) } : null
  }
}
