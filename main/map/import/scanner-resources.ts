import type { Db } from '../../db/driver'
import { queryFindings } from '../../scanners/db/findings'
import { latestScanIds } from '../../scanners/db/scans'

/** A resource a scanner named in a finding: what the map can learn about it. */
export interface ScannerResource {
  resourceId: string
  resourceName: string | null
  resourceType: string | null
  account: string | null
  region: string | null
}

const PAGE = 2000

/**
 * The distinct resources named by findings in the latest scans, read through
 * the scanner feature's own read function; sorted, so the same findings give
 * the same list (and the same hash).
 */
export function collectScannerResources(db: Db, signal?: AbortSignal): ScannerResource[] {
  const scanIds = latestScanIds(db)
  const byId = new Map<string, ScannerResource>()
  for (const scanId of scanIds) {
    for (let offset = 0; ; offset += PAGE) {
      if (signal?.aborted) return []
      const page = queryFindings(db, { scanIds: [scanId], limit: PAGE, offset })
      for (const f of page.findings) {
        if (!f.resourceId || byId.has(f.resourceId)) continue
        byId.set(f.resourceId, {
          resourceId: f.resourceId,
          resourceName: f.resourceName,
          resourceType: f.resourceType,
          account: f.account,
          region: f.region
        })
      }
      if (page.findings.length < PAGE) break
    }
  }
  return [...byId.values()].sort((a, b) => (a.resourceId < b.resourceId ? -1 : a.resourceId > b.resourceId ? 1 : 0))
}
