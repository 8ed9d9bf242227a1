import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'

const clock = () => new Date('2026-03-10T12:00:00Z')

describe('answers', () => {
  it('saves an answer at once and records each changed field in the audit trail', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const first = await ws.call('assessment.setAnswer', { questionId: 'q-308-a2-1', value: 'yes', notes: 'Dana Reyes, since 2024' })
    expect(first.answer).toMatchObject({ value: 'yes', notes: 'Dana Reyes, since 2024', toConfirm: false })

    await ws.call('assessment.setAnswer', { questionId: 'q-308-a2-1', value: 'partly' })
    const view = await ws.call('assessment.questionnaire', { search: 'q-308-a2-1' })
    expect(view.period.id).toBe('2026')
    expect(view.items.map(i => [i.id, i.answer?.value, i.answer?.notes])).toEqual([['q-308-a2-1', 'partly', 'Dana Reyes, since 2024']])

    const audit = await ws.call('assessment.audit', { subject: 'answer:q-308-a2-1' })
    expect(audit.map(a => [a.field, a.oldValue, a.newValue])).toEqual([
      ['value', 'yes', 'partly'],
      ['notes', '', 'Dana Reyes, since 2024'],
      ['value', null, 'yes']
    ])
    expect(audit[0]!.at).toBe('2026-03-10T12:00:00.000Z')
  })

  it('keeps the value a policy will quote, checked against the question', async () => {
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setAnswer', { questionId: 'q-cloud-session-1', value: 'yes', fieldValue: 15 })
    await expect(ws.call('assessment.setAnswer', { questionId: 'q-cloud-session-1', fieldValue: 500 })).rejects.toThrow(
      /Idle session timeout must be between 1 and 120 minutes; got 500/
    )
    await expect(ws.call('assessment.setAnswer', { questionId: 'q-cloud-encryption-1', fieldValue: 'ROT13' })).rejects.toThrow(
      /Encryption at rest must be one of/
    )
    await expect(ws.call('assessment.setAnswer', { questionId: 'q-308-a2-1', fieldValue: 3 })).rejects.toThrow(/has no value to record/)
    const view = await ws.call('assessment.questionnaire', { search: 'q-cloud-session-1' })
    expect(view.items[0]!.answer?.fieldValue).toBe(15)
    expect(await ws.call('assessment.audit', { subject: 'answer:q-cloud-encryption-1' })).toEqual([])
  })

  it('refuses an unknown question and changes nothing', async () => {
    const ws = await createTestWorkspace({ now: clock })
    await expect(ws.call('assessment.setAnswer', { questionId: 'q-999-z-1', value: 'yes' })).rejects.toMatchObject({ code: 'not-found' })
    await expect(ws.call('assessment.setAnswer', { questionId: 'q-308-a2-1', value: 'maybe' as never })).rejects.toMatchObject({
      code: 'invalid-input'
    })
    expect(await ws.call('assessment.audit', {})).toHaveLength(1) // only the period's creation
  })

  it('shows a follow-up question once the question it depends on is answered', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const before = await ws.call('assessment.questionnaire', { search: 'q-308-a1-iiA-2' })
    expect(before.items[0]!.applies).toBe(false)
    const result = await ws.call('assessment.setAnswer', { questionId: 'q-308-a1-iiA-1', value: 'partly' })
    expect(result.applicabilityChanged).toEqual(['q-308-a1-iiA-2'])
    const after = await ws.call('assessment.questionnaire', { search: 'q-308-a1-iiA-2' })
    expect(after.items[0]!.applies).toBe(true)
  })

  it('hides clearinghouse questions once the profile says the organisation is not one', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const id = 'q-308-a4-iiA-1'
    expect((await ws.call('assessment.questionnaire', { filter: 'unanswered' })).items.some(i => i.id === id)).toBe(true)
    const profile = await ws.call('assessment.setProfile', { key: 'isClearinghouse', value: false })
    expect(profile.values).toEqual({ isClearinghouse: false })
    expect((await ws.call('assessment.questionnaire', { filter: 'unanswered' })).items.some(i => i.id === id)).toBe(false)
    await expect(ws.call('assessment.setProfile', { key: 'ownsSpaceship', value: true })).rejects.toThrow(/no profile question "ownsSpaceship"/)
  })
})

describe('profile presets from the workspace settings', () => {
  it('presets role and cloud from the organisation settings until the profile says otherwise', async () => {
    const ws = await createTestWorkspace({ now: clock, organization: { role: 'covered-entity', cloudProvider: 'none' } })
    const applies = async (id: string) => (await ws.call('assessment.questionnaire', { search: id })).items[0]!.applies
    const view = await ws.call('assessment.questionnaire', {})
    expect(view.profile.values).toEqual({})
    expect(view.profile.defaults).toEqual({ isCoveredEntity: true, isBusinessAssociate: false, usesCloudHosting: false })
    expect(await applies('q-308-b3-3')).toBe(false) // client agreements are a business associate's question
    expect(view.items.filter(i => i.group === 'cloud').every(i => !i.applies)).toBe(true)

    await ws.call('assessment.setProfile', { key: 'isBusinessAssociate', value: true })
    expect(await applies('q-308-b3-3')).toBe(true)
    await ws.call('workspace.updateProfile', { organization: { name: 'Harbor Family Practice', role: 'covered-entity', cloudProvider: 'aws' } })
    expect(await applies('q-cloud-tls-1')).toBe(true)
  })
})

describe('addressable decisions', () => {
  it('flags an addressable specification answered other than Yes until a decision is recorded', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const answered = await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iii-1', value: 'no' })
    expect(answered.decisionNeeded).toBe(true)
    expect((await ws.call('assessment.questionnaire', { filter: 'decision-needed' })).items.map(i => i.id)).toEqual(['q-312-a2-iii-1'])

    await expect(ws.call('assessment.setDecision', { citation: '164.312(a)(2)(iii)', decision: 'not-reasonable' })).rejects.toThrow(
      /Give the reason Automatic logoff is not reasonable/
    )
    const decision = await ws.call('assessment.setDecision', {
      citation: '164.312(a)(2)(iii)',
      decision: 'equivalent-alternative',
      explanation: 'Kiosk terminals sign out on badge removal',
      decidedBy: 'Dana Reyes'
    })
    expect(decision).toMatchObject({ decision: 'equivalent-alternative', decidedOn: '2026-03-10', decidedBy: 'Dana Reyes' })
    expect((await ws.call('assessment.questionnaire', { filter: 'decision-needed' })).items).toEqual([])
    const audit = await ws.call('assessment.audit', { subject: 'decision:164.312(a)(2)(iii)' })
    expect(audit.map(a => a.field).sort()).toEqual(['decidedBy', 'decidedOn', 'decision', 'explanation'])
  })

  it('does not ask for a decision on a required specification or on a Yes', async () => {
    const ws = await createTestWorkspace({ now: clock })
    expect((await ws.call('assessment.setAnswer', { questionId: 'q-308-a1-iiA-1', value: 'no' })).decisionNeeded).toBe(false)
    expect((await ws.call('assessment.setAnswer', { questionId: 'q-308-a5-iiA-1', value: 'yes' })).decisionNeeded).toBe(false)
    await expect(
      ws.call('assessment.setDecision', { citation: '164.308(a)(1)(ii)(A)', decision: 'not-reasonable', explanation: 'Too hard' })
    ).rejects.toThrow(/Risk analysis is Required/)
  })

  it('can withdraw a decision, which is audited too', async () => {
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a5-iiA-1', value: 'partly' })
    await ws.call('assessment.setDecision', { citation: '164.308(a)(5)(ii)(A)', decision: 'implemented-as-specified' })
    expect(await ws.call('assessment.setDecision', { citation: '164.308(a)(5)(ii)(A)', decision: null })).toBeNull()
    expect((await ws.call('assessment.setAnswer', { questionId: 'q-308-a5-iiA-1', notes: 'monthly email' })).decisionNeeded).toBe(true)
    const audit = await ws.call('assessment.audit', { subject: 'decision:164.308(a)(5)(ii)(A)' })
    expect(audit.find(a => a.field === 'decision' && a.newValue === null)?.oldValue).toBe('implemented-as-specified')
  })
})
