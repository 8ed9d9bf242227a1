import type { CalendarItem } from './calendar'
import { writeICalendar } from './ics'

export const SAFEGUARD_PRODUCT_ID = '-//Safeguard//Compliance calendar//EN'
/** Makes UIDs globally unique as RFC 5545 asks, while staying stable per duty. */
const UID_DOMAIN = 'safeguard.invalid'

export interface CalendarExportOptions {
  generatedAt: string
  /** Distinguishes workspaces so two clients' calendars never share UIDs. */
  workspaceId: string
  name?: string
  reminderDaysBefore?: number
}

const STATUS_WORDS: Record<CalendarItem['status'], string> = {
  overdue: 'OVERDUE',
  'due-soon': 'Due soon',
  upcoming: 'Upcoming',
  done: 'Done',
  'done-late': 'Done late',
  'retention-ended': 'Retention period ended',
  proposed: 'Proposed — not in force'
}

/** The compliance calendar as an .ics file: one all-day event per item on its due date. */
export function calendarToICalendar(items: readonly CalendarItem[], options: CalendarExportOptions): string {
  return writeICalendar({
    productId: SAFEGUARD_PRODUCT_ID,
    name: options.name ?? 'Safeguard compliance deadlines',
    generatedAt: options.generatedAt,
    events: items.map(item => {
      const labels = [
        `Status: ${STATUS_WORDS[item.status]}${item.doneOn ? ` (${item.doneOn})` : ''}`,
        `Citation: ${item.citation}`,
        item.proposed ? 'From the proposed Security Rule (not in force).' : '',
        item.checkWithCounsel ? 'Check with counsel.' : '',
        item.basis
      ].filter(line => line !== '')
      const reminder =
        options.reminderDaysBefore !== undefined &&
        item.status !== 'done' &&
        item.status !== 'done-late' &&
        item.status !== 'proposed' && // no alarm for a duty not in force
        item.kind !== 'retention-ends'
          ? { reminderDaysBefore: options.reminderDaysBefore }
          : {}
      return {
        uid: `${item.uid}.${options.workspaceId}@${UID_DOMAIN}`,
        date: item.dueOn,
        summary: item.title,
        description: labels.join('\n'),
        categories: ['Safeguard', item.kind],
        ...reminder
      }
    })
  })
}
