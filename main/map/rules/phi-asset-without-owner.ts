import type { MapRule } from './rule'

/**
 * Somebody must answer for each PHI asset. Not a named requirement of the rule
 * in force; the proposed update (90 FR 898, not final) would require a written
 * technology asset inventory.
 */
export const phiAssetWithoutOwner: MapRule = {
  id: 'phi-asset-without-owner',
  title: 'PHI asset with no owner',
  citation: null,
  evaluate(input) {
    return input.assets
      .filter(asset => asset.phi.value === 'phi' && asset.owner.trim() === '' && asset.kind !== 'security-group')
      .map(asset => ({
        message: `${asset.name} holds PHI and has no owner recorded. Name the person or team who answers for it.`,
        subjects: [{ type: 'asset', id: asset.id }],
        subjectKey: asset.key
      }))
  }
}
