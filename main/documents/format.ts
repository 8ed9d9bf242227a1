/** Formatting shared by the documents. Dates are calendar dates ('YYYY-MM-DD'), never instants. */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function parseCalendarDate(date: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new Error(`Not a calendar date (YYYY-MM-DD): ${date}`)
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
}

/** '2026-03-05' → '5 March 2026'. */
export function formatLongDate(date: string): string {
  const { year, month, day } = parseCalendarDate(date)
  return `${day} ${MONTHS[month - 1]} ${year}`
}

export { formatCount, plural } from '../shared/count-text'

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** '2026-09-30' → '30 Sep 2026', for narrow table columns. */
export function formatShortDate(date: string): string {
  const { year, month, day } = parseCalendarDate(date)
  return `${day} ${SHORT_MONTHS[month - 1]} ${year}`
}
