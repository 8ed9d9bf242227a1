import { z } from 'zod'
import { defineCall } from '../api/define-call'
import type { CalendarItem } from './calendar'
import type { CalendarEntry } from './calendar-entries'
import type { DashboardView } from './dashboard/dashboard-view'
import type { RecurringDefinition } from './definitions'
import { CalendarDate, filePathSchema } from '../shared/schemas'
import type { ProposedRuleStatus } from '../proposed-rule/contract'

// Re-exported for the renderer, which imports contracts only.
export type { CalendarItem, CalendarItemStatus, RecordLink } from './calendar'
export type { CalendarEntry } from './calendar-entries'
export type * from './dashboard/dashboard-view'

/** The compliance calendar: everything that falls due, the dashboard, notifications and .ics export. */

const isoDate = CalendarDate

export interface CalendarView {
  asOf: string
  dueSoonDays: number
  /** Soonest first, each with its days left from `asOf` and the record it opens. */
  items: CalendarEntry[]
  /** How the calendar dates duties the rule in force leaves without an interval. */
  disclaimer: string
  /** Where the proposed Security Rule stands, from templates/proposed-rule/nprm-2025.json (the renderer formats its date). */
  proposedRule: ProposedRuleStatus
  /** The same in one sentence with its date as YYYY-MM-DD, for the command line. */
  proposedRuleText: string
}

/** Overdue items and those due within the window, as the calendar dates them (a never-done duty counts from the workspace's first day). */
export interface UpcomingView {
  asOf: string
  withinDays: number
  overdue: CalendarItem[]
  dueSoon: CalendarItem[]
}

/**
 * What the desktop notification summarised: the Dashboard's "what to do next" within the window (every open breach
 * notice, whatever its date, then anything overdue, then what falls due), in that order, each with its due wording.
 * Recurring duties never recorded as done are left out, as on the Dashboard (one "set up your calendar" step there).
 */
export interface DueNotificationView {
  asOf: string
  withinDays: number
  items: CalendarEntry[]
  notified: boolean
}

export interface CalendarDefinitionView extends RecurringDefinition {
  lastDoneOn: string | null
}

const window = {
  asOf: isoDate.optional(),
  /** Duties only the proposed Security Rule would impose: left out unless asked for, since it is not in force. */
  includeProposed: z.boolean().default(false)
}

export const calendarCalls = {
  'calendar.list': defineCall<CalendarView>()(z.strictObject({ ...window, dueSoonDays: z.int().min(0).max(3650).default(30) })),
  /** Overdue items and those due within `withinDays` (default 30); the Dashboard and the notification read `calendar.dashboard`'s way instead. */
  'calendar.upcoming': defineCall<UpcomingView>()(z.strictObject({ ...window, withinDays: z.int().min(0).max(3650).default(30) })),
  /** The Dashboard: getting-started steps, what to do next in order of consequence, and the cards (agreements, incidents, risks, evidence). */
  'calendar.dashboard': defineCall<DashboardView>()(z.strictObject({ ...window, withinDays: z.int().min(0).max(3650).default(30) })),
  'calendar.definitions': defineCall<CalendarDefinitionView[]>()(z.strictObject({})),
  /** Records that a recurring duty (risk analysis, training, a scan…) was done; its next due date moves on. */
  'calendar.recordCompletion': defineCall<CalendarDefinitionView>()(
    z.strictObject({ definitionId: z.string().min(1).max(60), doneOn: isoDate, note: z.string().trim().max(1000).default('') })
  ),
  /**
   * Shows one desktop notification, through the host, of what the Dashboard lists to do next within `withinDays`
   * (default 7), and returns the same items. The renderer calls it once when a workspace opens.
   */
  'calendar.notifyDue': defineCall<DueNotificationView>()(z.strictObject({ ...window, withinDays: z.int().min(0).max(365).default(7) })),
  /** Writes the calendar as an iCalendar file. Without a path, asks with the host's save dialog; null when cancelled. */
  'calendar.exportIcs': defineCall<{ path: string; events: number } | null>()(
    z.strictObject({
      ...window,
      path: filePathSchema().optional(),
      reminderDaysBefore: z.int().min(0).max(90).optional()
    })
  )
}
