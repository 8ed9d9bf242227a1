import { describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrate'
import { databaseAtVersion } from '../helpers/db'

describe('migration 0012: finding triage and reasons for dismissed review flags', () => {
  it('keeps every review flag written at version 11, the dismissed ones with the moment they were dismissed', () => {
    const { db } = databaseAtVersion(11)
    const scan = Number(
      db
        .prepare(
          `INSERT INTO scan (file_name, file_sha256, file_bytes, format, scanner, encoding, imported_at, findings, passed, failed)
           VALUES ('scan.json', ?, 10, 'prowler-ocsf', 'prowler', 'utf-8', '2026-01-05T10:00:00.000Z', 1, 0, 1)`
        )
        .run('a'.repeat(64)).lastInsertRowid
    )
    const flag = db.prepare('INSERT INTO spec_review_flag (citation, status, scan_id, failing, flagged_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
    flag.run('164.312(a)(2)(iv)', 'dismissed', scan, 3, '2026-01-05T10:00:00.000Z', '2026-01-20T09:30:00.000Z')
    flag.run('164.312(b)', 'open', scan, 1, '2026-01-05T10:00:00.000Z', '2026-01-05T10:00:00.000Z')

    migrate(db, { target: 12 })

    expect(db.pragma('user_version', { simple: true })).toBe(12)
    expect(db.prepare('SELECT * FROM spec_review_flag ORDER BY citation').all()).toEqual([
      {
        citation: '164.312(a)(2)(iv)',
        status: 'dismissed',
        scan_id: scan,
        failing: 3,
        flagged_at: '2026-01-05T10:00:00.000Z',
        updated_at: '2026-01-20T09:30:00.000Z',
        dismiss_reason: null,
        dismissed_by: null,
        dismissed_at: '2026-01-20T09:30:00.000Z',
        restored_by: null,
        restored_at: null
      },
      {
        citation: '164.312(b)',
        status: 'open',
        scan_id: scan,
        failing: 1,
        flagged_at: '2026-01-05T10:00:00.000Z',
        updated_at: '2026-01-05T10:00:00.000Z',
        dismiss_reason: null,
        dismissed_by: null,
        dismissed_at: null,
        restored_by: null,
        restored_at: null
      }
    ])
  })

  it('refuses a triage without a reason or a name, and an accepted risk or a fix without an expiry', () => {
    const { db } = databaseAtVersion(11)
    migrate(db, { target: 12 })
    const insert = db.prepare(
      `INSERT INTO finding_triage (scanner, check_id, finding_key, status, reason, triaged_by, created_at, expires_on)
       VALUES ('prowler', 'check', 'prowler|1|r|check|x', ?, ?, ?, '2026-01-05T10:00:00.000Z', ?)`
    )
    expect(() => insert.run('false-positive', ' ', 'Dana', null)).toThrow(/CHECK/)
    expect(() => insert.run('false-positive', 'Reason', '', null)).toThrow(/CHECK/)
    expect(() => insert.run('accepted-risk', 'Reason', 'Dana', null)).toThrow(/CHECK/)
    expect(() => insert.run('fixed-pending-rescan', 'Reason', 'Dana', null)).toThrow(/CHECK/)
    expect(() => insert.run('accepted-risk', 'Reason', 'Dana', '31/03/2026')).toThrow(/CHECK/)
    expect(() => insert.run('ignored', 'Reason', 'Dana', null)).toThrow(/CHECK/)
    insert.run('false-positive', 'Reason', 'Dana', null)
    insert.run('accepted-risk', 'Reason', 'Dana', '2026-03-31')
    expect(db.prepare('SELECT count(*) AS n FROM finding_triage').get()).toEqual({ n: 2 })
  })
})
