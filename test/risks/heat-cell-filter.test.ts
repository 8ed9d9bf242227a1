import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'

describe('risks: the register filtered to one heat-map cell', () => {
  it('lists exactly the risks the overview counts in that cell, for the inherent and the residual rating', async () => {
    const ws = await createTestWorkspace({ now: () => new Date('2026-03-10T12:00:00Z') })
    const laptop = (await ws.call('map.addAsset', { name: 'Front desk laptop', kind: 'workstation', phi: 'phi' })).id
    const make = async (threatId: string, likelihood: 'high' | 'medium' | null, impact: 'high' | 'medium' | null) =>
      (await ws.call('risks.create', { assetIds: [laptop], threatId, likelihood, impact })).id
    const highHigh = await make('phishing', 'high', 'high')
    const alsoHighHigh = await make('ransomware', 'high', 'high')
    const mediumHigh = await make('improper-disposal', 'medium', 'high')
    await make('hardware-failure', null, null)
    await ws.call('risks.update', { id: alsoHighHigh, residualLikelihood: 'medium', residualImpact: 'high' })

    const inCell = async (rating: 'inherent' | 'residual', likelihood: 'high' | 'medium', impact: 'high') =>
      (await ws.call('risks.list', { filter: { cell: { rating, likelihood, impact } } })).rows.map(r => r.id).sort()
    expect(await inCell('inherent', 'high', 'high')).toEqual([highHigh, alsoHighHigh].sort())
    expect(await inCell('inherent', 'medium', 'high')).toEqual([mediumHigh])
    expect(await inCell('residual', 'medium', 'high')).toEqual([alsoHighHigh])
    expect(await inCell('residual', 'high', 'high')).toEqual([])

    const overview = await ws.call('risks.overview', {})
    const counted = overview.heatMap.inherent.find(c => c.likelihood === 'high' && c.impact === 'high')!.count
    expect(counted).toBe((await inCell('inherent', 'high', 'high')).length)
    await expect(
      ws.call('risks.list', { filter: { cell: { rating: 'inherent', likelihood: 'extreme' as never, impact: 'high' } } })
    ).rejects.toThrow()
  })
})
