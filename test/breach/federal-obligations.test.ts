import { describe, expect, it } from 'vitest'
import { annualLogDueOn } from '../../main/breach/federal-obligations'
import { computeBreachObligations, parseIncident } from '../../main/breach/obligations'
import { ids, incident, only } from './helpers'

// Georgia and Alaska have no row in the state table, so these cases isolate the federal rules.
const asOf = '2026-03-01'

describe('notice to individuals (164.404(b))', () => {
  it('is due 60 calendar days after discovery, weekends included', () => {
    // Jan 15 + 16 days = Jan 31, + 28 = Feb 28 (44 days), + 16 = Mar 16 (60).
    const result = computeBreachObligations(incident({ discoveredOn: '2026-01-15' }), { asOf })
    const individuals = only(result, 'individuals')
    expect(individuals.dueOn).toBe('2026-03-16')
    expect(individuals.citation).toBe('45 CFR 164.404(b)')
    expect(individuals.certainty).toBe('confirmed')
    expect(individuals.basis).toMatch(/without unreasonable delay/)
  })

  it('crosses the year end: discovered 31 December', () => {
    // Dec 31 + 31 = Jan 31, + 28 = Feb 28 (59), + 1 = Mar 1.
    expect(only(computeBreachObligations(incident({ discoveredOn: '2026-12-31' }), { asOf }), 'individuals').dueOn).toBe('2027-03-01')
    // 2028 is a leap year: Jan 31 2028 (31), Feb 29 2028 (60).
    expect(only(computeBreachObligations(incident({ discoveredOn: '2027-12-31' }), { asOf }), 'individuals').dueOn).toBe('2028-02-29')
  })
})

describe('HHS: 500 or more in total is immediate, fewer goes in the annual log (164.408)', () => {
  it.each([
    [{ GA: 499 }, ['hhs-annual-log', 'individuals']],
    [{ GA: 500 }, ['hhs', 'individuals']],
    [{ GA: 501 }, ['hhs', 'individuals', 'media:GA']],
    [{ GA: 250, AK: 249 }, ['hhs-annual-log', 'individuals']],
    [{ GA: 250, AK: 250 }, ['hhs', 'individuals']],
    [{ GA: 300, AK: 201 }, ['hhs', 'individuals']]
  ])('%j → %j', (affectedByState, expected) => {
    expect(ids(computeBreachObligations(incident({ affectedByState }), { asOf }))).toEqual(expected)
  })

  it('the immediate HHS notice shares the 60-day limit', () => {
    const result = computeBreachObligations(incident({ discoveredOn: '2026-03-01', affectedByState: { GA: 500 } }), { asOf })
    expect(only(result, 'hhs').dueOn).toBe('2026-04-30')
    expect(only(result, 'hhs').citation).toBe('45 CFR 164.408(b)')
  })

  it.each([
    ['2025-06-10', '2026-03-01'],
    ['2027-06-01', '2028-02-29'],
    ['2023-12-31', '2024-02-29'],
    ['2026-01-01', '2027-03-01'],
    ['2026-12-31', '2027-03-01'],
    // 2100 is not a leap year (divisible by 100, not by 400). 2400 is, but lies past the years an
    // incident date may have (to 2200), so it is checked on the annual-log rule itself below.
    ['2099-05-05', '2100-03-01']
  ])('small breach discovered %s: annual log due %s', (discoveredOn, dueOn) => {
    const log = only(computeBreachObligations(incident({ discoveredOn, affectedByState: { GA: 12 } }), { asOf }), 'hhs-annual-log')
    expect(log.dueOn).toBe(dueOn)
    expect(log.citation).toBe('45 CFR 164.408(c)')
  })

  it('the annual log for 2399 is due 29 February 2400 (a leap year: divisible by 400)', () => {
    expect(annualLogDueOn(2399)).toBe('2400-02-29')
  })

  it('a breach with no count yet still goes in the annual log', () => {
    expect(ids(computeBreachObligations(incident({ affectedByState: {} }), { asOf }))).toEqual(['hhs-annual-log', 'individuals'])
  })
})

describe('media: more than 500 residents of one state, checked per state (164.406)', () => {
  it.each([
    [{ GA: 500, AK: 500 }, []],
    [{ GA: 501, AK: 500 }, ['media:GA']],
    [{ GA: 501, AK: 900, NJ: 12 }, ['media:AK', 'media:GA']]
  ])('%j → %j', (affectedByState, expected) => {
    const result = computeBreachObligations(incident({ affectedByState }), { asOf })
    expect(
      result.obligations
        .filter(o => o.kind === 'media')
        .map(o => o.id)
        .sort()
    ).toEqual(expected)
  })

  it('names the jurisdiction and shares the 60-day limit', () => {
    const media = only(computeBreachObligations(incident({ affectedByState: { GA: 501 } }), { asOf }), 'media:GA')
    expect(media).toMatchObject({ kind: 'media', jurisdiction: 'GA', dueOn: '2026-04-30', citation: '45 CFR 164.406' })
    expect(media.recipient).toMatch(/Georgia/)
  })
})

describe('secured PHI and low-probability assessments need no notice', () => {
  it('secured PHI: no obligations, and says why', () => {
    const result = computeBreachObligations(incident({ unsecuredPhi: false, affectedByState: { CA: 10_000, TX: 5_000 } }), { asOf })
    expect(result.notificationRequired).toBe(false)
    expect(result.obligations).toEqual([])
    expect(result.reason).toMatch(/encrypted/)
    expect(result.reason).toMatch(/164\.402/)
    expect(result.totalAffected).toBe(15_000)
  })

  it('a documented low probability of compromise: no obligations', () => {
    const result = computeBreachObligations(
      incident({
        affectedByState: { GA: 900 },
        riskAssessment: {
          conclusion: 'low-probability-of-compromise',
          natureAndExtent: 'names and appointment times only',
          unauthorizedRecipient: 'another covered entity, bound by HIPAA',
          acquiredOrViewed: 'returned unopened',
          mitigation: 'recovered unopened',
          reviewer: 'Privacy officer',
          assessedOn: '2026-03-03'
        }
      }),
      { asOf }
    )
    expect(result.notificationRequired).toBe(false)
    expect(result.obligations).toEqual([])
    expect(result.reason).toMatch(/164\.402\(2\)/)
  })
})

describe('business associate to covered entity (164.410)', () => {
  it('uses the BAA window when it is shorter than 60 days', () => {
    const result = computeBreachObligations(incident({ role: 'business-associate', baaReportingDays: 10, affectedByState: { GA: 9000 } }), { asOf })
    expect(ids(result)).toEqual(['covered-entity'])
    expect(only(result, 'covered-entity')).toMatchObject({ dueOn: '2026-03-11', citation: '45 CFR 164.410(b); business associate agreement' })
  })

  it('keeps the 60-day limit when the BAA window is longer or absent', () => {
    const longer = computeBreachObligations(incident({ role: 'business-associate', baaReportingDays: 90 }), { asOf })
    expect(only(longer, 'covered-entity')).toMatchObject({ dueOn: '2026-04-30', citation: '45 CFR 164.410(b)' })
    const absent = computeBreachObligations(incident({ role: 'business-associate' }), { asOf })
    expect(only(absent, 'covered-entity').dueOn).toBe('2026-04-30')
  })

  it('adds a state vendor notice where the state sets one (Oregon, 10 days)', () => {
    const result = computeBreachObligations(incident({ role: 'business-associate', affectedByState: { OR: 3 } }), { asOf })
    expect(only(result, 'covered-entity:OR')).toMatchObject({
      kind: 'covered-entity',
      jurisdiction: 'OR',
      dueOn: '2026-03-11',
      checkWithCounsel: true
    })
  })
})

describe('law-enforcement delay (164.412)', () => {
  // Discovered 1 March 2026: the 60-day deadline is 30 April 2026.
  const delayed = (lawEnforcementDelay: unknown, affectedByState: Record<string, number> = { GA: 10 }) =>
    computeBreachObligations(incident({ lawEnforcementDelay, affectedByState }), { asOf })

  it('written: held for the period the statement specifies', () => {
    const individuals = only(delayed({ kind: 'written', statedOn: '2026-03-20', until: '2026-06-15' }), 'individuals')
    expect(individuals).toMatchObject({ dueOn: '2026-06-15', originalDueOn: '2026-04-30', checkWithCounsel: true })
    expect(individuals.basis).toMatch(/later of the original deadline and the end of the delay/)
  })

  it('written, ending before the deadline: no change', () => {
    const individuals = only(delayed({ kind: 'written', statedOn: '2026-03-20', until: '2026-04-10' }), 'individuals')
    expect(individuals.dueOn).toBe('2026-04-30')
    expect(individuals.originalDueOn).toBeUndefined()
  })

  it('oral: at most 30 days from the statement', () => {
    expect(only(delayed({ kind: 'oral', statedOn: '2026-04-20' }), 'individuals').dueOn).toBe('2026-05-20')
    expect(only(delayed({ kind: 'oral', statedOn: '2026-04-20', until: '2026-07-01' }), 'individuals').dueOn).toBe('2026-05-20')
    expect(only(delayed({ kind: 'oral', statedOn: '2026-04-20', until: '2026-05-01' }), 'individuals').dueOn).toBe('2026-05-01')
  })

  it('oral followed in time by a written statement: the written period governs', () => {
    const statements = [
      { kind: 'oral', statedOn: '2026-04-20' },
      { kind: 'written', statedOn: '2026-05-10', until: '2026-08-01' }
    ]
    expect(only(delayed(statements), 'individuals').dueOn).toBe('2026-08-01')
  })

  it('a statement made after the deadline passed does not revive it', () => {
    const lateWritten = [
      { kind: 'oral', statedOn: '2026-04-20' },
      { kind: 'written', statedOn: '2026-06-01', until: '2026-08-01' }
    ]
    const individuals = only(delayed(lateWritten), 'individuals')
    expect(individuals.dueOn).toBe('2026-05-20')
    expect(individuals.basis).toMatch(/came after this deadline had passed/)
    expect(only(delayed({ kind: 'oral', statedOn: '2026-05-05' }), 'individuals').dueOn).toBe('2026-04-30')
  })

  it('applies to HHS, media and the annual log alike, but not to state deadlines', () => {
    const big = delayed({ kind: 'written', statedOn: '2026-03-20', until: '2026-06-15' }, { GA: 600, TX: 300 })
    expect(only(big, 'hhs').dueOn).toBe('2026-06-15')
    expect(only(big, 'media:GA').dueOn).toBe('2026-06-15')
    expect(only(big, 'state-regulator:TX').dueOn).toBe('2026-03-31')
    // Texas counts from discovery, so it stays put; only a state clock counted from the HHS notice moves with it.
    expect(big.notes.join(' ')).toMatch(/applied to the federal notices \(45 CFR 164\.412\), and so to state notices counted from the notice to HHS/)
    const small = delayed({ kind: 'written', statedOn: '2026-03-20', until: '2027-04-01' })
    expect(only(small, 'hhs-annual-log')).toMatchObject({ dueOn: '2027-04-01', originalDueOn: '2027-03-01' })
  })

  it('rejects a written statement without an end date, and an end before the statement', () => {
    expect(() => incident({ lawEnforcementDelay: { kind: 'written', statedOn: '2026-03-20' } })).toThrow(
      /incident\.lawEnforcementDelay\.until: a written/
    )
    expect(() => incident({ lawEnforcementDelay: { kind: 'oral', statedOn: '2026-03-20', until: '2026-03-01' } })).toThrow(/cannot end/)
  })
})

describe('status as of a date, and notices already given', () => {
  const base = incident({ discoveredOn: '2026-03-01', affectedByState: { GA: 600 } })

  it('due on the last day, overdue the day after', () => {
    expect(only(computeBreachObligations(base, { asOf: '2026-04-30' }), 'individuals').status).toBe('due')
    expect(only(computeBreachObligations(base, { asOf: '2026-05-01' }), 'individuals').status).toBe('overdue')
  })

  it('done on time, or done late, with the date and method', () => {
    const result = computeBreachObligations(base, {
      asOf: '2026-06-01',
      noticesDone: [
        { kind: 'individuals', doneOn: '2026-04-30', method: 'written' },
        { kind: 'hhs', doneOn: '2026-05-02' },
        { kind: 'media', jurisdiction: 'AK', doneOn: '2026-04-01' }
      ]
    })
    expect(only(result, 'individuals')).toMatchObject({ status: 'done', doneOn: '2026-04-30', method: 'written' })
    expect(only(result, 'hhs')).toMatchObject({ status: 'done-late', doneOn: '2026-05-02' })
    // A notice for another jurisdiction does not count for Georgia's media notice.
    expect(only(result, 'media:GA').status).toBe('overdue')
  })
})

describe('incident validation', () => {
  it('names every bad field', () => {
    expect(() =>
      parseIncident({ title: '', discoveredOn: '2026-02-30', role: 'vendor', unsecuredPhi: 'yes', affectedByState: { TX: -1, ZZ: 3 } })
    ).toThrow(
      /incident\.title[\s\S]*incident\.discoveredOn: must be a calendar date[\s\S]*incident\.role[\s\S]*incident\.unsecuredPhi[\s\S]*incident\.affectedByState\.TX: an affected count cannot be negative/
    )
  })

  it('rejects a breach date after discovery and unknown fields (a typo must not silently drop a date)', () => {
    expect(() => incident({ breachOn: '2026-03-02' })).toThrow(/cannot come after its discovery/)
    expect(() =>
      parseIncident({
        title: 'x',
        discoveredon: '2026-01-01',
        discoveredOn: '2026-01-01',
        role: 'covered-entity',
        unsecuredPhi: true,
        affectedByState: {}
      })
    ).toThrow(/discoveredon/)
  })
})
