import { describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../main/db/migrate'
import { MAP_ASSET_KINDS, MAP_FLOW_KINDS, PHI_MARKINGS, FLOW_CARRIES } from '../../main/map/contract'
import { ZONE_KINDS } from '../../main/map/model'
import { databaseAtVersion, tableNames } from '../helpers/db'

const NOW = '2025-03-01T10:00:00.000Z'

describe('migration 0007: the data-flow map', () => {
  it('adds the map tables to a workspace at version 6 and keeps its business associates', () => {
    const { db } = databaseAtVersion(6)
    db.prepare(
      `INSERT INTO business_associate (name, relationship, baa_status, created_at, updated_at) VALUES ('Clearing House', 'business-associate', 'signed', ?, ?)`
    ).run(NOW, NOW)
    migrate(db, { target: 7 })
    expect(schemaVersion(db)).toBe(7)
    expect(tableNames(db)).toEqual(
      expect.arrayContaining(['map_source', 'map_zone', 'map_asset', 'map_asset_zone', 'map_flow', 'map_flag_dismissal', 'map_review'])
    )
    const baId = (db.prepare('SELECT id FROM business_associate').get() as { id: number }).id
    db.prepare(
      `INSERT INTO map_asset (key, name, resource_type, kind, manual, phi, phi_said_by, phi_said_at, owner, business_associate_id, created_at, updated_at)
       VALUES ('manual:1', 'Clearing house link', 'manual', 'external', 1, 'phi', 'Dana', ?, 'Dana', ?, ?, ?)`
    ).run(NOW, baId, NOW, NOW)
    // Deleting the business associate unlinks the asset and keeps it.
    db.prepare('DELETE FROM business_associate WHERE id = ?').run(baId)
    expect(db.prepare('SELECT business_associate_id, phi FROM map_asset').get()).toEqual({ business_associate_id: null, phi: 'phi' })
    db.close()
  })

  it('refuses rows the map cannot mean', () => {
    const { db } = databaseAtVersion(7)
    const asset = (phi: string | null, saidAt: string | null) =>
      db
        .prepare(
          `INSERT INTO map_asset (key, name, resource_type, kind, phi, phi_said_at, created_at, updated_at)
           VALUES (?, 'x', 't', 'bucket', ?, ?, ?, ?)`
        )
        .run(`k${Math.random()}`, phi, saidAt, NOW, NOW)
    expect(() => asset('secret', NOW)).toThrow(/CHECK/)
    // A marking always says when it was said.
    expect(() => asset('phi', null)).toThrow(/CHECK/)
    expect(() => asset('phi', NOW)).not.toThrow()
    const assetId = (db.prepare('SELECT id FROM map_asset').get() as { id: number }).id
    const flow = (fromAsset: number | null, fromZone: number | null, carries: string | null) =>
      db
        .prepare(
          `INSERT INTO map_flow (key, from_asset_id, from_zone_id, to_asset_id, kind, carries, carries_said_at, created_at)
           VALUES (?, ?, ?, ?, 'network', ?, ?, ?)`
        )
        .run(`f${Math.random()}`, fromAsset, fromZone, assetId, carries, carries && NOW, NOW)
    // A flow starts at exactly one asset or zone.
    expect(() => flow(null, null, null)).toThrow(/CHECK/)
    expect(() => flow(assetId, null, 'everything')).toThrow(/CHECK/)
    expect(() => flow(assetId, null, 'metadata')).not.toThrow()
    db.prepare(`INSERT INTO map_flag_dismissal (rule_id, subject_key, reason, dismissed_by, dismissed_at) VALUES ('r', 's', 'why', 'Dana', ?)`).run(
      NOW
    )
    // Only one current dismissal per flag; a restored one may be dismissed again.
    expect(() =>
      db
        .prepare(`INSERT INTO map_flag_dismissal (rule_id, subject_key, reason, dismissed_by, dismissed_at) VALUES ('r', 's', 'again', 'Dana', ?)`)
        .run(NOW)
    ).toThrow(/UNIQUE/)
    db.prepare(`UPDATE map_flag_dismissal SET restored_by = 'Dana', restored_at = ?`).run(NOW)
    expect(() =>
      db
        .prepare(`INSERT INTO map_flag_dismissal (rule_id, subject_key, reason, dismissed_by, dismissed_at) VALUES ('r', 's', 'again', 'Dana', ?)`)
        .run(NOW)
    ).not.toThrow()
    expect(() => db.prepare(`INSERT INTO map_review (reviewed_on, reviewed_by, recorded_at) VALUES ('March', 'Dana', ?)`).run(NOW)).toThrow(/CHECK/)
    db.close()
  })

  // A kind the readers add later needs a migration widening these CHECKs: this test says so.
  it('accepts every asset kind, flow kind, zone kind and marking the contract names', () => {
    const { db } = databaseAtVersion(7)
    for (const kind of MAP_ASSET_KINDS) {
      for (const phi of [...PHI_MARKINGS, null]) {
        db.prepare(
          `INSERT INTO map_asset (key, name, resource_type, kind, phi, phi_said_at, created_at, updated_at) VALUES (?, 'x', 't', ?, ?, ?, ?, ?)`
        ).run(`${kind}-${phi}`, kind, phi, phi && NOW, NOW, NOW)
      }
    }
    for (const kind of ZONE_KINDS) db.prepare(`INSERT INTO map_zone (key, kind, name, provider) VALUES (?, ?, 'z', 'aws')`).run(kind, kind)
    const assetId = (db.prepare('SELECT min(id) AS id FROM map_asset').get() as { id: number }).id
    for (const kind of MAP_FLOW_KINDS) {
      for (const carries of [...FLOW_CARRIES, null]) {
        db.prepare(
          `INSERT INTO map_flow (key, from_asset_id, to_zone_id, kind, carries, carries_said_at, created_at) VALUES (?, ?, (SELECT min(id) FROM map_zone), ?, ?, ?, ?)`
        ).run(`${kind}-${carries}`, assetId, kind, carries, carries && NOW, NOW)
      }
    }
    expect((db.prepare('SELECT count(*) AS n FROM map_flow').get() as { n: number }).n).toBe(MAP_FLOW_KINDS.length * 4)
    db.close()
  })
})
