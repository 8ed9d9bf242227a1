import { describe, expect, it } from 'vitest'
import type { CalendarItem } from '../../main/calendar/calendar'
import { toCalendarEntry, type CalendarEntry } from '../../main/calendar/calendar-entries'
import { byConsequence, neverDoneDuties, nextSteps } from '../../main/calendar/dashboard/next-steps'
import { timeStatus } from '../../main/calendar/calendar'

const asOf = '2026-04-15'

function entry(uid: string, dueOn: string, options: Partial<CalendarItem> = {}): CalendarEntry {
  const item: CalendarItem = {
    uid,
    kind: 'test',
    title: uid,
    dueOn,
    citation: '45 CFR 164.308(a)(1)',
    status: timeStatus(dueOn, asOf, 30),
    basis: '',
    certainty: 'confirmed',
    proposed: false,
    checkWithCounsel: false,
    source: { type: 'recurring', id: uid },
    ...options
  }
  return toCalendarEntry(item, asOf)
}

describe('the dashboard order of consequence', () => {
  const breachLater = entry('breach-in-50', '2026-06-04', { source: { type: 'incident', id: '1' }, kind: 'individuals' })
  const breachSoon = entry('breach-in-5', '2026-04-20', { source: { type: 'incident', id: '2' }, kind: 'hhs' })
  const overdueLong = entry('overdue-20', '2026-03-26', { source: { type: 'business-associate', id: '3' } })
  const overdueShort = entry('overdue-1', '2026-04-14')
  const today = entry('today', '2026-04-15')
  const inTen = entry('in-10', '2026-04-25')

  it('breach notices first whatever their date, then overdue (most overdue first), then by days left', () => {
    const sorted = [inTen, today, overdueShort, breachLater, overdueLong, breachSoon].sort(byConsequence)
    expect(sorted.map(e => e.uid)).toEqual(['breach-in-5', 'breach-in-50', 'overdue-20', 'overdue-1', 'today', 'in-10'])
  })

  it('lists open items within the window, every open breach notice, and counts the rest as later', () => {
    const farDuty = entry('in-200', '2026-11-01')
    const done = entry('done', '2026-04-01', { status: 'done', source: { type: 'incident', id: '4' } })
    const retention = entry('retention', '2026-04-20', { kind: 'retention-ends' })
    const neverDone = entry('never', '2026-01-10', { neverDone: true })
    const result = nextSteps([farDuty, done, retention, neverDone, inTen, breachLater, overdueShort], 30)
    expect(result.next.map(e => e.uid)).toEqual(['breach-in-50', 'overdue-1', 'in-10'])
    expect(result.later).toBe(1)
    expect(neverDoneDuties([farDuty, neverDone, inTen]).map(e => e.uid)).toEqual(['never'])
  })

  it('entries carry days left from the workspace today, the same words everywhere, and the record they open', () => {
    expect([breachSoon.daysLeft, breachSoon.dueText, breachSoon.link]).toEqual([5, 'Due in 5 days', { kind: 'incident', id: '2' }])
    expect([overdueLong.daysLeft, overdueLong.dueText, overdueLong.link]).toEqual([-20, '20 days overdue', { kind: 'business-associate', id: '3' }])
    expect([today.dueText, today.link]).toEqual(['Due today', { kind: 'recurring-duty', id: 'today' }])
    const retention = entry('retention-x', '2032-01-01', { kind: 'retention-ends', source: { type: 'document', id: 'incident-7' } })
    expect(retention.link).toBeNull()
    const linked = entry('retention-y', '2032-01-01', { source: { type: 'document', id: 'incident-7' }, recordLink: { kind: 'incident', id: '7' } })
    expect(linked.link).toEqual({ kind: 'incident', id: '7' })
  })
})
