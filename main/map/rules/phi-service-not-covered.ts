import type { MapAsset } from '../contract'
import { mapIndex } from './map-index'
import type { MapRule, MapRuleInput, RuleFinding } from './rule'

/** Kinds a person adds for the organisation's own things: no provider addendum or outside agreement is involved. */
const OWN_KINDS = new Set(['workstation', 'application', 'paper', 'site', 'storage-device', 'on-premises', 'internet'])

function outsidePartyFinding(asset: MapAsset, input: MapRuleInput): RuleFinding | null {
  const subjects = [{ type: 'asset' as const, id: asset.id }]
  if (asset.businessAssociateId === null) {
    return {
      message: `${asset.name} is an outside party that handles PHI, and it is not linked to any agreement in the business associate register. Link it to its business associate, or record why none is needed (check with counsel).`,
      subjects,
      subjectKey: asset.key
    }
  }
  const associate = input.businessAssociates.get(asset.businessAssociateId)
  if (associate?.agreementInForce) return null
  return {
    message: `${asset.name} handles PHI, but the business associate register shows no agreement in force with ${associate?.name ?? 'its business associate'} (status: ${associate?.status ?? 'unknown'}).`,
    subjects,
    subjectKey: asset.key
  }
}

function serviceFinding(asset: MapAsset, input: MapRuleInput): RuleFinding | null {
  const service = asset.serviceId === null ? undefined : input.services.get(asset.serviceId)
  const subjects = [{ type: 'asset' as const, id: asset.id }]
  if (service?.coverage === 'eligible') return null
  if (service?.coverage === 'not-eligible') {
    return {
      message: `${asset.name} stores, processes or transmits PHI on ${service.name}, which the provider's business associate addendum does not cover. Move the data to a covered service or stop it reaching this one.`,
      subjects,
      subjectKey: asset.key
    }
  }
  return {
    message: `${asset.name} (${asset.resourceType}) stores, processes or transmits PHI, and Safeguard does not know whether ${service?.name ?? 'its service'} is covered by the provider's business associate addendum: verify against the provider's current list of eligible services.`,
    subjects,
    subjectKey: asset.key
  }
}

export const phiServiceNotCovered: MapRule = {
  id: 'phi-service-not-covered',
  title: 'PHI handled by a service or party without a business associate agreement',
  citation: '164.308(b)(1), 164.314(a)',
  evaluate(input) {
    const findings: RuleFinding[] = []
    for (const asset of mapIndex(input).phiTouching) {
      const outside = asset.kind === 'external' || asset.businessAssociateId !== null
      if (!outside && (OWN_KINDS.has(asset.kind) || (asset.manual && asset.serviceId === null))) continue
      // Security groups, identities and keys describe access, they do not hold or move data themselves.
      if (asset.kind === 'security-group' || asset.kind === 'identity') continue
      const finding = outside ? outsidePartyFinding(asset, input) : serviceFinding(asset, input)
      if (finding) findings.push(finding)
    }
    return findings
  }
}
