import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'

let instant = new Date('2026-03-10T12:00:00Z')
const clock = () => instant

describe('risk register', () => {
  it('rates gaps only, derives the level and sorts by it', async () => {
    instant = new Date('2026-03-10T12:00:00Z')
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-d-1', value: 'no' })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a7-iiA-2', value: 'partly' })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a2-1', value: 'yes' })

    await expect(ws.call('assessment.rateRisk', { questionId: 'q-308-a2-1', likelihood: 3, impact: 3 })).rejects.toThrow(/Only gaps are rated/)
    await expect(ws.call('assessment.rateRisk', { questionId: 'q-312-d-1', likelihood: 6, impact: 3 })).rejects.toMatchObject({
      code: 'invalid-input'
    })

    const unrated = await ws.call('assessment.risks', {})
    expect(unrated.map(r => [r.questionId, r.answer, r.rating])).toEqual([
      ['q-308-a7-iiA-2', 'partly', null],
      ['q-312-d-1', 'no', null]
    ])

    const mfa = await ws.call('assessment.rateRisk', {
      questionId: 'q-312-d-1',
      likelihood: 4,
      impact: 5,
      owner: 'CTO',
      remediation: 'Enforce MFA in the identity provider',
      dueOn: '2026-03-01'
    })
    expect(mfa.rating).toMatchObject({ score: 20, level: 'critical', status: 'open', owner: 'CTO' })
    expect(mfa.overdue).toBe(true)
    // In the risk analysis, a rated gap nobody titled reads as its question, not as its id.
    const question = (await ws.call('assessment.catalog', {})).questions.find(q => q.id === 'q-312-d-1')!
    const analysis = await ws.call('risks.list', {})
    const titles = analysis.rows.map(r => r.title)
    expect(titles.some(t => t.startsWith('Gap: ') && question.text.startsWith(t.slice(5).replace(/…$/, '')))).toBe(true)
    expect(titles.join('\n')).not.toContain('q-312-d-1')
    await ws.call('assessment.rateRisk', { questionId: 'q-308-a7-iiA-2', likelihood: 2, impact: 2, dueOn: '2026-06-30' })

    expect((await ws.call('assessment.risks', { sort: 'level' })).map(r => [r.questionId, r.rating?.level])).toEqual([
      ['q-312-d-1', 'critical'],
      ['q-308-a7-iiA-2', 'low']
    ])
    expect((await ws.call('assessment.risks', { sort: 'due' })).map(r => r.questionId)).toEqual(['q-312-d-1', 'q-308-a7-iiA-2'])
    expect((await ws.call('assessment.questionnaire', { filter: 'high-risk' })).items.map(i => i.id)).toEqual(['q-312-d-1'])
    expect((await ws.call('assessment.questionnaire', { filter: 'gaps' })).items.map(i => i.id)).toEqual(['q-308-a7-iiA-2', 'q-312-d-1'])

    const audit = await ws.call('assessment.audit', { subject: 'risk:q-312-d-1' })
    expect(audit.find(a => a.field === 'impact')).toMatchObject({ oldValue: null, newValue: '5' })
  })

  it('takes a closed gap off the register and keeps its rating if the gap returns', async () => {
    instant = new Date('2026-03-10T12:00:00Z')
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-d-1', value: 'no' })
    await ws.call('assessment.rateRisk', { questionId: 'q-312-d-1', likelihood: 3, impact: 4 })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-d-1', value: 'yes' })
    expect(await ws.call('assessment.risks', {})).toEqual([])
    await ws.call('assessment.setAnswer', { questionId: 'q-312-d-1', value: 'partly' })
    expect((await ws.call('assessment.risks', {}))[0]?.rating?.level).toBe('high')
  })
})

describe('progress and sign-off', () => {
  it('counts progress per family and overall, with answers and risk levels', async () => {
    instant = new Date('2026-03-10T12:00:00Z')
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setProfile', { key: 'isGroupHealthPlanSponsor', value: false })
    const empty = await ws.call('assessment.progress', {})
    const organizational = empty.groups.find(g => g.group === 'organizational')!
    // Plan questions no longer apply, nor (for this covered entity) the business associate's own subcontractor question.
    expect(organizational.applicable).toBe(5)
    expect(empty.overall.answered).toBe(0)

    await ws.call('assessment.setAnswer', { questionId: 'q-316-a-1', value: 'yes' })
    await ws.call('assessment.setAnswer', { questionId: 'q-316-a-2', value: 'no' })
    await ws.call('assessment.setAnswer', { questionId: 'q-316-b1-1', value: 'not-assessed' })
    await ws.call('assessment.rateRisk', { questionId: 'q-316-a-2', likelihood: 2, impact: 5 })

    const progress = await ws.call('assessment.progress', {})
    const documentation = progress.groups.find(g => g.group === 'documentation')!
    expect(documentation).toMatchObject({
      title: 'Policies, procedures and documentation',
      applicable: 7,
      answered: 2,
      percent: 28,
      gaps: 1,
      unratedGaps: 0
    })
    expect(progress.answers).toMatchObject({ yes: 1, no: 1, 'not-assessed': 1, partly: 0 })
    expect(progress.answers.unanswered).toBe(progress.overall.applicable - 3)
    expect(progress.risks).toEqual({ low: 0, medium: 0, high: 1, critical: 0, unrated: 0 })
    expect(progress.overall.answered).toBe(2)
  })

  it('records a reviewer sign-off per family and notices later changes', async () => {
    instant = new Date('2026-03-10T12:00:00Z')
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setAnswer', { questionId: 'q-310-b-1', value: 'yes' })
    const signOff = await ws.call('assessment.signOff', { group: 'physical', reviewer: 'Dana Reyes', signedOn: '2026-03-10' })
    expect(signOff).toEqual({ group: 'physical', reviewer: 'Dana Reyes', signedOn: '2026-03-10', changedSince: false })
    instant = new Date('2026-03-11T09:00:00Z')
    await ws.call('assessment.setAnswer', { questionId: 'q-310-b-1', value: 'partly' })
    const physical = (await ws.call('assessment.progress', {})).groups.find(g => g.group === 'physical')!
    expect(physical.signOff?.changedSince).toBe(true)
    await expect(ws.call('assessment.signOff', { group: 'physical', reviewer: ' ', signedOn: '2026-03-10' })).rejects.toThrow(
      /Enter the reviewer name/
    )
    await expect(ws.call('assessment.signOff', { group: 'physical', reviewer: 'Dana', signedOn: '2026-02-30' })).rejects.toThrow(
      /must be a calendar date: 2026-02-30 does not exist/
    )
  })
})

describe('annual cycle', () => {
  it('starts next year with last year’s answers to confirm and keeps last year read-only', async () => {
    instant = new Date('2026-11-20T12:00:00Z')
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setProfile', { key: 'usesCloudHosting', value: true })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a2-1', value: 'yes', notes: 'Dana' })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iii-1', value: 'no' })
    await ws.call('assessment.setDecision', { citation: '164.312(a)(2)(iii)', decision: 'not-reasonable', explanation: 'No shared screens' })
    await ws.call('assessment.signOff', { group: 'administrative', reviewer: 'Dana Reyes', signedOn: '2026-11-20' })

    instant = new Date('2027-01-05T08:00:00Z')
    const next = await ws.call('assessment.startNextPeriod', {})
    expect(next).toMatchObject({ id: '2027', status: 'current', readOnly: false, copiedFrom: '2026', startedOn: '2027-01-05' })
    expect((await ws.call('assessment.periods', {})).map(p => [p.id, p.status, p.closedOn])).toEqual([
      ['2026', 'closed', '2027-01-05'],
      ['2027', 'current', null]
    ])

    const toConfirm = await ws.call('assessment.questionnaire', { filter: 'to-confirm' })
    expect(toConfirm.items.map(i => [i.id, i.answer?.value, i.answer?.notes])).toEqual([
      ['q-308-a2-1', 'yes', 'Dana'],
      ['q-312-a2-iii-1', 'no', '']
    ])
    expect(toConfirm.profile.values).toEqual({ usesCloudHosting: true })
    const progress = await ws.call('assessment.progress', {})
    expect(progress.overall.answered).toBe(0) // copied answers count once confirmed
    expect(progress.toConfirm).toBe(2)
    expect(progress.groups.find(g => g.group === 'administrative')!.signOff).toBeNull()
    expect(progress.decisionsNeeded).toBe(0) // the decision came along

    await ws.call('assessment.setAnswer', { questionId: 'q-308-a2-1', toConfirm: false })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iii-1', value: 'yes' })
    expect((await ws.call('assessment.questionnaire', { filter: 'to-confirm' })).items).toEqual([])

    const lastYear = await ws.call('assessment.questionnaire', { periodId: '2026', search: 'q-312-a2-iii-1' })
    expect(lastYear.period.readOnly).toBe(true)
    expect(lastYear.items[0]!.answer).toMatchObject({ value: 'no', toConfirm: false })
    await expect(ws.call('assessment.startNextPeriod', { id: '2026' })).rejects.toMatchObject({ code: 'already-exists' })
    await expect(ws.call('assessment.questionnaire', { periodId: '2019' })).rejects.toThrow(/no assessment period "2019". Periods: 2026, 2027/)
  })
})
