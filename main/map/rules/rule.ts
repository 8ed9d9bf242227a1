import type { MapAsset, MapFlagSubject, MapFlow, MapReview, MapZone } from '../contract'

/** How far the provider's business associate addendum covers a cloud service (templates/assessment/cloud-services.json). */
export type ServiceCoverage = 'eligible' | 'not-eligible' | 'unknown'

/** A failing scanner check on a resource the map knows, sorted by what it says about encryption. */
export interface FailingCheck {
  checkId: string
  title: string
  scanId: number
  findingId: number
  /** `at-rest`: the check is about encryption of stored data; `in-transit`: of data on the wire. */
  concerns: 'at-rest' | 'in-transit'
}

/** Everything a rule may look at: the map as read (effective markings), plus facts from other features. */
export interface MapRuleInput {
  /** Current assets, zones and flows (removed ones left out). */
  assets: readonly MapAsset[]
  zones: readonly MapZone[]
  flows: readonly MapFlow[]
  services: ReadonlyMap<string, { name: string; coverage: ServiceCoverage }>
  businessAssociates: ReadonlyMap<number, { name: string; agreementInForce: boolean; status: string }>
  failingChecks: ReadonlyMap<number, readonly FailingCheck[]>
  lastReview: MapReview | null
  /** The session's date, YYYY-MM-DD. */
  today: string
}

/** One finding of a rule, before dismissals are looked up. */
export interface RuleFinding {
  message: string
  subjects: MapFlagSubject[]
  /** Stable across re-imports (keys, not row ids) so a dismissal keeps applying. */
  subjectKey: string
}

export interface MapRule {
  id: string
  title: string
  /** The Security Rule section it rests on, or the proposed rule, said as such. */
  citation: string | null
  evaluate(input: MapRuleInput): RuleFinding[]
}
