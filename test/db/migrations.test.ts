import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ApiError } from '../../main/shared/errors'
import { connect } from '../../main/db/driver'
import { assertMigrationOrder, migrate, schemaVersion } from '../../main/db/migrate'
import type { Migration } from '../../main/db/migration'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../main/db/migrations'
import { openWorkspaceDb, WORKSPACE_APPLICATION_ID } from '../../main/db/open'
import { databaseAtVersion, tableNames } from '../helpers/db'
import { tempDir } from '../helpers/workspace'

describe('migration runner', () => {
  it('numbers migrations 1, 2, 3… with no gap or duplicate', () => {
    expect(MIGRATIONS.map(m => m.version)).toEqual(MIGRATIONS.map((_m, index) => index + 1))
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length)
    expect(() => assertMigrationOrder([MIGRATIONS[0]!, { ...MIGRATIONS[0]!, version: 3 }])).toThrow(/expected 2/)
  })

  it('builds a fresh database at the latest version with foreign keys, WAL and full sync', () => {
    const { db, file } = databaseAtVersion(0)
    migrate(db)
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(tableNames(db)).toContain('workspace')
    db.close()

    const reopened = openWorkspaceDb(file)
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(reopened.pragma('synchronous', { simple: true })).toBe(2)
    expect(reopened.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok')
    reopened.close()
  })

  it.each(MIGRATIONS.map(m => m.version - 1))('upgrades a workspace saved at version %i to the latest', from => {
    const { db, file } = databaseAtVersion(from)
    expect(schemaVersion(db)).toBe(from)
    db.close()
    const upgraded = openWorkspaceDb(file)
    expect(schemaVersion(upgraded)).toBe(LATEST_SCHEMA_VERSION)
    expect(upgraded.pragma('foreign_key_check')).toEqual([])
    expect(upgraded.pragma('integrity_check', { simple: true })).toBe('ok')
    upgraded.close()
  })

  it('refuses a workspace from a newer version with a clear message and leaves it unchanged', () => {
    const { db, file } = databaseAtVersion(LATEST_SCHEMA_VERSION)
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    db.close()
    const before = fs.readFileSync(file)
    let caught: unknown
    try {
      openWorkspaceDb(file)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ApiError)
    expect((caught as ApiError).code).toBe('workspace-too-new')
    expect((caught as ApiError).message).toMatch(/newer version of Safeguard/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })

  it('rolls a failing migration back to the last good version', () => {
    const file = path.join(tempDir(), 'broken.safeguard')
    const db = connect(file)
    db.pragma(`application_id = ${WORKSPACE_APPLICATION_ID}`)
    const failing: Migration[] = [
      ...MIGRATIONS,
      {
        version: MIGRATIONS.length + 1,
        name: 'half-done',
        up(inner) {
          inner.exec('CREATE TABLE half_done (id INTEGER)')
          throw new Error('boom')
        }
      }
    ]
    expect(() => migrate(db, { migrations: failing })).toThrow('boom')
    expect(schemaVersion(db)).toBe(MIGRATIONS.length)
    expect(tableNames(db)).not.toContain('half_done')
    db.close()
  })

  it('refuses an SQLite file that is not a Safeguard workspace without touching it', () => {
    const file = path.join(tempDir(), 'other.db')
    const other = connect(file)
    other.exec('CREATE TABLE notes (text TEXT)')
    other.close()
    const before = fs.readFileSync(file)
    expect(() => openWorkspaceDb(file)).toThrow(/not a Safeguard workspace/)
    expect(fs.readFileSync(file).equals(before)).toBe(true)
  })
})
