import type { MarkingState, PhiMarking } from '../contract'

/**
 * Inferred PHI markings for zones and assets. Pure: a person's marking always
 * wins; otherwise a zone takes its nearest marked ancestor's marking, and an
 * asset takes the marking of the zones it sits in (PHI if any of them is PHI,
 * since a shared asset is as sensitive as its most sensitive boundary).
 */

export interface ZoneMarkingInput {
  id: number
  name: string
  parentId: number | null
  said: PhiMarking | null
  saidBy: string | null
  saidAt: string | null
}

const UNKNOWN: MarkingState<PhiMarking> = { value: null, origin: 'unknown', saidBy: null, saidAt: null, because: null }

/** Each zone's effective marking, by id. Parent cycles (never written by the store) stop at the first repeat. */
export function effectiveZoneMarkings(zones: readonly ZoneMarkingInput[]): Map<number, MarkingState<PhiMarking>> {
  const byId = new Map(zones.map(zone => [zone.id, zone]))
  const result = new Map<number, MarkingState<PhiMarking>>()
  for (const zone of zones) {
    if (zone.said) {
      result.set(zone.id, { value: zone.said, origin: 'person', saidBy: zone.saidBy, saidAt: zone.saidAt, because: null })
      continue
    }
    const seen = new Set<number>([zone.id])
    let ancestor = zone.parentId === null ? undefined : byId.get(zone.parentId)
    while (ancestor && !ancestor.said && ancestor.parentId !== null && !seen.has(ancestor.parentId)) {
      seen.add(ancestor.id)
      ancestor = byId.get(ancestor.parentId)
    }
    result.set(
      zone.id,
      ancestor?.said
        ? { value: ancestor.said, origin: 'inferred', saidBy: null, saidAt: null, because: `inside ${ancestor.said} zone ${ancestor.name}` }
        : UNKNOWN
    )
  }
  return result
}

/** Kinds that are rules, not places data sits or passes: they take no marking from their zone. */
const HOLDS_NO_DATA = new Set(['security-group'])

const RANK: Record<PhiMarking, number> = { phi: 3, orchestration: 2, general: 1 }

/** An asset's effective marking from its own (a person's) and its zones' effective markings. */
export function effectiveAssetMarking(
  said: { value: PhiMarking | null; by: string | null; at: string | null },
  zones: readonly { name: string; marking: MarkingState<PhiMarking> }[],
  kind?: string
): MarkingState<PhiMarking> {
  if (said.value) return { value: said.value, origin: 'person', saidBy: said.by, saidAt: said.at, because: null }
  // A security group is a set of network rules: it stores and sends nothing, whatever zone it guards.
  if (kind !== undefined && HOLDS_NO_DATA.has(kind)) return UNKNOWN
  let strongest: { name: string; value: PhiMarking } | null = null
  for (const zone of zones) {
    const value = zone.marking.value
    if (value && (!strongest || RANK[value] > RANK[strongest.value])) strongest = { name: zone.name, value }
  }
  if (!strongest) return UNKNOWN
  return { value: strongest.value, origin: 'inferred', saidBy: null, saidAt: null, because: `in ${strongest.value} zone ${strongest.name}` }
}
