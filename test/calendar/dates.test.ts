import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addBusinessDays,
  addDays,
  addFullYears,
  addMonths,
  compareDates,
  daysBetween,
  isIsoDate,
  isLeapYear,
  toPlainDate
} from '../../main/shared/dates'
import { fromEpochDay, referenceAddBusinessDays, referenceAddDays, referenceIsLeap, toEpochDay, weekdayOf } from '../breach/reference-days'

const anyIsoDate = fc.integer({ min: toEpochDay('1900-01-01'), max: toEpochDay('2400-12-31') }).map(fromEpochDay)

describe('calendar dates', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2027-02-29')).toBe(false)
    expect(isIsoDate('2026-13-01')).toBe(false)
    expect(isIsoDate('2026-1-5')).toBe(false)
    expect(isIsoDate('2026-01-05T00:00')).toBe(false)
    expect(isIsoDate(20260105)).toBe(false)
    expect(() => toPlainDate('2026-02-30', 'discoveredOn')).toThrow(/discoveredOn: "2026-02-30" is not a calendar date/)
  })

  it('adds calendar days across month, year and leap-day boundaries (worked by hand)', () => {
    expect(addDays('2026-01-01', 60)).toBe('2026-03-02')
    expect(addDays('2026-12-31', 60)).toBe('2027-03-01')
    expect(addDays('2027-12-31', 60)).toBe('2028-02-29')
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01')
  })

  it('counts business days Monday to Friday (worked by hand)', () => {
    // 2026-03-10 is a Tuesday; the 14th weekday after it is Monday 30 March.
    expect(addBusinessDays('2026-03-10', 14)).toBe('2026-03-30')
    // Friday + 1 business day = Monday; Saturday + 1 = Monday.
    expect(addBusinessDays('2026-03-13', 1)).toBe('2026-03-16')
    expect(addBusinessDays('2026-03-14', 1)).toBe('2026-03-16')
    // Over the year end (holidays such as 1 January are not skipped).
    expect(addBusinessDays('2026-12-31', 5)).toBe('2027-01-07')
    expect(addBusinessDays('2026-03-10', 0)).toBe('2026-03-10')
    expect(() => addBusinessDays('2026-03-10', -1)).toThrow(/whole number/)
  })

  it('adds months by clamping to the month end, and full years by never cutting a period short', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28')
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29')
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15')
    expect(addFullYears('2024-02-29', 6)).toBe('2030-03-01')
    expect(addFullYears('2024-02-29', 4)).toBe('2028-02-29')
    expect(addFullYears('2026-06-30', 6)).toBe('2032-06-30')
  })

  it('agrees with an independent epoch-day computation for adding days', () => {
    fc.assert(
      fc.property(anyIsoDate, fc.integer({ min: -800, max: 800 }), (date, days) => {
        expect(addDays(date, days)).toBe(referenceAddDays(date, days))
        expect(daysBetween(date, addDays(date, days))).toBe(days)
      })
    )
  })

  it('agrees with an independent weekday walk for business days', () => {
    fc.assert(
      fc.property(anyIsoDate, fc.integer({ min: 0, max: 40 }), (date, count) => {
        const result = addBusinessDays(date, count)
        expect(result).toBe(referenceAddBusinessDays(date, count))
        if (count > 0) expect([0, 6]).not.toContain(weekdayOf(toEpochDay(result)))
      })
    )
  })

  it('agrees with the written-out Gregorian leap-year rule and orders dates like epoch days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1600, max: 2800 }), year => {
        expect(isLeapYear(year)).toBe(referenceIsLeap(year))
      })
    )
    fc.assert(
      fc.property(anyIsoDate, anyIsoDate, (a, b) => {
        expect(compareDates(a, b)).toBe(Math.sign(toEpochDay(a) - toEpochDay(b)))
      })
    )
  })
})
