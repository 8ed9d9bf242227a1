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
      expect.arrayContaining(['recurring-risk-analysis', 'baa-renewal-1', 'baa-review-1', 'incident-1-individuals', 'incident-1-media:GA'])
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
    const item = (await ws.call('calendar.list', { asOf, includeProposed: true })).items.find(i => i.uid === 'recurring-vulnerability-scan')!
    expect(item).toMatchObject({ dueOn: '2026-10-01', status: 'proposed' })
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

  it('notifies once, of what the Dashboard lists to do next: breach notices first, then overdue, then due within the window', async () => {
    const ws = await populated()
    // Done a year and more ago, so the risk analysis (every 12 months) fell due on 1 March 2026.
    await ws.call('calendar.recordCompletion', { definitionId: 'risk-analysis', doneOn: '2025-03-01' })
    const shown: [string, string][] = []
    const host: Host = { ...headlessHost, notify: (title, body) => shown.push([title, body]) }
    const result = await ws.call('calendar.notifyDue', { asOf, withinDays: 30 }, { host })
    const dashboard = await ws.call('calendar.dashboard', { asOf, withinDays: 30 })
    expect(result.items).toEqual(dashboard.next)
    const uids = result.items.map(item => item.uid)
    // The incident's notices (due 30 April) lead, the risk analysis (overdue) follows, the agreement's renewal (10 May) comes last.
    expect(uids.slice(0, 3).every(uid => uid.startsWith('incident-1-'))).toBe(true)
    expect(uids.slice(3)).toEqual(['recurring-risk-analysis', 'baa-renewal-1'])
    expect(result.notified).toBe(true)
    expect(shown).toHaveLength(1)
    const [title, body] = shown[0]!
    expect(title).toBe('What to do next: 3 breach notices to give, 1 overdue, 1 due within 30 days')
    const lines = body.split('\n')
    expect(lines).toHaveLength(4)
    expect(lines[0]).toBe(`${result.items[0]!.title} — Due in 15 days`)
    expect(lines[3]).toBe('…and 2 more on the Dashboard')
    // The shorter default window (7 days) still lists every open breach notice and the overdue duty, not the renewal 25 days off.
    const week = await ws.call('calendar.notifyDue', { asOf }, { host })
    expect(week.items.map(item => item.uid)).toEqual(uids.slice(0, 4))
    expect(week.items.find(item => item.uid === 'recurring-risk-analysis')?.dueText).toBe('45 days overdue')
    expect(shown[1]![0]).toBe('What to do next: 3 breach notices to give, 1 overdue')
  })

  it('notifies of no recurring duty never recorded as done: the Dashboard has one "set up your calendar" step for them', async () => {
    // A new workspace three months on: every recurring duty is dated its first day and the raw calendar counts them overdue.
    const ws = await createBreachWorkspace({ now })
    const glance = await ws.call('calendar.upcoming', { asOf })
    const neverDone = glance.overdue.filter(item => item.source.type === 'recurring')
    expect(neverDone.length).toBeGreaterThan(1)
    expect(neverDone.every(item => item.neverDone === true)).toBe(true)
    const shown: [string, string][] = []
    const host: Host = { ...headlessHost, notify: (title, body) => shown.push([title, body]) }
    expect(await ws.call('calendar.notifyDue', { asOf, withinDays: 30 }, { host })).toMatchObject({ notified: false, items: [] })
    expect(shown).toEqual([])
    expect((await ws.call('calendar.dashboard', { asOf })).calendarSetup?.duties).toHaveLength(neverDone.length)

    // Once a duty is recorded as done and falls overdue again, it is notified, and only it.
    await ws.call('calendar.recordCompletion', { definitionId: 'workforce-training', doneOn: '2025-02-01' })
    const result = await ws.call('calendar.notifyDue', { asOf, withinDays: 30 }, { host })
    expect(result.items.map(item => item.uid)).toEqual(['recurring-workforce-training'])
    expect(shown).toHaveLength(1)
    expect(shown[0]![0]).toBe('What to do next: 1 overdue')
    expect(shown[0]![1]).toBe(`${result.items[0]!.title} — 73 days overdue`)
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
  it("an incident's retention entry counts six years from its newest document (here the assessment), as the archive does", async () => {
    const ws = await createBreachWorkspace({ now })
    const { incident } = await ws.call('incidents.create', {
      incident: {
        title: 'Laptop',
        discoveredOn: '2026-03-01',
        role: 'covered-entity',
        affectedByState: { GA: 12 },
        assessment: { outcome: 'breach', reviewer: 'Dana Reyes', assessedOn: '2026-03-20' }
      }
    })
    await ws.call('incidents.recordNotice', { id: incident.id, notice: { kind: 'individuals', doneOn: '2026-03-10', method: 'written' } })
    const entry = (await ws.call('calendar.list', { asOf })).items.find(i => i.uid === `retention-incident-${incident.id}`)
    // Not from discovery (2032-03-01) nor from the notice (2032-03-10): from the assessment of 20 March.
    expect(entry?.dueOn).toBe('2032-03-20')
    await ws.call('incidents.archive', { id: incident.id })
    const [archived] = await ws.call('incidents.listArchived', {})
    expect(archived?.retention.keptUntil).toBe(entry?.dueOn)
  })
})
