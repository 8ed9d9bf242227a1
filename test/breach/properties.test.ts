import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { annualLogDueOn } from '../../main/breach/federal-obligations'
import { JURISDICTION_CODES } from '../../main/breach/jurisdictions'
import { computeBreachObligations, parseIncident } from '../../main/breach/obligations'
import { loadStateLawTable } from '../../main/breach/state-laws'
import { fromEpochDay, referenceAddBusinessDays, referenceAnnualLogDue, toEpochDay } from './reference-days'

/**
 * Property tests: the engine against a second computation written separately
 * here, from the rules as stated in hipaa-domain.md §2 and §6, using epoch-day
 * integers instead of Temporal.
 */

interface Delay {
  kind: 'written' | 'oral'
  statedOn: string
  until?: string
}

interface GeneratedIncident {
  title: string
  discoveredOn: string
  role: 'covered-entity' | 'business-associate'
  unsecuredPhi: boolean
  affectedByState: Record<string, number>
  lawEnforcementDelay?: Delay[]
  baaReportingDays?: number
  licensedHealthFacility?: boolean
}

const epochDay = (min: string, max: string) => fc.integer({ min: toEpochDay(min), max: toEpochDay(max) })

// Counts cluster on the thresholds (250, 500, 1,000) where mistakes hide.
const residentCount = fc.oneof(fc.constantFrom(0, 1, 249, 250, 251, 499, 500, 501, 999, 1000, 1001), fc.integer({ min: 0, max: 3000 }))

const delayFrom = (discovered: number) =>
  fc
    .record({
      kind: fc.constantFrom<'written' | 'oral'>('written', 'oral'),
      statedAfter: fc.integer({ min: 0, max: 120 }),
      length: fc.integer({ min: 0, max: 200 }),
      withUntil: fc.boolean()
    })
    .map(({ kind, statedAfter, length, withUntil }): Delay => {
      const statedOn = fromEpochDay(discovered + statedAfter)
      const until = fromEpochDay(discovered + statedAfter + length)
      return kind === 'written' || withUntil ? { kind, statedOn, until } : { kind, statedOn }
    })

// Discovery by 2199, so a delay of up to 320 days still ends in a year an incident date may have (to 2200).
const generatedIncident: fc.Arbitrary<GeneratedIncident> = epochDay('1990-01-01', '2199-12-31').chain(discovered =>
  fc.record(
    {
      title: fc.constant('Generated'),
      discoveredOn: fc.constant(fromEpochDay(discovered)),
      role: fc.constantFrom<'covered-entity' | 'business-associate'>('covered-entity', 'business-associate'),
      // Mostly unsecured, since secured PHI has no obligations to compare.
      unsecuredPhi: fc.integer({ min: 0, max: 4 }).map(n => n > 0),
      affectedByState: fc.dictionary(fc.constantFrom(...JURISDICTION_CODES), residentCount, { maxKeys: 5 }),
      lawEnforcementDelay: fc.array(delayFrom(discovered), { maxLength: 2 }),
      baaReportingDays: fc.integer({ min: 1, max: 120 }),
      licensedHealthFacility: fc.boolean()
    },
    { requiredKeys: ['title', 'discoveredOn', 'role', 'unsecuredPhi', 'affectedByState'] }
  )
)

/** Last day a statement holds notice: the written period, or at most 30 days for an oral one. */
function referenceDelayEnd(delay: Delay): number {
  const stated = toEpochDay(delay.statedOn)
  if (delay.kind === 'written') return toEpochDay(delay.until!)
  const cap = stated + 30
  return delay.until === undefined ? cap : Math.min(cap, toEpochDay(delay.until))
}

/** Later of the deadline and the delay end; a statement after the deadline as it then stood is ignored. */
function referenceDelayed(due: number, delays: readonly Delay[]): number {
  const ordered = [...delays].sort((a, b) => toEpochDay(a.statedOn) - toEpochDay(b.statedOn))
  let result = due
  for (const delay of ordered) {
    if (toEpochDay(delay.statedOn) <= result) result = Math.max(result, referenceDelayEnd(delay))
  }
  return result
}

function referenceStateDays(start: string, days: number, unit: 'calendar' | 'business'): string {
  return unit === 'business' ? referenceAddBusinessDays(start, days) : fromEpochDay(toEpochDay(start) + days)
}

/** Expected obligation id → due date, computed independently of the engine. */
function referenceObligations(incident: GeneratedIncident): Map<string, string> {
  const expected = new Map<string, string>()
  if (!incident.unsecuredPhi) return expected
  const discovered = toEpochDay(incident.discoveredOn)
  const delays = incident.lawEnforcementDelay ?? []
  const counts = Object.entries(incident.affectedByState)
  const rows = loadStateLawTable().rows.filter(row => row.scope === 'general' || incident.licensedHealthFacility === true)

  if (incident.role === 'business-associate') {
    const window = Math.min(60, incident.baaReportingDays ?? 60)
    expected.set('covered-entity', fromEpochDay(referenceDelayed(discovered + window, delays)))
    for (const row of rows) {
      if (row.vendorNotice && row.hipaa?.effect !== 'exempt' && (incident.affectedByState[row.jurisdiction] ?? 0) > 0) {
        const rule = row.vendorNotice.deadline
        expected.set(`covered-entity:${row.id}`, referenceStateDays(incident.discoveredOn, rule.days, rule.unit))
      }
    }
    return expected
  }

  const total = counts.reduce((sum, [, count]) => sum + count, 0)
  const individualsDue = referenceDelayed(discovered + 60, delays)
  expected.set('individuals', fromEpochDay(individualsDue))
  // No HHS notice is recorded in these cases, so a clock counted from it runs from its due date.
  let hhsDue: string
  if (total >= 500) {
    hhsDue = fromEpochDay(referenceDelayed(discovered + 60, delays))
    expected.set('hhs', hhsDue)
  } else {
    const logDue = toEpochDay(referenceAnnualLogDue(Number(incident.discoveredOn.slice(0, 4))))
    hhsDue = fromEpochDay(referenceDelayed(logDue, delays))
    expected.set('hhs-annual-log', hhsDue)
  }
  for (const [state, count] of counts) {
    if (count > 500) expected.set(`media:${state}`, fromEpochDay(referenceDelayed(discovered + 60, delays)))
  }
  for (const row of rows) {
    const count = incident.affectedByState[row.jurisdiction] ?? 0
    if (count === 0 || row.hipaa?.effect === 'exempt') continue
    const deemed = row.hipaa?.effect === 'deemed-compliant'
    const individual = deemed ? null : row.individual.deadline
    const residentsDue = individual ? referenceStateDays(incident.discoveredOn, individual.days, individual.unit) : undefined
    if (residentsDue) expected.set(`state-individuals:${row.id}`, residentsDue)
    const afterHhs = row.hipaa?.afterHhsNotice
    const replaced = row.hipaa?.regulatorForPhi === 'replaced'
    if (afterHhs && count >= afterHhs.minResidents) {
      expected.set(
        replaced ? `state-regulator:${row.id}` : `state-regulator:${row.id}:after-hhs`,
        referenceStateDays(hhsDue, afterHhs.days, afterHhs.unit)
      )
    }
    const regulator = replaced ? null : row.regulator
    if (!regulator?.deadline || count < regulator.minResidents) continue
    const rule = regulator.deadline
    // No notices are recorded in these cases, so a resident-notice clock shows the residents' deadline.
    const due =
      rule.trigger === 'resident-notice'
        ? (residentsDue ?? fromEpochDay(individualsDue))
        : referenceStateDays(incident.discoveredOn, rule.days, rule.unit)
    expected.set(`state-regulator:${row.id}`, due)
  }
  return expected
}

describe('breach engine against an independent computation', () => {
  it('produces exactly the expected obligations with the expected due dates', () => {
    fc.assert(
      fc.property(generatedIncident, generated => {
        const result = computeBreachObligations(parseIncident(generated), { asOf: generated.discoveredOn })
        const actual = new Map(result.obligations.map(obligation => [obligation.id, obligation.dueOn]))
        expect(actual).toEqual(referenceObligations(generated))
      }),
      { numRuns: 400 }
    )
  })

  it('the HHS and media thresholds are separate checks: total ≥ 500 vs any one state > 500', () => {
    fc.assert(
      fc.property(generatedIncident, generated => {
        const incident = parseIncident({ ...generated, role: 'covered-entity', unsecuredPhi: true })
        const kinds = computeBreachObligations(incident, { asOf: incident.discoveredOn }).obligations.map(o => o.kind)
        const counts = Object.values(generated.affectedByState)
        const total = counts.reduce((a, b) => a + b, 0)
        expect(kinds.includes('hhs')).toBe(total >= 500)
        expect(kinds.includes('hhs-annual-log')).toBe(total < 500)
        expect(kinds.filter(kind => kind === 'media').length).toBe(counts.filter(count => count > 500).length)
      }),
      { numRuns: 300 }
    )
  })

  it('every obligation carries a citation, a basis and a certainty, and statuses follow the as-of date', () => {
    fc.assert(
      fc.property(generatedIncident, fc.integer({ min: -30, max: 400 }), (generated, offset) => {
        const asOf = fromEpochDay(toEpochDay(generated.discoveredOn) + offset)
        for (const obligation of computeBreachObligations(parseIncident(generated), { asOf }).obligations) {
          expect(obligation.citation.length).toBeGreaterThan(5)
          expect(obligation.basis.length).toBeGreaterThan(20)
          expect(['confirmed', 'secondary', 'unconfirmed']).toContain(obligation.certainty)
          expect(obligation.status).toBe(toEpochDay(asOf) > toEpochDay(obligation.dueOn) ? 'overdue' : 'due')
        }
      }),
      { numRuns: 200 }
    )
  })

  it('the annual log falls 60 days after 31 December: 1 March, or 29 February before a leap year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 3000 }), year => {
        expect(annualLogDueOn(year)).toBe(referenceAnnualLogDue(year))
        expect(annualLogDueOn(year)).toBe(fromEpochDay(toEpochDay(`${year}-12-31`) + 60))
      })
    )
  })
})
