import { describe, expect, it } from 'vitest'
import { dueText } from '../../main/shared/due-text'
import { daysFrom, dueText as rendererDueText } from '../../renderer/src/components/due-text'
import { daysBetween } from '../../main/shared/dates'

describe('due wording', () => {
  it('says today, tomorrow, in N days and N days overdue', () => {
    expect(dueText(0)).toBe('Due today')
    expect(dueText(1)).toBe('Due tomorrow')
    expect(dueText(3)).toBe('Due in 3 days')
    expect(dueText(-1)).toBe('1 day overdue')
    expect(dueText(-5)).toBe('5 days overdue')
    expect(dueText(2190)).toBe('Due in 2,190 days')
    expect(() => dueText(1.5)).toThrow(/whole number/)
  })

  it('the renderer says the same words as the main side', () => {
    // The renderer may not import main/, so it keeps a copy; every day within two years either side must read the same.
    for (let days = -730; days <= 730; days += 1) expect(rendererDueText(days), `days left ${days}`).toBe(dueText(days))
  })

  it('the renderer counts days between dates as the main side does, across month ends, leap days and clock changes', () => {
    const from = ['2024-02-28', '2026-03-08', '2026-10-31', '2026-12-31']
    const to = ['2024-03-01', '2026-03-09', '2026-11-02', '2027-01-01', '2025-12-31', '2030-06-15']
    for (const a of from) for (const b of to) expect(daysFrom(a, b), `${a} → ${b}`).toBe(daysBetween(a, b))
  })
})
