import { describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrate'
import { databaseAtVersion } from '../helpers/db'

describe('migration 0009: archiving incidents and business associates', () => {
  it('keeps every incident and business associate written at version 8, all live', () => {
    const { db } = databaseAtVersion(8)
    const now = '2026-04-15T00:00:00.000Z'
    const associate = Number(
      db
        .prepare(
          "INSERT INTO business_associate (name, relationship, baa_status, created_at, updated_at) VALUES (?, 'business-associate', 'signed', ?, ?)"
        )
        .run('Northwind Billing', now, now).lastInsertRowid
    )
    const incident = Number(
      db
        .prepare(
          "INSERT INTO incident (title, description, phi_categories, discovered_on, role, unsecured_phi, business_associate_id, created_at, updated_at) VALUES (?, '', '[]', '2026-03-01', 'covered-entity', 1, ?, ?, ?)"
        )
        .run('Lost laptop', associate, now, now).lastInsertRowid
    )
    db.prepare('INSERT INTO incident_affected (incident_id, jurisdiction, count) VALUES (?, ?, ?)').run(incident, 'CA', 12)

    migrate(db, { target: 9 })

    expect(db.pragma('user_version', { simple: true })).toBe(9)
    expect(db.prepare('SELECT id, name, archived_at, archive_reason FROM business_associate').all()).toEqual([
      { id: associate, name: 'Northwind Billing', archived_at: null, archive_reason: null }
    ])
    expect(db.prepare('SELECT id, title, business_associate_id, archived_at, archive_reason FROM incident').all()).toEqual([
      { id: incident, title: 'Lost laptop', business_associate_id: associate, archived_at: null, archive_reason: null }
    ])
    expect(db.prepare('SELECT count FROM incident_affected WHERE incident_id = ?').get(incident)).toEqual({ count: 12 })
    // The archive moment must be a timestamp, so a typo cannot hide a record for ever.
    expect(() => db.prepare('UPDATE incident SET archived_at = ? WHERE id = ?').run('yesterday', incident)).toThrow(/CHECK/)
  })
})
