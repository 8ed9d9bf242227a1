import { describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrate'
import { listGapRatings } from '../../main/risks/db/gap-ratings'
import { databaseAtVersion } from '../helpers/db'

interface OldRow {
  period: string
  question: string
  likelihood: number
  impact: number
  owner: string
  remediation: string
  dueOn: string | null
  status: 'open' | 'in-progress' | 'done' | 'accepted'
}

const OLD_ROWS: OldRow[] = [
  {
    period: '2025',
    question: 'q-312-d-1',
    likelihood: 4,
    impact: 5,
    owner: 'CTO',
    remediation: 'Enforce MFA',
    dueOn: '2025-03-01',
    status: 'in-progress'
  },
  { period: '2025', question: 'q-308-a7-iiA-2', likelihood: 2, impact: 2, owner: '', remediation: '', dueOn: null, status: 'accepted' },
  {
    period: '2026',
    question: 'q-312-d-1',
    likelihood: 3,
    impact: 5,
    owner: 'CTO',
    remediation: 'Enforce MFA everywhere',
    dueOn: '2026-06-30',
    status: 'open'
  },
  {
    period: '2026',
    question: 'q-316-a-2',
    likelihood: 1,
    impact: 3,
    owner: 'Office manager',
    remediation: 'Write the policy',
    dueOn: '2026-01-15',
    status: 'done'
  }
]

function seedVersion7() {
  const { db } = databaseAtVersion(7)
  db.prepare(
    "INSERT INTO assessment_period (id, status, started_on, closed_on, created_at) VALUES ('2025', 'closed', '2025-02-01', '2026-02-01', 'x')"
  ).run()
  db.prepare(
    "INSERT INTO assessment_period (id, status, started_on, copied_from, created_at) VALUES ('2026', 'current', '2026-02-01', '2025', 'x')"
  ).run()
  const insert = db.prepare(
    `INSERT INTO assessment_risk (period_id, question_id, likelihood, impact, owner, remediation, due_on, status, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  OLD_ROWS.forEach((row, index) =>
    insert.run(
      row.period,
      row.question,
      row.likelihood,
      row.impact,
      row.owner,
      row.remediation,
      row.dueOn,
      row.status,
      `2026-0${index + 1}-01T00:00:00Z`
    )
  )
  return db
}

const STEP: Record<number, string> = { 1: 'low', 2: 'low', 3: 'medium', 4: 'high', 5: 'high' }

describe('migration 0008: the risk analysis', () => {
  it('carries every gap rating of every period into a scenario on the Organisation-wide asset, linked to its gap', () => {
    const db = seedVersion7()
    const oldTable = db.prepare('SELECT * FROM assessment_risk ORDER BY period_id, question_id').all()
    migrate(db)

    const scenarios = db
      .prepare(
        `SELECT s.period_id, s.key, s.threat_id, s.likelihood, s.impact, s.owner, s.treatment_plan, s.due_on, s.status, s.treatment,
           s.gap_question_id, s.gap_likelihood, s.gap_impact, s.found_on, s.updated_at,
           (SELECT group_concat(asset_name) FROM risk_scenario_asset WHERE scenario_id = s.id) AS assets,
           (SELECT group_concat(kind || ':' || ref) FROM risk_vulnerability WHERE scenario_id = s.id) AS vulnerabilities
         FROM risk_scenario s ORDER BY s.period_id, s.gap_question_id`
      )
      .all() as Record<string, unknown>[]
    expect(scenarios).toHaveLength(OLD_ROWS.length)
    for (const row of OLD_ROWS) {
      const scenario = scenarios.find(s => s.period_id === row.period && s.gap_question_id === row.question)
      expect(scenario, `${row.period} ${row.question}`).toMatchObject({
        key: `gap:${row.question}`,
        threat_id: null,
        likelihood: STEP[row.likelihood],
        impact: STEP[row.impact],
        gap_likelihood: row.likelihood,
        gap_impact: row.impact,
        owner: row.owner,
        treatment_plan: row.remediation,
        due_on: row.dueOn,
        assets: 'Organisation-wide',
        vulnerabilities: `question:${row.question}`
      })
      if (row.dueOn !== null) expect((scenario!.found_on as string) <= row.dueOn).toBe(true)
    }
    const byKey = (period: string, question: string) => scenarios.find(s => s.period_id === period && s.gap_question_id === question)!
    expect(byKey('2025', 'q-308-a7-iiA-2')).toMatchObject({ status: 'treated', treatment: 'accept' })
    expect(byKey('2025', 'q-312-d-1')).toMatchObject({ status: 'in-treatment', treatment: 'mitigate' })
    expect(byKey('2026', 'q-316-a-2')).toMatchObject({ status: 'treated', treatment: 'mitigate' })
    expect(byKey('2026', 'q-312-d-1')).toMatchObject({ status: 'open', treatment: 'mitigate' })

    // The earlier register reads back exactly as it was, and its table is kept untouched.
    for (const period of ['2025', '2026']) {
      const ratings = listGapRatings(db, period).map(({ updatedAt: _u, ...rating }) => rating)
      const expected = OLD_ROWS.filter(row => row.period === period).map(row => ({
        questionId: row.question,
        likelihood: row.likelihood,
        impact: row.impact,
        owner: row.owner,
        remediation: row.remediation,
        dueOn: row.dueOn,
        status: row.status
      }))
      expect(ratings.sort((a, b) => a.questionId.localeCompare(b.questionId))).toEqual(
        expected.sort((a, b) => a.questionId.localeCompare(b.questionId))
      )
    }
    expect(db.prepare('SELECT * FROM assessment_risk ORDER BY period_id, question_id').all()).toEqual(oldTable)
    expect(db.prepare("SELECT count(*) FROM map_asset WHERE key = 'manual:organisation-wide' AND manual = 1").pluck().get()).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })

  it('adds no asset and no scenario to a workspace that had no ratings', () => {
    const { db } = databaseAtVersion(7)
    migrate(db)
    expect(db.prepare('SELECT count(*) FROM map_asset').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM risk_scenario').pluck().get()).toBe(0)
    db.close()
  })
})
