import mapJson from '../../templates/oscal/hipaa-catalog-map.json'

/** Namespace of Safeguard's own OSCAL props (e.g. `cfr-citation`); a stable URI, not a web page. */
export const SAFEGUARD_NS = 'https://safeguard.example/ns/oscal'

export interface OscalControl {
  id: string
  title: string
  /** The catalog group's 45 CFR standard citation. */
  standard: string
}

export const HIPAA_CATALOG = mapJson.catalog
export const OSCAL_CONTROLS: readonly OscalControl[] = mapJson.controls

const controlsByCitation = new Map(mapJson.map.map(entry => [entry.citation, entry.controls]))

/**
 * The OSCAL HIPAA catalog's controls for one of our 45 CFR citations, the closest first. The catalog
 * is coarser than the rule (no implementation-specification citations), so the citation itself
 * travels with every reference as a `cfr-citation` prop.
 */
export function controlsFor(citation: string): readonly string[] {
  return controlsByCitation.get(citation) ?? []
}

/** The statement a finding on the citation targets: the closest control's `_smt` part. */
export function statementFor(citation: string): string | null {
  const first = controlsFor(citation)[0]
  return first === undefined ? null : `${first}_smt`
}

export function mappedCitations(): string[] {
  return [...controlsByCitation.keys()]
}
