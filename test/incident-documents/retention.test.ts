import { describe, expect, it } from 'vitest'
import { createBreachWorkspace } from '../breach/workspace'
import { LAPTOP_THEFT } from './incidents'

describe("an incident's retention counts from its documents' dates, not from discovery", () => {
  it('is six years from the latest of the last update, the assessment, each statement and each notice (a hand-worked case)', async () => {
    let clock = new Date('2026-03-12T15:00:00.000Z')
    const ws = await createBreachWorkspace({ now: () => clock })
    // Breach 7 March, discovered 10 March, assessed 12 March (the day it was recorded), a written statement of
    // 15 March holding notices until 30 June. The delay's end is not a document: it does not count.
    const { incident } = await ws.call('incidents.create', {
      incident: {
        ...LAPTOP_THEFT,
        lawEnforcementDelay: { kind: 'written', statedOn: '2026-03-15', until: '2026-06-30', official: 'FBI field office' }
      }
    })
    clock = new Date('2026-07-02T15:00:00.000Z')
    // Only the statement is later than the record and its assessment: 15 March 2026 + 6 years.
    await ws.call('incidents.archive', { id: incident.id })
    expect((await ws.call('incidents.listArchived', {}))[0]!.retention).toMatchObject({ countedFrom: '2026-03-15', keptUntil: '2032-03-15' })

    // A notice sent on 1 July (recorded the next day) is the newest document: its six years run to 1 July 2032.
    await ws.call('incidents.restore', { id: incident.id })
    await ws.call('incidents.recordNotice', {
      id: incident.id,
      notice: { kind: 'individuals', doneOn: '2026-07-01', method: 'written', evidence: 'Mail house proof of posting' }
    })
    await ws.call('incidents.archive', { id: incident.id })
    const [archived] = await ws.call('incidents.listArchived', {})
    expect(archived!.retention).toMatchObject({ countedFrom: '2026-07-01', keptUntil: '2032-07-01', citation: '45 CFR 164.530(j)', over: false })

    // Editing the record later makes the record itself the newest document.
    await ws.call('incidents.restore', { id: incident.id })
    clock = new Date('2026-09-14T15:00:00.000Z')
    await ws.call('incidents.update', { id: incident.id, incident: { ...LAPTOP_THEFT, description: 'Laptop recovered by police on 10 September.' } })
    await ws.call('incidents.archive', { id: incident.id })
    expect((await ws.call('incidents.listArchived', {}))[0]!.retention).toMatchObject({ countedFrom: '2026-09-14', keptUntil: '2032-09-14' })
  })
})
