/**
 * A calendar date (YYYY-MM-DD) in the computer's locale, as its date inputs show it (numeric day, month and
 * year: 05/09/2026 in the US, 09/05/2026 in the UK), so tables and inputs read the same. Built in UTC so the
 * machine's time zone cannot move the day. Anything that is not a date is shown as it came.
 */
const format = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' })

export function formatDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) return date
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))))
}
