import { drawScenePdf, legendHeight } from '../../pdf/map-figure'
import { type PdfWriter } from '../../pdf/pdf-writer'
import { COLOR } from '../../pdf/theme'
import { plural } from '../../format'
import type { EvidencePackData } from '../pack-data'
import { notRecorded } from './shared'

/** "Where PHI lives and flows": the map drawn as vectors (a tagged figure), the PHI assets and the map's flags. */
export function dataFlowMap(w: PdfWriter, data: EvidencePackData): void {
  const map = data.dataFlowMap
  if (!map) return notRecorded(w, 'No data-flow map has been recorded.')
  const { counts, scene } = map
  w.paragraph(
    `${plural(counts.assets, 'asset')} in ${plural(counts.zones, 'zone')} with ${plural(counts.flows, 'flow')} ${counts.assets === 1 ? 'is' : 'are'} recorded; ` +
      `${plural(counts.phiAssets, 'asset')} ${counts.phiAssets === 1 ? 'is' : 'are'} marked or inferred to hold PHI and ${plural(counts.phiFlows, 'flow')} to carry it. ` +
      'The map describes what this workspace records about where PHI is stored and sent; it is not a statement of compliance.' +
      (map.lastReview ? ` Last reviewed on ${map.lastReview.on} by ${map.lastReview.by}.` : ' The map has not been reviewed.'),
    { after: 8 }
  )
  if (scene.notice) w.paragraph(scene.notice, { size: 9, after: 6 })
  w.vectorFigure({
    alt: map.alt,
    width: Math.max(scene.width, 800),
    height: scene.height + legendHeight(scene),
    draw: (doc, font) => drawScenePdf(doc, scene, font)
  })
  w.heading('Assets holding PHI', 2)
  if (map.phiAssets.length === 0) w.paragraph('No asset is marked or inferred to hold PHI.')
  else
    w.table(
      [
        { header: 'Asset', width: 2.2, bold: true },
        { header: 'Service', width: 1.4 },
        { header: 'Covered by a BAA', width: 1.7 },
        { header: 'Encryption', width: 1.2 },
        { header: 'Owner', width: 1.1 }
      ],
      map.phiAssets.map(a => [
        `${a.name}${a.marking.includes('inferred') ? ' (inferred)' : ''}`,
        a.service,
        a.coveredByBaa.startsWith('No') ? { text: a.coveredByBaa, color: COLOR.bad } : a.coveredByBaa,
        a.encryption,
        a.owner
      ])
    )
  w.heading('Map findings', 2)
  if (map.flags.length === 0) w.paragraph('The map rules raise no findings.')
  else
    w.table(
      [
        { header: 'Finding', width: 2, bold: true },
        { header: 'Rule', width: 1.1 },
        { header: 'Detail', width: 4 }
      ],
      map.flags.map(f => [f.title, citationText(f.citation), f.dismissed ? `${f.message} ${f.dismissed}` : f.message])
    )
}

/** Security Rule sections read "45 CFR 164.308(b)(1)"; a proposed rule (90 FR 898) is cited as it is. */
function citationText(citation: string | null): string {
  if (!citation) return '—'
  return /^16\d\./.test(citation) ? `45 CFR ${citation}` : citation
}
