import { NETWORK_FLOW_KINDS } from '../inference/flow-carries'
import { mapIndex } from './map-index'
import type { MapRule, RuleFinding } from './rule'

/**
 * The indirection strategy keeps PHI in the stores and the workers that must
 * touch it, while the pipes that coordinate them (a function, a queue) see
 * metadata only. PHI arriving at a component marked orchestration-only breaks it.
 */
export const phiReachesOrchestration: MapRule = {
  id: 'phi-reaches-orchestration',
  title: 'PHI reaches a component marked orchestration-only',
  citation: null,
  evaluate(input) {
    const index = mapIndex(input)
    const findings: RuleFinding[] = []
    for (const flow of index.phiFlows) {
      // Reachability is the separate-zone rule's business; here only wiring that sends data, or a person's word.
      if (NETWORK_FLOW_KINDS.has(flow.kind) && flow.carries.origin !== 'person') continue
      if (index.marking(flow.to) !== 'orchestration') continue
      findings.push({
        message: `${index.name(flow.from)} sends PHI to ${index.name(flow.to)} (${flow.kind}${flow.label ? `: ${flow.label}` : ''}), which is marked orchestration-only (metadata only). Send only references or metadata (the indirection strategy of AWS's HIPAA architecture guidance), or change the marking if this component is meant to handle PHI.`,
        subjects: [flow.from, flow.to, { type: 'flow', id: flow.id }],
        subjectKey: `${index.key(flow.from)} > ${index.key(flow.to)} ${flow.kind} ${flow.label}`
      })
    }
    for (const asset of input.assets) {
      if (asset.phi.origin !== 'person' || asset.phi.value !== 'phi') continue
      const zone = asset.zoneIds.map(id => index.zone(id)).find(z => z?.phi.value === 'orchestration')
      if (!zone) continue
      findings.push({
        message: `${asset.name} is marked as holding PHI but sits in ${zone.name}, which is marked orchestration-only (metadata only).`,
        subjects: [
          { type: 'asset', id: asset.id },
          { type: 'zone', id: zone.id }
        ],
        subjectKey: `${asset.key} in ${zone.key}`
      })
    }
    return findings
  }
}
