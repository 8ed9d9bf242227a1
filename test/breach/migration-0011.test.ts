import { describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrate'
import { databaseAtVersion } from '../helpers/db'

describe('migration 0011: notices as given', () => {
  it('moves each free-text method into the listed methods, keeps its words in the evidence, and checks new rows', () => {
    // The incident is written at version 9 (0010 reshapes the incident table) and the notices at version 10.
    const { db } = databaseAtVersion(9)
    const now = '2026-04-15T00:00:00.000Z'
    const incident = Number(
      db
        .prepare(
          "INSERT INTO incident (title, description, phi_categories, discovered_on, role, unsecured_phi, created_at, updated_at) VALUES (?, '', '[]', '2026-03-01', 'covered-entity', 1, ?, ?)"
        )
        .run('Stolen laptop', now, now).lastInsertRowid
    )
    migrate(db, { target: 10 })
    const notices: [string, string | null, string][] = [
      ['individuals', null, 'First-class mail, two batches'],
      ['individuals', null, 'phoned each patient'],
      ['hhs', null, 'HHS breach portal'],
      ['media', 'GA', 'Press release to the AJC'],
      ['state-regulator', 'TX', 'e-mail to the AG office'],
      ['state-individuals', 'TX', ''],
      ['individuals', null, 'posted on the website']
    ]
    const insert = db.prepare(
      'INSERT INTO incident_notice (incident_id, kind, jurisdiction, obligation_id, done_on, method, recorded_at) VALUES (?, ?, ?, NULL, ?, ?, ?)'
    )
    for (const [kind, jurisdiction, method] of notices) insert.run(incident, kind, jurisdiction, '2026-04-10', method, now)

    migrate(db, { target: 11 })

    expect(db.pragma('user_version', { simple: true })).toBe(11)
    expect(
      db.prepare('SELECT kind, method, evidence, recipients_count, missing_contact_count, posted_until FROM incident_notice ORDER BY id').all()
    ).toEqual(
      [
        { kind: 'individuals', method: 'written', evidence: 'Method as first recorded: First-class mail, two batches' },
        { kind: 'individuals', method: 'other', evidence: 'Method as first recorded: phoned each patient' },
        { kind: 'hhs', method: 'hhs-portal', evidence: 'Method as first recorded: HHS breach portal' },
        { kind: 'media', method: 'press-release', evidence: 'Method as first recorded: Press release to the AJC' },
        { kind: 'state-regulator', method: 'email', evidence: 'Method as first recorded: e-mail to the AG office' },
        { kind: 'state-individuals', method: 'other', evidence: '' },
        // A posting is not taken for substitute notice: the migration does not guess who lacked contact details.
        { kind: 'individuals', method: 'other', evidence: 'Method as first recorded: posted on the website' }
      ].map(row => ({ recipients_count: null, missing_contact_count: null, posted_until: null, ...row }))
    )
    // The incident's notices still cascade with it, and the method is now one of the list.
    expect(() =>
      db
        .prepare(
          "INSERT INTO incident_notice (incident_id, kind, done_on, method, recorded_at) VALUES (?, 'individuals', '2026-04-11', 'carrier pigeon', ?)"
        )
        .run(incident, now)
    ).toThrow(/CHECK/)
    db.prepare('DELETE FROM incident WHERE id = ?').run(incident)
    expect(db.prepare('SELECT count(*) AS n FROM incident_notice').get()).toEqual({ n: 0 })
  })
})
