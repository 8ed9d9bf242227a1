import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestWorkspace } from '../helpers/workspace'
import { pdfInfo, pdfText, qpdfCheck } from './pdf-tools'

type Workspace = Awaited<ReturnType<typeof createTestWorkspace>>

/** A small analysis: three PHI assets, two assessed (one risk accepted, one mitigated), one left out. */
async function recordAnalysis(ws: Workspace): Promise<void> {
  const ehr = await ws.call('map.addAsset', { name: 'Clinic EHR', kind: 'application', phi: 'phi' })
  const laptop = await ws.call('map.addAsset', { name: 'Front desk laptop', kind: 'workstation', phi: 'phi' })
  await ws.call('map.addAsset', { name: 'Offsite backup drive', kind: 'storage-device', phi: 'phi' })
  const threats = (await ws.call('risks.catalog', {})).threats
  const threatFor = (kind: string) => threats.find(t => t.appliesTo.includes(kind as never))!.id
  const stolen = await ws.call('risks.create', {
    assetIds: [laptop.id],
    threatId: threatFor('workstation'),
    title: 'Laptop stolen from the front desk',
    likelihood: 'high',
    impact: 'high',
    residualLikelihood: 'low',
    residualImpact: 'high',
    owner: 'Dana Reyes'
  })
  await ws.call('risks.setTreatment', { id: stolen.id, treatment: { kind: 'mitigate' } })
  await ws.call('risks.addTask', { riskId: stolen.id, title: 'Turn on full-disk encryption', owner: 'IT contractor', dueOn: '2099-03-01' })
  await ws.call('risks.update', { id: stolen.id, treatmentPlan: 'Encrypt the disk and lock the laptop to the desk' })
  const outage = await ws.call('risks.create', {
    assetIds: [ehr.id],
    threatId: threatFor('application'),
    title: 'EHR vendor outage',
    likelihood: 'low',
    impact: 'medium',
    residualLikelihood: 'low',
    residualImpact: 'medium'
  })
  await ws.call('risks.setTreatment', {
    id: outage.id,
    treatment: {
      kind: 'accept',
      approver: 'Dr. Sam Okafor',
      approvedOn: '2026-01-15',
      reason: 'Paper downtime forms cover a day',
      expiresOn: '2099-01-15'
    }
  })
}

describe('the risk analysis in the documents', () => {
  it('the evidence pack carries the method, the heat maps, the top risks with treatment and the accepted risks', async () => {
    const ws = await createTestWorkspace()
    await recordAnalysis(ws)
    const file = path.join(ws.dir, 'pack.pdf')
    await ws.call('documents.generatePack', { path: file })
    expect(qpdfCheck(file).status).toBe(0)
    expect(pdfInfo(file)).toMatch(/Tagged:\s+yes/)
    const text = pdfText(file)
    expect(text).toContain('Risk analysis')
    // Method: scope with the asset left out named, data sources, scale with its source.
    expect(text).toMatch(/3 are marked as holding health information; 2 of them have at least one rated risk/)
    expect(text).toContain('Not yet assessed: Offsite backup drive')
    expect(text).toMatch(/Scale: Likelihood × impact, three levels each/)
    expect(text).toContain('Check the scale with counsel')
    // Heat maps: both grids, every unrated risk accounted for.
    expect(text).toContain('Inherent risk')
    expect(text).toContain('Residual risk')
    expect(text).toContain('0 risks not rated are not in this grid')
    // Top risks, highest first, with the treatment in words.
    expect(text).toMatch(/Laptop stolen from the front desk.*EHR vendor outage/)
    expect(text).toContain('Mitigate (1 task, 1 open)')
    expect(text).toContain('Accepted by Dr. Sam Okafor until 2099-01-15')
    // Accepted risks with approver and expiry.
    expect(text).toContain('Dr. Sam Okafor')
    expect(text).toContain('15 Jan 2099')
    expect(text).toContain('Paper downtime forms cover a day')
  })

  it('the annual review carries the same analysis', async () => {
    const ws = await createTestWorkspace()
    await recordAnalysis(ws)
    const file = path.join(ws.dir, 'review.pdf')
    await ws.call('documents.generateReview', { path: file })
    expect(qpdfCheck(file).status).toBe(0)
    const text = pdfText(file)
    expect(text).toContain('Risk analysis')
    expect(text).toContain('Not yet assessed: Offsite backup drive')
    expect(text).toContain('Accepted by Dr. Sam Okafor until 2099-01-15')
    expect(text).toContain('Dr. Sam Okafor')
    expect(text).toContain('Heat map')
  })

  it('a workspace with no risk says so instead of printing an empty analysis', async () => {
    const ws = await createTestWorkspace()
    const file = path.join(ws.dir, 'pack.pdf')
    await ws.call('documents.generatePack', { path: file })
    expect(pdfText(file)).toContain('No risk scenario has been recorded for this period yet.')
  })
})
