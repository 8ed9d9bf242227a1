import { describe, expect, it } from 'vitest'
import { DEADLINE_SOURCES } from '../../main/calendar/deadline-sources'
import { workspaceCalendar } from '../../main/calendar/workspace-calendar'
import { createTestWorkspace } from '../helpers/workspace'

describe('deadline sources', () => {
  it('the workspace calendar is exactly the union of every source, soonest first', async () => {
    const ws = await createTestWorkspace({ now: () => new Date('2026-03-02T12:00:00Z') })
    await ws.call('baas.create', {
      associate: { name: 'Cloud host', relationship: 'business-associate', baaStatus: 'signed', effectiveOn: '2025-04-01', expiresOn: '2026-04-01' }
    } as never)
    const { db } = ws.session.current!
    const options = { asOf: '2026-03-02', dueSoonDays: 30, includeProposed: false }
    const items = workspaceCalendar(db, options)
    const ids = new Set(DEADLINE_SOURCES.map(s => s.id))
    expect(ids.size).toBe(DEADLINE_SOURCES.length)
    expect(items.map(i => i.uid)).toContain('baa-renewal-1')
    const sorted = [...items].sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.uid.localeCompare(b.uid))
    expect(items).toEqual(sorted)
    const context = { db, asOf: options.asOf, anchorOn: '2026-03-02', dueSoonDays: 30, includeProposed: false }
    const fromSources = DEADLINE_SOURCES.flatMap(source => source.items(context).map(i => i.uid))
    expect(new Set(items.map(i => i.uid))).toEqual(new Set(fromSources))
    expect(items.every(i => !i.proposed)).toBe(true)
  })
})
