// What other features read of the map (the documents above all): typed functions taking `db` first,
// the same ones the map's own handlers answer with.
import type { Db } from '../db/driver'
import type { DataFlowMapView } from './contract'
import type { MapLayoutOptions, MapScene } from './drawing/contract'
import { layoutMap } from './drawing/layout'
import { describeScene } from './drawing/svg'
import { readDataFlowMap } from './read-data-flow-map'

export { readDataFlowMap } from './read-data-flow-map'
export { readMapChanges, type MapChanges } from './map-changes'
export { businessAssociateAgreements, serviceCoverage } from './rule-facts'
export type { MapScene, SceneLegendEntry, SceneStyle } from './drawing/contract'

/** The map with its drawing laid out (as the screen and the SVG show it) and a sentence describing the drawing. */
export async function readDataFlowMapDrawing(
  db: Db,
  options: { today: string; includeDismissed?: boolean; layout?: MapLayoutOptions }
): Promise<{ view: DataFlowMapView; scene: MapScene; description: string }> {
  const view = readDataFlowMap(db, { today: options.today, includeDismissed: options.includeDismissed ?? false })
  const scene = await layoutMap(view, options.layout ?? {})
  return { view, scene, description: describeScene(scene) }
}
