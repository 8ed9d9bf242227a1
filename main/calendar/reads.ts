/**
 * What other features read of the calendar: the workspace's dated duties, the Dashboard's order of what to do next,
 * and the iCalendar writer (the portfolio reads each client's calendar with these and names every entry by client).
 */
export { workspaceCalendar } from './workspace-calendar'
export { riskIdsByKey, toCalendarEntry, type CalendarEntry } from './calendar-entries'
export { nextSteps } from './dashboard/next-steps'
export { AGREEMENT_WINDOW_DAYS } from './dashboard/read-dashboard'
export { calendarToICalendar } from './calendar-ics'
export type { CalendarItem } from './calendar'
