import { NETWORK_FLOW_KINDS } from '../inference/flow-carries'
import { mapIndex } from './map-index'
import type { MapRule, RuleFinding } from './rule'

/**
 * A PHI flow that leaves its boundary (its two ends do not share a zone, or it
 * goes to an outside party or the internet) without encryption in transit, by
 * the wiring's own settings or by a failing scanner check on either end.
 */
export const phiUnencryptedInTransit: MapRule = {
  id: 'phi-unencrypted-in-transit',
  title: 'PHI leaves a boundary without encryption in transit',
  citation: '164.312(e)(1)',
  evaluate(input) {
    const index = mapIndex(input)
    const findings: RuleFinding[] = []
    for (const flow of index.phiFlows) {
      if (NETWORK_FLOW_KINDS.has(flow.kind) && flow.carries.origin !== 'person') continue
      const fromZones = new Set(index.zonesOf(flow.from))
      const toAsset = flow.to.type === 'asset' ? index.asset(flow.to.id) : undefined
      const outside = toAsset?.kind === 'external' || toAsset?.kind === 'internet' || toAsset?.businessAssociateId != null
      const crosses = outside || !index.zonesOf(flow.to).some(id => fromZones.has(id))
      if (!crosses) continue
      const checks = [flow.from, flow.to].flatMap(end =>
        end.type === 'asset' ? (input.failingChecks.get(end.id) ?? []).filter(c => c.concerns === 'in-transit').map(c => ({ end, check: c })) : []
      )
      if (flow.encryptedInTransit !== false && checks.length === 0) continue
      const reasons = [
        ...(flow.encryptedInTransit === false ? ['its settings do not encrypt it'] : []),
        ...checks.map(({ end, check }) => `scanner check ${check.checkId} fails on ${index.name(end)}`)
      ]
      findings.push({
        message: `PHI flows from ${index.name(flow.from)} to ${index.name(flow.to)} (${flow.kind}${flow.label ? `: ${flow.label}` : ''}) across a boundary without encryption in transit: ${reasons.join('; ')}.`,
        subjects: [flow.from, flow.to, { type: 'flow', id: flow.id }],
        subjectKey: `${index.key(flow.from)} > ${index.key(flow.to)} ${flow.kind} ${flow.label}`
      })
    }
    return findings
  }
}
