import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readMapChanges } from '../../main/map/reads'
import { pdfText, qpdfCheck } from '../documents/pdf-tools'
import { createTestWorkspace } from '../helpers/workspace'
import { dbOf } from './map-builders'

const CLINIC = path.resolve(__dirname, '../fixtures/map-drawing/clinic.tfstate')

/** The clinic's state a year later: the upload bucket (and its notification) gone, a claims queue added. */
function laterState(dir: string): string {
  const state = JSON.parse(fs.readFileSync(CLINIC, 'utf8')) as { serial: number; resources: { type: string; name: string; instances: unknown[] }[] }
  const jobs = state.resources.find(r => r.type === 'aws_sqs_queue')!
  const claims = JSON.parse(JSON.stringify(jobs).replaceAll('jobs', 'claims')) as typeof jobs
  state.serial += 1
  state.resources = [
    ...state.resources.filter(r => r.type !== 'aws_s3_bucket' && r.type !== 'aws_s3_bucket_notification'),
    { ...claims, name: 'claims' }
  ]
  const later = path.join(dir, 'later', 'clinic.tfstate')
  fs.mkdirSync(path.dirname(later))
  fs.writeFileSync(later, JSON.stringify(state))
  return later
}

describe('annual review: data-flow map changes', () => {
  it('lists what was added, removed, marked, dismissed and reviewed since the previous period began, and nothing from before', async () => {
    let instant = new Date('2024-06-01T10:00:00Z')
    const ws = await createTestWorkspace({ now: () => instant })
    await ws.call('assessment.setProfile', { key: 'usesCloudHosting', value: true }) // opens the 2024 period
    await ws.call('map.import', { path: CLINIC }) // 2024: before the previous period (2025) began

    instant = new Date('2025-01-10T09:00:00Z')
    await ws.call('assessment.startNextPeriod', {})
    instant = new Date('2025-03-15T09:00:00Z')
    const view = await ws.call('map.view', {})
    const vpc = view.zones.find(z => z.name === 'aws_vpc.phi')!
    const db = view.assets.find(a => a.name === 'aws_db_instance.patients')!
    await ws.call('map.setPhi', { type: 'zone', id: vpc.id, phi: 'phi', by: 'Dana' })
    const house = await ws.call('map.addAsset', { name: 'Claims clearing house', kind: 'external', by: 'Dana' })
    await ws.call('map.addFlow', { from: { type: 'asset', id: db.id }, to: { type: 'asset', id: house.id }, label: 'SFTP claims', by: 'Dana' })

    instant = new Date('2026-01-10T09:00:00Z')
    await ws.call('assessment.startNextPeriod', {})
    instant = new Date('2026-02-01T09:00:00Z')
    await ws.call('map.import', { path: laterState(ws.dir) })
    const ownerFlag = (await ws.call('map.flags', {})).find(f => f.rule === 'phi-asset-without-owner' && f.subjectKey.includes('patients'))!
    await ws.call('map.dismissFlag', {
      rule: ownerFlag.rule,
      subjectKey: ownerFlag.subjectKey,
      reason: 'Owned by the records team per the CMDB',
      by: 'Dana'
    })
    instant = new Date('2026-03-01T09:00:00Z')
    await ws.call('map.review', { by: 'Dana Reyes', note: 'walked through with IT' })

    const changes = readMapChanges(dbOf(ws), { since: '2025-01-01', until: '2026-12-31', today: '2026-03-01' })!
    expect(changes.assetsAdded.items.map(a => [a.name, a.on])).toEqual([
      ['Claims clearing house', '2025-03-15'],
      ['aws_sqs_queue.claims', '2026-02-01']
    ])
    expect(changes.assetsRemoved.items.map(a => [a.name, a.on])).toEqual([['aws_s3_bucket.uploads', '2026-02-01']])
    expect(changes.flowsAdded.items.map(f => [f.from, f.to, f.manual])).toEqual([['aws_db_instance.patients', 'Claims clearing house', true]])
    expect(changes.flowsRemoved.items.map(f => [f.from, f.to])).toEqual([['aws_s3_bucket.uploads', 'aws_sqs_queue.jobs']])
    // The four zones came with the 2024 import, but only the 2026 version links them now: not dated, and said so.
    expect(changes.zonesAdded.total).toBe(0)
    expect(changes.undated).toContainEqual(expect.stringMatching(/^4 zones are described only by a file that replaced an earlier version/))
    expect(changes.markings.items).toEqual([{ subject: 'zone', name: 'aws_vpc.phi', marking: 'phi', by: 'Dana', on: '2025-03-15' }])
    expect(changes.sources.items.map(s => s.on)).toEqual(['2026-02-01'])
    expect(changes.flagsDismissed.items).toEqual([
      expect.objectContaining({ title: 'PHI asset with no owner', reason: 'Owned by the records team per the CMDB' })
    ])
    expect(changes.lastReview).toEqual({ reviewedOn: '2026-03-01', reviewedBy: 'Dana Reyes', note: 'walked through with IT' })
    // The same span starting later leaves out the 2025 changes.
    const lastMonths = readMapChanges(dbOf(ws), { since: '2026-01-01', until: '2026-12-31', today: '2026-03-01' })!
    expect(lastMonths.assetsAdded.items.map(a => a.name)).toEqual(['aws_sqs_queue.claims'])
    expect(lastMonths.markings.total).toBe(0)

    expect((await ws.call('assessment.periods', {})).map(p => p.id)).toEqual(['2024', '2025', '2026'])
    const file = path.join(ws.dir, 'review.pdf')
    await ws.call('documents.generateReview', { path: file })
    expect(qpdfCheck(file).status).toBe(0)
    const text = pdfText(file).replace(/\s+/g, ' ')
    expect(text).toContain('Data-flow map changes')
    expect(text).toContain('from 1 January 2025 to 31 December 2026, since the previous period began')
    expect(text).toContain('Assets added and removed (2 added, 1 removed)')
    expect(text).toMatch(/aws_s3_bucket\.uploads bucket Removed/)
    expect(text).toContain('Claims clearing house')
    expect(text).toContain('PHI markings set (1)')
    expect(text).toMatch(/zone: aws_vpc\.phi PHI Dana/)
    expect(text).toContain('Dismissed: Owned by the records team')
    expect(text).toContain('The map was last reviewed on 1 March 2026 by Dana Reyes (walked through with IT).')
    expect(text).toContain('When a flag first appeared or stopped applying is not recorded')
    expect(text).not.toMatch(/aws_db_instance\.patients database Added/)
  })

  it('says the map is not recorded in a workspace without one', async () => {
    const ws = await createTestWorkspace()
    expect(readMapChanges(dbOf(ws), { since: '2025-01-01', until: '2026-12-31', today: '2026-03-01' })).toBeNull()
    const file = path.join(ws.dir, 'review.pdf')
    await ws.call('documents.generateReview', { path: file })
    expect(pdfText(file).replace(/\s+/g, ' ')).toContain('Not recorded in this workspace. No infrastructure description has been imported')
  })
})
