import type { Db } from '../db/driver'
import { getCurrentPeriod } from '../assessment/db/periods'
import { listScenarios } from '../risks/db/scenarios'
import { daysBetween, type IsoDate } from '../shared/dates'
import { dueText } from '../shared/due-text'
import type { CalendarItem, RecordLink } from './calendar'

/** A calendar item as screens and the command line show it: how many days are left from the workspace's today, in words, and the record it opens. */
export interface CalendarEntry extends CalendarItem {
  /** Whole days from the workspace's today to the due date; negative when past. */
  daysLeft: number
  /** "Due today", "Due in 3 days", "5 days overdue" (main/shared/due-text.ts); "Proposed — not in force" for a proposed duty. */
  dueText: string
  link: RecordLink | null
}

/**
 * Every source names the record it dates, except a retention end, which carries its record's link itself. A risk's
 * items name it by its key (the same from one period to the next); the screen opens it by its id in the current period.
 */
export function recordLinkOf(item: CalendarItem, riskIds: ReadonlyMap<string, number> = new Map()): RecordLink | null {
  if (item.recordLink) return item.recordLink
  switch (item.source.type) {
    case 'incident':
      return { kind: 'incident', id: item.source.id }
    case 'business-associate':
      return { kind: 'business-associate', id: item.source.id }
    case 'recurring':
      return { kind: 'recurring-duty', id: item.source.id }
    case 'risk':
      return { kind: 'risk', id: String(riskIds.get(item.source.id) ?? item.source.id) }
    default:
      return null
  }
}

/** How a duty of the proposed rule reads wherever a due date's words would go. */
export const PROPOSED_WORDS = 'Proposed — not in force'

export function toCalendarEntry(item: CalendarItem, asOf: IsoDate, riskIds?: ReadonlyMap<string, number>): CalendarEntry {
  const daysLeft = daysBetween(asOf, item.dueOn)
  // A duty of the proposed rule is not in force: its date is never "overdue" or "due in 3 days".
  const words = item.status === 'proposed' ? PROPOSED_WORDS : dueText(daysLeft)
  return { ...item, daysLeft, dueText: words, link: recordLinkOf(item, riskIds) }
}

/** The current period's risks by key, for their links (none before a period exists). */
export function riskIdsByKey(db: Db): Map<string, number> {
  const period = getCurrentPeriod(db)
  return new Map(period ? listScenarios(db, period.id).map(scenario => [scenario.key, scenario.id]) : [])
}
