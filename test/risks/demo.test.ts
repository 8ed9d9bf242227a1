import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createDemoWorkspace } from '../../main/demo/create-demo'
import { createTestSession, tempDir } from '../helpers/workspace'

const TODAY = '2026-06-15'

describe('the demo practice’s risk analysis', () => {
  it(
    'has the map’s or hand-added assets, 15-25 scenarios across several threats, mitigations, one acceptance and one overdue task',
    { timeout: 180_000 },
    async () => {
      const dir = tempDir()
      const demo = await createDemoWorkspace(path.join(dir, 'demo'), { today: TODAY, appVersion: '0.0.0-test' })
      expect(demo.skipped).not.toContain('risk analysis')
      const ws = createTestSession({ now: () => new Date(`${TODAY}T15:00:00Z`) })
      await ws.call('workspace.open', { path: demo.workspacePath })

      const register = await ws.call('risks.register', {})
      // The gap ratings of the questionnaire are in the register too (on the Organisation-wide asset); the demo's own analysis is the rest.
      const analysis = register.filter(r => r.earlierRating === null)
      expect(analysis.length).toBeGreaterThanOrEqual(15)
      expect(analysis.length).toBeLessThanOrEqual(25)
      expect(new Set(analysis.map(r => r.threat?.id)).size).toBeGreaterThanOrEqual(8)
      const kinds = new Set(analysis.flatMap(r => r.assets.map(a => a.kind)))
      for (const kind of ['workstation', 'paper', 'site', 'storage-device', 'application']) expect(kinds).toContain(kind)
      for (const risk of analysis) {
        expect(risk.level, risk.title).not.toBeNull()
        expect(risk.likelihoodRationale, risk.title).not.toBe('')
        expect(risk.impactRationale, risk.title).not.toBe('')
      }

      const mitigated = analysis.filter(r => r.treatment === 'mitigate')
      expect(mitigated.length).toBeGreaterThanOrEqual(5)
      expect(mitigated.flatMap(r => r.tasks).filter(t => t.status === 'done' && t.evidence)).not.toHaveLength(0)
      const accepted = analysis.filter(r => r.acceptance !== null)
      expect(accepted).toHaveLength(1)
      expect(accepted[0]!.acceptance).toMatchObject({ approver: 'Dr. Lena Park', expiresOn: '2026-11-22' })
      expect(accepted[0]!.review).toBeNull()
      const overdueTasks = analysis.flatMap(r => r.tasks).filter(t => t.overdue)
      expect(overdueTasks.map(t => t.title)).toEqual(['Disable offline sync of visit notes'])
      expect(analysis.some(r => r.treatmentDetail?.kind === 'transfer' && r.treatmentDetail.to === 'business-associate')).toBe(true)
      expect((await ws.call('risks.suggestions', {})).dismissed).toHaveLength(1)
      expect(await ws.call('risks.notAssessed', {})).toEqual([])
    }
  )
})
