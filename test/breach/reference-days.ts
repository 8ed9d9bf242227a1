/**
 * A second, independent day count for checking the engine: integer
 * arithmetic on days since 1970-01-01 (Howard Hinnant's civil-date
 * algorithms), no Temporal, no Date. Used only by tests.
 */

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return [month <= 2 ? era * 400 + yearOfEra + 1 : era * 400 + yearOfEra, month, day]
}

export function toEpochDay(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number]
  return daysFromCivil(year, month, day)
}

export function fromEpochDay(days: number): string {
  const [year, month, day] = civilFromDays(days)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (epochDay: number): number => (((epochDay + 4) % 7) + 7) % 7

export const referenceAddDays = (iso: string, days: number): string => fromEpochDay(toEpochDay(iso) + days)

/** Business days by counting weekdays one by one from the epoch-day number. */
export function referenceAddBusinessDays(iso: string, count: number): string {
  let day = toEpochDay(iso)
  let counted = 0
  while (counted < count) {
    day += 1
    const weekday = weekdayOf(day)
    if (weekday !== 0 && weekday !== 6) counted += 1
  }
  return fromEpochDay(day)
}

/** Gregorian leap-year rule, written out. */
export const referenceIsLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** 60 days after 31 December of `year`, by month lengths: all of January (31) plus February, then into March. */
export function referenceAnnualLogDue(year: number): string {
  const next = year + 1
  const february = referenceIsLeap(next) ? 29 : 28
  const remaining = 60 - 31
  return remaining <= february ? `${next}-02-${String(remaining).padStart(2, '0')}` : `${next}-03-${String(remaining - february).padStart(2, '0')}`
}
