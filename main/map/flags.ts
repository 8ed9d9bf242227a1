import type { Db } from '../db/driver'
import type { MapFlag, MapReview } from './contract'
import { currentDismissals, dismissalKey } from './db/flag-dismissals'
import { currentGraph, type MapGraph } from './read-map'
import { businessAssociateAgreements, failingEncryptionChecks, serviceCoverage } from './rule-facts'
import { evaluateMapRules } from './rules'

/** The map's flags: every rule over the current map, with the dismissals in force. */
export function mapFlags(db: Db, graph: MapGraph, lastReview: MapReview | null, options: { today: string; includeDismissed: boolean }): MapFlag[] {
  const { assets, zones, flows } = currentGraph(graph)
  const results = evaluateMapRules({
    assets,
    zones,
    flows,
    services: serviceCoverage(),
    businessAssociates: businessAssociateAgreements(db, options.today),
    failingChecks: failingEncryptionChecks(db, assets, options.today),
    lastReview,
    today: options.today
  })
  const dismissals = currentDismissals(db)
  const flags: MapFlag[] = results.map(result => {
    const dismissal = dismissals.get(dismissalKey(result.rule.id, result.subjectKey))
    return {
      rule: result.rule.id,
      title: result.rule.title,
      citation: result.rule.citation,
      message: result.message,
      subjects: result.subjects,
      subjectKey: result.subjectKey,
      dismissal: dismissal ? { id: dismissal.id, reason: dismissal.reason, by: dismissal.by, at: dismissal.at } : null
    }
  })
  return options.includeDismissed ? flags : flags.filter(flag => flag.dismissal === null)
}
