import type { Db } from '../db/driver'
import { sortCalendar, type CalendarItem } from './calendar'
import { calendarAnchorOn, DEADLINE_SOURCES } from './deadline-sources'

/** Everything in the workspace that falls due, as calendar items: the union of every deadline source. */
export function workspaceCalendar(db: Db, options: { asOf: string; dueSoonDays: number; includeProposed: boolean }): CalendarItem[] {
  const context = {
    db,
    asOf: options.asOf,
    anchorOn: calendarAnchorOn(db),
    dueSoonDays: options.dueSoonDays,
    includeProposed: options.includeProposed
  }
  return sortCalendar(DEADLINE_SOURCES.flatMap(source => source.items(context)))
}
