import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'

let instant = new Date('2026-03-10T12:00:00Z')

describe('risks in the compliance calendar', () => {
  it('dates open remediation tasks and acceptance expiries, marks the late ones, and drops a task once it is done', async () => {
    instant = new Date('2026-03-10T12:00:00Z')
    const ws = await createTestWorkspace({ now: () => instant })
    const laptop = (await ws.call('map.addAsset', { name: 'Laptop', kind: 'workstation', phi: 'phi' })).id
    const risk = await ws.call('risks.create', { assetIds: [laptop], threatId: 'equipment-loss-theft', title: 'Stolen laptop' })
    const encrypt = await ws.call('risks.addTask', { riskId: risk.id, title: 'Encrypt the laptop', owner: 'IT', dueOn: '2026-03-20' })
    await ws.call('risks.addTask', { riskId: risk.id, title: 'Undated task' })
    const paper = await ws.call('risks.create', { assetIds: [laptop], threatId: 'natural-disaster', title: 'Flood' })
    await ws.call('risks.setTreatment', {
      id: paper.id,
      treatment: { kind: 'accept', approver: 'Dr. Lee', approvedOn: '2026-03-10', reason: 'Moving out', expiresOn: '2026-08-31' }
    })

    instant = new Date('2026-03-25T12:00:00Z')
    const calendar = await ws.call('calendar.list', { asOf: '2026-03-25' })
    const risks = calendar.items.filter(item => item.source.type === 'risk')
    expect(risks.map(item => [item.kind, item.title, item.dueOn, item.status, item.citation])).toEqual([
      ['risk-task', 'Remediation: Encrypt the laptop', '2026-03-20', 'overdue', '45 CFR 164.308(a)(1)(ii)(B)'],
      ['risk-acceptance-review', 'Review the accepted risk: Flood', '2026-08-31', 'upcoming', '45 CFR 164.308(a)(1)(ii)(B)']
    ])
    expect(risks[0]!.basis).toMatch(
      /remediation task of the risk "Stolen laptop", owned by IT\. The due date was set in the risk analysis; the rule requires risk management but sets no date\./
    )
    expect(risks[0]!.uid).toMatch(/^risk-task-[0-9a-f-]{36}$/)

    await ws.call('risks.completeTask', { id: encrypt.id, evidence: 'BitLocker report' })
    const after = (await ws.call('calendar.list', { asOf: '2026-03-25' })).items.filter(item => item.source.type === 'risk')
    expect(after.map(item => item.kind)).toEqual(['risk-acceptance-review'])
  })
})
