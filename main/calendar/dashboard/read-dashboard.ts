import type { Db } from '../../db/driver'
import { riskIdsByKey, toCalendarEntry } from '../calendar-entries'
import { workspaceCalendar } from '../workspace-calendar'
import { agreementsCard, evidenceCard, incidentsCard, risksCard } from './cards'
import type { DashboardView } from './dashboard-view'
import { gettingStartedSteps } from './getting-started'
import { neverDoneDuties, nextSteps } from './next-steps'

/** Agreements expiring within this many days are shown on their card (renewals take a while to negotiate). */
export const AGREEMENT_WINDOW_DAYS = 90

/** Everything the Dashboard shows, as of the workspace's today (`asOf`); `now` is the instant, for the reads that need one. */
export function readDashboard(db: Db, options: { asOf: string; now: string; withinDays: number; includeProposed: boolean }): DashboardView {
  const { asOf, withinDays } = options
  const riskIds = riskIdsByKey(db)
  const entries = workspaceCalendar(db, { asOf, dueSoonDays: withinDays, includeProposed: options.includeProposed }).map(item =>
    toCalendarEntry(item, asOf, riskIds)
  )
  // Duties of the rule in force before those only the proposed rule would add.
  const neverDone = neverDoneDuties(entries).sort((a, b) => Number(a.proposed) - Number(b.proposed))
  return {
    asOf,
    withinDays,
    gettingStarted: gettingStartedSteps(db, asOf),
    ...nextSteps(entries, withinDays),
    calendarSetup:
      neverDone.length > 0 ? { duties: neverDone.map(entry => ({ id: entry.source.id, title: entry.title, proposed: entry.proposed })) } : null,
    agreements: agreementsCard(db, asOf, AGREEMENT_WINDOW_DAYS),
    incidents: incidentsCard(db, asOf),
    risks: risksCard(db, options.now, asOf),
    evidence: evidenceCard(db, asOf)
  }
}
