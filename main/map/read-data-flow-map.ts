import type { Db } from '../db/driver'
import type { DataFlowMapView } from './contract'
import { latestMapReview } from './db/reviews'
import { listMapSources } from './db/sources'
import { mapFlags } from './flags'
import { currentGraph, readMapGraph } from './read-map'

/**
 * The whole map as the UI, the CLI and the documents show it: current assets,
 * zones and flows with effective markings, open flags (dismissed ones on
 * request), the imported sources and the last review. Rows no source
 * describes any more are left out unless `includeRemoved`.
 */
export function readDataFlowMap(db: Db, options: { today: string; includeDismissed?: boolean; includeRemoved?: boolean }): DataFlowMapView {
  const graph = readMapGraph(db)
  const lastReview = latestMapReview(db)
  const flags = mapFlags(db, graph, lastReview, { today: options.today, includeDismissed: options.includeDismissed ?? false })
  const shown = options.includeRemoved ? graph : currentGraph(graph)
  return {
    assets: shown.assets,
    zones: shown.zones,
    flows: shown.flows,
    flags,
    sources: listMapSources(db),
    lastReview
  }
}
