import type { FlowCarries, PhiMarking } from '../contract'
import type { SceneLegendEntry, SceneStyle } from './contract'

/** Print colours for the SVG and the PDF (the screen uses theme tokens instead). */
export const PRINT_COLOURS: Record<SceneStyle['tone'], { stroke: string; fill: string }> = {
  phi: { stroke: '#b3261e', fill: '#fde8e6' },
  orchestration: { stroke: '#7a5900', fill: '#fff6d6' },
  general: { stroke: '#35596e', fill: '#eef4f8' },
  unknown: { stroke: '#5f6368', fill: '#ffffff' },
  metadata: { stroke: '#7a5900', fill: 'none' },
  none: { stroke: '#5f6368', fill: 'none' }
}

// One look per marking, shared by the screen, the SVG and the PDF. Each is told
// apart by pattern, dash and line weight as well as colour, so a grey print or
// a reader who cannot tell red from green still sees which boxes hold PHI.

export function markingStyle(phi: PhiMarking | null): SceneStyle {
  switch (phi) {
    case 'phi':
      return { tone: 'phi', pattern: 'hatch', dash: null, strokeWidth: 2.5, print: PRINT_COLOURS.phi }
    case 'orchestration':
      return { tone: 'orchestration', pattern: 'dots', dash: null, strokeWidth: 1.5, print: PRINT_COLOURS.orchestration }
    case 'general':
      return { tone: 'general', pattern: null, dash: null, strokeWidth: 1, print: PRINT_COLOURS.general }
    default:
      return { tone: 'unknown', pattern: null, dash: null, strokeWidth: 1, print: PRINT_COLOURS.unknown }
  }
}

/** Placeholder zones (a VPC or subnet a template only receives) are dashed whatever they hold. */
export function zoneStyle(phi: PhiMarking | null, placeholder: boolean): SceneStyle {
  const style = markingStyle(phi)
  return placeholder ? { ...style, dash: '6 4' } : style
}

export function flowStyle(carries: FlowCarries | null): SceneStyle {
  switch (carries) {
    case 'phi':
      return { tone: 'phi', pattern: null, dash: null, strokeWidth: 2.5, print: PRINT_COLOURS.phi }
    case 'metadata':
      return { tone: 'metadata', pattern: null, dash: '6 3', strokeWidth: 1.5, print: PRINT_COLOURS.metadata }
    case 'none':
      return { tone: 'none', pattern: null, dash: '2 3', strokeWidth: 1, print: PRINT_COLOURS.none }
    default:
      return { tone: 'unknown', pattern: null, dash: null, strokeWidth: 1, print: PRINT_COLOURS.unknown }
  }
}

export const MARKING_LABELS: Record<PhiMarking | 'unknown', string> = {
  phi: 'PHI',
  general: 'General data',
  orchestration: 'Metadata only',
  unknown: 'Not marked'
}

export const LEGEND: SceneLegendEntry[] = [
  { label: 'Holds PHI (hatched, thick border)', shape: 'box', style: markingStyle('phi') },
  { label: 'Orchestration, metadata only (dotted)', shape: 'box', style: markingStyle('orchestration') },
  { label: 'General data', shape: 'box', style: markingStyle('general') },
  { label: 'Not marked', shape: 'box', style: markingStyle(null) },
  { label: 'Placeholder zone (dashed)', shape: 'box', style: zoneStyle(null, true) },
  { label: 'Flow carries PHI (thick)', shape: 'line', style: flowStyle('phi') },
  { label: 'Flow carries metadata (dashed)', shape: 'line', style: flowStyle('metadata') },
  { label: 'Flow carries nothing (dotted)', shape: 'line', style: flowStyle('none') },
  { label: 'Flow not marked', shape: 'line', style: flowStyle(null) }
]
