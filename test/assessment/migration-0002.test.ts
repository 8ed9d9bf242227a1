import { describe, expect, it } from 'vitest'
import { migrate } from '../../main/db/migrate'
import { databaseAtVersion, tableNames } from '../helpers/db'
import { createTestSession, createTestWorkspace } from '../helpers/workspace'

describe('migration 0002 (assessment)', () => {
  it('adds the assessment tables to a version-1 workspace and keeps its data', () => {
    const { db } = databaseAtVersion(1)
    db.prepare(
      `INSERT INTO workspace (id, workspace_uid, organization_name, role, created_at, updated_at)
       VALUES (1, 'uid-1', 'Harbor Family Practice', 'covered-entity', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`
    ).run()
    migrate(db, { target: 2 })
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(tableNames(db).filter(n => n.startsWith('assessment_'))).toEqual([
      'assessment_answer',
      'assessment_audit',
      'assessment_cloud_service',
      'assessment_decision',
      'assessment_period',
      'assessment_profile',
      'assessment_risk',
      'assessment_signoff'
    ])
    expect(db.prepare('SELECT organization_name FROM workspace').pluck().get()).toBe('Harbor Family Practice')
    db.close()
  })

  it('enforces the rules in the schema too', () => {
    const { db } = databaseAtVersion(2)
    const period = db.prepare("INSERT INTO assessment_period (id, status, started_on, created_at) VALUES (?, 'current', '2026-01-01', 'now')")
    period.run('2026')
    expect(() => period.run('2027')).toThrow(/UNIQUE/) // only one current period
    const decision = db.prepare(
      `INSERT INTO assessment_decision (period_id, citation, decision, explanation, decided_on, updated_at)
       VALUES ('2026', '164.312(a)(2)(iii)', ?, ?, '2026-01-01', 'now')`
    )
    expect(() => decision.run('not-reasonable', '  ')).toThrow(/CHECK/)
    expect(() =>
      db.prepare("INSERT INTO assessment_risk (period_id, question_id, likelihood, impact, updated_at) VALUES ('2026', 'q', 6, 1, 'now')").run()
    ).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare(
          "INSERT INTO assessment_signoff (period_id, family, reviewer, signed_on, created_at) VALUES ('2026', 'physical', 'A', '10/03/2026', 'now')"
        )
        .run()
    ).toThrow(/CHECK/)
    db.close()
  })
})

describe('persistence', () => {
  it('finds everything as it was after the workspace is reopened', async () => {
    const ws = await createTestWorkspace({ now: () => new Date('2026-03-10T12:00:00Z') })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iii-1', value: 'no', notes: 'Front desk PCs stay logged in' })
    await ws.call('assessment.setDecision', {
      citation: '164.312(a)(2)(iii)',
      decision: 'equivalent-alternative',
      explanation: 'Screens face away from the waiting room'
    })
    await ws.call('assessment.rateRisk', { questionId: 'q-312-a2-iii-1', likelihood: 3, impact: 3, owner: 'Office manager', dueOn: '2026-05-01' })
    await ws.call('assessment.signOff', { group: 'technical', reviewer: 'Dana Reyes', signedOn: '2026-03-10' })
    ws.session.close()

    const later = createTestSession({ now: () => new Date('2026-03-11T08:00:00Z') })
    await later.call('workspace.open', { path: ws.workspacePath })
    const item = (await later.call('assessment.questionnaire', { search: 'q-312-a2-iii-1' })).items[0]!
    expect(item.answer).toMatchObject({ value: 'no', notes: 'Front desk PCs stay logged in' })
    expect(item.decisionNeeded).toBe(false)
    expect(item.risk).toMatchObject({ level: 'medium', owner: 'Office manager', dueOn: '2026-05-01' })
    const technical = (await later.call('assessment.progress', {})).groups.find(g => g.group === 'technical')!
    expect(technical.signOff).toMatchObject({ reviewer: 'Dana Reyes', changedSince: false })
  })
})
