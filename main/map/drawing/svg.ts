import type { MapLayoutOptions, MapScene, SceneLegendEntry, SceneStyle } from './contract'
import { layoutMap, type MapLayoutInput } from './layout'
import { PRINT_COLOURS } from './styles'

// The map as a standalone SVG file: print colours on white, patterns and dashes
// so PHI reads without colour, a legend, and a title and description for
// screen readers. Every piece of text from the workspace is escaped.

const FONT = 'font-family="Source Sans 3, Helvetica, Arial, sans-serif"'
const LEGEND_ROW = 22
const LEGEND_COLUMN = 300

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, c => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`)
}

export async function renderMapSvg(view: MapLayoutInput, options: MapLayoutOptions & { title?: string } = {}): Promise<string> {
  const { title, ...layoutOptions } = options
  return drawSceneSvg(await layoutMap(view, layoutOptions), { title: title ?? 'Data-flow map: where PHI lives and flows' })
}

/** A sentence describing the drawing, for `<desc>` and for the PDF figure's alternative text. */
export function describeScene(scene: MapScene): string {
  const phiAssets = scene.assets.filter(a => a.phi === 'phi').length
  const phiFlows = scene.edges.filter(e => e.carries === 'phi').length
  const flagged = scene.assets.filter(a => a.flags > 0).length
  return (
    `Data-flow map with ${scene.counts.assets} assets in ${scene.counts.zones} zones and ${scene.counts.flows} flows` +
    ` (${scene.assets.length} assets drawn, ${phiAssets} of them holding PHI; ${phiFlows} drawn lines carry PHI; ${flagged} drawn assets have open flags).` +
    (scene.notice ? ` ${scene.notice}` : '')
  )
}

export function drawSceneSvg(scene: MapScene, options: { title: string }): string {
  const legendRows = Math.ceil(scene.legend.length / 3)
  const noticeHeight = scene.notice ? 24 : 0
  const width = Math.max(scene.width, LEGEND_COLUMN * 3 + 32)
  const height = scene.height + noticeHeight + 40 + legendRows * LEGEND_ROW + 16
  const out: string[] = []
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="map-title map-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title id="map-title">${escapeXml(options.title)}</title>`,
    `<desc id="map-desc">${escapeXml(describeScene(scene))}</desc>`,
    patternDefs(),
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`
  )
  for (const z of scene.zones) {
    out.push(
      `<g><title>${escapeXml(`${z.kind} ${z.name}`)}</title>${box(z, z.style, z.collapsed ? 4 : 8)}`,
      caption(z.x + 10, z.y + 18, z.caption, z.depth === 0 ? 'bold' : 'normal'),
      '</g>'
    )
  }
  for (const e of scene.edges) {
    if (e.points.length < 2) continue
    const colour = PRINT_COLOURS[e.style.tone].stroke
    out.push(
      `<g><title>${escapeXml(`${e.label}: ${e.carries ?? 'not marked'}`)}</title>`,
      `<polyline points="${e.points.map(p => `${round(p.x)},${round(p.y)}`).join(' ')}" fill="none" stroke="${colour}" stroke-width="${e.style.strokeWidth}"${dash(e.style)} marker-end="url(#arrow-${e.style.tone})"/>`,
      '</g>'
    )
  }
  for (const a of scene.assets) {
    out.push(`<g><title>${escapeXml(`${a.kind} ${a.name}`)}</title>${box(a, a.style, 4)}`, caption(a.x + 8, a.y + 18, a.caption, 'normal'), '</g>')
  }
  let y = scene.height + 8
  if (scene.notice) {
    out.push(`<text x="16" y="${y + 14}" ${FONT} font-size="12" fill="#202124">${escapeXml(scene.notice)}</text>`)
    y += noticeHeight
  }
  out.push(`<text x="16" y="${y + 18}" ${FONT} font-size="13" font-weight="bold" fill="#202124">Legend</text>`)
  scene.legend.forEach((entry, i) => out.push(legendEntry(entry, 16 + (i % 3) * LEGEND_COLUMN, y + 30 + Math.floor(i / 3) * LEGEND_ROW)))
  out.push('</svg>')
  return `<?xml version="1.0" encoding="UTF-8"?>\n${out.join('\n')}\n`
}

const round = (n: number) => Math.round(n * 10) / 10
const dash = (style: SceneStyle) => (style.dash ? ` stroke-dasharray="${style.dash}"` : '')

function box(b: { x: number; y: number; width: number; height: number }, style: SceneStyle, radius: number): string {
  const colours = PRINT_COLOURS[style.tone]
  const at = `x="${round(b.x)}" y="${round(b.y)}" width="${round(b.width)}" height="${round(b.height)}" rx="${radius}"`
  const base = `<rect ${at} fill="${colours.fill}" stroke="${colours.stroke}" stroke-width="${style.strokeWidth}"${dash(style)}/>`
  return style.pattern ? `${base}<rect ${at} fill="url(#pattern-${style.pattern})" stroke="none"/>` : base
}

function caption(x: number, y: number, lines: string[], weight: 'bold' | 'normal'): string {
  return lines
    .map(
      (line, i) =>
        `<text x="${round(x)}" y="${round(y + i * 16)}" ${FONT} font-size="${i === 0 ? 12 : 11}" font-weight="${i === 0 ? weight : 'normal'}" fill="#202124">${escapeXml(line)}</text>`
    )
    .join('')
}

function legendEntry(entry: SceneLegendEntry, x: number, y: number): string {
  const colour = PRINT_COLOURS[entry.style.tone].stroke
  const swatch =
    entry.shape === 'box'
      ? box({ x, y, width: 28, height: 16 }, entry.style, 3)
      : `<line x1="${x}" y1="${y + 8}" x2="${x + 28}" y2="${y + 8}" stroke="${colour}" stroke-width="${entry.style.strokeWidth}"${dash(entry.style)}/>`
  return `${swatch}<text x="${x + 36}" y="${y + 13}" ${FONT} font-size="12" fill="#202124">${escapeXml(entry.label)}</text>`
}

function patternDefs(): string {
  const arrows = Object.entries(PRINT_COLOURS)
    .map(
      ([tone, c]) =>
        `<marker id="arrow-${tone}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c.stroke}"/></marker>`
    )
    .join('')
  return (
    '<defs>' +
    `<pattern id="pattern-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="8" stroke="${PRINT_COLOURS.phi.stroke}" stroke-width="1.5" stroke-opacity="0.3"/></pattern>` +
    `<pattern id="pattern-dots" width="8" height="8" patternUnits="userSpaceOnUse"><circle cx="4" cy="4" r="1.1" fill="${PRINT_COLOURS.orchestration.stroke}" fill-opacity="0.4"/></pattern>` +
    arrows +
    '</defs>'
  )
}
