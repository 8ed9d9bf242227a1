import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { IncidentInput } from '../../main/breach/contract'
import { createBreachWorkspace, rowCount } from './workspace'

const fixtures = path.resolve(__dirname, '../fixtures/breach')
// Fixtures are read as the API input; the handlers validate them like any other input.
const readFixture = (name: string) => JSON.parse(fs.readFileSync(path.join(fixtures, name), 'utf8')) as IncidentInput

describe('incident log', () => {
  it('stores an incident in the issue format and computes its obligations', async () => {
    const ws = await createBreachWorkspace()
    const created = await ws.call('incidents.create', {
      incident: { ...readFixture('incident-law-enforcement-delay.json'), phiCategories: ['clinical notes'] }
    })
    expect(created.incident).toMatchObject({
      discoveredOn: '2026-03-01',
      affectedByState: { GA: 700, WA: 20 },
      lawEnforcementDelays: [{ kind: 'oral', statedOn: '2026-04-20', official: 'Special Agent, FBI field office' }],
      phiCategories: ['clinical notes']
    })
    const detail = await ws.call('incidents.get', { id: created.incident.id, asOf: '2026-05-01' })
    const due = Object.fromEntries(detail.assessment.obligations.map(o => [o.id, [o.dueOn, o.status]]))
    // Washington deems HITECH notice sufficient for PHI, so its 30-day clock (31 March, overdue) is gone and a note says so.
    expect(due).toEqual({
      individuals: ['2026-05-20', 'due'],
      hhs: ['2026-05-20', 'due'],
      'media:GA': ['2026-05-20', 'due']
    })
    expect(detail.assessment.notes.join('\n')).toMatch(
      /Washington \(Wash\. Rev\. Code § 19\.255\.010\), notice to residents: HIPAA compliance deemed sufficient/
    )
  })

  it('records notices, marks obligations done, and refuses a notice that matches nothing', async () => {
    const ws = await createBreachWorkspace()
    const { incident } = await ws.call('incidents.create', { incident: readFixture('incident-large-covered-entity.json') })
    let detail = await ws.call('incidents.recordNotice', {
      id: incident.id,
      notice: { kind: 'individuals', doneOn: '2026-04-15', method: 'written' }
    })
    detail = await ws.call('incidents.get', { id: incident.id, asOf: '2026-04-20' })
    const byId = Object.fromEntries(detail.assessment.obligations.map(o => [o.id, o]))
    expect(byId.individuals).toMatchObject({ status: 'done', doneOn: '2026-04-15', method: 'written' })
    // Iowa's regulator clock now runs from the recorded resident notice: 5 business days → 22 April.
    expect(byId['state-regulator:IA']).toMatchObject({ dueOn: '2026-04-22', status: 'due' })
    await expect(
      ws.call('incidents.recordNotice', { id: incident.id, notice: { kind: 'media', jurisdiction: 'TX', doneOn: '2026-04-15' } })
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/no media obligation for TX/)
    })
    await expect(ws.call('incidents.recordNotice', { id: incident.id, notice: { kind: 'hhs', doneOn: '2026-01-01' } })).rejects.toMatchObject({
      message: expect.stringMatching(/before the discovery/)
    })
    const noticeId = detail.notices[0]!.id
    detail = await ws.call('incidents.removeNotice', { id: incident.id, noticeId })
    expect(detail.notices).toEqual([])
  })

  it('lists incidents with their next deadline and overdue count', async () => {
    const ws = await createBreachWorkspace()
    await ws.call('incidents.create', { incident: readFixture('incident-large-covered-entity.json') })
    await ws.call('incidents.create', { incident: readFixture('incident-secured.json') })
    const list = await ws.call('incidents.list', { asOf: '2026-04-01' })
    const large = list.find(i => i.title.startsWith('Stolen'))!
    expect(large).toMatchObject({
      totalAffected: 1383,
      notificationRequired: true,
      next: { id: 'state-regulator:VT', dueOn: '2026-03-30', status: 'overdue' }
    })
    expect(large.overdue).toBe(1)
    expect(list.find(i => i.title.startsWith('Lost'))).toMatchObject({ notificationRequired: false, open: 0, next: null })
  })

  it('updates, with the children replaced, and archives, with the children kept', async () => {
    const ws = await createBreachWorkspace()
    const { incident } = await ws.call('incidents.create', { incident: readFixture('incident-law-enforcement-delay.json') })
    const { title, discoveredOn, role, unsecuredPhi } = incident
    const updated = await ws.call('incidents.update', {
      id: incident.id,
      incident: { title, discoveredOn, role, unsecuredPhi, affectedByState: { GA: 10 } }
    })
    expect(updated.incident).toMatchObject({ affectedByState: { GA: 10 }, lawEnforcementDelays: [] })
    expect(updated.assessment.obligations.map(o => o.id).sort()).toEqual(['hhs-annual-log', 'individuals'])
    await ws.call('incidents.archive', { id: incident.id })
    expect(rowCount(ws.db, 'incident_affected')).toBe(1)
    expect(await ws.call('incidents.list', {})).toEqual([])
    expect((await ws.call('incidents.get', { id: incident.id })).incident.archivedAt).not.toBeNull()
  })

  it("a business associate's incident uses the reporting window on its client's agreement unless it sets its own", async () => {
    const ws = await createBreachWorkspace()
    const client = await ws.call('baas.create', {
      associate: { name: 'Harbor Clinic', relationship: 'covered-entity-client', baaStatus: 'signed', breachReportingDays: 5 }
    })
    const base = {
      title: 'Bucket exposed',
      discoveredOn: '2026-03-01',
      role: 'business-associate' as const,
      unsecuredPhi: true,
      affectedByState: { GA: 40 }
    }
    const linked = await ws.call('incidents.create', { incident: { ...base, businessAssociateId: client.id } })
    expect(linked.assessment.obligations.map(o => [o.id, o.dueOn])).toEqual([['covered-entity', '2026-03-06']])
    const own = await ws.call('incidents.update', {
      id: linked.incident.id,
      incident: { ...base, businessAssociateId: client.id, baaReportingDays: 20 }
    })
    expect(own.assessment.obligations[0]).toMatchObject({ dueOn: '2026-03-21' })
    const unlinked = await ws.call('incidents.create', { incident: base })
    expect(unlinked.assessment.obligations[0]).toMatchObject({ dueOn: '2026-04-30' })
  })

  it('rejects bad input naming the field', async () => {
    const ws = await createBreachWorkspace()
    await expect(
      ws.call('incidents.create', { incident: { ...readFixture('incident-secured.json'), affectedByState: { TX: -3 } } as never })
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/affectedByState/) })
    await expect(
      ws.call('incidents.create', { incident: { ...readFixture('incident-secured.json'), businessAssociateId: 42 } as never })
    ).rejects.toMatchObject({
      message: expect.stringMatching(/no business associate with id 42/)
    })
  })
})

describe('importing incidents', () => {
  it('imports the JSON format of the issue', async () => {
    const ws = await createBreachWorkspace()
    const file = path.join(ws.dir, 'incidents.json')
    const names = ['incident-large-covered-entity.json', 'incident-business-associate.json', 'incident-secured.json']
    fs.writeFileSync(file, JSON.stringify({ incidents: names.map(readFixture) }))
    expect(await ws.call('incidents.importFile', { path: file })).toMatchObject({ format: 'json', imported: 3 })
    const list = await ws.call('incidents.list', { asOf: '2027-01-01' })
    expect(list.map(i => i.title).sort()).toEqual(names.map(n => readFixture(n).title).sort())
  })

  it('imports CSV with per-state counts, delays and yes/no cells', async () => {
    const ws = await createBreachWorkspace()
    expect(await ws.call('incidents.importFile', { path: path.join(fixtures, 'incidents.csv') })).toMatchObject({ format: 'csv', imported: 3 })
    const list = await ws.call('incidents.list', { asOf: '2026-04-16' })
    const ransomware = list.find(i => i.title === 'Ransomware, file server')!
    const detail = await ws.call('incidents.get', { id: ransomware.id, asOf: '2026-04-16' })
    expect(detail.incident).toMatchObject({ affectedByState: { GA: 700, WA: 20 }, lawEnforcementDelays: [{ kind: 'written', until: '2026-06-15' }] })
    expect(detail.assessment.obligations.find(o => o.id === 'individuals')).toMatchObject({ dueOn: '2026-06-15', originalDueOn: '2026-04-30' })
    const phishing = await ws.call('incidents.get', { id: list.find(i => i.title.startsWith('Phishing'))!.id, asOf: '2026-04-16' })
    expect(phishing.incident).toMatchObject({
      breachOn: '2026-01-28',
      affectedByState: { TX: 260, GA: 300 },
      assessment: { outcome: 'breach' }
    })
    expect(list.find(i => i.title === 'Lost encrypted laptop')).toMatchObject({ notificationRequired: false })
  })

  it('rejects the whole file when a row is bad, with a report per row', async () => {
    const ws = await createBreachWorkspace()
    const error = await ws.call('incidents.importFile', { path: path.join(fixtures, 'incidents-bad.csv') }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'import-rejected', message: expect.stringMatching(/3 of 4 incidents/) })
    const rows = (error as { details: { rows: { ok: boolean; errors: string[] }[] } }).details.rows
    expect(rows.map(r => r.ok)).toEqual([true, false, false, false])
    expect(rows[1]!.errors.join()).toMatch(/ZZ/)
    expect(rows[2]!.errors.join()).toMatch(/discoveredOn/)
    expect(rows[3]!.errors.join('\n')).toMatch(/title[\s\S]*role[\s\S]*unsecuredPhi[\s\S]*TX/)
    expect(rowCount(ws.db, 'incident')).toBe(0)
  })
})
