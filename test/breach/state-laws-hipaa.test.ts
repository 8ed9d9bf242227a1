import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeBreachObligations } from '../../main/breach/obligations'
import { loadStateLawTable, parseStateLawTable, type StateLawRow } from '../../main/breach/state-laws'
import { DEEMED_SUFFICIENT, HIPAA_EXEMPT } from '../../main/breach/state-obligations'
import { ids, incident, only } from './helpers'

/**
 * Issue 15, state laws: HIPAA deemed compliance (NY, IL, WA), the Attorney General
 * notice counted from the HHS notice (NY, IL) or on federal timing (WA), Delaware's
 * Attorney General notice, New Mexico's HIPAA exemption, and the 10-day vendor
 * windows of Florida and Alabama. Every date below is worked out by hand.
 */

const tablePath = path.resolve(__dirname, '../../templates/breach/state-laws.json')
const rawTable = () => JSON.parse(fs.readFileSync(tablePath, 'utf8')) as { rows: Record<string, unknown>[] }
const rawRow = (table: { rows: Record<string, unknown>[] }, id: string) => {
  const row = table.rows.find(candidate => candidate.id === id)
  if (!row) throw new Error(`no row ${id}`)
  return row as Record<string, unknown> & { hipaa?: Record<string, unknown> }
}
const row = (id: string): StateLawRow => {
  const found = loadStateLawTable().rows.find(candidate => candidate.id === id)
  if (!found) throw new Error(`no row ${id}`)
  return found
}
const stateIds = (assessment: ReturnType<typeof computeBreachObligations>, state: string) =>
  assessment.obligations.filter(obligation => obligation.jurisdiction === state && obligation.kind.startsWith('state-')).map(o => o.id)

describe('New York: HIPAA notice serves residents; the Attorney General within 5 business days of HHS (GBL § 899-aa(9))', () => {
  it('a small breach: counted from the annual log, across a weekend', () => {
    // Discovered Tuesday 10 March 2026, 40 residents: HHS is told in the annual log, due Monday 1 March 2027
    // (31 December 2026 + 60 days). Five business days: Tue 2, Wed 3, Thu 4, Fri 5, (weekend), Mon 8 March.
    const result = computeBreachObligations(incident({ discoveredOn: '2026-03-10', affectedByState: { NY: 40 } }), { asOf: '2026-03-10' })
    expect(only(result, 'hhs-annual-log').dueOn).toBe('2027-03-01')
    const ag = only(result, 'state-regulator:NY:after-hhs')
    expect(ag).toMatchObject({
      dueOn: '2027-03-08',
      recipient: 'New York Attorney General',
      citation: 'N.Y. Gen. Bus. Law § 899-aa(9)',
      certainty: 'confirmed',
      checkWithCounsel: true
    })
    expect(ag.basis).toMatch(/5 business days after the annual log of small breaches sent to HHS/)
    expect(ag.basis).toMatch(/not recorded yet, so this is counted from its due date \(2027-03-01\)/)
    expect(ag.basis).toMatch(/public holidays are not skipped/)
    expect(ag.basis).toMatch(/Check with counsel\.$/)
  })

  it('counts from the recorded HHS notice once there is one', () => {
    // 600 residents: HHS at once, due Saturday 9 May 2026; +5 business days = Friday 15 May.
    const large = incident({ discoveredOn: '2026-03-10', affectedByState: { NY: 600 } })
    expect(only(computeBreachObligations(large, { asOf: '2026-03-10' }), 'state-regulator:NY:after-hhs').dueOn).toBe('2026-05-15')
    // HHS told Wednesday 22 April: Thu 23, Fri 24, Mon 27, Tue 28, Wed 29 April.
    const told = computeBreachObligations(large, { asOf: '2026-04-23', noticesDone: [{ kind: 'hhs', doneOn: '2026-04-22' }] })
    expect(only(told, 'state-regulator:NY:after-hhs').dueOn).toBe('2026-04-29')
    expect(only(told, 'state-regulator:NY:after-hhs').basis).toMatch(/recorded on 2026-04-22/)
    // A small breach logged early (Thursday 11 February 2027): Fri 12, Mon 15, Tue 16, Wed 17, Thu 18 February.
    const small = computeBreachObligations(incident({ discoveredOn: '2026-03-10', affectedByState: { NY: 40 } }), {
      asOf: '2027-02-12',
      noticesDone: [{ kind: 'hhs-annual-log', doneOn: '2027-02-11' }]
    })
    expect(only(small, 'state-regulator:NY:after-hhs').dueOn).toBe('2027-02-18')
  })

  it('is no longer a plain 30-day clock for a covered entity: the note says HIPAA notice is deemed sufficient', () => {
    const result = computeBreachObligations(incident({ discoveredOn: '2026-03-10', affectedByState: { NY: 40 } }), { asOf: '2026-03-10' })
    expect(stateIds(result, 'NY')).toEqual(['state-regulator:NY:after-hhs'])
    // The old clock was discovery + 30 = 9 April 2026.
    expect(result.obligations.map(o => o.dueOn)).not.toContain('2026-04-09')
    const notes = result.notes.join('\n')
    expect(notes).toContain(`New York (N.Y. Gen. Bus. Law § 899-aa(2)(b), (9)), notice to residents: ${DEEMED_SUFFICIENT}.`)
    expect(notes).toMatch(/federal notice to individuals, given as HIPAA requires \(45 CFR 164\.404, due 2026-05-09\)/)
    // The state agencies are still owed their notice (no day count), as a note.
    expect(notes).toMatch(/New York Attorney General, Department of State and State Police[\s\S]*no separate day count/)
  })
})

describe('Illinois: deemed compliant under 815 ILCS 530/50, with the Attorney General 5 business days after HHS', () => {
  it('worked by hand, from the due date and from a recorded notice', () => {
    const illinois = incident({ discoveredOn: '2026-03-10', affectedByState: { IL: 30 } })
    const result = computeBreachObligations(illinois, { asOf: '2026-03-10' })
    expect(stateIds(result, 'IL')).toEqual(['state-regulator:IL'])
    // Annual log due Monday 1 March 2027 → Monday 8 March 2027.
    expect(only(result, 'state-regulator:IL')).toMatchObject({ dueOn: '2027-03-08', citation: '815 ILCS 530/50', certainty: 'secondary' })
    // Log sent Friday 29 January 2027: Mon 1, Tue 2, Wed 3, Thu 4, Fri 5 February.
    const logged = computeBreachObligations(illinois, { asOf: '2027-02-01', noticesDone: [{ kind: 'hhs-annual-log', doneOn: '2027-01-29' }] })
    expect(only(logged, 'state-regulator:IL').dueOn).toBe('2027-02-05')
    const notes = result.notes.join('\n')
    expect(notes).toContain(`Illinois (815 ILCS 530/50), notice to residents: ${DEEMED_SUFFICIENT}.`)
    // Not the plain "no fixed number of days" note a state without a HIPAA rule gets.
    expect(notes).not.toContain('(815 ILCS 530/10, 530/50), notice to residents')
  })

  it('a law-enforcement delay of the HHS notice moves the Attorney General notice with it', () => {
    // 600 residents, HHS held by a written statement until Monday 15 June 2026: Tue 16 … Mon 22 June.
    const delayed = incident({
      discoveredOn: '2026-03-10',
      affectedByState: { IL: 600 },
      lawEnforcementDelay: { kind: 'written', statedOn: '2026-04-01', until: '2026-06-15' }
    })
    const result = computeBreachObligations(delayed, { asOf: '2026-03-10' })
    expect(only(result, 'hhs').dueOn).toBe('2026-06-15')
    expect(only(result, 'state-regulator:IL').dueOn).toBe('2026-06-22')
  })
})

describe('Washington: deemed compliant for PHI (RCW 19.255.010); the Attorney General on federal timing', () => {
  it('no 30-day resident clock; the Attorney General notice goes with the HHS notice', () => {
    // Discovered Tuesday 10 March 2026, 600 residents. The old clocks were +30 = 9 April for both.
    const washington = incident({ discoveredOn: '2026-03-10', affectedByState: { WA: 600 } })
    const result = computeBreachObligations(washington, { asOf: '2026-03-10' })
    expect(stateIds(result, 'WA')).toEqual(['state-regulator:WA'])
    expect(only(result, 'state-regulator:WA')).toMatchObject({
      dueOn: '2026-05-09',
      recipient: 'Washington Attorney General',
      certainty: 'secondary'
    })
    expect(only(result, 'state-regulator:WA').basis).toMatch(/Due on the same day as the notice to HHS \(45 CFR 164\.408\(b\)\)/)
    expect(result.obligations.map(o => o.dueOn)).not.toContain('2026-04-09')
    expect(result.notes.join('\n')).toContain(`Washington (Wash. Rev. Code § 19.255.010), notice to residents: ${DEEMED_SUFFICIENT}.`)
    // HHS told Monday 20 April: the Attorney General the same day.
    const told = computeBreachObligations(washington, { asOf: '2026-04-21', noticesDone: [{ kind: 'hhs', doneOn: '2026-04-20' }] })
    expect(only(told, 'state-regulator:WA')).toMatchObject({ dueOn: '2026-04-20', status: 'overdue' })
  })

  it('the Attorney General threshold stays at more than 500 residents', () => {
    const at500 = computeBreachObligations(incident({ affectedByState: { WA: 500 } }), { asOf: '2026-03-01' })
    expect(stateIds(at500, 'WA')).toEqual([])
    const at501 = computeBreachObligations(incident({ affectedByState: { WA: 501 } }), { asOf: '2026-03-01' })
    expect(stateIds(at501, 'WA')).toEqual(['state-regulator:WA'])
  })
})

describe('Delaware: the Attorney General no later than the resident notice', () => {
  it('shown on the residents’ deadline, then on the day residents were told', () => {
    // Discovered Tuesday 10 March 2026, 700 residents: residents by +60 = Saturday 9 May.
    const delaware = incident({ discoveredOn: '2026-03-10', affectedByState: { DE: 700 } })
    const result = computeBreachObligations(delaware, { asOf: '2026-03-10' })
    expect(only(result, 'state-individuals:DE').dueOn).toBe('2026-05-09')
    expect(only(result, 'state-regulator:DE')).toMatchObject({ dueOn: '2026-05-09', certainty: 'unconfirmed', checkWithCounsel: true })
    // The old row had no day count and only a note.
    expect(result.notes.join('\n')).not.toMatch(/Delaware Attorney General[\s\S]*no day count was confirmed/)
    // Residents told Tuesday 14 April: the Attorney General by that day.
    const told = computeBreachObligations(delaware, {
      asOf: '2026-04-14',
      noticesDone: [{ kind: 'state-individuals', jurisdiction: 'DE', doneOn: '2026-04-14' }]
    })
    expect(only(told, 'state-regulator:DE').dueOn).toBe('2026-04-14')
    expect(ids(computeBreachObligations(incident({ affectedByState: { DE: 500 } }), { asOf: '2026-03-01' }))).not.toContain('state-regulator:DE')
  })
})

describe('New Mexico: HIPAA-regulated entities are exempt (N.M. Stat. § 57-12C-8)', () => {
  it('no 45-day clock and no Attorney General notice, only a note', () => {
    const result = computeBreachObligations(incident({ discoveredOn: '2026-03-10', affectedByState: { NM: 2000 } }), { asOf: '2026-03-10' })
    expect(stateIds(result, 'NM')).toEqual([])
    // The old clocks were discovery + 45 = 24 April 2026.
    expect(result.obligations.map(o => o.dueOn)).not.toContain('2026-04-24')
    expect(result.notes.join('\n')).toContain(`New Mexico (N.M. Stat. § 57-12C-8): ${HIPAA_EXEMPT}.`)
    expect(result.notes.join('\n')).toMatch(/57-12C-8[^\n]*Check with counsel\./)
  })
})

describe('Florida and Alabama: a vendor tells the covered entity within 10 days', () => {
  const vendor = incident({ role: 'business-associate', discoveredOn: '2026-03-13', affectedByState: { FL: 5, AL: 7 } })

  it('worked by hand for a business associate, each under its own subsection', () => {
    // Discovered Friday 13 March 2026: +10 calendar days = Monday 23 March (weekends count).
    const result = computeBreachObligations(vendor, { asOf: '2026-03-13' })
    expect(only(result, 'covered-entity:FL')).toMatchObject({ dueOn: '2026-03-23', citation: 'Fla. Stat. § 501.171(6)(a)', certainty: 'secondary' })
    expect(only(result, 'covered-entity:AL')).toMatchObject({ dueOn: '2026-03-23', citation: 'Ala. Code § 8-38-8', certainty: 'confirmed' })
    for (const id of ['covered-entity:FL', 'covered-entity:AL']) {
      expect(only(result, id).checkWithCounsel).toBe(true)
      expect(only(result, id).basis).toMatch(/counts from the determination that a breach occurred; the app counts from discovery \(2026-03-13\)/)
    }
    // Alabama's federal-law exemption is reported, not acted on.
    expect(only(result, 'covered-entity:AL').basis).toMatch(/HIPAA interplay: .*exempt from all but the Attorney General notice/)
  })

  it('not for a covered entity, which has no vendor duty', () => {
    const result = computeBreachObligations(incident({ discoveredOn: '2026-03-13', affectedByState: { FL: 5, AL: 7 } }), { asOf: '2026-03-13' })
    expect(ids(result).filter(id => id.startsWith('covered-entity'))).toEqual([])
    expect(only(result, 'state-individuals:FL').dueOn).toBe('2026-04-12')
  })
})

describe('the HIPAA rules in templates/breach/state-laws.json', () => {
  it('states each correction with its statute and certainty', () => {
    expect(row('NY').hipaa).toMatchObject({
      effect: 'deemed-compliant',
      regulatorForPhi: 'kept',
      afterHhsNotice: { citation: 'N.Y. Gen. Bus. Law § 899-aa(9)', days: 5, unit: 'business', certainty: 'confirmed' }
    })
    expect(row('IL')).toMatchObject({
      statute: '815 ILCS 530/10, 530/50',
      hipaa: { effect: 'deemed-compliant', regulatorForPhi: 'replaced', afterHhsNotice: { citation: '815 ILCS 530/50', days: 5, unit: 'business' } }
    })
    expect(row('WA').hipaa).toMatchObject({ effect: 'deemed-compliant', regulatorForPhi: 'replaced', afterHhsNotice: { days: 0, minResidents: 501 } })
    expect(row('DE').regulator).toMatchObject({ minResidents: 501, deadline: { days: 0, trigger: 'resident-notice' } })
    expect(row('NM').hipaa).toMatchObject({ effect: 'exempt', citation: 'N.M. Stat. § 57-12C-8' })
    expect(row('FL').vendorNotice).toMatchObject({ citation: 'Fla. Stat. § 501.171(6)(a)', deadline: { days: 10, unit: 'calendar' } })
    expect(row('AL').vendorNotice).toMatchObject({ citation: 'Ala. Code § 8-38-8', deadline: { days: 10, unit: 'calendar' } })
  })

  it('never calls a part confirmed that the research did not confirm', () => {
    // Only New York's subdivision 9 and Alabama's § 8-38-8 were read in statute text.
    expect(row('NY').hipaa?.certainty).not.toBe('confirmed')
    expect(row('IL').hipaa?.certainty).not.toBe('confirmed')
    expect(row('WA').hipaa?.certainty).not.toBe('confirmed')
    expect(row('WA').certainty).not.toBe('confirmed')
    expect(row('DE').regulator?.certainty).toBe('unconfirmed')
    expect(row('NM').hipaa?.certainty).not.toBe('confirmed')
    expect(row('FL').vendorNotice?.certainty).not.toBe('confirmed')
  })

  it('refuses a HIPAA rule that contradicts itself or overstates the row', () => {
    const both = rawTable()
    rawRow(both, 'NY').hipaaNote = 'Also a note.'
    expect(() => parseStateLawTable(both)).toThrow(/row NY: give the HIPAA interplay once/)

    const exemptWithNotice = rawTable()
    rawRow(exemptWithNotice, 'NM').hipaa!.regulatorForPhi = 'kept'
    expect(() => parseStateLawTable(exemptWithNotice)).toThrow(/row NM: an exempt entity owes no notice/)

    const undecided = rawTable()
    delete rawRow(undecided, 'NY').hipaa!.regulatorForPhi
    expect(() => parseStateLawTable(undecided)).toThrow(/row NY: a deemed-compliant rule says whether/)

    const replacedByNothing = rawTable()
    delete rawRow(replacedByNothing, 'WA').hipaa!.afterHhsNotice
    expect(() => parseStateLawTable(replacedByNothing)).toThrow(/row WA: a replaced regulator notice needs the afterHhsNotice/)

    // Washington's HIPAA rule is secondary, so the row cannot claim confirmed.
    const overstated = rawTable()
    rawRow(overstated, 'WA').certainty = 'confirmed'
    expect(() => parseStateLawTable(overstated)).toThrow(/row WA: overall certainty must be the weakest of its parts \(secondary\)/)
  })
})
