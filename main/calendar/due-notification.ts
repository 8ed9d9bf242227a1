import { formatCount, plural } from '../shared/count-text'
import type { CalendarEntry } from './calendar-entries'
import { isBreachNotice } from './dashboard/next-steps'

/** How many items the notification names; the rest are counted. */
const NAMED = 3

/**
 * The words of the desktop notification shown when a workspace opens, for the Dashboard's "what to do next" within
 * the window (`next`, already in its order: breach notices, overdue, then by days left). Each item reads as on the
 * Dashboard ("Due today", "5 days overdue"). Null when nothing is waiting, so no notification is shown.
 */
export function dueNotificationText(next: readonly CalendarEntry[], withinDays: number): { title: string; body: string } | null {
  if (next.length === 0) return null
  const notices = next.filter(isBreachNotice).length
  const overdue = next.filter(entry => !isBreachNotice(entry) && entry.daysLeft < 0).length
  const coming = next.length - notices - overdue
  const parts = [
    notices > 0 ? `${plural(notices, 'breach notice')} to give` : '',
    overdue > 0 ? `${formatCount(overdue)} overdue` : '',
    coming > 0 ? (withinDays === 0 ? `${formatCount(coming)} due today` : `${formatCount(coming)} due within ${plural(withinDays, 'day')}`) : ''
  ].filter(Boolean)
  const named = next.slice(0, NAMED).map(entry => `${entry.title} — ${entry.dueText}`)
  const more = next.length > NAMED ? [`…and ${formatCount(next.length - NAMED)} more on the Dashboard`] : []
  return { title: `What to do next: ${parts.join(', ')}`, body: [...named, ...more].join('\n') }
}
