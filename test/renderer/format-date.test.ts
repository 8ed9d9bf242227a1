import { afterEach, describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from '../../renderer/src/components/format-date'

// Each test file runs in its own process (pool: 'forks'), where setting TZ moves the zone of new dates at once.
const startZone = process.env.TZ
function inZone(zone: string): void {
  process.env.TZ = zone
}
afterEach(() => {
  if (startZone === undefined) delete process.env.TZ
  else process.env.TZ = startZone
})

/** Every day of a leap year and the year after, as YYYY-MM-DD with its parts. */
function everyDay(): { iso: string; year: string; month: string; day: string }[] {
  const days = []
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2026, 0, 1); t += 86_400_000) {
    const iso = new Date(t).toISOString().slice(0, 10)
    days.push({ iso, year: iso.slice(0, 4), month: iso.slice(5, 7), day: iso.slice(8, 10) })
  }
  return days
}

describe('formatDate', () => {
  it('follows the locale it is given: month first in the US, day first in the UK, dots in Germany', () => {
    const shown = ['en-US', 'en-GB', 'de-DE'].map(locale => formatDate('2026-05-09', locale))
    expect(shown).toEqual(['05/09/2026', '09/05/2026', '09.05.2026'])
    expect(new Set(shown).size).toBe(3)
  })

  it('shows anything that is not a calendar date as it came, including a day that does not exist', () => {
    for (const value of ['', 'soon', '2026-5-9', '2026-02-30', '2026-13-01', '2026-05-09T10:00:00Z']) expect(formatDate(value, 'en-US')).toBe(value)
    expect(formatDate('2024-02-29', 'en-US')).toBe('02/29/2024')
  })

  it.each(['Pacific/Auckland', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])(
    'never moves a calendar date by the time zone (TZ=%s)',
    zone => {
      inZone(zone)
      // The zone really is far from UTC (UTC+12 or more, UTC−8 or less): a date read as midnight in the wrong zone would move a day.
      expect(Math.abs(new Date(2026, 0, 1).getTimezoneOffset())).toBeGreaterThanOrEqual(480)
      for (const d of everyDay()) {
        expect(formatDate(d.iso, 'en-US'), d.iso).toBe(`${d.month}/${d.day}/${d.year}`)
        expect(formatDate(d.iso, 'en-GB'), d.iso).toBe(`${d.day}/${d.month}/${d.year}`)
      }
    }
  )
})

describe('formatDateTime', () => {
  it('shows an instant as the local date and time in the locale', () => {
    inZone('America/Los_Angeles')
    expect(formatDateTime('2026-05-09T23:30:00Z', 'en-GB')).toBe('09/05/2026, 16:30')
    expect(formatDateTime('2026-05-09T23:30:00Z', 'en-US')).toBe('05/09/2026, 04:30 PM')
    inZone('Pacific/Auckland')
    // Already the next morning in Auckland.
    expect(formatDateTime('2026-05-09T23:30:00Z', 'en-GB')).toBe('10/05/2026, 11:30')
    expect(formatDateTime('2026-05-09T23:30:00Z', 'de-DE')).toBe('10.05.2026, 11:30')
  })

  it('shows a bare calendar date as a date, unmoved, and anything unreadable as it came', () => {
    inZone('America/Los_Angeles')
    expect(formatDateTime('2026-05-09', 'en-US')).toBe('05/09/2026')
    expect(formatDateTime('not a time', 'en-US')).toBe('not a time')
  })
})
