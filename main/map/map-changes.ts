// What changed in the map over a span of dates, for the annual review: dated by
// the map's own timestamps (rows stored, removed, marked; dismissals) and the
// sources' import dates. What the store does not date is said, not guessed.
import type { Db } from '../db/driver'
import type { MapEndpoint } from './contract'
import { listDismissalHistory } from './db/flag-dismissals'
import { listStoredFlows } from './db/flows'
import { latestMapReview } from './db/reviews'
import { listMapSources } from './db/sources'
import { readDataFlowMap } from './read-data-flow-map'
import { readMapGraph } from './read-map'
import { MAP_RULES } from './rules'

/** At most this many of each kind of change are listed; the totals count them all. */
export const MAP_CHANGES_LISTED = 25

export interface Listed<T> {
  total: number
  items: T[]
}

export interface MapChanges {
  since: string
  until: string
  /** Files imported in the span. */
  sources: Listed<{ fileName: string; format: string; on: string }>
  assetsAdded: Listed<{ name: string; kind: string; on: string; manual: boolean }>
  assetsRemoved: Listed<{ name: string; kind: string; on: string }>
  zonesAdded: Listed<{ name: string; kind: string; on: string }>
  zonesRemoved: Listed<{ name: string; kind: string; on: string }>
  flowsAdded: Listed<{ from: string; to: string; kind: string; on: string; manual: boolean }>
  flowsRemoved: Listed<{ from: string; to: string; kind: string; on: string }>
  /** Markings a person set in the span, with the value they gave (the value before is not kept). */
  markings: Listed<{ subject: 'asset' | 'zone' | 'flow'; name: string; marking: string; by: string; on: string }>
  flagsDismissed: Listed<{ title: string; citation: string | null; subjectKey: string; reason: string; by: string; on: string }>
  flagsRestored: Listed<{ title: string; citation: string | null; subjectKey: string; by: string; on: string }>
  /** Open (not dismissed) flags as the map stands today. */
  openFlags: number
  lastReview: { reviewedOn: string; reviewedBy: string; note: string } | null
  /** Sentences on what the store cannot date, and so what the lists leave out. */
  undated: string[]
}

const day = (timestamp: string) => timestamp.slice(0, 10)

function listed<T extends { on: string }>(items: T[]): Listed<T> {
  const sorted = [...items].sort((a, b) => a.on.localeCompare(b.on))
  return { total: sorted.length, items: sorted.slice(0, MAP_CHANGES_LISTED) }
}

/** The map's changes dated from `since` to `until` (YYYY-MM-DD, both included); null when the workspace has no map. */
export function readMapChanges(db: Db, options: { since: string; until: string; today: string }): MapChanges | null {
  const sources = listMapSources(db)
  const graph = readMapGraph(db)
  const history = listDismissalHistory(db)
  if (sources.length === 0 && graph.assets.length === 0 && graph.zones.length === 0 && history.length === 0) return null
  const within = (timestamp: string | null): timestamp is string =>
    timestamp !== null && day(timestamp) >= options.since && day(timestamp) <= options.until

  const importedOn = new Map(sources.map(s => [s.id, s.importedAt]))
  const assetName = new Map(graph.assets.map(a => [a.id, a.name]))
  const zoneName = new Map(graph.zones.map(z => [z.id, z.name]))
  const endName = (e: MapEndpoint) => (e.type === 'asset' ? assetName.get(e.id) : zoneName.get(e.id)) ?? `${e.type} ${e.id}`
  const rules = new Map(MAP_RULES.map(r => [r.id, r]))

  // A zone has no date of its own: it came with the first file that described it, unless that file replaced an
  // earlier version of the same description (links to the older version are not kept, so the zone may be older).
  const replacedOlder = new Set(sources.flatMap(s => (s.supersededBy === null ? [] : [s.supersededBy])))
  let undatedZones = 0
  const zonesAdded = []
  for (const z of graph.zones) {
    const first = z.sourceIds
      .map(id => ({ id, at: importedOn.get(id) }))
      .filter((s): s is { id: number; at: string } => s.at !== undefined)
      .sort((a, b) => a.at.localeCompare(b.at))[0]
    if (first === undefined || replacedOlder.has(first.id)) undatedZones++
    else if (within(first.at)) zonesAdded.push({ name: z.name, kind: z.kind, on: day(first.at) })
  }

  const storedFlows = listStoredFlows(db)
  const markings = [
    ...graph.assets.map(a => ({ subject: 'asset' as const, name: a.name, state: a.phi })),
    ...graph.zones.map(z => ({ subject: 'zone' as const, name: z.name, state: z.phi })),
    ...graph.flows.map(f => ({ subject: 'flow' as const, name: `${endName(f.from)} → ${endName(f.to)}`, state: f.carries }))
  ]
    .filter(m => m.state.origin === 'person' && within(m.state.saidAt))
    .map(m => ({
      subject: m.subject,
      name: m.name,
      marking: m.state.value ?? 'not said',
      by: m.state.saidBy ?? '',
      on: day(m.state.saidAt as string)
    }))

  const undated = [
    'When a flag first appeared or stopped applying is not recorded: flags are worked out from the map as it stands, so only dismissals and restorations are dated.',
    'A marking’s earlier value is not kept: the markings listed are those a person set in the period, with the value they gave; markings inferred from the map are not dated.',
    'Assets and flows a person added by hand and later deleted leave no record, so they are not counted as removed.'
  ]
  if (undatedZones > 0)
    undated.push(
      `${undatedZones} ${undatedZones === 1 ? 'zone is' : 'zones are'} described only by a file that replaced an earlier version of the same description (or by none), so when ${undatedZones === 1 ? 'it was' : 'they were'} added is not known; ${undatedZones === 1 ? 'it is' : 'they are'} not listed as added.`
    )

  const review = latestMapReview(db)
  return {
    since: options.since,
    until: options.until,
    sources: listed(sources.filter(s => within(s.importedAt)).map(s => ({ fileName: s.fileName, format: s.format, on: day(s.importedAt) }))),
    assetsAdded: listed(
      graph.assets.filter(a => within(a.createdAt)).map(a => ({ name: a.name, kind: a.kind, on: day(a.createdAt), manual: a.manual }))
    ),
    assetsRemoved: listed(graph.assets.filter(a => within(a.removedAt)).map(a => ({ name: a.name, kind: a.kind, on: day(a.removedAt as string) }))),
    zonesAdded: listed(zonesAdded),
    zonesRemoved: listed(graph.zones.filter(z => within(z.removedAt)).map(z => ({ name: z.name, kind: z.kind, on: day(z.removedAt as string) }))),
    flowsAdded: listed(
      storedFlows
        .filter(f => within(f.createdAt))
        .map(f => ({ from: endName(f.from), to: endName(f.to), kind: f.kind, on: day(f.createdAt), manual: f.manual }))
    ),
    flowsRemoved: listed(
      storedFlows
        .filter(f => within(f.removedAt))
        .map(f => ({ from: endName(f.from), to: endName(f.to), kind: f.kind, on: day(f.removedAt as string) }))
    ),
    markings: listed(markings),
    flagsDismissed: listed(
      history
        .filter(d => within(d.at))
        .map(d => ({
          title: rules.get(d.rule)?.title ?? d.rule,
          citation: rules.get(d.rule)?.citation ?? null,
          subjectKey: d.subjectKey,
          reason: d.reason,
          by: d.by,
          on: day(d.at)
        }))
    ),
    flagsRestored: listed(
      history
        .filter(d => within(d.restoredAt))
        .map(d => ({
          title: rules.get(d.rule)?.title ?? d.rule,
          citation: rules.get(d.rule)?.citation ?? null,
          subjectKey: d.subjectKey,
          by: d.restoredBy ?? '',
          on: day(d.restoredAt as string)
        }))
    ),
    openFlags: readDataFlowMap(db, { today: options.today }).flags.length,
    lastReview: review ? { reviewedOn: review.reviewedOn, reviewedBy: review.reviewedBy, note: review.note } : null,
    undated
  }
}
