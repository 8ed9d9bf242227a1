/**
 * Dates and times as a person reads them, in the computer's locale, as its date inputs show them (numeric day,
 * month and year: 05/09/2026 in the US, 09/05/2026 in the UK, 09.05.2026 in Germany), so tables, panels and inputs
 * read the same. Values sent to the API stay YYYY-MM-DD. `locale` is for tests; screens leave it out.
 */

const DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' }
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

// A table formats hundreds of dates: one formatter per locale. A calendar date is built and shown in UTC, so the
// machine's time zone cannot move the day.
const dateFormats = new Map<string, Intl.DateTimeFormat>()
function dateFormat(locale: string | undefined): Intl.DateTimeFormat {
  let found = dateFormats.get(locale ?? '')
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...DATE, timeZone: 'UTC' })
    dateFormats.set(locale ?? '', found)
  }
  return found
}

/** A calendar date (YYYY-MM-DD) in the locale. Anything that is not one is shown as it came. */
export function formatDate(date: string, locale?: string): string {
  const match = DATE_ONLY.exec(date)
  if (!match) return date
  const utc = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  // Date.UTC rolls 2026-02-30 over into March: a date that does not exist is shown as it came, not as another day.
  if (utc.getUTCMonth() !== Number(match[2]) - 1 || utc.getUTCDate() !== Number(match[3])) return date
  return dateFormat(locale).format(utc)
}

/**
 * An instant (an ISO timestamp such as a backup's or an import's) as the local date and time in the locale. A bare
 * calendar date is shown as one (never shifted by the zone); anything unreadable is shown as it came.
 */
export function formatDateTime(instant: string, locale?: string): string {
  if (DATE_ONLY.test(instant)) return formatDate(instant, locale)
  const date = new Date(instant)
  if (Number.isNaN(date.getTime())) return instant
  // Built each time, not kept: it takes the machine's time zone when built, and that can change while the app runs.
  return new Intl.DateTimeFormat(locale, { ...DATE, hour: '2-digit', minute: '2-digit' }).format(date)
}
