import type { PhiMarking } from '../contract'
import type { ZoneKind } from '../model'
import { MARKING_LABELS } from './styles'

// The words written in each box, the same on screen, in the SVG and in the PDF.

const ZONE_KIND_LABELS: Record<ZoneKind, string> = { account: 'Account', vpc: 'VPC', subnet: 'Subnet' }

/** Shortens a long resource address keeping its end, where the distinguishing part usually is. */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1)}`
}

function markingWords(phi: PhiMarking | null, inferred: boolean): string {
  return `${MARKING_LABELS[phi ?? 'unknown']}${phi !== null && inferred ? ' (inferred)' : ''}`
}

export function assetCaption(a: { name: string; kind: string; phi: PhiMarking | null; phiInferred: boolean; flags: number }): string[] {
  const flags = a.flags > 0 ? ` · ${a.flags} ${a.flags === 1 ? 'flag' : 'flags'}` : ''
  return [shorten(a.name, 30), `${a.kind} · ${markingWords(a.phi, a.phiInferred)}${flags}`]
}

export function zoneCaption(z: {
  name: string
  kind: ZoneKind
  placeholder: boolean
  phi: PhiMarking | null
  phiInferred: boolean
  collapsed: boolean
  hiddenAssets: number
  hiddenZones: number
  flags: number
}): string[] {
  const title = `${ZONE_KIND_LABELS[z.kind]} ${shorten(z.name, z.collapsed ? 26 : 40)}${z.placeholder ? ' (placeholder)' : ''}`
  const flags = z.flags > 0 ? ` · ${z.flags} ${z.flags === 1 ? 'flag' : 'flags'}` : ''
  const marking = `${markingWords(z.phi, z.phiInferred)}${flags}`
  if (!z.collapsed) return [`${title} · ${marking}`]
  const inside = `${z.hiddenAssets} ${z.hiddenAssets === 1 ? 'asset' : 'assets'}${z.hiddenZones > 0 ? `, ${z.hiddenZones} zones` : ''} (collapsed)`
  return [title, `${marking} · ${inside}`]
}
