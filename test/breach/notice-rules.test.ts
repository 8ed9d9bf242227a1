import { describe, expect, it } from 'vitest'
import { computeBreachObligations } from '../../main/breach/obligations'
import type { NoticeDone } from '../../main/breach/notice-schema'
import { incident, only } from './helpers'

/** Issue 15, notices as given. Every date below is worked out by hand. */

// Discovered Sunday 1 March 2026, 600 in Georgia: 500 or more, so HHS at once; the 60-day limit is Thursday 30 April.
const large = incident({ discoveredOn: '2026-03-01', affectedByState: { GA: 600 } })
const assess = (notices: NoticeDone[], asOf = '2026-04-20', which = large) => computeBreachObligations(which, { asOf, noticesDone: notices })

describe('the HHS notice for 500 or more follows the letters (45 CFR 164.408(b), "contemporaneously with")', () => {
  it('stays on the 60-day limit until the notice to individuals is recorded, and says it will move', () => {
    const hhs = only(assess([]), 'hhs')
    expect(hhs.dueOn).toBe('2026-04-30')
    expect(hhs.basis).toMatch(/"contemporaneously with" the notice to individuals: once that notice is recorded, this date moves/)
  })

  it('is due the day the first letters went out, marked as an interpretation to check with counsel', () => {
    // Letters on Friday 10 April, more on the 14th: HHS is due 10 April, twenty days before the limit.
    const result = assess([
      { kind: 'individuals', doneOn: '2026-04-14', method: 'written' },
      { kind: 'individuals', doneOn: '2026-04-10', method: 'written' }
    ])
    const hhs = only(result, 'hhs')
    expect(hhs).toMatchObject({ dueOn: '2026-04-10', status: 'overdue', checkWithCounsel: true })
    expect(hhs.basis).toMatch(/recorded as sent on 2026-04-10, so HHS is due the same day .*the 60-day limit was 2026-04-30/)
    expect(
      only(
        assess([
          { kind: 'individuals', doneOn: '2026-04-10', method: 'written' },
          { kind: 'hhs', doneOn: '2026-04-10' }
        ]),
        'hhs'
      ).status
    ).toBe('done')
  })

  it('never moves past the 60-day limit when the letters are late', () => {
    const hhs = only(assess([{ kind: 'individuals', doneOn: '2026-05-05', method: 'written' }], '2026-05-06'), 'hhs')
    expect(hhs.dueOn).toBe('2026-04-30')
    expect(hhs.basis).toMatch(/sent on 2026-05-05, after the limit of 2026-04-30, so HHS stays due on that limit/)
  })

  it('does not move for an urgent call alone, nor for a small breach logged annually', () => {
    expect(only(assess([{ kind: 'individuals', doneOn: '2026-04-02', method: 'urgent-telephone' }]), 'hhs').dueOn).toBe('2026-04-30')
    const small = computeBreachObligations(incident({ discoveredOn: '2026-03-01', affectedByState: { GA: 40 } }), {
      asOf: '2026-04-20',
      noticesDone: [{ kind: 'individuals', doneOn: '2026-04-10', method: 'written' }]
    })
    // 31 December 2026 + 60 days = 1 March 2027.
    expect(only(small, 'hhs-annual-log').dueOn).toBe('2027-03-01')
  })

  it('moves a state notice counted from HHS with it (New York: 5 business days after HHS)', () => {
    // 600 New Yorkers, discovered 10 March; letters Tuesday 14 April, so HHS is due then and the Attorney General
    // 5 business days later: Wed 15, Thu 16, Fri 17, Mon 20, Tue 21 April (not 15 May, from the limit of 9 May).
    const newYork = incident({ discoveredOn: '2026-03-10', affectedByState: { NY: 600 } })
    const ag = only(assess([{ kind: 'individuals', doneOn: '2026-04-14', method: 'written' }], '2026-04-15', newYork), 'state-regulator:NY:after-hhs')
    expect(ag.dueOn).toBe('2026-04-21')
    expect(ag.basis).toMatch(/counted from its due date \(2026-04-14\)/)
  })
})

describe('urgent telephone notice is in addition to written notice (45 CFR 164.404(d)(3))', () => {
  it('never completes the notice to individuals alone; the basis says the letters are still due', () => {
    const called = only(assess([{ kind: 'individuals', doneOn: '2026-04-02', method: 'urgent-telephone' }]), 'individuals')
    expect(called.status).toBe('due')
    expect(called.doneOn).toBeUndefined()
    expect(called.basis).toMatch(/urgent telephone notice is recorded on 2026-04-02; .*the written notice is still due/)
    const written = only(
      assess([
        { kind: 'individuals', doneOn: '2026-04-02', method: 'urgent-telephone' },
        { kind: 'individuals', doneOn: '2026-04-06', method: 'written' }
      ]),
      'individuals'
    )
    expect(written).toMatchObject({ status: 'done', doneOn: '2026-04-06', method: 'written' })
    expect(written.basis).not.toMatch(/still due/)
  })
})

describe('substitute notice guidance from the count lacking contact details (45 CFR 164.404(d)(2))', () => {
  it('10 or more: a 90-day website posting or major media, with a toll-free number, and whether one is recorded', () => {
    const letters: NoticeDone = { kind: 'individuals', doneOn: '2026-04-06', method: 'written', missingContactCount: 12 }
    const owed = only(assess([letters]), 'individuals').basis
    expect(owed).toMatch(/12 people have missing or out-of-date contact details, 10 or more/)
    expect(owed).toMatch(/home page of your website for 90 days or conspicuous notice in major print or broadcast media/)
    expect(owed).toMatch(/toll-free number active for at least 90 days/)
    expect(owed).toMatch(/No substitute notice is recorded yet\.$/)
    const posted = only(
      assess([letters, { kind: 'individuals', doneOn: '2026-04-08', method: 'substitute-web', missingContactCount: 12, postedUntil: '2026-07-07' }]),
      'individuals'
    ).basis
    expect(posted).toMatch(/Substitute notice recorded: website posting for 90 days from 2026-04-08 until 2026-07-07\.$/)
  })

  it('fewer than 10: another written form, telephone or other means; none said when nobody lacks details', () => {
    const few = only(assess([{ kind: 'individuals', doneOn: '2026-04-06', method: 'written', missingContactCount: 3 }]), 'individuals').basis
    expect(few).toMatch(/3 people have missing or out-of-date contact details, fewer than 10: substitute notice by another written form, telephone/)
    expect(few).not.toMatch(/90 days/)
    expect(only(assess([{ kind: 'individuals', doneOn: '2026-04-06', method: 'written' }]), 'individuals').basis).not.toMatch(/substitute/i)
  })
})
