// Stale evidence on the calendar and the dashboard: each expiry is a dated item, overdue once passed; the dashboard
// lists it among what to do next and counts it on its Evidence card; archived evidence drops out of both.
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../main/assessment/reads'
import { createTestWorkspace } from '../helpers/workspace'

const citation = readCatalog().entries.find(entry => entry.kind === 'specification')!.citation

describe('evidence expiries on the calendar and the dashboard', () => {
  it('dates each expiry, shows a passed one as overdue and counts it stale on the dashboard', async () => {
    const ws = await createTestWorkspace({ now: () => new Date('2026-12-07T12:00:00Z') })
    const target = { kind: 'decision' as const, id: citation }
    const stale = await ws.call('evidence.addLink', {
      target,
      url: 'https://example.org/pen-test-2025',
      title: 'Penetration test 2025',
      effectiveAsOf: '2025-11-01',
      expiresOn: '2026-11-30'
    })
    await ws.call('evidence.addLink', {
      target,
      url: 'https://example.org/dr',
      title: 'DR exercise',
      effectiveAsOf: '2026-06-01',
      expiresOn: '2027-06-01'
    })
    await ws.call('evidence.addLink', { target, url: 'https://example.org/forever', title: 'Network diagram', effectiveAsOf: '2026-06-01' })

    const calendar = await ws.call('calendar.list', { asOf: '2026-12-07' })
    const evidenceItems = calendar.items.filter(item => item.source.type === 'evidence')
    expect(evidenceItems.map(item => [item.title, item.dueOn, item.status]).sort()).toEqual([
      ['Evidence expires: DR exercise', '2027-06-01', 'upcoming'],
      ['Evidence expires: Penetration test 2025', '2026-11-30', 'overdue']
    ])

    const dashboard = await ws.call('calendar.dashboard', { asOf: '2026-12-07' })
    expect(dashboard.next.map(entry => entry.uid)).toContain(`evidence-expiry-${stale.id}`)
    expect(dashboard.evidence).toMatchObject({ attached: 3, stale: 1 })
    // The day it expires it still holds.
    expect((await ws.call('calendar.dashboard', { asOf: '2026-11-30' })).evidence).toMatchObject({ stale: 0 })

    await ws.call('evidence.archive', { id: stale.id, reason: 'Replaced by the 2026 test' })
    const after = await ws.call('calendar.dashboard', { asOf: '2026-12-07' })
    expect(after.next.map(entry => entry.uid)).not.toContain(`evidence-expiry-${stale.id}`)
    expect(after.evidence).toMatchObject({ attached: 2, stale: 0 })
  })
})
