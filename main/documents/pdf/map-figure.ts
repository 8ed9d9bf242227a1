import type { MapScene, SceneLegendEntry, SceneStyle } from '../../map/reads'

// The map drawn with pdfkit paths and text (no raster), in scene units: the
// caller has already moved and scaled the page. Same look as the SVG: PHI is
// hatched with a heavy border, orchestration dotted, placeholders dashed.

type Doc = PDFKit.PDFDocument
type Font = (weight: 'regular' | 'bold') => void

const LEGEND_ROW = 20
const LEGEND_COLUMN = 260

/** The height the legend adds below the drawing, for sizing the figure. */
export function legendHeight(scene: MapScene): number {
  return 28 + Math.ceil(scene.legend.length / 3) * LEGEND_ROW
}

export function drawScenePdf(doc: Doc, scene: MapScene, font: Font): void {
  for (const z of scene.zones) {
    box(doc, z, z.style, z.collapsed ? 4 : 8)
    captionLines(doc, font, z.x + 10, z.y + 7, z.caption, z.depth === 0)
  }
  for (const e of scene.edges) {
    if (e.points.length < 2) continue
    const colour = e.style.print.stroke
    doc.save()
    doc.moveTo(e.points[0]!.x, e.points[0]!.y)
    for (const p of e.points.slice(1)) doc.lineTo(p.x, p.y)
    doc.lineWidth(e.style.strokeWidth).strokeColor(colour)
    if (e.style.dash) dash(doc, e.style.dash)
    doc.stroke()
    arrowHead(doc, e.points.at(-2)!, e.points.at(-1)!, colour)
    doc.restore()
  }
  for (const a of scene.assets) {
    box(doc, a, a.style, 4)
    captionLines(doc, font, a.x + 8, a.y + 7, a.caption, false)
  }
  drawLegend(doc, font, scene.legend, scene.height + 8)
}

function dash(doc: Doc, pattern: string) {
  const [on, off] = pattern.split(' ').map(Number)
  doc.dash(on ?? 4, { space: off ?? on ?? 4 })
}

function box(doc: Doc, b: { x: number; y: number; width: number; height: number }, style: SceneStyle, radius: number) {
  const colours = style.print
  doc.save()
  doc.roundedRect(b.x, b.y, b.width, b.height, radius)
  if (colours.fill !== 'none') doc.fill(colours.fill)
  if (style.pattern) {
    doc.save()
    doc.roundedRect(b.x, b.y, b.width, b.height, radius).clip()
    if (style.pattern === 'hatch') {
      doc.lineWidth(1).strokeColor(colours.stroke).strokeOpacity(0.35)
      for (let d = -b.height; d < b.width; d += 8)
        doc
          .moveTo(b.x + d, b.y + b.height)
          .lineTo(b.x + d + b.height, b.y)
          .stroke()
    } else {
      doc.fillColor(colours.stroke).fillOpacity(0.4)
      for (let y = b.y + 4; y < b.y + b.height; y += 8) for (let x = b.x + 4; x < b.x + b.width; x += 8) doc.circle(x, y, 1.1).fill()
    }
    doc.restore()
  }
  doc.roundedRect(b.x, b.y, b.width, b.height, radius).lineWidth(style.strokeWidth).strokeColor(colours.stroke)
  if (style.dash) dash(doc, style.dash)
  doc.stroke()
  doc.restore()
}

function captionLines(doc: Doc, font: Font, x: number, y: number, lines: string[], bold: boolean) {
  lines.forEach((line, i) => {
    font(i === 0 && bold ? 'bold' : 'regular')
    doc
      .fontSize(i === 0 ? 12 : 11)
      .fillColor(i === 0 ? '#202124' : '#3c4043')
      .text(line, x, y + i * 16, { lineBreak: false })
  })
}

function arrowHead(doc: Doc, from: { x: number; y: number }, to: { x: number; y: number }, colour: string) {
  const angle = Math.atan2(to.y - from.y, to.x - from.x)
  const size = 7
  doc.undash()
  doc
    .moveTo(to.x, to.y)
    .lineTo(to.x - size * Math.cos(angle - 0.4), to.y - size * Math.sin(angle - 0.4))
    .lineTo(to.x - size * Math.cos(angle + 0.4), to.y - size * Math.sin(angle + 0.4))
    .closePath()
    .fill(colour)
}

function drawLegend(doc: Doc, font: Font, entries: SceneLegendEntry[], top: number) {
  font('bold')
  doc.fontSize(12).fillColor('#202124').text('Legend', 16, top, { lineBreak: false })
  entries.forEach((entry, i) => {
    const x = 16 + (i % 3) * LEGEND_COLUMN
    const y = top + 22 + Math.floor(i / 3) * LEGEND_ROW
    if (entry.shape === 'box') box(doc, { x, y, width: 28, height: 14 }, entry.style, 3)
    else {
      doc.save()
      doc
        .moveTo(x, y + 7)
        .lineTo(x + 28, y + 7)
        .lineWidth(entry.style.strokeWidth)
        .strokeColor(entry.style.print.stroke)
      if (entry.style.dash) dash(doc, entry.style.dash)
      doc.stroke().restore()
    }
    font('regular')
    doc
      .fontSize(11)
      .fillColor('#202124')
      .text(entry.label, x + 36, y + 1, { lineBreak: false })
  })
}
