import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'

describe('cloud control questions in the questionnaire (issue 15)', () => {
  it('carry where their control comes from and its status under the rule, so the 15-minute timeout is not shown as required', async () => {
    const ws = await createTestWorkspace({ now: () => new Date('2026-03-10T12:00:00Z') })
    const items = (await ws.call('assessment.questionnaire', {})).items
    const session = items.find(i => i.id === 'q-cloud-session-1')!
    expect(session.cloudControl).toMatchObject({ origin: 'source-architecture', ruleStatus: 'addressable' })
    expect(items.find(i => i.id === 'q-cloud-mfa-1')!.cloudControl).toMatchObject({ origin: 'good-practice', ruleStatus: 'not-in-rule' })
    expect(items.find(i => i.id === 'q-312-a2-iii-1')!.cloudControl).toBeNull()
  })
})
