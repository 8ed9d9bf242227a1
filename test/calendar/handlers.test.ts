import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { headlessHost, type Host } from '../../main/api/host'
import { createBreachWorkspace } from '../breach/workspace'

// The workspace is created "today"; recurring duties never done are due from that day.
const now = () => new Date('2026-01-10T15:00:00Z')
const asOf = '2026-04-15'

async function populated() {
  const ws = await createBreachWorkspace({ now })
  await ws.call('baas.create', { associate: { name: 'Northwind Billing', baaStatus: 'signed', effectiveOn: '2025-06-01', expiresOn: '2026-05-10' } })
  await ws.call('incidents.create', {
    incident: { title: 'Laptop', discoveredOn: '2026-03-01', role: 'covered-entity', unsecuredPhi: true, affectedByState: { GA: 600 } }
  })
  return ws
}

describe('calendar handlers', () => {
  it('lists every duty: recurring, agreements and incident obligations', async () => {
    const ws = await populated()
    const view = await ws.call('calendar.list', { asOf })
    const uids = view.items.map(i => i.uid)
    expect(uids).toEqual(
      expect.arrayContaining([
        'recurring-risk-analysis',
        'recurring-vulnerability-scan',
        'baa-renewal-1',
        'baa-review-1',
        'incident-1-individuals',
        'incident-1-media:GA'
      ])
    )
    expect(view.disclaimer).toMatch(/Check with counsel/)
    expect(view.items.map(i => i.dueOn)).toEqual([...view.items.map(i => i.dueOn)].sort())
  })

  it('upcoming: what the dashboard shows, overdue and due within the window', async () => {
    const ws = await populated()
    const glance = await ws.call('calendar.upcoming', { asOf })
    // Recurring duties were due from the workspace's first day (10 January) and are overdue.
    expect(glance.overdue.map(i => i.uid)).toContain('recurring-risk-analysis')
    // 30 April (incident, 60 days) and 10 May (agreement expiry) fall within 30 days of 15 April.
    expect(glance.dueSoon.map(i => [i.uid, i.dueOn])).toEqual(
      expect.arrayContaining([
        ['incident-1-individuals', '2026-04-30'],
        ['baa-renewal-1', '2026-05-10']
      ])
    )
    // 1 June (agreement review) is outside the window.
    expect([...glance.overdue, ...glance.dueSoon].map(i => i.uid)).not.toContain('baa-review-1')
    const narrow = await ws.call('calendar.upcoming', { asOf, withinDays: 10 })
    expect(narrow.dueSoon.map(i => i.uid)).not.toContain('baa-renewal-1')
  })

  it('records a completion and moves the duty on', async () => {
    const ws = await populated()
    const definition = await ws.call('calendar.recordCompletion', { definitionId: 'vulnerability-scan', doneOn: '2026-04-01' })
    expect(definition).toMatchObject({ id: 'vulnerability-scan', lastDoneOn: '2026-04-01', proposed: true })
    const item = (await ws.call('calendar.list', { asOf })).items.find(i => i.uid === 'recurring-vulnerability-scan')!
    expect(item).toMatchObject({ dueOn: '2026-10-01', status: 'upcoming' })
    await expect(ws.call('calendar.recordCompletion', { definitionId: 'yoga', doneOn: '2026-04-01' })).rejects.toMatchObject({
      code: 'invalid-input'
    })
  })

  it('dates the end of retention for breach files, past agreements and records of duties done', async () => {
    const ws = await populated()
    await ws.call('incidents.recordNotice', { id: 1, notice: { kind: 'individuals', doneOn: '2026-04-01' } })
    await ws.call('calendar.recordCompletion', { definitionId: 'risk-analysis', doneOn: '2026-02-10' })
    await ws.call('baas.create', { associate: { name: 'Old Shredder', baaStatus: 'expired', effectiveOn: '2020-03-01', expiresOn: '2024-02-29' } })
    const items = (await ws.call('calendar.list', { asOf })).items.filter(i => i.kind === 'retention-ends')
    const byUid = Object.fromEntries(items.map(i => [i.uid, i]))
    // Six years from the last notice of the file (1 April 2026).
    expect(byUid['retention-incident-1']).toMatchObject({
      dueOn: '2032-04-01',
      status: 'upcoming',
      citation: '45 CFR 164.530(j)(2), applied by 164.414(a)'
    })
    // Last in effect 29 February 2024: six full years end on 1 March 2030.
    expect(byUid['retention-baa-2']).toMatchObject({ dueOn: '2030-03-01', citation: '45 CFR 164.316(b)(2)(i)' })
    expect(byUid['retention-completion-risk-analysis-2026-02-10']).toMatchObject({ dueOn: '2032-02-10' })
    expect(byUid['retention-completion-risk-analysis-2026-02-10']!.title).toMatch(
      /record of risk analysis and risk management review done 2026-02-10/
    )
    // A signed agreement still in force has no retention end yet.
    expect(byUid['retention-baa-1']).toBeUndefined()
  })

  it('notifies once through the host with a summary', async () => {
    const ws = await populated()
    const shown: [string, string][] = []
    const host: Host = { ...headlessHost, notify: (title, body) => shown.push([title, body]) }
    const result = await ws.call('calendar.notifyDue', { asOf, withinDays: 30 }, { host })
    expect(result.notified).toBe(true)
    expect(shown).toHaveLength(1)
    expect(shown[0]![0]).toMatch(new RegExp(`${result.overdue.length} overdue, ${result.dueSoon.length} due within 30 days`))
    // A new workspace the day before its duties start: nothing falls due today, so no notification.
    const quiet = await createBreachWorkspace({ now })
    const nothing = await quiet.call('calendar.notifyDue', { asOf: '2026-01-09', withinDays: 0 }, { host })
    expect(nothing).toMatchObject({ notified: false, overdue: [], dueSoon: [] })
    expect(shown).toHaveLength(1)
  })

  it('exports an .ics file to a given path or the host save dialog, null when cancelled', async () => {
    const ws = await populated()
    const target = path.join(ws.dir, 'out.ics')
    const result = await ws.call('calendar.exportIcs', { path: target, asOf, reminderDaysBefore: 7 })
    const text = fs.readFileSync(target, 'utf8')
    expect(result).toEqual({ path: target, events: (text.match(/BEGIN:VEVENT/g) ?? []).length })
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(text).toMatch(/X-WR-CALNAME:Safeguard: Harbor Family Practice/)
    expect(fs.readdirSync(ws.dir).filter(f => f.endsWith('.tmp'))).toEqual([])
    const chosen = path.join(ws.dir, 'chosen.ics')
    expect(await ws.call('calendar.exportIcs', { asOf }, { host: { ...headlessHost, pickSavePath: async () => chosen } })).toMatchObject({
      path: chosen
    })
    expect(await ws.call('calendar.exportIcs', { asOf })).toBeNull()
  })

  it('defaults "as of" to the local date of the session clock', async () => {
    const ws = await populated()
    const view = await ws.call('calendar.list', {})
    // An independent reading of the local date of the same instant.
    const local = now()
    const expected = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}`
    expect(view.asOf).toBe(expected)
  })
})
