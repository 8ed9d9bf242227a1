import type { FlowCarries, MapFlowKind, MarkingState, PhiMarking } from '../contract'

/**
 * What a flow carries when no person has said: pure, computed each time the
 * map is read, so a later marking of an asset or zone is reflected at once
 * and a person's own answer is never overwritten.
 */

/** Flows that are reachability (a path packets can take), not wiring that sends data. */
export const NETWORK_FLOW_KINDS: ReadonlySet<MapFlowKind> = new Set(['network', 'route', 'peering', 'transit-gateway'])

export const EVENT_KEY_WARNING =
  'event notifications carry object keys and metadata, not the object itself; keys can hold identifiers, so check that object names carry no PHI'

export interface FlowInferenceInput {
  kind: MapFlowKind
  said: { value: FlowCarries | null; by: string | null; at: string | null }
  from: { name: string; marking: PhiMarking | null }
  to: { name: string; marking: PhiMarking | null }
}

const inferred = (value: FlowCarries, because: string): MarkingState<FlowCarries> => ({
  value,
  origin: 'inferred',
  saidBy: null,
  saidAt: null,
  because
})

export function effectiveFlowCarries(flow: FlowInferenceInput): MarkingState<FlowCarries> {
  if (flow.said.value) return { value: flow.said.value, origin: 'person', saidBy: flow.said.by, saidAt: flow.said.at, because: null }
  const { from, to } = flow
  if (NETWORK_FLOW_KINDS.has(flow.kind)) {
    // A connection can be opened either way and answers travel back: either PHI end makes it a PHI path.
    if (from.marking === 'phi') return inferred('phi', `network path from PHI ${from.name}`)
    if (to.marking === 'phi') return inferred('phi', `network path to PHI ${to.name}`)
    return { value: null, origin: 'unknown', saidBy: null, saidAt: null, because: null }
  }
  if (from.marking === 'phi') {
    if (flow.kind === 'event-notification') return inferred('metadata', `event notification from PHI ${from.name}: ${EVENT_KEY_WARNING}`)
    if (to.marking === 'orchestration') return inferred('metadata', `into orchestration-only ${to.name}, which by design receives metadata only`)
    return inferred('phi', `out of PHI ${from.name}`)
  }
  if (from.marking === 'orchestration') return inferred('metadata', `out of orchestration-only ${from.name}`)
  return { value: null, origin: 'unknown', saidBy: null, saidAt: null, because: null }
}
