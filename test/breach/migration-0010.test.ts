import { describe, expect, it } from 'vitest'
import { getIncident } from '../../main/breach/db/incidents'
import { migrate } from '../../main/db/migrate'
import { databaseAtVersion } from '../helpers/db'

describe('migration 0010: the outcome of the breach assessment', () => {
  it('moves each version-9 incident to an outcome, keeps the factors, and flags what a low-probability one lacks', () => {
    const { db } = databaseAtVersion(9)
    const now = '2026-04-15T00:00:00.000Z'
    const insert = db.prepare(
      `INSERT INTO incident (title, discovered_on, role, unsecured_phi, baa_reporting_days, risk_nature_and_extent, risk_unauthorized_recipient,
         risk_acquired_or_viewed, risk_mitigation, risk_conclusion, created_at, updated_at)
       VALUES (@title, '2026-03-02', @role, @unsecured, @days, @nature, @recipient, @viewed, @mitigation, @conclusion, @now, @now)`
    )
    const row = (values: Record<string, unknown>) =>
      Number(
        insert.run({
          role: 'covered-entity',
          unsecured: 1,
          days: null,
          nature: null,
          recipient: null,
          viewed: null,
          mitigation: null,
          conclusion: null,
          now,
          ...values
        }).lastInsertRowid
      )
    const encrypted = row({ title: 'Encrypted laptop', unsecured: 0, conclusion: 'breach' })
    const assessed = row({
      title: 'Letter to the wrong address',
      nature: 'Names and dates',
      recipient: 'Another clinic',
      viewed: 'Returned unopened',
      mitigation: 'Recovered',
      conclusion: 'low-probability-of-compromise'
    })
    const breach = row({ title: 'Stolen server', conclusion: 'breach', role: 'business-associate', days: 10 })

    migrate(db, { target: 10 })

    expect(db.pragma('user_version', { simple: true })).toBe(10)
    expect(getIncident(db, encrypted)).toMatchObject({ assessment: { outcome: 'secured' }, unsecuredPhi: false, assessmentMissing: ['the reason'] })
    expect(getIncident(db, assessed)).toMatchObject({
      assessment: {
        outcome: 'low-probability',
        factors: {
          natureAndExtent: 'Names and dates',
          unauthorizedRecipient: 'Another clinic',
          acquiredOrViewed: 'Returned unopened',
          mitigation: 'Recovered'
        }
      },
      // Kept readable, flagged as incomplete: no reviewer or date was ever asked for before.
      assessmentMissing: ['the reviewer', 'the date of the assessment']
    })
    expect(getIncident(db, breach)).toMatchObject({
      assessment: { outcome: 'breach' },
      assessmentMissing: [],
      baaReportingWindow: { amount: 10, unit: 'calendar-days' },
      baDiscoveredOn: null,
      baIsAgent: false
    })
    const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all('incident') as { name: string }[]).map(c => c.name)
    expect(columns).not.toContain('unsecured_phi')
    // The conclusion typed on a secured row is not read any more, but it is not lost either.
    expect(db.prepare('SELECT risk_conclusion FROM incident WHERE id = ?').get(encrypted)).toEqual({ risk_conclusion: 'breach' })
    expect(columns).not.toContain('baa_reporting_days')
    expect(() => db.prepare("UPDATE incident SET assessment_outcome = 'maybe' WHERE id = ?").run(breach)).toThrow(/CHECK/)
  })
})
