import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'

describe('incidents.stateLaws', () => {
  it("gives each state's treatment of HIPAA-regulated entities where the table has one", async () => {
    const ws = await createTestWorkspace()
    const view = await ws.call('incidents.stateLaws', {})
    const row = (code: string) => view.rows.find(candidate => candidate.jurisdiction === code)
    expect(row('NM')?.hipaa).toMatch(/^Exempt for HIPAA-regulated entities \(N\.M\. Stat\. § 57-12C-8\)/)
    expect(row('NY')?.hipaa).toMatch(/^HIPAA compliance deemed sufficient for PHI \(N\.Y\. Gen\. Bus\. Law § 899-aa/)
    expect(row('IL')?.hipaa).toMatch(/815 ILCS 530\/50/)
    // A state whose row says nothing about HIPAA gives nothing rather than a guess.
    expect(view.rows.filter(candidate => candidate.hipaa === null).length).toBeGreaterThan(0)
    // Each row says whether a low-probability conclusion keeps its notices.
    expect(row('CA')?.harmTest).toMatchObject({ exists: false, certainty: 'unconfirmed' })
    expect(view.rows.every(candidate => candidate.harmTest.text.length > 0)).toBe(true)
  })
})
