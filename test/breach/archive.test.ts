import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { IncidentInput } from '../../main/breach/contract'
import { readIncidents } from '../../main/breach/reads'
import { createBreachWorkspace, rowCount, workspaceDump } from './workspace'

const fixtures = path.resolve(__dirname, '../fixtures/breach')
const readFixture = (name: string) => JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8')) as IncidentInput
const asOf = '2026-05-01'
const now = () => new Date('2026-05-01T12:00:00.000Z')

/** Everything a person sees dated or counted: the calendar, the dashboard and the documents' incident list. */
async function everywhere(ws: Awaited<ReturnType<typeof createBreachWorkspace>>) {
  return JSON.stringify([
    await ws.call('incidents.list', { asOf }),
    await ws.call('calendar.list', { asOf }),
    await ws.call('calendar.dashboard', { asOf }),
    readIncidents(ws.db, asOf)
  ])
}

describe('archiving incidents', () => {
  it('takes an incident out of the list, the calendar, the dashboard and the documents, keeps it in the file, and restores it', async () => {
    const ws = await createBreachWorkspace({ now })
    const { incident } = await ws.call('incidents.create', { incident: readFixture('incident-law-enforcement-delay.json') })
    await ws.call('incidents.create', { incident: readFixture('incident-secured.json') })
    expect(await everywhere(ws)).toContain(incident.title)
    const before = (await ws.call('calendar.list', { asOf })).items.length

    await ws.call('incidents.archive', { id: incident.id, reason: 'Entered twice' })

    expect(await everywhere(ws)).not.toContain(incident.title)
    expect((await ws.call('calendar.list', { asOf })).items.length).toBeLessThan(before)
    expect((await ws.call('incidents.list', { asOf })).map(i => i.title)).toEqual([readFixture('incident-secured.json').title])
    expect(rowCount(ws.db, 'incident')).toBe(2)
    expect(rowCount(ws.db, 'incident_affected')).toBeGreaterThan(0)
    const archived = await ws.call('incidents.listArchived', {})
    expect(archived).toEqual([
      {
        id: incident.id,
        title: incident.title,
        discoveredOn: '2026-03-01',
        archivedAt: now().toISOString(),
        archiveReason: 'Entered twice',
        // The latest of its document dates is the record itself, written on 2026-05-01 (after the statement of 2026-04-20).
        retention: { keptUntil: '2032-05-01', countedFrom: '2026-05-01', citation: '45 CFR 164.530(j)', checkWithCounsel: true, over: false }
      }
    ])

    const restored = await ws.call('incidents.restore', { id: incident.id })
    expect(restored.incident).toMatchObject({ archivedAt: null, archiveReason: null, affectedByState: { GA: 700, WA: 20 } })
    expect(await everywhere(ws)).toContain(incident.title)
    expect((await ws.call('calendar.list', { asOf })).items.length).toBe(before)
    expect(await ws.call('incidents.listArchived', {})).toEqual([])
  })

  it('counts retention from the last notice given when it is the latest date', async () => {
    const ws = await createBreachWorkspace({ now })
    const { incident } = await ws.call('incidents.create', { incident: readFixture('incident-law-enforcement-delay.json') })
    await ws.call('incidents.recordNotice', { id: incident.id, notice: { kind: 'individuals', doneOn: '2026-05-20' } })
    await ws.call('incidents.archive', { id: incident.id })
    const [archived] = await ws.call('incidents.listArchived', {})
    expect(archived).toMatchObject({ archiveReason: null, retention: { countedFrom: '2026-05-20', keptUntil: '2032-05-20' } })
  })

  it('refuses changes to an archived incident, a second archive and restoring a live one, changing nothing', async () => {
    const ws = await createBreachWorkspace({ now })
    const fixture = readFixture('incident-law-enforcement-delay.json')
    const { incident } = await ws.call('incidents.create', { incident: fixture })
    await expect(ws.call('incidents.restore', { id: incident.id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/not archived/)
    })
    await ws.call('incidents.archive', { id: incident.id })
    const dump = workspaceDump(ws.db)
    await expect(ws.call('incidents.archive', { id: incident.id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/archived/)
    })
    await expect(ws.call('incidents.update', { id: incident.id, incident: { ...fixture, title: 'Changed' } })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/restore it before changing it/)
    })
    await expect(ws.call('incidents.recordNotice', { id: incident.id, notice: { kind: 'individuals', doneOn: '2026-05-20' } })).rejects.toMatchObject(
      { code: 'conflict' }
    )
    await expect(ws.call('incidents.archive', { id: 9999 })).rejects.toMatchObject({ code: 'not-found' })
    expect(workspaceDump(ws.db)).toEqual(dump)
  })

  it('deletes an archived incident for good only after its six years, with its title typed again', async () => {
    let clock = new Date('2026-05-01T12:00:00.000Z')
    const ws = await createBreachWorkspace({ now: () => clock })
    const { incident } = await ws.call('incidents.create', { incident: readFixture('incident-law-enforcement-delay.json') })
    await expect(ws.call('incidents.deletePermanently', { id: incident.id, confirmTitle: incident.title })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/not archived/)
    })
    await ws.call('incidents.archive', { id: incident.id })
    // Kept until 2032-05-01 (six years from the record written on 2026-05-01): refused through that day.
    clock = new Date('2032-05-01T12:00:00.000Z')
    expect((await ws.call('incidents.listArchived', {}))[0]!.retention).toMatchObject({ keptUntil: '2032-05-01', over: false })
    await expect(ws.call('incidents.deletePermanently', { id: incident.id, confirmTitle: incident.title })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/must be kept until 2032-05-01/)
    })
    clock = new Date('2032-05-02T12:00:00.000Z')
    expect((await ws.call('incidents.listArchived', {}))[0]!.retention.over).toBe(true)
    const dump = workspaceDump(ws.db)
    await expect(ws.call('incidents.deletePermanently', { id: incident.id, confirmTitle: 'Ransomware' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/type the incident's title/)
    })
    expect(workspaceDump(ws.db)).toEqual(dump)
    await ws.call('incidents.deletePermanently', { id: incident.id, confirmTitle: incident.title })
    expect(rowCount(ws.db, 'incident') + rowCount(ws.db, 'incident_affected') + rowCount(ws.db, 'incident_law_enforcement_delay')).toBe(0)
    expect(await ws.call('incidents.listArchived', {})).toEqual([])
  })
})
