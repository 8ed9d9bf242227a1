import type { Db } from '../db/driver'
import { listBusinessAssociates } from '../baas/db/business-associates'
import { workspaceAnchorOn } from '../baas/reads'
import { listIncidents } from '../breach/db/incidents'
import { listAllNotices } from '../breach/db/notices'
import { assess, linkedReportingDays } from '../breach/reads'
import type { IsoDate } from '../shared/dates'
import { agreementItems, incidentItems, recurringItems, retentionItems, type CalendarItem } from './calendar'
import { listCompletions } from './db/completions'
import { listMapReviews } from '../map/db/reviews'
import { retainedRecords } from './retained-records'
import { riskCalendarItems } from '../risks/reads'
import { evidenceCalendarItems } from '../evidence/reads'

/**
 * Where the workspace calendar's dates come from: one entry per source, each reading its own
 * records and turning them into dated items. A feature that adds a deadline (a map review, a
 * remediation task) adds one entry here; the calendar screen, the dashboard, the iCalendar export
 * and the documents all read the result.
 */

export interface DeadlineContext {
  db: Db
  asOf: IsoDate
  /** When a recurring duty has never been done, it is due from this day (the workspace's start). */
  anchorOn: IsoDate
  dueSoonDays: number
  includeProposed: boolean
}

export interface DeadlineSource {
  /** Also the `source.type` of the items it makes, unless they link to a record of their own kind. */
  id: string
  /** What the source dates, for ARCHITECTURE.md readers and the tests. */
  description: string
  items(context: DeadlineContext): CalendarItem[]
}

export const DEADLINE_SOURCES: readonly DeadlineSource[] = [
  {
    id: 'recurring',
    description: 'Recurring duties of templates/calendar/recurring-obligations.json, from their last recorded completion.',
    items: c => recurringItems({ ...c, completions: [...listCompletions(c.db), ...mapReviewCompletions(c.db)] })
  },
  {
    id: 'business-associate',
    description: 'Renewal and periodic review of each business associate agreement.',
    items: c => agreementItems({ ...c, businessAssociates: listBusinessAssociates(c.db).map(toCalendarAssociate) })
  },
  {
    id: 'document',
    description: 'The end of the six-year retention of records no longer in effect.',
    items: c => retentionItems({ ...c, documents: retainedRecords(c.db) })
  },
  {
    id: 'incident',
    description: 'Every breach notice of every incident (45 CFR 164.404-164.410 and state laws).',
    items: c => {
      const notices = listAllNotices(c.db)
      const incidents = listIncidents(c.db).map(record => ({
        id: String(record.id),
        title: record.title,
        obligations: assess(record, notices.get(record.id) ?? [], c.asOf, linkedReportingDays(c.db, record)).obligations
      }))
      return incidentItems({ ...c, incidents })
    }
  },
  {
    id: 'risk',
    description: 'Open remediation tasks of the risk analysis by their due date, and accepted risks by the day their acceptance expires.',
    items: c => riskCalendarItems(c.db, c)
  },
  {
    id: 'evidence',
    description: 'The expiry date of each piece of evidence not archived; once passed, the evidence is stale.',
    items: c => evidenceCalendarItems(c.db, c)
  }
]

/** A review recorded on the data-flow map is the yearly asset inventory and network map review done. */
const MAP_REVIEW_DUTY = 'asset-inventory-review'

function mapReviewCompletions(db: Db) {
  return listMapReviews(db).map(review => ({ definitionId: MAP_REVIEW_DUTY, doneOn: review.reviewedOn }))
}

/** The anchor of a workspace: the day recurring duties never done fall due from. */
export function calendarAnchorOn(db: Db): IsoDate {
  return workspaceAnchorOn(db)
}

function toCalendarAssociate(associate: ReturnType<typeof listBusinessAssociates>[number]) {
  return {
    id: String(associate.id),
    name: associate.name,
    baaStatus: associate.baaStatus,
    ...(associate.effectiveOn ? { effectiveOn: associate.effectiveOn } : {}),
    ...(associate.expiresOn ? { expiresOn: associate.expiresOn } : {}),
    ...(associate.lastReviewOn ? { lastReviewOn: associate.lastReviewOn } : {}),
    ...(associate.reviewEveryMonths ? { reviewEveryMonths: associate.reviewEveryMonths } : {})
  }
}
