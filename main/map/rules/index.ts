import { mapNotReviewed } from './map-not-reviewed'
import { phiAssetWithoutOwner } from './phi-asset-without-owner'
import { phiReachesOrchestration } from './phi-reaches-orchestration'
import { phiServiceNotCovered } from './phi-service-not-covered'
import { phiUnencryptedAtRest } from './phi-unencrypted-at-rest'
import { phiUnencryptedInTransit } from './phi-unencrypted-in-transit'
import { phiZoneReachesGeneral } from './phi-zone-reaches-general'
import type { MapRule, MapRuleInput, RuleFinding } from './rule'

/** Every map rule, in the order flags are listed. Add a rule here; its id, title and citation come from it. */
export const MAP_RULES: readonly MapRule[] = [
  phiServiceNotCovered,
  phiZoneReachesGeneral,
  phiReachesOrchestration,
  phiUnencryptedInTransit,
  phiUnencryptedAtRest,
  phiAssetWithoutOwner,
  mapNotReviewed
]

export const MAP_RULE_IDS = MAP_RULES.map(rule => rule.id)

export interface RuleResult extends RuleFinding {
  rule: MapRule
}

/** Runs every rule over the map. Pure: same input, same findings, in rule order. */
export function evaluateMapRules(input: MapRuleInput): RuleResult[] {
  return MAP_RULES.flatMap(rule => rule.evaluate(input).map(finding => ({ ...finding, rule })))
}
