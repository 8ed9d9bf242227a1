// Suggested scenarios: a threat that applies to an asset's kind, where a
// vulnerability that makes the threat likelier is present. A person confirms
// one (it becomes a risk) or dismisses it with a reason (not suggested again).
import type { MapAssetSummary } from '../map/contract'
import { getRiskCatalog } from './catalog'
import type { DismissedSuggestion, SuggestionView, Threat, VulnerabilityCandidate } from './contract'
import { candidatesForAsset, type VulnerabilitySources } from './vulnerability-sources'

export function suggestionKey(assetKey: string, threatId: string): string {
  return `${assetKey}|${threatId}`
}

function bearsOn(threat: Threat, candidate: VulnerabilityCandidate): boolean {
  return candidate.citations.some(citation => threat.counteredBy.includes(citation))
}

/**
 * PHI assets get a suggestion for any relevant vulnerability; assets nobody has
 * marked yet only for one of their own (a finding, a map flag, a missing BAA),
 * so organisation-wide gaps do not multiply across every asset of a large map.
 */
export function buildSuggestions(input: {
  assets: readonly MapAssetSummary[]
  sources: VulnerabilitySources
  /** Asset id × threat id pairs that already have a risk in the period. */
  covered: ReadonlySet<string>
  dismissed: readonly DismissedSuggestion[]
}): SuggestionView[] {
  const dismissed = new Set(input.dismissed.map(d => d.key))
  const threats = getRiskCatalog().view.threats
  const suggestions: (SuggestionView & { own: number })[] = []
  for (const asset of input.assets) {
    if (asset.phi === 'general' || asset.phi === 'orchestration') continue
    const candidates = candidatesForAsset(input.sources, asset)
    for (const threat of threats) {
      if (!threat.appliesTo.includes(asset.kind)) continue
      const key = suggestionKey(asset.key, threat.id)
      if (dismissed.has(key) || input.covered.has(`${asset.id}|${threat.id}`)) continue
      const relevant = candidates.filter(candidate => bearsOn(threat, candidate))
      const own = relevant.filter(candidate => candidate.kind !== 'question').length
      if (relevant.length === 0 || (asset.phi !== 'phi' && own === 0)) continue
      suggestions.push({
        key,
        asset: { id: asset.id, name: asset.name, kind: asset.kind },
        threat: { id: threat.id, name: threat.name },
        vulnerabilities: relevant,
        own
      })
    }
  }
  return suggestions
    .sort(
      (a, b) =>
        b.own - a.own || b.vulnerabilities.length - a.vulnerabilities.length || a.asset.name.localeCompare(b.asset.name) || a.key.localeCompare(b.key)
    )
    .map(({ own: _own, ...suggestion }) => suggestion)
}
