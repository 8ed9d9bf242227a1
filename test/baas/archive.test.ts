import { describe, expect, it } from 'vitest'
import { readBusinessAssociates } from '../../main/baas/reads'
import { createBreachWorkspace, workspaceDump } from '../breach/workspace'

const asOf = '2026-05-01'
const now = () => new Date('2026-05-01T12:00:00.000Z')

describe('archiving business associates', () => {
  it('takes a party out of the register, the calendar, the dashboard and the documents, and restores it', async () => {
    const ws = await createBreachWorkspace({ now })
    const northwind = await ws.call('baas.create', {
      associate: { name: 'Northwind Billing', baaStatus: 'signed', effectiveOn: '2025-01-01', expiresOn: '2026-06-01', reviewEveryMonths: 12 }
    })
    await ws.call('baas.create', { associate: { name: 'Contoso Shredding' } })
    const seen = async () =>
      JSON.stringify([
        await ws.call('baas.list', { asOf }),
        await ws.call('baas.chain', { asOf }),
        await ws.call('calendar.list', { asOf }),
        await ws.call('calendar.dashboard', { asOf }),
        readBusinessAssociates(ws.db, asOf)
      ])
    expect(await seen()).toContain('Northwind Billing')

    await ws.call('baas.archive', { id: northwind.id, reason: 'Contract ended' })

    expect(await seen()).not.toContain('Northwind Billing')
    expect((await ws.call('baas.list', { asOf })).map(a => a.name)).toEqual(['Contoso Shredding'])
    expect(await ws.call('baas.listArchived', {})).toEqual([
      {
        id: northwind.id,
        name: 'Northwind Billing',
        relationship: 'business-associate',
        baaStatus: 'signed',
        archivedAt: now().toISOString(),
        archiveReason: 'Contract ended',
        // Signed until it was archived, but its expiry (2026-06-01) is later still.
        retention: { keptUntil: '2032-06-01', countedFrom: '2026-06-01', citation: '45 CFR 164.530(j)', checkWithCounsel: true }
      }
    ])

    const restored = await ws.call('baas.restore', { id: northwind.id })
    expect(restored).toMatchObject({ name: 'Northwind Billing', archivedAt: null, baaStatus: 'signed' })
    expect(await seen()).toContain('Northwind Billing')
    expect(await ws.call('baas.listArchived', {})).toEqual([])
  })

  it('refuses to archive a party while live subcontractors hang below it, naming them, and changes nothing', async () => {
    const ws = await createBreachWorkspace({ now })
    const top = await ws.call('baas.create', { associate: { name: 'Northwind Billing' } })
    const sub = await ws.call('baas.create', { associate: { name: 'Backup Vault', relationship: 'subcontractor', parentId: top.id } })
    const dump = workspaceDump(ws.db)
    await expect(ws.call('baas.archive', { id: top.id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/"Northwind Billing" still has 1 subcontractor below it in the chain \("Backup Vault"\)/)
    })
    expect(workspaceDump(ws.db)).toEqual(dump)
    // Once the subcontractor is archived, the party above it can be.
    await ws.call('baas.archive', { id: sub.id })
    await ws.call('baas.archive', { id: top.id })
    expect((await ws.call('baas.listArchived', {})).map(a => a.name).sort()).toEqual(['Backup Vault', 'Northwind Billing'])
    // An archived party cannot be changed or chosen as a parent until it is restored.
    await expect(ws.call('baas.markReviewed', { id: top.id, reviewedOn: asOf })).rejects.toMatchObject({ code: 'conflict' })
    await expect(
      ws.call('baas.create', { associate: { name: 'Tape Courier', relationship: 'subcontractor', parentId: top.id } })
    ).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(/archived/) })
  })
})
