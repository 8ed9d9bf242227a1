import type { Db } from '../db/driver'
import { listBusinessAssociates } from '../baas/db/business-associates'
import { workspaceAnchorOn } from '../baas/register'
import { listIncidents } from '../breach/db/incidents'
import { listAllNotices } from '../breach/db/notices'
import { assess } from '../breach/incident-log'
import { buildCalendar, type CalendarItem } from './calendar'
import { listCompletions } from './db/completions'

/** Everything in the workspace that falls due, as calendar items. */
export function workspaceCalendar(db: Db, options: { asOf: string; dueSoonDays: number; includeProposed: boolean }): CalendarItem[] {
  const notices = listAllNotices(db)
  return buildCalendar({
    asOf: options.asOf,
    anchorOn: workspaceAnchorOn(db),
    dueSoonDays: options.dueSoonDays,
    includeProposed: options.includeProposed,
    completions: listCompletions(db),
    businessAssociates: listBusinessAssociates(db).map((associate) => ({
      id: String(associate.id),
      name: associate.name,
      baaStatus: associate.baaStatus,
      ...(associate.effectiveOn ? { effectiveOn: associate.effectiveOn } : {}),
      ...(associate.expiresOn ? { expiresOn: associate.expiresOn } : {}),
      ...(associate.lastReviewOn ? { lastReviewOn: associate.lastReviewOn } : {}),
      ...(associate.reviewEveryMonths ? { reviewEveryMonths: associate.reviewEveryMonths } : {})
    })),
    // Document versions live in the documents feature; their retention items join here once it exposes them.
    documents: [],
    incidents: listIncidents(db).map((record) => ({
      id: String(record.id),
      title: record.title,
      obligations: assess(record, notices.get(record.id) ?? [], options.asOf).obligations
    }))
  })
}
