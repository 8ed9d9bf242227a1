import type { MapFlagSubject } from '../contract'
import { NETWORK_FLOW_KINDS } from '../inference/flow-carries'
import { mapIndex } from './map-index'
import type { MapRule, MapRuleInput, RuleFinding } from './rule'

/**
 * The separate-VPC strategy: nothing should lead from a PHI zone into a general
 * one. Searched as a graph, not only along explicit flows: a zone reaches what
 * it contains; an asset reaches the zones it sits in; reachability flows
 * (security groups, routes, peering, transit gateways) go both ways, since a
 * connection opened from either side carries answers back; data flows go their
 * own way unless they carry only metadata or nothing.
 */

type Node = `a${number}` | `z${number}`
interface Step {
  previous: Node | null
  via: 'contains' | 'sits in' | number
}

/** Pass-through components: a gateway or security group in a general account is not itself a general workload. */
const TRANSIT_KINDS = new Set(['gateway', 'security-group'])

function buildGraph(input: MapRuleInput): Map<Node, { to: Node; via: Step['via'] }[]> {
  const graph = new Map<Node, { to: Node; via: Step['via'] }[]>()
  const add = (from: Node, to: Node, via: Step['via']) => {
    let edges = graph.get(from)
    if (!edges) graph.set(from, (edges = []))
    edges.push({ to, via })
  }
  for (const zone of input.zones) if (zone.parentId !== null) add(`z${zone.parentId}`, `z${zone.id}`, 'contains')
  for (const asset of input.assets) {
    for (const zoneId of asset.zoneIds) {
      add(`z${zoneId}`, `a${asset.id}`, 'contains')
      if (!TRANSIT_KINDS.has(asset.kind)) add(`a${asset.id}`, `z${zoneId}`, 'sits in')
    }
  }
  for (const flow of input.flows) {
    const from: Node = flow.from.type === 'asset' ? `a${flow.from.id}` : `z${flow.from.id}`
    const to: Node = flow.to.type === 'asset' ? `a${flow.to.id}` : `z${flow.to.id}`
    const carries = flow.carries.value
    if (NETWORK_FLOW_KINDS.has(flow.kind)) {
      if (flow.carries.origin === 'person' && carries !== 'phi') continue
      add(from, to, flow.id)
      add(to, from, flow.id)
    } else if (carries !== 'metadata' && carries !== 'none') {
      add(from, to, flow.id)
    }
  }
  return graph
}

export const phiZoneReachesGeneral: MapRule = {
  id: 'phi-zone-reaches-general',
  title: 'A path leads from a PHI zone into a general zone',
  citation: null,
  evaluate(input) {
    const index = mapIndex(input)
    const graph = buildGraph(input)
    const markingOf = (node: Node) =>
      (node[0] === 'a' ? index.asset(Number(node.slice(1)))?.phi.value : index.zone(Number(node.slice(1)))?.phi.value) ?? null
    const nameOf = (node: Node) => index.name({ type: node[0] === 'a' ? 'asset' : 'zone', id: Number(node.slice(1)) })
    const keyOf = (node: Node) => index.key({ type: node[0] === 'a' ? 'asset' : 'zone', id: Number(node.slice(1)) })
    const isTransit = (node: Node) => node[0] === 'a' && TRANSIT_KINDS.has(index.asset(Number(node.slice(1)))?.kind ?? '')
    // Start from the outermost PHI zones; zones inside them are searched from there.
    const roots = input.zones.filter(z => z.phi.value === 'phi' && (z.parentId === null || index.zone(z.parentId)?.phi.value !== 'phi'))
    const findings: RuleFinding[] = []
    for (const root of roots) {
      const start: Node = `z${root.id}`
      const steps = new Map<Node, Step>([[start, { previous: null, via: 'contains' }]])
      const queue: Node[] = [start]
      const reached = new Set<string>()
      for (let head = 0; head < queue.length; head++) {
        const node = queue[head] as Node
        for (const edge of graph.get(node) ?? []) {
          if (steps.has(edge.to)) continue
          steps.set(edge.to, { previous: node, via: edge.via })
          if (markingOf(edge.to) === 'general' && !isTransit(edge.to)) {
            const target = edge.to
            const key = `${root.key} > ${keyOf(target)}`
            if (!reached.has(key)) {
              reached.add(key)
              findings.push(pathFinding(root.id, root.name, key, target, steps, nameOf))
            }
            continue
          }
          queue.push(edge.to)
        }
      }
    }
    return findings
  }
}

function pathFinding(
  rootId: number,
  rootName: string,
  subjectKey: string,
  target: Node,
  steps: Map<Node, Step>,
  nameOf: (node: Node) => string
): RuleFinding {
  const path: string[] = []
  const subjects: MapFlagSubject[] = []
  let node: Node | null = target
  while (node) {
    const step = steps.get(node) as Step
    subjects.push({ type: node[0] === 'a' ? 'asset' : 'zone', id: Number(node.slice(1)) })
    if (step.previous) {
      if (typeof step.via === 'number') subjects.push({ type: 'flow', id: step.via })
      path.push(`${typeof step.via === 'number' ? '→' : step.via === 'contains' ? '⊃' : '∈'} ${nameOf(node)}`)
    }
    node = step.previous
  }
  subjects.reverse()
  path.reverse()
  const targetName = nameOf(target)
  return {
    message: `PHI zone ${rootName} can reach ${targetName}, which is marked general (or sits in a general zone): ${rootName} ${path.join(' ')}. Keep PHI and general workloads apart (the separate-VPC strategy of AWS's HIPAA architecture guidance; network segmentation is also in the proposed rule, 90 FR 898, not final), or mark the zone if it is meant to hold PHI.`,
    subjects: subjects.some(s => s.type === 'zone' && s.id === rootId) ? subjects : [{ type: 'zone', id: rootId }, ...subjects],
    subjectKey
  }
}
