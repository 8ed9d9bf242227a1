import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { computeBreachObligations, parseIncident } from '../../main/breach/obligations'

/** The project's own incident fixtures (issue format), each with its deadlines worked out by hand. */
const fixture = (name: string) => parseIncident(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/breach', name), 'utf8')), name)

const dueDates = (name: string, asOf: string) =>
  Object.fromEntries(computeBreachObligations(fixture(name), { asOf }).obligations.map(o => [o.id, o.dueOn]))

describe('incident fixtures, worked by hand', () => {
  it('large covered-entity breach across five states (discovered Tuesday 10 March 2026)', () => {
    expect(dueDates('incident-large-covered-entity.json', '2026-03-11')).toEqual({
      individuals: '2026-05-09', // +60 days
      hhs: '2026-05-09', // 1,383 in total ≥ 500
      'media:CA': '2026-05-09', // 640 > 500
      'media:IA': '2026-05-09', // 520 > 500 (Texas's 180 is not)
      'state-individuals:CA': '2026-04-09', // 30 days
      'state-regulator:CA': '2026-04-09', // 15 days after resident notice, not yet sent: shown on the residents' deadline
      'state-individuals:TX': '2026-05-09', // 60 days; 180 < 250, so no Attorney General notice
      'state-individuals:VT': '2026-04-24', // 45 days
      'state-regulator:VT': '2026-03-30', // 14 business days
      'state-regulator:IA': '2026-05-09' // 5 business days after resident notice; Iowa has no resident deadline, so the federal one stands in
    })
  })

  it('small breach discovered in 2027: the annual log is due 29 February 2028', () => {
    expect(dueDates('incident-small-leap-year.json', '2027-06-02')).toEqual({
      individuals: '2027-07-31',
      'hhs-annual-log': '2028-02-29',
      // Washington deems HITECH notice sufficient for PHI: no 30-day clock; 3 residents is below its Attorney General threshold.
      'state-individuals:OR': '2027-07-16'
    })
  })

  it('business associate with a 10-day BAA window, discovered 31 December', () => {
    expect(dueDates('incident-business-associate.json', '2027-01-01')).toEqual({
      'covered-entity': '2027-01-10',
      'covered-entity:OR': '2027-01-10'
    })
  })

  it('secured PHI: nothing to notify', () => {
    const result = computeBreachObligations(fixture('incident-secured.json'), { asOf: '2026-05-05' })
    expect(result.notificationRequired).toBe(false)
    expect(result.obligations).toHaveLength(0)
  })

  it('oral law-enforcement delay of 20 April holds the federal notices until 20 May', () => {
    expect(dueDates('incident-law-enforcement-delay.json', '2026-03-02')).toEqual({
      individuals: '2026-05-20',
      hhs: '2026-05-20',
      'media:GA': '2026-05-20'
      // No 'state-individuals:WA' (once 31 March): Washington deems HITECH notice sufficient for PHI.
    })
  })
})
