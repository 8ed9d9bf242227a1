import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { JURISDICTION_CODES } from '../../main/breach/jurisdictions'
import { computeBreachObligations } from '../../main/breach/obligations'
import { loadStateLawTable, parseStateLawTable } from '../../main/breach/state-laws'
import { ids, incident, only } from './helpers'

const tablePath = path.resolve(__dirname, '../../templates/breach/state-laws.json')
const rawTable = () => JSON.parse(fs.readFileSync(tablePath, 'utf8')) as { rows: Record<string, unknown>[] }

describe('templates/breach/state-laws.json', () => {
  const table = loadStateLawTable()

  it('is valid and covers every state of the research table', () => {
    expect(table.rows.map(row => row.id).sort()).toEqual(
      [
        'AL',
        'AZ',
        'CA',
        'CA-HSC-1280.15',
        'CO',
        'CT',
        'DE',
        'FL',
        'IA',
        'IL',
        'IN',
        'LA',
        'MD',
        'ME',
        'NM',
        'NY',
        'OH',
        'OK',
        'OR',
        'PR',
        'RI',
        'SD',
        'TN',
        'TX',
        'VT',
        'WA',
        'WI'
      ].sort()
    )
    expect(table.disclaimer).toMatch(/^Check with counsel/)
  })

  it('gives every row a statute citation, a known jurisdiction and a certainty for each part', () => {
    for (const row of table.rows) {
      expect(row.statute, row.id).toMatch(/§|Code|Stat|Laws|RCW|ORS|SDCL|IC |ILCS/)
      expect(JURISDICTION_CODES).toContain(row.jurisdiction)
      expect(['confirmed', 'secondary', 'unconfirmed']).toContain(row.certainty)
      expect(['confirmed', 'secondary', 'unconfirmed']).toContain(row.individual.certainty)
      if (row.regulator) expect(['confirmed', 'secondary', 'unconfirmed']).toContain(row.regulator.certainty)
    }
  })

  it('rejects a row without a citation, a bad state code, a missing certainty or an overstated overall certainty', () => {
    const noCitation = rawTable()
    delete noCitation.rows[0]!.statute
    expect(() => parseStateLawTable(noCitation)).toThrow(/rows\.0\.statute/)

    const badCode = rawTable()
    badCode.rows[0]!.jurisdiction = 'XX'
    expect(() => parseStateLawTable(badCode)).toThrow(/rows\.0\.jurisdiction/)

    const noCertainty = rawTable()
    delete noCertainty.rows[1]!.certainty
    expect(() => parseStateLawTable(noCertainty)).toThrow(/rows\.1\.certainty/)

    // Alabama's regulator part is secondary, so the row cannot claim confirmed.
    const overstated = rawTable()
    overstated.rows[0]!.certainty = 'confirmed'
    expect(() => parseStateLawTable(overstated)).toThrow(/weakest of its parts \(secondary\)/)

    const duplicate = rawTable()
    duplicate.rows.push(duplicate.rows[0]!)
    expect(() => parseStateLawTable(duplicate)).toThrow(/duplicate row id AL/)
  })
})

describe('state obligations for a covered entity (worked by hand)', () => {
  const asOf = '2026-03-10'

  it('Texas: residents in 60 days; the Attorney General at 250 or more, in 30 days', () => {
    // Discovered Tuesday 10 March 2026: +30 = 9 April, +60 = 9 May.
    const at250 = computeBreachObligations(incident({ discoveredOn: '2026-03-10', affectedByState: { TX: 250 } }), { asOf })
    expect(only(at250, 'state-individuals:TX')).toMatchObject({ dueOn: '2026-05-09', checkWithCounsel: true, certainty: 'secondary' })
    expect(only(at250, 'state-regulator:TX')).toMatchObject({ dueOn: '2026-04-09', citation: 'Tex. Bus. & Com. Code § 521.053' })
    expect(only(at250, 'state-regulator:TX').basis).toMatch(/counts from discovery/)
    const at249 = computeBreachObligations(incident({ discoveredOn: '2026-03-10', affectedByState: { TX: 249 } }), { asOf })
    expect(ids(at249)).not.toContain('state-regulator:TX')
  })

  it.each([
    ['CA', 500, false],
    ['CA', 501, true],
    ['CO', 499, false],
    ['CO', 500, true],
    ['AL', 1000, false],
    ['AL', 1001, true],
    ['OR', 250, false],
    ['OR', 251, true]
  ])('%s with %i residents: regulator notice %s', (state, count, expected) => {
    const result = computeBreachObligations(incident({ affectedByState: { [state]: count } }), { asOf })
    expect(ids(result).includes(`state-regulator:${state}`)).toBe(expected)
    expect(ids(result)).toContain(`state-individuals:${state}`)
  })

  it('Vermont: 14 business days after discovery, or the resident notice if sooner', () => {
    const discovered = incident({ discoveredOn: '2026-03-10', affectedByState: { VT: 2 } })
    expect(only(computeBreachObligations(discovered, { asOf }), 'state-regulator:VT').dueOn).toBe('2026-03-30')
    const early = computeBreachObligations(discovered, {
      asOf,
      noticesDone: [{ kind: 'state-individuals', jurisdiction: 'VT', doneOn: '2026-03-20' }]
    })
    expect(only(early, 'state-regulator:VT').dueOn).toBe('2026-03-20')
    expect(only(early, 'state-regulator:VT').basis).toMatch(/holidays are not skipped/)
  })

  it('Iowa: 5 business days after residents are notified; shown on the resident deadline until then', () => {
    const iowa = incident({ discoveredOn: '2026-03-10', affectedByState: { IA: 600 } })
    // Iowa sets no resident deadline, so the federal 60 days (9 May) stands in.
    expect(only(computeBreachObligations(iowa, { asOf }), 'state-regulator:IA').dueOn).toBe('2026-05-09')
    // Residents told Wednesday 15 April: 16, 17, 20, 21, 22 April.
    const notified = computeBreachObligations(iowa, { asOf, noticesDone: [{ kind: 'individuals', doneOn: '2026-04-15' }] })
    expect(only(notified, 'state-regulator:IA').dueOn).toBe('2026-04-22')
    // With two mailings on record, the clock runs from the first.
    const twice = computeBreachObligations(iowa, {
      asOf,
      noticesDone: [
        { kind: 'individuals', doneOn: '2026-04-20' },
        { kind: 'individuals', doneOn: '2026-04-15' }
      ]
    })
    expect(only(twice, 'state-regulator:IA').dueOn).toBe('2026-04-22')
    expect(notified.notes.join('\n')).toMatch(/Iowa Code § 715C\.2\), notice to residents: No fixed number/)
  })

  it("California's health-facility law applies only to licensed facilities, in business days", () => {
    const general = computeBreachObligations(incident({ discoveredOn: '2026-03-13', affectedByState: { CA: 3 } }), { asOf })
    expect(ids(general)).not.toContain('state-individuals:CA-HSC-1280.15')
    const facility = computeBreachObligations(incident({ discoveredOn: '2026-03-13', affectedByState: { CA: 3 }, licensedHealthFacility: true }), {
      asOf
    })
    // Friday 13 March + 15 business days = Friday 3 April.
    expect(only(facility, 'state-individuals:CA-HSC-1280.15').dueOn).toBe('2026-04-03')
    expect(only(facility, 'state-regulator:CA-HSC-1280.15').recipient).toMatch(/CDPH/)
    // The general California law still applies: 30 days.
    expect(only(facility, 'state-individuals:CA').dueOn).toBe('2026-04-12')
  })

  it('a notice aimed at one of two same-state obligations marks only that one', () => {
    const facility = incident({ discoveredOn: '2026-03-13', affectedByState: { CA: 3 }, licensedHealthFacility: true })
    const result = computeBreachObligations(facility, {
      asOf: '2026-04-20',
      noticesDone: [{ kind: 'state-individuals', jurisdiction: 'CA', obligationId: 'state-individuals:CA-HSC-1280.15', doneOn: '2026-04-01' }]
    })
    expect(only(result, 'state-individuals:CA-HSC-1280.15').status).toBe('done')
    expect(only(result, 'state-individuals:CA').status).toBe('overdue')
  })

  it('no state obligations for states without affected residents, or outside the table', () => {
    const result = computeBreachObligations(incident({ affectedByState: { GA: 50, TX: 0 } }), { asOf })
    expect(result.obligations.filter(o => o.kind.startsWith('state-'))).toEqual([])
  })

  it('regulator notices without a fixed day count become notes, not invented dates', () => {
    const result = computeBreachObligations(incident({ affectedByState: { RI: 800 } }), { asOf })
    expect(ids(result)).not.toContain('state-regulator:RI')
    expect(result.notes.join('\n')).toMatch(/Rhode Island Attorney General[\s\S]*Check with counsel/)
  })

  it('every state obligation is labelled check with counsel', () => {
    const result = computeBreachObligations(incident({ affectedByState: { TX: 300, CA: 900, VT: 3, PR: 2, LA: 4 } }), { asOf })
    const stateObligations = result.obligations.filter(o => o.kind.startsWith('state-'))
    expect(stateObligations.length).toBeGreaterThan(6)
    for (const obligation of stateObligations) {
      expect(obligation.checkWithCounsel).toBe(true)
      expect(obligation.basis).toMatch(/Check with counsel\.$/)
    }
  })
})
