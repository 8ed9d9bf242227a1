// What the map rules need from other features, read through their read
// functions: which cloud services the provider's addendum covers, the
// business associate register, and failing scanner checks on mapped resources.
import { readCatalog } from '../assessment/reads'
import type { BusinessAssociate } from '../baas/contract'
import { listBusinessAssociates } from '../baas/db/business-associates'
import type { Db } from '../db/driver'
import { queryFindings } from '../scanners/db/findings'
import { latestScanIds } from '../scanners/db/scans'
import { evaluateTriage, triagedFailures } from '../scanners/reads'
import type { FindingView } from '../scanners/contract'
import type { MapAsset } from './contract'
import type { FailingCheck, ServiceCoverage } from './rules/rule'

export function serviceCoverage(): Map<string, { name: string; coverage: ServiceCoverage }> {
  const services = readCatalog().services.services
  return new Map(services.map(s => [s.id, { name: s.name, coverage: s.hipaaEligible ? 'eligible' : 'not-eligible' }]))
}

export function businessAssociateAgreements(db: Db, today: string): Map<number, BusinessAssociateAgreement> {
  return new Map(listBusinessAssociates(db).map(a => [a.id, agreementOf(a, today)]))
}

export interface BusinessAssociateAgreement {
  name: string
  agreementInForce: boolean
  status: string
  expiresOn: string | null
}

/** Whether a business associate's agreement is in force today, and its status in words ("expired on …" once past its date). */
export function agreementOf(a: Pick<BusinessAssociate, 'name' | 'baaStatus' | 'expiresOn'>, today: string): BusinessAssociateAgreement {
  return {
    name: a.name,
    agreementInForce: a.baaStatus === 'signed' && (a.expiresOn === null || a.expiresOn >= today),
    status: a.baaStatus === 'signed' && a.expiresOn !== null && a.expiresOn < today ? `expired on ${a.expiresOn}` : a.baaStatus,
    expiresOn: a.expiresOn
  }
}

const AT_REST_CITATION = '164.312(a)(2)(iv)'
const IN_TRANSIT_CITATIONS = ['164.312(e)(1)', '164.312(e)(2)(ii)']
// The mapping tables give encryption checks several citations each (at-rest checks also cite (e)(2)(ii)), so
// the check's own words decide which kind of encryption it is about.
const AT_REST_WORDS = /encrypt|kms|cmk/i
const IN_TRANSIT_WORDS = /tls|ssl|https|in[-_ ]?transit|node[-_ ]to[-_ ]node|secure[-_ ]transport|listener/i
const PAGE = 1000

/** The concern a failing finding raises about encryption, if any. */
export function encryptionConcern(finding: Pick<FindingView, 'checkId' | 'title' | 'citations'>): FailingCheck['concerns'] | null {
  const words = `${finding.checkId} ${finding.title}`
  if (finding.citations.some(c => IN_TRANSIT_CITATIONS.includes(c)) && IN_TRANSIT_WORDS.test(words)) return 'in-transit'
  if (finding.citations.includes(AT_REST_CITATION) && AT_REST_WORDS.test(words)) return 'at-rest'
  return null
}

/**
 * The names a scanner may use for an asset's resource: its ARN, key, name, and the ARN's last part. A finding is on
 * the asset when its resource id or name is one of them (here for encryption checks, in asset-evidence.ts for all).
 */
export function resourceIdentifiers(asset: Pick<MapAsset, 'arn' | 'key' | 'name'>): string[] {
  const ids = [asset.key, asset.name]
  if (asset.arn) ids.push(asset.arn, asset.arn.slice(asset.arn.lastIndexOf(':') + 1), asset.arn.slice(asset.arn.lastIndexOf('/') + 1))
  return [...new Set(ids.filter(id => id.length > 0))]
}

/** Failing, unmuted encryption checks in the latest scans, not triaged as of `today`, matched to assets by ARN or resource id. */
export function failingEncryptionChecks(db: Db, assets: readonly MapAsset[], today: string): Map<number, FailingCheck[]> {
  const result = new Map<number, FailingCheck[]>()
  const scanIds = latestScanIds(db)
  if (scanIds.length === 0 || assets.length === 0) return result
  const byIdentifier = new Map<string, number[]>()
  for (const asset of assets) {
    for (const id of resourceIdentifiers(asset)) byIdentifier.set(id, [...(byIdentifier.get(id) ?? []), asset.id])
  }
  // A triaged failure (a false positive, an accepted risk) raises no flag while its triage holds.
  const seen = new Set<number>(triagedFailures(db, scanIds, evaluateTriage(db, today)).map(f => f.id))
  for (const citation of [AT_REST_CITATION, ...IN_TRANSIT_CITATIONS]) {
    for (let offset = 0; ; offset += PAGE) {
      const page = queryFindings(db, { scanIds, citation, status: 'failed', limit: PAGE, offset })
      for (const finding of page.findings) {
        if (seen.has(finding.id) || finding.muted) continue
        seen.add(finding.id)
        const concerns = encryptionConcern(finding)
        if (!concerns) continue
        const assetIds = new Set([finding.resourceId, finding.resourceName].flatMap(id => (id ? (byIdentifier.get(id) ?? []) : [])))
        for (const assetId of assetIds) {
          const check: FailingCheck = { checkId: finding.checkId, title: finding.title, scanId: finding.scanId, findingId: finding.id, concerns }
          result.set(assetId, [...(result.get(assetId) ?? []), check])
        }
      }
      if (page.findings.length < PAGE) break
    }
  }
  return result
}
