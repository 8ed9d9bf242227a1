import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decisionConflict } from '../../main/assessment/decision-conflict'
import { createDemoWorkspace } from '../../main/demo/create-demo'
import { createTestSession, createTestWorkspace, tempDir } from '../helpers/workspace'

const clock = () => new Date('2026-03-10T12:00:00Z')
const CITATION = '164.312(a)(2)(iii)'

async function conflictOf(ws: Awaited<ReturnType<typeof createTestWorkspace>>, questionId: string) {
  return (await ws.call('assessment.questionnaire', { search: questionId })).items.find(i => i.id === questionId)!.decisionConflict
}

describe('addressable decisions that contradict their answer (issue 15)', () => {
  it('flags a Partly paired with "not reasonable and appropriate", and clears the flag once the answer and decision agree', async () => {
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iii-1', value: 'no' })
    await ws.call('assessment.setDecision', {
      citation: CITATION,
      decision: 'not-reasonable',
      explanation: 'Shared kiosk with no idle sessions',
      decidedBy: 'Dana Reyes'
    })
    expect(await conflictOf(ws, 'q-312-a2-iii-1')).toBeNull()

    await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iii-1', value: 'partly' })
    expect(await conflictOf(ws, 'q-312-a2-iii-1')).toMatch(
      /Answered Partly, yet the decision says the specification is not reasonable and appropriate/
    )

    await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iii-1', value: 'yes' })
    expect(await conflictOf(ws, 'q-312-a2-iii-1')).toMatch(/Answered Yes/)

    await ws.call('assessment.setDecision', { citation: CITATION, decision: null })
    expect(await conflictOf(ws, 'q-312-a2-iii-1')).toBeNull()
  })

  it('flags a stop-gap recorded as an equivalent alternative, not a lasting one', async () => {
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iii-1', value: 'no' })
    await ws.call('assessment.setDecision', {
      citation: CITATION,
      decision: 'equivalent-alternative',
      explanation: 'Screens are locked by hand until the idle timeout is scheduled in the remediation plan',
      decidedBy: 'Dana Reyes'
    })
    expect(await conflictOf(ws, 'q-312-a2-iii-1')).toMatch(/stop-gap/)
    await ws.call('assessment.setDecision', {
      citation: CITATION,
      decision: 'equivalent-alternative',
      explanation: 'Kiosk terminals sign out on badge removal',
      decidedBy: 'Dana Reyes'
    })
    expect(await conflictOf(ws, 'q-312-a2-iii-1')).toBeNull()
  })

  it('reads each pairing of answer and decision', () => {
    const lasting = 'Kiosk terminals sign out on badge removal'
    expect(decisionConflict('no', { decision: 'implemented-as-specified', explanation: '' })).toMatch(/Answered No/)
    expect(decisionConflict('yes', { decision: 'implemented-as-specified', explanation: '' })).toBeNull()
    expect(decisionConflict('na', { decision: 'not-reasonable', explanation: 'No such system' })).toBeNull()
    expect(decisionConflict('partly', { decision: 'equivalent-alternative', explanation: lasting })).toBeNull()
    expect(decisionConflict('no', { decision: 'equivalent-alternative', explanation: 'Interim manual review' })).toMatch(/stop-gap/)
    expect(decisionConflict('no', null)).toBeNull()
  })

  it('the demo practice records no decision that contradicts its answer', { timeout: 180_000 }, async () => {
    const today = '2026-06-15'
    const demo = await createDemoWorkspace(path.join(tempDir(), 'demo'), { today, appVersion: '0.0.0-test' })
    const ws = createTestSession({ now: () => new Date(`${today}T15:00:00Z`) })
    await ws.call('workspace.open', { path: demo.workspacePath })
    const view = await ws.call('assessment.questionnaire', {})
    expect(view.decisions.length).toBeGreaterThan(0)
    expect(view.items.filter(i => i.decisionConflict).map(i => [i.id, i.answer?.value, i.decisionConflict])).toEqual([])
  })
})
