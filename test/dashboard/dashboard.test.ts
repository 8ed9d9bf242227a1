import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'

// The workspace is created on 10 January; the dashboard is read on 15 April.
const created = new Date('2026-01-10T15:00:00Z')
const asOf = '2026-04-15'
const SCAN = path.join(__dirname, '../fixtures/scanners/prowler-asff.json')

describe('calendar.dashboard', () => {
  it('a new workspace: getting-started steps not done yet, one calendar-setup step instead of a row per never-done duty', async () => {
    const ws = await createTestWorkspace({ now: () => created })
    const view = await ws.call('calendar.dashboard', { asOf })
    expect(view.gettingStarted.map(step => [step.id, step.done])).toEqual([
      ['profile', true],
      ['first-answer', false],
      ['first-scan', false],
      ['cloud-baa', false]
    ])
    expect(view.gettingStarted.find(step => step.id === 'cloud-baa')!.title).toBe('Record the business associate agreement with AWS')
    const calendar = await ws.call('calendar.list', { asOf })
    const recurring = calendar.items.filter(item => item.source.type === 'recurring')
    expect(recurring.length).toBeGreaterThan(1)
    expect(view.calendarSetup?.duties.map(duty => duty.id).sort()).toEqual(recurring.map(item => item.source.id).sort())
    expect(view.next.filter(item => item.source.type === 'recurring')).toEqual([])
    // Only duties of the rule in force by default; asked for, those of the proposed rule come after them.
    expect(view.calendarSetup!.duties.map(duty => duty.proposed)).not.toContain(true)
    const withProposed = await ws.call('calendar.dashboard', { asOf, includeProposed: true })
    const proposed = withProposed.calendarSetup!.duties.map(duty => duty.proposed)
    expect(proposed).toEqual([...proposed].sort((a, b) => Number(a) - Number(b)))
    expect(proposed).toContain(true)
    expect(proposed).toContain(false)

    await ws.call('calendar.recordCompletion', { definitionId: recurring[0]!.source.id, doneOn: '2026-04-01' })
    const after = await ws.call('calendar.dashboard', { asOf })
    expect(after.calendarSetup?.duties.map(duty => duty.id)).not.toContain(recurring[0]!.source.id)
    expect(after.calendarSetup?.duties).toHaveLength(recurring.length - 1)
  })

  it('getting-started steps tick themselves off from the data: an answer, a scan, a signed agreement with the cloud provider', async () => {
    const ws = await createTestWorkspace({ now: () => created })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iv-1', value: 'yes' })
    const [imported] = await ws.call('scans.import', { paths: [SCAN] })
    expect(imported?.ok).toBe(true)
    await ws.call('baas.create', { associate: { name: 'Amazon Web Services', baaStatus: 'requested' } })
    let steps = (await ws.call('calendar.dashboard', { asOf })).gettingStarted
    expect(steps.map(step => [step.id, step.done])).toEqual([
      ['profile', true],
      ['first-answer', true],
      ['first-scan', true],
      ['cloud-baa', false]
    ])
    expect(steps.find(step => step.id === 'first-answer')!.detail).toBe('1 question answered so far.')
    expect(steps.find(step => step.id === 'cloud-baa')!.detail).toMatch(/Amazon Web Services is in the register without a signed agreement/)

    await ws.call('baas.update', { id: 1, associate: { name: 'Amazon Web Services', baaStatus: 'signed', effectiveOn: '2025-01-01' } })
    steps = (await ws.call('calendar.dashboard', { asOf })).gettingStarted
    expect(steps.every(step => step.done)).toBe(true)
  })

  it('a workspace without a cloud has no cloud agreement step', async () => {
    const ws = await createTestWorkspace({ now: () => created, organization: { cloudProvider: 'none' } })
    expect((await ws.call('calendar.dashboard', { asOf })).gettingStarted.map(step => step.id)).toEqual(['profile', 'first-answer', 'first-scan'])
  })

  it('breach notices come first with their days left; cards for agreements, incidents, risks and evidence', async () => {
    const ws = await createTestWorkspace({ now: () => created })
    await ws.call('baas.create', {
      associate: { name: 'Northwind Billing', baaStatus: 'signed', effectiveOn: '2025-06-01', expiresOn: '2026-05-10', reviewEveryMonths: 1 }
    })
    await ws.call('baas.create', {
      associate: { name: 'Far Future Storage', baaStatus: 'signed', effectiveOn: '2025-06-01', expiresOn: '2027-05-10' }
    })
    await ws.call('baas.create', { associate: { name: 'Unsigned Courier', baaStatus: 'none' } })
    await ws.call('incidents.create', {
      incident: { title: 'Laptop', discoveredOn: '2026-04-10', role: 'covered-entity', unsecuredPhi: true, affectedByState: { GA: 600 } }
    })
    const laptop = (await ws.call('map.addAsset', { name: 'Laptop', kind: 'workstation', phi: 'phi' })).id
    const stolen = await ws.call('risks.create', {
      assetIds: [laptop],
      threatId: 'equipment-loss-theft',
      title: 'Stolen laptop',
      likelihood: 'high',
      impact: 'high'
    })
    await ws.call('risks.addTask', { riskId: stolen.id, title: 'Encrypt the laptop', dueOn: '2026-04-20' })
    await ws.call('risks.create', { assetIds: [laptop], threatId: 'natural-disaster', title: 'Flood', likelihood: 'low', impact: 'low' })
    await ws.call('scans.import', { paths: [SCAN] })

    const view = await ws.call('calendar.dashboard', { asOf })
    const first = view.next[0]!
    expect(first.source).toMatchObject({ type: 'incident', id: '1' })
    // Discovered 10 April: the individuals' notice is due 60 days later, 9 June, 55 days after 15 April.
    const individuals = view.next.find(item => item.uid === 'incident-1-individuals')!
    expect([individuals.dueOn, individuals.daysLeft, individuals.dueText]).toEqual(['2026-06-09', 55, 'Due in 55 days'])
    const firstOther = view.next.findIndex(item => item.source.type !== 'incident')
    expect(view.next.slice(0, firstOther).every(item => item.source.type === 'incident')).toBe(true)
    expect(view.next.slice(firstOther).every(item => item.source.type !== 'incident')).toBe(true)
    expect(view.next.find(item => item.uid === 'baa-renewal-1')).toMatchObject({ daysLeft: 25, dueText: 'Due in 25 days' })

    expect(view.agreements.expiring.map(a => [a.name, a.daysLeft])).toEqual([['Northwind Billing', 25]])
    expect([view.agreements.withoutSignedBaa, view.agreements.total]).toEqual([1, 3])
    expect(view.incidents.open).toHaveLength(1)
    expect(view.incidents.open[0]).toMatchObject({ id: 1, title: 'Laptop' })
    // Read mid-sentence ("notify each affected individual"), as in the calendar's titles.
    expect(view.next.map(item => item.title)).toContain(`Laptop: notify ${view.incidents.open[0]!.nextRecipient}`)
    expect(view.incidents.open[0]!.daysLeft).toBe(Math.min(...view.next.filter(i => i.source.type === 'incident').map(i => i.daysLeft)))
    expect(view.risks.highOpen.map(r => [r.title, r.level])).toEqual([['Stolen laptop', 'critical']])
    expect(view.risks.total).toBe(2)
    // A remediation task opens its risk by the id the risk analysis screen knows it by.
    expect(view.next.find(item => item.kind === 'risk-task')).toMatchObject({ daysLeft: 5, link: { kind: 'risk', id: String(stolen.id) } })
    expect(view.evidence.scans).toBe(1)
    expect(view.evidence.latestScan?.fileName).toBe('prowler-asff.json')
    expect([view.evidence.signedAgreements, view.evidence.signedCopiesStored]).toEqual([2, 0])
  })

  it('the calendar rows carry their days left and the record they open, retention ends included', async () => {
    const ws = await createTestWorkspace({ now: () => created })
    await ws.call('incidents.create', {
      incident: { title: 'Misdirected fax', discoveredOn: '2026-02-01', role: 'covered-entity', unsecuredPhi: true, affectedByState: { GA: 3 } }
    })
    const items = (await ws.call('calendar.list', { asOf })).items
    const retention = items.find(item => item.kind === 'retention-ends')!
    expect(retention.link).toEqual({ kind: 'incident', id: '1' })
    expect(retention.daysLeft).toBeGreaterThan(365 * 5)
    expect(items.every(item => item.link !== null)).toBe(true)
  })
})
