import type { Db } from '../../db/driver'
import type { DataFlowMapView, MapAsset } from '../../map/contract'
import { businessAssociateAgreements, readDataFlowMap, readDataFlowMapDrawing, serviceCoverage, type MapScene } from '../../map/reads'

/** The evidence pack's "Where PHI lives and flows": the drawing, the PHI assets and the map's flags. */
export interface DataFlowMapSection {
  scene: MapScene
  /** Alternative text of the figure. */
  alt: string
  counts: { assets: number; zones: number; flows: number; phiAssets: number; phiFlows: number }
  phiAssets: Array<{ name: string; service: string; zone: string; marking: string; coveredByBaa: string; encryption: string; owner: string }>
  flags: Array<{ title: string; citation: string | null; message: string; dismissed: string | null }>
  lastReview: { on: string; by: string } | null
}

/** Above this many assets the pack draws only what holds or carries PHI, with zones collapsed past the same size. */
const PACK_DRAWING_LIMIT = 60

/** Null when the workspace holds no map: the pack then says "not recorded in this workspace". */
export async function readDataFlowMapSection(db: Db, today: string): Promise<DataFlowMapSection | null> {
  const stored = readDataFlowMap(db, { today })
  if (stored.assets.length === 0 && stored.zones.length === 0) return null
  const large = stored.assets.length > PACK_DRAWING_LIMIT
  const { view, scene, description } = await readDataFlowMapDrawing(db, {
    today,
    includeDismissed: true,
    layout: large ? { phiOnly: true, collapseAbove: PACK_DRAWING_LIMIT, maxAssets: PACK_DRAWING_LIMIT } : {}
  })
  return {
    scene,
    alt: description,
    counts: {
      assets: view.assets.length,
      zones: view.zones.length,
      flows: view.flows.length,
      phiAssets: view.assets.filter(a => a.phi.value === 'phi').length,
      phiFlows: view.flows.filter(f => f.carries.value === 'phi').length
    },
    phiAssets: phiAssetRows(db, view, today),
    flags: view.flags.map(f => ({
      title: f.title,
      citation: f.citation,
      message: f.message,
      dismissed: f.dismissal ? `Dismissed${f.dismissal.by ? ` by ${f.dismissal.by}` : ''}: ${f.dismissal.reason}` : null
    })),
    lastReview: view.lastReview ? { on: view.lastReview.reviewedOn, by: view.lastReview.reviewedBy } : null
  }
}

function phiAssetRows(db: Db, view: DataFlowMapView, today: string): DataFlowMapSection['phiAssets'] {
  const services = serviceCoverage()
  const associates = businessAssociateAgreements(db, today)
  const zones = new Map(view.zones.map(z => [z.id, `${z.kind} ${z.name}`]))
  const covered = (a: MapAsset): string => {
    if (a.businessAssociateId !== null) {
      const associate = associates.get(a.businessAssociateId)
      return associate?.agreementInForce ? `Yes: agreement with ${associate.name}` : `No agreement in force (${associate?.status ?? 'unknown'})`
    }
    const service = a.serviceId === null ? undefined : services.get(a.serviceId)
    if (service) return service.coverage === 'eligible' ? `Eligible service (${service.name})` : `No: ${service.name} is not covered`
    if (a.kind === 'external') return 'No agreement linked'
    return a.manual ? 'Own system or not stated' : 'Unknown: verify with the provider'
  }
  return view.assets
    .filter(a => a.phi.value === 'phi')
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(a => ({
      name: a.name,
      service: a.serviceId ? (services.get(a.serviceId)?.name ?? a.serviceId) : a.resourceType,
      zone: a.zoneIds[0] ? (zones.get(a.zoneIds[0]) ?? '') : '—',
      marking: a.phi.origin === 'inferred' ? 'PHI (inferred)' : 'PHI',
      coveredByBaa: covered(a),
      encryption: a.encryptedAtRest === null ? 'Not stated' : a.encryptedAtRest ? 'Encrypted at rest' : 'Not encrypted at rest',
      owner: a.owner || 'No owner recorded'
    }))
}
