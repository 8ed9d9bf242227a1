import type { AssessmentCatalog } from './catalog'
import type { Eligibility, InventoryItem } from './contract'
import type { ServiceRecord } from './db/cloud-services'

/** A service holding health data must be eligible under the provider's business associate addendum. */
export function serviceGap(eligibility: Eligibility, holdsPhi: boolean): string | null {
  if (!holdsPhi) return null
  if (eligibility === 'not-eligible')
    return 'Holds health data but is not covered by the provider’s business associate addendum. Move the data to an eligible service or stop storing it here.'
  if (eligibility === 'unknown') return 'Holds health data and its eligibility is unknown. Check the provider’s list of eligible services.'
  return null
}

/** What the data-flow map says about each cloud service: its assets, and how many hold PHI. */
export type MapServiceUse = ReadonlyMap<string, { assets: number; phiAssets: number }>

/**
 * Catalog services first (with what the organisation recorded), then services added by hand.
 * With a data-flow map, a service is in use when the map has an asset of it and holds PHI when
 * one of those assets does; what a person recorded still counts (a map never un-ticks PHI).
 */
export function buildInventory(catalog: AssessmentCatalog, records: ServiceRecord[], map: MapServiceUse | null = null): InventoryItem[] {
  const byId = new Map(records.map(r => [r.serviceId, r]))
  const fromCatalog = catalog.data.services.services.map((service): InventoryItem => {
    const record = byId.get(service.id)
    const eligibility: Eligibility = service.hipaaEligible ? 'eligible' : 'not-eligible'
    const fromMap = map ? (map.get(service.id) ?? { assets: 0, phiAssets: 0 }) : null
    const holdsPhi = (record?.holdsPhi ?? false) || (fromMap?.phiAssets ?? 0) > 0
    return {
      serviceId: service.id,
      name: service.name,
      category: service.category,
      custom: false,
      eligibility,
      eligibilityBasis: service.eligibilityBasis,
      defaultEncryption: service.defaultEncryption,
      encryptionNote: service.encryptionNote,
      typicalUse: service.typicalUse,
      inUse: (record?.inUse ?? false) || (fromMap?.assets ?? 0) > 0,
      holdsPhi,
      notes: record?.notes ?? '',
      gap: serviceGap(eligibility, holdsPhi),
      ...(fromMap ? { fromMap } : {})
    }
  })
  const custom = records
    .filter(r => r.customName !== null)
    .map((record): InventoryItem => ({
      serviceId: record.serviceId,
      name: record.customName!,
      category: 'other',
      custom: true,
      eligibility: record.customEligibility!,
      eligibilityBasis: 'entered-by-user',
      defaultEncryption: null,
      encryptionNote: '',
      typicalUse: '',
      inUse: record.inUse,
      holdsPhi: record.holdsPhi,
      notes: record.notes,
      gap: serviceGap(record.customEligibility!, record.holdsPhi),
      ...(map ? { fromMap: map.get(record.serviceId) ?? { assets: 0, phiAssets: 0 } } : {})
    }))
  return [...fromCatalog, ...custom]
}

/** 'Amazon Textract' -> 'custom-amazon-textract' */
export function customServiceId(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return `custom-${slug || 'service'}`
}
