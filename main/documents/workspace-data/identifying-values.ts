import type { Db } from '../../db/driver'
import { listMapAssetDetails } from '../../map/db/assets'
import { listMapZones } from '../../map/db/zones'
import { queryFindings } from '../../scanners/db/findings'
import { listScans } from '../../scanners/db/scans'
import type { IdentifyingValue } from '../redact'
import { assetRedactionKind, resourceTypeRedactionKind, zoneRedactionKind, type RedactionKind } from '../redaction-kinds'

/**
 * Every identifying value the workspace holds, for a redacted document: the resources every scan's
 * findings name (ids, names, accounts), the map's assets read from files (names, ARNs, accounts) and
 * its zones (names, address ranges, accounts). A person's own assets (a laptop, the office) are not
 * cloud identifiers and are left as they are. Findings are read a page at a time through the
 * scanners' own query, so a workspace of 100k findings never holds them all at once.
 */

const PAGE = 5000

/** What a value is by its shape first (an ARN, an account id), else by what holds it. */
function kindOf(value: string, otherwise: RedactionKind): RedactionKind {
  if (value.startsWith('arn:')) return 'arn'
  if (/^\d{12}$/.test(value)) return 'account'
  return otherwise
}

export function readIdentifyingValues(db: Db, signal?: AbortSignal): IdentifyingValue[] {
  const values = new Map<string, RedactionKind>()
  const add = (value: string | null | undefined, otherwise: RedactionKind): void => {
    const text = value?.trim()
    if (text && !values.has(text)) values.set(text, kindOf(text, otherwise))
  }
  for (const zone of listMapZones(db)) {
    add(zone.name, zoneRedactionKind(zone.kind))
    add(zone.cidr, 'ip')
    add(zone.account, 'account')
  }
  for (const asset of listMapAssetDetails(db)) {
    add(asset.account, 'account')
    const kind = asset.manual ? null : assetRedactionKind(asset.kind)
    if (!kind) continue
    add(asset.name, kind)
    add(asset.arn, 'arn')
  }
  for (const scan of listScans(db)) {
    for (const account of scan.accounts) add(account, 'account')
    for (let offset = 0; ; offset += PAGE) {
      if (signal?.aborted) return []
      const page = queryFindings(db, { scanIds: [scan.id], limit: PAGE, offset })
      for (const finding of page.findings) {
        const kind = resourceTypeRedactionKind(finding.resourceType)
        add(finding.resourceName, kind)
        add(finding.resourceId, kind)
        add(finding.account, 'account')
      }
      if (page.findings.length < PAGE) break
    }
  }
  return [...values].map(([value, kind]) => ({ value, kind }))
}
