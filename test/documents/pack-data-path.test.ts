import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { packData, reviewData } from '../../main/documents/generate'
import { SCANNER_FORMATS } from '../../main/scanners/formats/index'
import { createTestWorkspace } from '../helpers/workspace'

// The pack and the review read scans through the same path the app uses (import, then the
// documents' read functions), so a label table out of step with the format ids shows here.
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'scanners')

describe('evidence pack data read from a real workspace', () => {
  it('names every imported scan by its format label from the format registry', async () => {
    const ws = await createTestWorkspace()
    const files = ['awsconfig-describe-compliance-by-config-rule.json', 'powerpipe-hipaa-benchmark.json', 'prowler-v5.ocsf.json']
    const results = await ws.call('scans.import', { paths: files.map(f => path.join(FIXTURES, f)), asOneScan: false })
    expect(results.every(r => r.ok)).toBe(true)

    const data = await packData(ws.context())
    const labels = (data.scans ?? []).map(s => s.format).sort()
    const expected = results.map(r => (r.ok ? SCANNER_FORMATS.find(f => f.id === r.scan.format)!.label : '')).sort()
    expect(labels).toEqual(expected)
    expect(labels).toContain('AWS Config compliance by rule')
    expect(labels).toContain('Steampipe/Powerpipe benchmark')
    for (const label of labels) expect(label).not.toMatch(/awsconfig|\(/)

    const review = await reviewData(ws.context())
    expect((review.findingsTrend ?? []).map(t => t.label).sort()).toEqual(expected)
  })
  it("gives each incident's recorded assessment outcome, not whether its PHI was unsecured", async () => {
    const ws = await createTestWorkspace()
    const today = new Date().toISOString().slice(0, 10)
    await ws.call('incidents.create', {
      incident: {
        title: 'Chart opened by the wrong nurse',
        discoveredOn: today,
        role: 'covered-entity',
        affectedByState: { TX: 1 },
        assessment: { outcome: 'exception', exception: 'workforce-good-faith', reason: 'Opened in good faith within her duties, closed at once.' }
      }
    })
    await ws.call('incidents.create', {
      incident: {
        title: 'Stolen backup tape',
        discoveredOn: today,
        role: 'covered-entity',
        affectedByState: { TX: 40 },
        assessment: { outcome: 'breach' }
      }
    })
    const data = await packData(ws.context())
    const byTitle = new Map((data.incidents ?? []).map(i => [i.category, i]))
    expect(byTitle.get('Chart opened by the wrong nurse')).toMatchObject({ assessment: 'Exception (164.402(1))', notifiable: false })
    expect(byTitle.get('Stolen backup tape')).toMatchObject({ assessment: 'Breach', notifiable: true })
  })
})
