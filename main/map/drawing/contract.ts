import { z } from 'zod'
import { defineCall } from '../../api/define-call'
import type { FlowCarries, MapAssetKind, MapFlowKind, PhiMarking } from '../contract'
import type { ZoneKind } from '../model'

/**
 * The data-flow map as a positioned drawing: boxes for zones and assets and
 * polylines for flows, computed on the main side (elkjs) so the screen, the SVG
 * export and the PDF draw exactly the same picture. Plain JSON data.
 */

/** What a box or line says about PHI; every tone has its own pattern or dash, never colour alone. */
export type SceneTone = 'phi' | 'general' | 'orchestration' | 'unknown' | 'metadata' | 'none'

export interface SceneStyle {
  tone: SceneTone
  /** Fill pattern: diagonal hatching for PHI, dots for orchestration (metadata only). */
  pattern: 'hatch' | 'dots' | null
  /** SVG stroke-dasharray, null for a solid line. */
  dash: string | null
  strokeWidth: number
  /** Colours for print (SVG, PDF); the screen uses its theme's tokens for the tone instead. */
  print: { stroke: string; fill: string }
}

export interface ScenePoint {
  x: number
  y: number
}

interface SceneBox {
  /** Scene-wide id: `z12` for zone 12, `a7` for asset 7. */
  key: string
  x: number
  y: number
  width: number
  height: number
  /** Open (not dismissed) flags naming this item. */
  flags: number
  style: SceneStyle
  /** The words written in the box, one entry a line. */
  caption: string[]
}

export interface SceneZone extends SceneBox {
  zoneId: number
  kind: ZoneKind
  name: string
  /** Nesting depth: 0 for a zone at the top. */
  depth: number
  placeholder: boolean
  phi: PhiMarking | null
  phiInferred: boolean
  /** Drawn as one box; its contents are counted, not drawn. */
  collapsed: boolean
  hiddenAssets: number
  hiddenZones: number
}

export interface SceneAsset extends SceneBox {
  assetId: number
  name: string
  kind: MapAssetKind
  zoneId: number | null
  phi: PhiMarking | null
  phiInferred: boolean
  manual: boolean
}

export interface SceneEdge {
  key: string
  /** The flows drawn as this line (several when a collapsed zone gathers them). */
  flowIds: number[]
  from: string
  to: string
  kinds: MapFlowKind[]
  label: string
  carries: FlowCarries | null
  encryptedInTransit: boolean | null
  flags: number
  points: ScenePoint[]
  style: SceneStyle
}

export interface SceneLegendEntry {
  label: string
  shape: 'box' | 'line'
  style: SceneStyle
}

export interface MapScene {
  width: number
  height: number
  zones: SceneZone[]
  assets: SceneAsset[]
  edges: SceneEdge[]
  legend: SceneLegendEntry[]
  /** The zones drawn collapsed (the screen starts from this list when it toggles one). */
  collapsedZoneIds: number[]
  phiOnly: boolean
  counts: {
    /** In the map (after the PHI filter). */
    assets: number
    zones: number
    flows: number
    drawnAssets: number
    /** Inside collapsed zones. */
    hiddenAssets: number
    /** Left out because the drawing would be too large. */
    omittedAssets: number
    /** Flows not drawn: between a zone and something inside it, or to an asset left out. */
    undrawnFlows: number
  }
  /** Said beside the drawing when something is collapsed or left out. */
  notice: string | null
}

export const MapLayoutOptions = z.strictObject({
  phiOnly: z.boolean().default(false),
  /** Zones to draw collapsed; when absent, every zone is collapsed once the map has more than `collapseAbove` assets. */
  collapsed: z.array(z.int().positive()).max(100_000).optional(),
  collapseAbove: z.int().positive().max(1_000_000).default(300),
  /** At most this many asset boxes are drawn; the rest are counted in the notice (the table lists all). */
  maxAssets: z.int().positive().max(20_000).default(300)
})
export type MapLayoutOptions = z.input<typeof MapLayoutOptions>

export const mapDrawingCalls = {
  /** Asks for infrastructure files to import (the screen's "Choose files…"); [] when cancelled. */
  'map.chooseFiles': defineCall<string[]>()(z.strictObject({})),
  'map.layout': defineCall<MapScene>()(MapLayoutOptions),
  /** Writes the drawing as SVG where the person says in the save dialog; null when they cancel. */
  'map.exportSvg': defineCall<{ path: string; bytes: number } | null>()(MapLayoutOptions)
}
