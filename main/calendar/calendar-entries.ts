import { daysBetween, type IsoDate } from '../shared/dates'
import { dueText } from '../shared/due-text'
import type { CalendarItem, RecordLink } from './calendar'

/** A calendar item as screens and the command line show it: how many days are left from the workspace's today, in words, and the record it opens. */
export interface CalendarEntry extends CalendarItem {
  /** Whole days from the workspace's today to the due date; negative when past. */
  daysLeft: number
  /** "Due today", "Due in 3 days", "5 days overdue" (main/shared/due-text.ts). */
  dueText: string
  link: RecordLink | null
}

/** Every source names the record it dates, except a retention end, which carries its record's link itself. */
export function recordLinkOf(item: CalendarItem): RecordLink | null {
  if (item.recordLink) return item.recordLink
  switch (item.source.type) {
    case 'incident':
      return { kind: 'incident', id: item.source.id }
    case 'business-associate':
      return { kind: 'business-associate', id: item.source.id }
    case 'recurring':
      return { kind: 'recurring-duty', id: item.source.id }
    case 'risk':
      return { kind: 'risk', id: item.source.id }
    default:
      return null
  }
}

export function toCalendarEntry(item: CalendarItem, asOf: IsoDate): CalendarEntry {
  const daysLeft = daysBetween(asOf, item.dueOn)
  return { ...item, daysLeft, dueText: dueText(daysLeft), link: recordLinkOf(item) }
}
