import { Temporal } from 'temporal-polyfill'
import type { IsoDate } from './dates'

/**
 * The calendar date of an instant where the user is. "As of today" means the
 * user's own date, so this is the one place a time zone enters: everything
 * after it works on plain dates.
 */
export function localDateOf(instant: string, timeZone: string = Temporal.Now.timeZoneId()): IsoDate {
  return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString()
}
