import { describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrate'
import { databaseAtVersion, tableNames } from '../helpers/db'

describe('migration 0004: business associates, incidents, calendar', () => {
  it('adds its tables on top of version 3, with constraints that refuse bad rows', () => {
    const { db } = databaseAtVersion(3)
    migrate(db, { target: 4 })
    expect(db.pragma('user_version', { simple: true })).toBe(4)
    expect(tableNames(db)).toEqual(
      expect.arrayContaining([
        'business_associate',
        'business_associate_agreement_file',
        'business_associate_term',
        'incident',
        'incident_affected',
        'incident_law_enforcement_delay',
        'incident_notice',
        'calendar_completion'
      ])
    )
    const now = '2026-04-15T00:00:00.000Z'
    const addAssociate = db.prepare(
      "INSERT INTO business_associate (name, relationship, parent_id, baa_status, expires_on, created_at, updated_at) VALUES (?, 'business-associate', ?, ?, ?, ?, ?)"
    )
    const parent = Number(addAssociate.run('Northwind', null, 'signed', '2027-01-31', now, now).lastInsertRowid)
    expect(() => addAssociate.run('Bad status', null, 'pending', null, now, now)).toThrow(/CHECK/)
    expect(() => addAssociate.run('Bad date', null, 'signed', '31/01/2027', now, now)).toThrow(/CHECK/)
    const child = Number(addAssociate.run('Sub', parent, 'signed', null, now, now).lastInsertRowid)
    // A party with subcontractors below it cannot be deleted out from under them.
    expect(() => db.prepare('DELETE FROM business_associate WHERE id = ?').run(parent)).toThrow(/FOREIGN KEY/)
    expect(child).toBeGreaterThan(parent)

    const incident = Number(
      db
        .prepare(
          "INSERT INTO incident (title, discovered_on, role, unsecured_phi, created_at, updated_at) VALUES ('Laptop', '2026-03-01', 'covered-entity', 1, ?, ?)"
        )
        .run(now, now).lastInsertRowid
    )
    db.prepare("INSERT INTO incident_affected VALUES (?, 'TX', 10)").run(incident)
    expect(() => db.prepare("INSERT INTO incident_affected VALUES (?, 'CA', -1)").run(incident)).toThrow(/CHECK/)
    // A written delay must say when it ends.
    expect(() =>
      db.prepare("INSERT INTO incident_law_enforcement_delay (incident_id, kind, stated_on) VALUES (?, 'written', '2026-03-05')").run(incident)
    ).toThrow(/CHECK/)
    db.prepare("INSERT INTO incident_notice (incident_id, kind, done_on, recorded_at) VALUES (?, 'individuals', '2026-04-01', ?)").run(incident, now)
    db.prepare('DELETE FROM incident WHERE id = ?').run(incident)
    expect(db.prepare('SELECT count(*) AS n FROM incident_affected').get()).toEqual({ n: 0 })
    expect(db.prepare('SELECT count(*) AS n FROM incident_notice').get()).toEqual({ n: 0 })
    db.close()
  })
})
