import { Temporal } from 'temporal-polyfill'

/**
 * Calendar-date arithmetic on 'YYYY-MM-DD' strings.
 *
 * Legal deadlines are calendar dates, not instants: everything here goes
 * through Temporal.PlainDate, which has no time of day and no time zone, so a
 * result never depends on the machine's TZ (JS Date local-time math would).
 */
export type IsoDate = string

const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE_SHAPE.test(value)) return false
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' })
    return true
  } catch {
    return false
  }
}

/** Parses a strict 'YYYY-MM-DD' date; `where` names the field in the error. */
export function toPlainDate(value: IsoDate, where = 'date'): Temporal.PlainDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`${where}: "${String(value)}" is not a calendar date in the form YYYY-MM-DD`)
  }
  return Temporal.PlainDate.from(value, { overflow: 'reject' })
}

export const fromPlainDate = (date: Temporal.PlainDate): IsoDate => date.toString()

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromPlainDate(toPlainDate(date).add({ days }))
}

/**
 * Adds calendar months; a day that does not exist in the target month moves
 * back to that month's last day (31 Aug + 6 months = 28/29 Feb), which is the
 * earlier, safer choice for a recurring duty.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  return fromPlainDate(toPlainDate(date).add({ months }, { overflow: 'constrain' }))
}

/**
 * Adds years for a period that must be served in full (record retention):
 * 29 February + N years lands on 1 March when the target year has no
 * 29 February, so the period is never cut short by a day.
 */
export function addFullYears(date: IsoDate, years: number): IsoDate {
  const start = toPlainDate(date)
  const shifted = start.add({ years }, { overflow: 'constrain' })
  return fromPlainDate(shifted.day < start.day ? shifted.add({ days: 1 }) : shifted)
}

const SATURDAY = 6
const SUNDAY = 7

export function isWeekend(date: IsoDate): boolean {
  const dayOfWeek = toPlainDate(date).dayOfWeek
  return dayOfWeek === SATURDAY || dayOfWeek === SUNDAY
}

/**
 * The date `count` business days after `date`, counting Monday to Friday only.
 * Public holidays, federal or state, are NOT skipped (no holiday calendar ships
 * with the app), so the real deadline can be later than this one; callers must
 * say so, and a state row counted this way says "check with counsel".
 */
export function addBusinessDays(date: IsoDate, count: number): IsoDate {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`business days must be a whole number ≥ 0, got ${count}`)
  let current = toPlainDate(date)
  let remaining = count
  while (remaining > 0) {
    current = current.add({ days: 1 })
    if (current.dayOfWeek !== SATURDAY && current.dayOfWeek !== SUNDAY) remaining -= 1
  }
  return fromPlainDate(current)
}

export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return Temporal.PlainDate.compare(toPlainDate(a), toPlainDate(b)) as -1 | 0 | 1
}

export const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) >= 0 ? a : b)
export const earlierOf = (a: IsoDate, b: IsoDate): IsoDate => (compareDates(a, b) <= 0 ? a : b)

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toPlainDate(from).until(toPlainDate(to), { largestUnit: 'days' }).days
}

export const yearOf = (date: IsoDate): number => toPlainDate(date).year

export function lastDayOfYear(year: number): IsoDate {
  return fromPlainDate(Temporal.PlainDate.from({ year, month: 12, day: 31 }))
}

export const isLeapYear = (year: number): boolean => Temporal.PlainDate.from({ year, month: 1, day: 1 }).inLeapYear
