import type { Db } from '../db/driver'
import { listBusinessAssociates } from '../baas/db/business-associates'
import { workspaceAnchorOn } from '../baas/reads'
import { listIncidents } from '../breach/db/incidents'
import { listAllNotices } from '../breach/db/notices'
import { assess, linkedReportingDays } from '../breach/reads'
import type { BusinessAssociate } from '../baas/contract'
import type { IncidentNotice, IncidentRecord } from '../breach/contract'
import { buildCalendar, type CalendarDocument, type CalendarItem, type RecurringCompletion } from './calendar'
import { laterOf } from '../shared/dates'
import { listCompletions } from './db/completions'
import { loadCalendarDefinitions } from './definitions'

/** Everything in the workspace that falls due, as calendar items. */
export function workspaceCalendar(db: Db, options: { asOf: string; dueSoonDays: number; includeProposed: boolean }): CalendarItem[] {
  const notices = listAllNotices(db)
  const associates = listBusinessAssociates(db)
  const incidents = listIncidents(db)
  const completions = listCompletions(db)
  return buildCalendar({
    asOf: options.asOf,
    anchorOn: workspaceAnchorOn(db),
    dueSoonDays: options.dueSoonDays,
    includeProposed: options.includeProposed,
    completions,
    businessAssociates: associates.map(associate => ({
      id: String(associate.id),
      name: associate.name,
      baaStatus: associate.baaStatus,
      ...(associate.effectiveOn ? { effectiveOn: associate.effectiveOn } : {}),
      ...(associate.expiresOn ? { expiresOn: associate.expiresOn } : {}),
      ...(associate.lastReviewOn ? { lastReviewOn: associate.lastReviewOn } : {}),
      ...(associate.reviewEveryMonths ? { reviewEveryMonths: associate.reviewEveryMonths } : {})
    })),
    documents: retainedRecords(associates, incidents, notices, completions),
    incidents: incidents.map(record => ({
      id: String(record.id),
      title: record.title,
      obligations: assess(record, notices.get(record.id) ?? [], options.asOf, linkedReportingDays(db, record)).obligations
    }))
  })
}

/**
 * Records this workspace keeps whose 6-year retention can be dated: breach
 * documentation, agreements no longer in force, and the record of each
 * recurring duty done. (Policy versions belong to the documents feature and
 * can be passed to buildCalendar the same way.)
 */
function retainedRecords(
  associates: readonly BusinessAssociate[],
  incidents: readonly IncidentRecord[],
  notices: ReadonlyMap<number, readonly IncidentNotice[]>,
  completions: readonly RecurringCompletion[]
): CalendarDocument[] {
  const titles = new Map(loadCalendarDefinitions().recurring.map(definition => [definition.id, definition.title]))
  return [
    ...incidents.map(incident => ({
      id: `incident-${incident.id}`,
      title: `breach documentation for "${incident.title}"`,
      createdOn: incident.discoveredOn,
      // The file is complete when the last notice goes out; counting from then keeps it longest.
      lastInEffectOn: (notices.get(incident.id) ?? []).map(notice => notice.doneOn).reduce(laterOf, incident.discoveredOn),
      citation: '45 CFR 164.530(j)(2), applied by 164.414(a)'
    })),
    ...associates
      .filter(associate => (associate.baaStatus === 'expired' || associate.baaStatus === 'terminated') && associate.expiresOn !== null)
      .map(associate => ({
        id: `baa-${associate.id}`,
        title: `agreement with ${associate.name}`,
        createdOn: associate.effectiveOn ?? associate.expiresOn!,
        lastInEffectOn: associate.expiresOn!
      })),
    ...completions.map(completion => ({
      id: `completion-${completion.definitionId}-${completion.doneOn}`,
      title: `record of ${titles.get(completion.definitionId)?.toLowerCase() ?? completion.definitionId} done ${completion.doneOn}`,
      createdOn: completion.doneOn,
      lastInEffectOn: completion.doneOn
    }))
  ]
}
