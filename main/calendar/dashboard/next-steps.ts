import type { CalendarEntry } from '../calendar-entries'

/**
 * The Dashboard's order of consequence. A missed breach notice has penalties and a clock set by law, so every
 * open notice comes first, whatever its date; then whatever is overdue; then the rest by days left. Done items,
 * retention ends (a day disposal is allowed, not a duty) and recurring duties never recorded as done (their date
 * is only the workspace's first day; the "set up your calendar" step stands for them) are left out.
 */

const isOpen = (entry: CalendarEntry) => entry.status === 'overdue' || entry.status === 'due-soon' || entry.status === 'upcoming'
export const isBreachNotice = (entry: CalendarEntry) => entry.source.type === 'incident'

function rank(entry: CalendarEntry): number {
  if (isBreachNotice(entry)) return 0
  return entry.daysLeft < 0 ? 1 : 2
}

export function byConsequence(a: CalendarEntry, b: CalendarEntry): number {
  return rank(a) - rank(b) || a.daysLeft - b.daysLeft || a.uid.localeCompare(b.uid)
}

/** What to do next within `withinDays`, in order of consequence, and how many open items fall later. */
export function nextSteps(entries: readonly CalendarEntry[], withinDays: number): { next: CalendarEntry[]; later: number } {
  const open = entries.filter(entry => isOpen(entry) && entry.kind !== 'retention-ends' && !entry.neverDone)
  const listed = open.filter(entry => isBreachNotice(entry) || entry.daysLeft <= withinDays)
  return { next: [...listed].sort(byConsequence), later: open.length - listed.length }
}

/** Recurring duties with no completion recorded, for the single "set up your calendar" step. */
export function neverDoneDuties(entries: readonly CalendarEntry[]): CalendarEntry[] {
  return entries.filter(entry => entry.neverDone === true)
}
