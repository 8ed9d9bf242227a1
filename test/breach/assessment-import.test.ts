import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'
import { createBreachWorkspace, workspaceDump } from './workspace'

const fixtures = path.resolve(__dirname, '../fixtures/breach')

describe('the assessment outcome through every way in', () => {
  it('imports the CSV columns: an exception, a low-probability assessment, the agent rule and a business-day window', async () => {
    const ws = await createBreachWorkspace()
    expect(await ws.call('incidents.importFile', { path: path.join(fixtures, 'incidents-assessment.csv') })).toMatchObject({ imported: 4 })
    const list = await ws.call('incidents.list', { asOf: '2026-03-06' })
    const get = async (title: string) => ws.call('incidents.get', { id: list.find(i => i.title === title)!.id, asOf: '2026-03-06' })

    const exception = await get('Wrong chart opened')
    expect(exception.incident.assessment).toEqual({
      outcome: 'exception',
      exception: 'workforce-good-faith',
      reason: 'Scheduler opened the wrong chart, closed it at once and reported it'
    })
    expect(exception.assessment).toMatchObject({ notificationRequired: false, obligations: [] })

    const low = await get('Letter to another clinic')
    expect(low.incident.assessment).toMatchObject({ outcome: 'low-probability', reviewer: 'Dana Ortiz, privacy officer', assessedOn: '2026-03-04' })
    expect(low.incident.assessmentMissing).toEqual([])
    expect(low.assessment.obligations.map(o => [o.id, o.dueOn, o.kept])).toEqual([
      ['state-individuals:CA', '2026-04-01', "Kept: this state's law has no risk-of-harm test"],
      ['state-regulator:CA', '2026-04-01', "Kept: this state's law has no risk-of-harm test"]
    ])

    // The agent's discovery on 2 March starts the clock: 60 days is 1 May, not 19 May.
    const agent = await get('Billing vendor mailbox')
    expect(agent.incident).toMatchObject({ baDiscoveredOn: '2026-03-02', baIsAgent: true })
    expect(agent.assessment.obligations.find(o => o.id === 'individuals')!.dueOn).toBe('2026-05-01')

    // Thursday 5 March + 3 business days: Tuesday 10 March.
    const vendor = await get('Cloud bucket at our client')
    expect(vendor.incident.baaReportingWindow).toEqual({ amount: 3, unit: 'business-days' })
    expect(vendor.assessment.obligations[0]).toMatchObject({ id: 'covered-entity', dueOn: '2026-03-10' })
  })

  it('refuses an older-shape low-probability row without its factors, reviewer and date, naming the row and the columns, and stores nothing', async () => {
    const ws = await createBreachWorkspace()
    const before = workspaceDump(ws.db)
    const error = await ws
      .call('incidents.importFile', { path: path.join(fixtures, 'incidents-low-probability-undocumented.csv') })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'import-rejected', message: expect.stringMatching(/1 of 2 incidents .*first: row 2, natureAndExtent: /) })
    const rows = (error as { details: { rows: { ok: boolean; errors: string[] }[] } }).details.rows
    expect(rows.map(r => r.ok)).toEqual([true, false])
    expect(rows[1]!.errors).toEqual([
      expect.stringMatching(/^natureAndExtent: a low-probability conclusion needs this factor written out \(164\.402\(2\)\(i\)/),
      expect.stringMatching(/^unauthorizedRecipient: /),
      expect.stringMatching(/^acquiredOrViewed: /),
      'assessmentReviewer: a low-probability conclusion needs the name of who reviewed it',
      'assessedOn: a low-probability conclusion needs the date it was made'
    ])
    expect(workspaceDump(ws.db)).toEqual(before)
  })

  it('round-trips through the app contract: create, read back, update', async () => {
    const ws = await createBreachWorkspace()
    const json = JSON.parse(fs.readFileSync(path.join(fixtures, 'incident-low-probability.json'), 'utf8')) as Record<string, unknown>
    const created = await ws.call('incidents.create', { incident: json as never })
    const { reviewer: _reviewer, ...withoutReviewer } = (json as { assessment: Record<string, unknown> }).assessment
    await expect(
      ws.call('incidents.update', { id: created.incident.id, incident: { ...json, assessment: withoutReviewer } as never })
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/assessment\.reviewer/) })
    const read = await ws.call('incidents.get', { id: created.incident.id })
    expect(read.incident.assessment).toEqual(json.assessment)
  })

  it('CLI: imports JSON, lists each outcome, and refuses an undocumented low-probability row with a non-zero exit', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', file, '--org', 'Harbor Family Practice', '--unencrypted'])).code).toBe(0)
    const imported = await runSafeguard(['incidents', 'import', file, path.join(fixtures, 'incident-low-probability.json')])
    expect(imported.stderr).toBe('')
    expect(imported.code).toBe(0)
    const list = await runSafeguard(['incidents', 'list', file, '--as-of', '2026-03-06'])
    expect(list.stdout).toMatch(
      /Appointment list e-mailed to a partner clinic \(discovered 2026-03-02, 630 affected; low probability of compromise; states with no harm test kept\): next: state-individuals due 2026-04-01/
    )
    const json = JSON.parse((await runSafeguard(['incidents', 'list', file, '--json'])).stdout) as { id: number; outcome: string }[]
    expect(json.map(i => i.outcome)).toEqual(['low-probability'])
    const shown = await runSafeguard(['incidents', 'show', file, String(json[0]!.id), '--as-of', '2026-03-06'])
    expect(shown.code).toBe(0)
    expect(shown.stdout).toMatch(
      /Is it a breach\? low probability of compromise; states with no harm test kept \(reviewed by Dana Ortiz, privacy officer, on 2026-03-04\)/
    )
    expect(shown.stdout).toMatch(
      /2026-04-01 {2}due +Affected residents of California \(Cal\. Civ\. Code § 1798\.82.*\) \[Kept: this state's law has no risk-of-harm test\]/
    )

    const refused = await runSafeguard(['incidents', 'import', file, path.join(fixtures, 'incidents-low-probability-undocumented.csv')])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/row 2 {2}rejected {2}Envelope returned unopened: natureAndExtent: a low-probability conclusion needs/)
    expect(JSON.parse((await runSafeguard(['incidents', 'list', file, '--json'])).stdout)).toHaveLength(1)
  }, 120_000)
})
