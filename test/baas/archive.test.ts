import { describe, expect, it } from 'vitest'
import { readBusinessAssociates } from '../../main/baas/reads'
import { createBreachWorkspace, rowCount, workspaceDump } from '../breach/workspace'

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
        retention: { keptUntil: '2032-06-01', countedFrom: '2026-06-01', citation: '45 CFR 164.530(j)', checkWithCounsel: true, over: false }
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

  it('deletes an archived party for good only after its six years, with nobody below it and its name typed again', async () => {
    let clock = new Date('2026-05-01T12:00:00.000Z')
    const ws = await createBreachWorkspace({ now: () => clock })
    const top = await ws.call('baas.create', { associate: { name: 'Northwind Billing', baaStatus: 'expired', expiresOn: '2026-03-31' } })
    const sub = await ws.call('baas.create', { associate: { name: 'Backup Vault', relationship: 'subcontractor', parentId: top.id } })
    await ws.call('baas.archive', { id: sub.id })
    await ws.call('baas.archive', { id: top.id })
    const retention = (await ws.call('baas.listArchived', {})).find(a => a.name === 'Northwind Billing')!.retention
    // Created 2026-05-01, after its agreement expired: the six years count from the later date.
    expect(retention).toMatchObject({ countedFrom: '2026-05-01', keptUntil: '2032-05-01', over: false })
    await expect(ws.call('baas.deletePermanently', { id: top.id, confirmName: 'Northwind Billing' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/must be kept until 2032-05-01/)
    })
    clock = new Date('2032-05-02T12:00:00.000Z')
    // Its archived subcontractor still points at it.
    await expect(ws.call('baas.deletePermanently', { id: top.id, confirmName: 'Northwind Billing' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/1 party below it/)
    })
    await expect(ws.call('baas.deletePermanently', { id: sub.id, confirmName: 'Backup vault' })).rejects.toMatchObject({ code: 'invalid-input' })
    await ws.call('baas.deletePermanently', { id: sub.id, confirmName: 'Backup Vault' })
    await ws.call('baas.deletePermanently', { id: top.id, confirmName: 'Northwind Billing' })
    expect(await ws.call('baas.listArchived', {})).toEqual([])
    expect(rowCount(ws.db, 'business_associate')).toBe(0)
  })
})
