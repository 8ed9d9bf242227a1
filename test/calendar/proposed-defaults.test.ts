import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCalendarDefinitions } from '../../main/calendar/definitions'
import { loadNprm } from '../../main/proposed-rule/nprm'
import { runSafeguard } from '../helpers/cli'
import { createTestWorkspace, tempDir } from '../helpers/workspace'

// Created 10 January; read a year later, when every recurring duty never done would be long past its date.
const now = () => new Date('2026-01-10T15:00:00Z')
const asOf = '2027-01-15'
const PROPOSED_IDS = loadCalendarDefinitions()
  .recurring.filter(definition => definition.proposed)
  .map(definition => definition.id)
  .sort()

describe('duties of the proposed Security Rule are out of every default', () => {
  it('calendar.list, calendar.upcoming, calendar.dashboard and calendar.notifyDue leave them out unless asked', async () => {
    const ws = await createTestWorkspace({ now })
    expect((await ws.call('calendar.list', { asOf })).items.filter(item => item.proposed)).toEqual([])
    const upcoming = await ws.call('calendar.upcoming', { asOf })
    expect([...upcoming.overdue, ...upcoming.dueSoon].filter(item => item.proposed)).toEqual([])
    const dashboard = await ws.call('calendar.dashboard', { asOf })
    expect(dashboard.calendarSetup!.duties.filter(duty => duty.proposed)).toEqual([])
    expect(dashboard.next.filter(item => item.proposed)).toEqual([])
    expect((await ws.call('calendar.notifyDue', { asOf })).items.filter(item => item.proposed)).toEqual([])

    // Asked for, they are listed, labelled, and never overdue or due soon, however far past their date.
    await ws.call('calendar.recordCompletion', { definitionId: 'vulnerability-scan', doneOn: '2026-02-01' })
    const included = (await ws.call('calendar.list', { asOf, includeProposed: true })).items.filter(item => item.proposed)
    expect(included.map(item => item.source.id).sort()).toEqual(PROPOSED_IDS)
    for (const item of included) expect(item).toMatchObject({ status: 'proposed', dueText: 'Proposed — not in force', checkWithCounsel: true })
    const attention = await ws.call('calendar.upcoming', { asOf, includeProposed: true })
    expect([...attention.overdue, ...attention.dueSoon].filter(item => item.proposed)).toEqual([])
    const withProposed = await ws.call('calendar.dashboard', { asOf, includeProposed: true })
    expect(withProposed.next.filter(item => item.proposed)).toEqual([])
  })

  it('calendar.exportIcs writes no proposed duty unless asked', async () => {
    const ws = await createTestWorkspace({ now })
    const dir = tempDir()
    const plain = await ws.call('calendar.exportIcs', { asOf, path: path.join(dir, 'plain.ics') })
    const text = fs.readFileSync(plain!.path, 'utf8')
    expect(text).not.toMatch(/\(proposed rule\)|not in force/)
    const asked = await ws.call('calendar.exportIcs', { asOf, includeProposed: true, path: path.join(dir, 'asked.ics') })
    expect(asked!.events).toBe(plain!.events + PROPOSED_IDS.length)
    expect(fs.readFileSync(asked!.path, 'utf8')).toMatch(/Status: Proposed — not in force/)
  })

  it('calendar.list gives the proposal status from templates/proposed-rule, dated statusAsOf', async () => {
    const ws = await createTestWorkspace({ now })
    const view = await ws.call('calendar.list', { asOf })
    const { statusAsOf } = loadNprm().status
    expect(view.proposedRule).toMatchObject({ statusAsOf, stage: 'proposed', citation: '90 FR 898' })
    expect(view.proposedRuleText).toContain(`status as of ${statusAsOf}`)
    expect(`${view.disclaimer} ${view.proposedRuleText}`).not.toMatch(/as of June 2026/)
  })
})

describe('safeguard deadlines', () => {
  it('leaves proposed duties out by default; --proposed lists them labelled, never overdue, with the status date', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', file, '--org', 'Harbor Family Practice', '--unencrypted'])).code).toBe(0)
    const plain = await runSafeguard(['deadlines', file, '--as-of', asOf, '--json'])
    expect(plain.code).toBe(0)
    const entries = JSON.parse(plain.stdout) as { kind: string; status: string; proposed?: boolean }[]
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.filter(entry => entry.proposed)).toEqual([])

    const asked = await runSafeguard(['deadlines', file, '--as-of', asOf, '--proposed'])
    expect(asked.code).toBe(0)
    expect(asked.stdout).toMatch(/proposed — not in force {2}Vulnerability scan \(proposed rule\)/)
    expect(asked.stdout).not.toMatch(/OVERDUE {2}[^\n]*\(proposed rule\)/)
    expect(asked.stdout).toContain(`status as of ${loadNprm().status.statusAsOf}`)

    // The old opt-out, --no-proposed, is still accepted (test/breach/cli.test.ts runs it).
  }, 120_000)
})
