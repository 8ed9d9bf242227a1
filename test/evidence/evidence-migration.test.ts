// Migration 15 adds the evidence tables beside what a version-14 workspace holds: its rows (a signed agreement in the
// older attachment table, an answer) are untouched, and the new tables refuse an item that is neither a file nor a link.
import { describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrate'
import { databaseAtVersion, tableNames } from '../helpers/db'

describe('migration 15: evidence links', () => {
  it('keeps version-14 rows and adds the evidence tables with their checks', () => {
    const { db } = databaseAtVersion(14)
    db.prepare(
      "INSERT INTO assessment_period (id, status, started_on, created_at) VALUES ('2026', 'current', '2026-01-05', '2026-01-05T09:00:00Z')"
    ).run()
    db.prepare("INSERT INTO assessment_answer (period_id, question_id, value, updated_at) VALUES ('2026', 'q1', 'yes', '2026-01-05T09:00:00Z')").run()
    db.prepare("INSERT INTO attachment (sha256, name, size, content, added_at) VALUES (?, 'baa.pdf', 3, X'414243', '2026-01-05T09:00:00Z')").run(
      'a'.repeat(64)
    )
    const before = {
      answers: db.prepare('SELECT * FROM assessment_answer').all(),
      attachments: db.prepare('SELECT * FROM attachment').all()
    }
    expect(tableNames(db)).not.toContain('evidence_item')

    migrate(db, { target: 15 })
    expect(db.pragma('user_version', { simple: true })).toBe(15)
    expect(tableNames(db)).toEqual(expect.arrayContaining(['evidence_item', 'evidence_content', 'evidence_chunk']))
    expect({ answers: db.prepare('SELECT * FROM assessment_answer').all(), attachments: db.prepare('SELECT * FROM attachment').all() }).toEqual(
      before
    )

    const item = db.prepare(
      `INSERT INTO evidence_item (target_kind, target_id, period_id, kind, title, url, effective_as_of, expires_on, added_at, added_by, updated_at)
       VALUES (?, ?, ?, ?, 'Report', ?, ?, ?, 'now', 'Dana', 'now')`
    )
    item.run('answer', 'q1', '2026', 'link', 'https://example.org', '2026-01-05', null)
    // A link without an address, an ftp address, an expiry before the effective date, an answer without its period.
    expect(() => item.run('answer', 'q1', '2026', 'link', null, '2026-01-05', null)).toThrow(/CHECK/)
    expect(() => item.run('answer', 'q1', '2026', 'link', 'ftp://example.org', '2026-01-05', null)).toThrow(/CHECK/)
    expect(() => item.run('answer', 'q1', '2026', 'link', 'https://example.org', '2026-01-05', '2026-01-04')).toThrow(/CHECK/)
    expect(() => item.run('answer', 'q1', null, 'link', 'https://example.org', '2026-01-05', null)).toThrow(/CHECK/)
    expect(() => item.run('policy', 'x', null, 'link', 'https://example.org', '2026-01-05', null)).toThrow(/CHECK/)
    expect(db.prepare('SELECT COUNT(*) FROM evidence_item').pluck().get()).toBe(1)
    db.close()
  })
})
