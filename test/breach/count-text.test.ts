import { describe, expect, it } from 'vitest'
import { computeBreachObligations } from '../../main/breach/obligations'
import { incident, only } from './helpers'

const asOf = '2026-03-01'

describe('affected counts in the obligation text', () => {
  it('are grouped by thousands, federal and state alike', () => {
    const result = computeBreachObligations(incident({ affectedByState: { GA: 120000, CA: 2500 } }), { asOf })
    expect(result.reason).toContain('affecting 122,500 individuals')
    expect(only(result, 'hhs').basis).toMatch(/^122,500 individuals affected in total/)
    expect(only(result, 'media:GA').basis).toMatch(/^120,000 residents of Georgia affected/)
    const california = result.obligations.filter(obligation => obligation.basis.includes('residents of California'))
    expect(california.length).toBeGreaterThan(0)
    for (const obligation of california) expect(obligation.basis).toMatch(/^2,500 residents of California affected/)
  })
})
