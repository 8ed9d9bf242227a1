import { describe, expect, it } from 'vitest'
import { IncidentInput } from '../../main/breach/contract'
import { KEPT_NO_HARM_TEST } from '../../main/breach/state-obligations'
import { loadStateLawTable } from '../../main/breach/state-laws'
import { computeBreachObligations, parseIncident } from '../../main/breach/obligations'
import type { Incident } from '../../main/breach/incident-schema'
import { ids, incident, only } from './helpers'

// 2026-03-01 is a Sunday. Georgia has no row in the state table, so it isolates the federal rules.
const asOf = '2026-03-01'

const FACTORS = {
  natureAndExtent: 'Names and appointment dates; no diagnoses or identifiers beyond the name',
  unauthorizedRecipient: 'A nurse at another covered entity, bound by HIPAA',
  acquiredOrViewed: 'The envelope was returned unopened',
  mitigation: 'Recipient confirmed in writing that nothing was kept'
}
const LOW_PROBABILITY = { outcome: 'low-probability', factors: FACTORS, reviewer: 'Dana Ortiz, privacy officer', assessedOn: '2026-03-04' }

function problemsOf(data: Record<string, unknown>): string {
  try {
    parseIncident({ title: 'Misdirected letter', discoveredOn: '2026-03-02', role: 'covered-entity', affectedByState: { GA: 1 }, ...data })
  } catch (error) {
    return (error as Error).message
  }
  return ''
}

describe('the outcome decides the notices (164.402)', () => {
  it('a breach: the federal notices', () => {
    const result = computeBreachObligations(incident({ assessment: { outcome: 'breach' } }), { asOf })
    expect(result.outcome).toBe('breach')
    expect(result.notificationRequired).toBe(true)
    expect(ids(result)).toEqual(['hhs-annual-log', 'individuals'])
  })

  it('an exception: no notices, and the reason is kept in the reason shown', () => {
    const reason = 'A scheduler opened the wrong chart for a second and closed it'
    const result = computeBreachObligations(
      incident({ affectedByState: { CA: 900, GA: 4 }, assessment: { outcome: 'exception', exception: 'workforce-good-faith', reason } }),
      { asOf }
    )
    expect(result).toMatchObject({ outcome: 'exception', notificationRequired: false, obligations: [] })
    expect(result.reason).toContain(reason)
    expect(result.reason).toContain('45 CFR 164.402(1)(i)')
    expect(result.reason).toMatch(/check with counsel/)
  })

  it('secured PHI: no notices, with how it was secured', () => {
    const result = computeBreachObligations(
      incident({ affectedByState: { CA: 900 }, assessment: { outcome: 'secured', reason: 'AES-256 full-disk encryption; key in the HSM' } }),
      { asOf }
    )
    expect(result).toMatchObject({ outcome: 'secured', notificationRequired: false, obligations: [] })
    expect(result.reason).toContain('AES-256 full-disk encryption; key in the HSM')
  })

  it('a complete low-probability assessment: no federal notice', () => {
    const result = computeBreachObligations(incident({ affectedByState: { GA: 900 }, assessment: LOW_PROBABILITY }), { asOf })
    expect(result).toMatchObject({ outcome: 'low-probability', notificationRequired: false, obligations: [] })
    expect(result.reason).toMatch(/164\.402\(2\)/)
  })

  it('the older shape still reads: unsecuredPhi false is secured, a full riskAssessment is low-probability', () => {
    expect(incident({ unsecuredPhi: false }).assessment).toEqual({ outcome: 'secured' })
    const older = incident({
      riskAssessment: { conclusion: 'low-probability-of-compromise', ...FACTORS, reviewer: 'Dana Ortiz', assessedOn: '2026-03-04' }
    })
    expect(older.assessment).toEqual({ outcome: 'low-probability', factors: FACTORS, reviewer: 'Dana Ortiz', assessedOn: '2026-03-04' })
    expect(incident({ baaReportingDays: 10, role: 'business-associate' }).baaReportingWindow).toEqual({ amount: 10, unit: 'calendar-days' })
  })
})

describe('what each outcome must document', () => {
  it.each([
    ['natureAndExtent', 'assessment.factors.natureAndExtent: a low-probability conclusion needs this factor written out (164.402(2)(i)'],
    ['unauthorizedRecipient', 'assessment.factors.unauthorizedRecipient: a low-probability conclusion needs this factor written out (164.402(2)(ii)'],
    ['acquiredOrViewed', 'assessment.factors.acquiredOrViewed: a low-probability conclusion needs this factor written out (164.402(2)(iii)'],
    ['mitigation', 'assessment.factors.mitigation: a low-probability conclusion needs this factor written out (164.402(2)(iv)']
  ])('low probability without the factor %s is refused', (factor, message) => {
    expect(problemsOf({ assessment: { ...LOW_PROBABILITY, factors: { ...FACTORS, [factor]: '   ' } } })).toContain(message)
  })

  it('low probability without a reviewer or a date is refused; a date before discovery too', () => {
    const { reviewer: _r, assessedOn: _a, ...undated } = LOW_PROBABILITY
    const problems = problemsOf({ assessment: undated })
    expect(problems).toContain('incident.assessment.reviewer: a low-probability conclusion needs the name of who reviewed it')
    expect(problems).toContain('incident.assessment.assessedOn: a low-probability conclusion needs the date it was made')
    expect(problemsOf({ assessment: { ...LOW_PROBABILITY, assessedOn: '2026-03-01' } })).toContain(
      'incident.assessment.assessedOn: the assessment (2026-03-01) cannot come before the discovery (2026-03-02)'
    )
    expect(problemsOf({ assessment: LOW_PROBABILITY })).toBe('')
  })

  it('the older low-probability shape needs the same parts, named under riskAssessment', () => {
    const problems = problemsOf({ unsecuredPhi: true, riskAssessment: { conclusion: 'low-probability-of-compromise', mitigation: 'recovered' } })
    expect(problems).toMatch(/incident\.riskAssessment\.natureAndExtent: .*164\.402\(2\)\(i\)/)
    expect(problems).toMatch(/incident\.riskAssessment\.reviewer: /)
    expect(problems).toMatch(/incident\.riskAssessment\.assessedOn: /)
    expect(problems).not.toMatch(/riskAssessment\.mitigation/)
  })

  it('an exception names which one and why; secured says how', () => {
    expect(problemsOf({ assessment: { outcome: 'exception' } })).toMatch(
      /assessment\.exception: choose which exception[\s\S]*assessment\.reason: say why the exception applies/
    )
    expect(problemsOf({ assessment: { outcome: 'secured', reason: ' ' } })).toMatch(/assessment\.reason: say how the PHI was secured/)
    expect(problemsOf({ assessment: { outcome: 'breach', exception: 'unable-to-retain' } })).toMatch(
      /assessment\.exception: an exception is recorded only/
    )
  })

  it('the outcome is given once, and must be given', () => {
    expect(problemsOf({})).toMatch(/incident\.assessment: record the outcome/)
    expect(problemsOf({ unsecuredPhi: false, assessment: { outcome: 'breach' } })).toMatch(/unsecuredPhi false contradicts the outcome 'breach'/)
    expect(problemsOf({ assessment: { outcome: 'breach' }, riskAssessment: { conclusion: 'breach' } })).toMatch(
      /riskAssessment: give the assessment once/
    )
  })

  it('the contract of the app and CLI applies the same rules', () => {
    const result = IncidentInput.safeParse({
      title: 'x',
      discoveredOn: '2026-03-02',
      role: 'covered-entity',
      affectedByState: {},
      assessment: { ...LOW_PROBABILITY, reviewer: '' }
    })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map(issue => issue.path.join('.'))).toEqual(['assessment.reviewer'])
  })
})

describe('a low-probability conclusion keeps the duties of states with no risk-of-harm test', () => {
  it('California 1798.82: residents within 30 calendar days of discovery, marked kept; Florida (harm test) dropped with a note', () => {
    // Discovered Monday 2 March 2026: + 29 days = 31 March, + 1 = 1 April (day 30).
    const result = computeBreachObligations(
      incident({ discoveredOn: '2026-03-02', affectedByState: { CA: 600, FL: 40, GA: 900 }, assessment: LOW_PROBABILITY }),
      { asOf }
    )
    expect(ids(result)).toEqual(['state-individuals:CA', 'state-regulator:CA'])
    expect(result.notificationRequired).toBe(true)
    const residents = only(result, 'state-individuals:CA')
    expect(residents).toMatchObject({ dueOn: '2026-04-01', kept: KEPT_NO_HARM_TEST, checkWithCounsel: true, certainty: 'unconfirmed' })
    expect(residents.basis).toMatch(/^Kept: this state's law has no risk-of-harm test/)
    // The AG's sample copy counts from the resident notice; until it is recorded it sits on the residents' own deadline.
    expect(only(result, 'state-regulator:CA')).toMatchObject({ dueOn: '2026-04-01', kept: KEPT_NO_HARM_TEST })
    expect(result.reason).toMatch(/state notices below are kept/)
    expect(result.notes.join('\n')).toMatch(
      /Florida \(Fla\. Stat\. § 501\.171\): no state notice shown, because the state has its own risk-of-harm test/
    )
  })

  it('every row of the table: kept exactly when it has no harm test and no HIPAA rule', () => {
    const table = loadStateLawTable()
    for (const row of table.rows) {
      const result = computeBreachObligations(
        incident({
          discoveredOn: '2026-03-02',
          affectedByState: { [row.jurisdiction]: 2000 },
          licensedHealthFacility: row.scope === 'licensed-health-facility',
          assessment: LOW_PROBABILITY
        }),
        { asOf, stateLaws: { ...table, rows: [row] } }
      )
      const keep = !row.harmTest.exists && row.hipaa === undefined
      const expectedKept = keep ? [row.individual.deadline ? 1 : 0, row.regulator?.deadline ? 1 : 0].reduce((a, b) => a + b) : 0
      expect(result.obligations.length, row.id).toBe(expectedKept)
      for (const duty of result.obligations) expect(duty.kept, row.id).toBe(KEPT_NO_HARM_TEST)
      if (!keep) expect(result.notes.join('\n'), row.id).toMatch(/no state notice (is )?shown/)
    }
  })

  it('a stored low-probability conclusion without its reviewer and date is presumed a breach and says what is missing', () => {
    const stored: Incident = {
      ...incident({ discoveredOn: '2026-03-02', affectedByState: { GA: 10 } }),
      assessment: { outcome: 'low-probability', factors: FACTORS }
    }
    const result = computeBreachObligations(stored, { asOf })
    expect(result.outcome).toBe('low-probability')
    expect(ids(result)).toEqual(['hhs-annual-log', 'individuals'])
    expect(result.reason).toMatch(
      /^The low-probability conclusion recorded for this incident lacks the reviewer, the date of the assessment\. .*presumed to be a breach/
    )
  })
})

describe('the harm-test column of the state table', () => {
  it('says for every row whether the law has a risk-of-harm test, marks California 1798.82 as having none, and claims no more certainty than its source', () => {
    const table = loadStateLawTable()
    const byId = new Map(table.rows.map(row => [row.id, row]))
    expect(byId.get('CA')!.harmTest.exists).toBe(false)
    // Alabama's own individual-notice text carries its harm test ("reasonably likely to cause substantial harm").
    expect(byId.get('AL')!.harmTest).toMatchObject({ exists: true, certainty: 'confirmed' })
    expect(byId.get('AL')!.individual.text).toMatch(/substantial harm/)
    for (const row of table.rows) {
      // What rests on recollection only is never marked more certain than 'unconfirmed'.
      if (row.harmTest.text.startsWith('Recollection')) expect(row.harmTest.certainty, row.id).toBe('unconfirmed')
    }
  })
})

describe("a business associate's discovery (164.404(a)(2), 164.410)", () => {
  it('as your agent, its discovery starts your clock', () => {
    // BA discovered Monday 2 March; told you Friday 20 March. 2 March + 60: + 29 = 31 March, + 30 = 30 April, + 1 = 1 May.
    const result = computeBreachObligations(incident({ discoveredOn: '2026-03-20', baDiscoveredOn: '2026-03-02', baIsAgent: true }), { asOf })
    const individuals = only(result, 'individuals')
    expect(individuals.dueOn).toBe('2026-05-01')
    expect(individuals.basis).toMatch(/The clock starts on 2026-03-02, the day your business associate discovered the breach: it acted as your agent/)
    expect(individuals.basis).toMatch(/164\.404\(a\)\(2\)/)
    expect(individuals.checkWithCounsel).toBe(true)
  })

  it('not your agent: your clock starts when it told you, and the basis says so', () => {
    // 20 March + 60: + 11 = 31 March, + 30 = 30 April, + 19 = 19 May.
    const result = computeBreachObligations(incident({ discoveredOn: '2026-03-20', baDiscoveredOn: '2026-03-02', baIsAgent: false }), { asOf })
    const individuals = only(result, 'individuals')
    expect(individuals.dueOn).toBe('2026-05-19')
    expect(individuals.basis).toMatch(/discovered the breach on 2026-03-02 and told you on 2026-03-20; it was not acting as your agent/)
  })

  it('moves state clocks too, from the earlier date', () => {
    // California, 30 days from the agent's discovery on 2 March: 1 April.
    const result = computeBreachObligations(
      incident({ discoveredOn: '2026-03-20', baDiscoveredOn: '2026-03-02', baIsAgent: true, affectedByState: { CA: 20 } }),
      { asOf }
    )
    expect(only(result, 'state-individuals:CA').dueOn).toBe('2026-04-01')
    expect(only(result, 'state-individuals:CA').basis).toMatch(/State laws define discovery their own way/)
  })

  it('refuses an agent without its discovery date, a date after you were told, and these fields on a business associate', () => {
    expect(problemsOf({ assessment: { outcome: 'breach' }, baIsAgent: true })).toMatch(
      /incident\.baDiscoveredOn: give the business associate's own discovery date/
    )
    expect(problemsOf({ assessment: { outcome: 'breach' }, baDiscoveredOn: '2026-03-03' })).toMatch(
      /the business associate's discovery \(2026-03-03\) cannot come after the day you learned of it \(2026-03-02\)/
    )
    expect(problemsOf({ assessment: { outcome: 'breach' }, role: 'business-associate', baIsAgent: false })).toMatch(
      /incident\.baIsAgent: only a covered entity/
    )
  })
})

describe('BAA windows in calendar days, business days or hours (164.410(b))', () => {
  const ba = (window: unknown, discoveredOn = '2026-03-05') =>
    only(computeBreachObligations(incident({ role: 'business-associate', discoveredOn, baaReportingWindow: window }), { asOf }), 'covered-entity')

  it('business days skip the weekend and say holidays are not skipped', () => {
    // Thursday 5 March + 3 business days: Friday 6, Monday 9, Tuesday 10.
    const notice = ba({ amount: 3, unit: 'business-days' })
    expect(notice.dueOn).toBe('2026-03-10')
    expect(notice.citation).toBe('45 CFR 164.410(b); business associate agreement')
    expect(notice.basis).toMatch(/3 business days after discovery on 2026-03-05 \(Monday to Friday; public holidays are not skipped/)
  })

  it('hours are shown as the day the window ends, and say "within N hours of discovery"', () => {
    // 72 hours from any hour of 5 March ends on 8 March at that hour.
    const whole = ba({ amount: 72, unit: 'hours' })
    expect(whole.dueOn).toBe('2026-03-08')
    expect(whole.basis).toMatch(/within 72 hours of discovery on 2026-03-05: it ends on 2026-03-08 at the hour you discovered it/)
    // 36 hours ends on 6 March (discovered before noon) or 7 March: the earlier is shown.
    const part = ba({ amount: 36, unit: 'hours' })
    expect(part.dueOn).toBe('2026-03-06')
    expect(part.basis).toMatch(/ends on 2026-03-06 or the day after/)
  })

  it('a window longer than the rule leaves the 60 days in place', () => {
    // 5 March + 60 = 4 May; 45 business days from 5 March is 7 May, later.
    const notice = ba({ amount: 45, unit: 'business-days' })
    expect(notice.dueOn).toBe('2026-05-04')
    expect(notice.citation).toBe('45 CFR 164.410(b)')
    expect(notice.basis).toMatch(/does not end sooner/)
  })

  it('refuses a window too long for its unit, and two windows at once', () => {
    expect(
      problemsOf({ assessment: { outcome: 'breach' }, role: 'business-associate', baaReportingWindow: { amount: 400, unit: 'calendar-days' } })
    ).toMatch(/baaReportingWindow\.amount: a window in calendar-days can be at most 365/)
    expect(
      problemsOf({
        assessment: { outcome: 'breach' },
        role: 'business-associate',
        baaReportingWindow: { amount: 4, unit: 'hours' },
        baaReportingDays: 4
      })
    ).toMatch(/baaReportingDays: give the window once/)
  })
})
