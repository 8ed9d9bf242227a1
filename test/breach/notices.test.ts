import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { IncidentInput, NoticeInput } from '../../main/breach/contract'
import { createBreachWorkspace, workspaceDump } from './workspace'

const fixture = path.resolve(__dirname, '../fixtures/breach/incident-large-covered-entity.json')
// Discovered 10 March 2026, 1,383 people in five states: HHS at once, the 60-day limit is 9 May.
const readIncident = () => JSON.parse(fs.readFileSync(fixture, 'utf8')) as IncidentInput

async function withIncident() {
  const ws = await createBreachWorkspace({ now: () => new Date('2026-04-20T12:00:00Z') })
  const { incident } = await ws.call('incidents.create', { incident: readIncident() })
  const record = (notice: NoticeInput) => ws.call('incidents.recordNotice', { id: incident.id, notice })
  return { ws, id: incident.id, record }
}

describe('incidents.recordNotice: notices as given', () => {
  it('stores method, date, recipients and evidence; the letters mark individuals done and bring HHS forward to their date', async () => {
    const { ws, id, record } = await withIncident()
    await record({
      kind: 'individuals',
      doneOn: '2026-04-14',
      method: 'written',
      recipientsCount: 1383,
      evidence: 'USPS certificate of mailing 9407 1111 2222'
    })
    const detail = await ws.call('incidents.get', { id, asOf: '2026-04-20' })
    expect(detail.notices).toEqual([
      expect.objectContaining({
        kind: 'individuals',
        doneOn: '2026-04-14',
        method: 'written',
        recipientsCount: 1383,
        missingContactCount: null,
        postedUntil: null,
        evidence: 'USPS certificate of mailing 9407 1111 2222'
      })
    ])
    const byId = Object.fromEntries(detail.assessment.obligations.map(o => [o.id, o]))
    expect(byId.individuals).toMatchObject({ status: 'done', doneOn: '2026-04-14', method: 'written' })
    expect(byId.hhs).toMatchObject({ dueOn: '2026-04-14', status: 'overdue', checkWithCounsel: true })
  })

  it('keeps a website substitute notice up 90 days unless a later end is given, and the basis reports it', async () => {
    const { ws, id, record } = await withIncident()
    await record({ kind: 'individuals', doneOn: '2026-04-14', method: 'written', missingContactCount: 15 })
    await record({
      kind: 'individuals',
      doneOn: '2026-04-15',
      method: 'substitute-web',
      missingContactCount: 15,
      evidence: 'Screenshot in folder Breach/2026-03'
    })
    await record({ kind: 'individuals', doneOn: '2026-04-16', method: 'substitute-media', missingContactCount: 15, postedUntil: '2026-08-01' })
    const detail = await ws.call('incidents.get', { id, asOf: '2026-04-20' })
    // 15 April + 90 days = 14 July.
    expect(detail.notices.map(n => [n.method, n.postedUntil])).toEqual([
      ['written', null],
      ['substitute-web', '2026-07-14'],
      ['substitute-media', '2026-08-01']
    ])
    const individuals = detail.assessment.obligations.find(o => o.id === 'individuals')!
    expect(individuals.basis).toMatch(
      /Substitute notice recorded: website posting for 90 days from 2026-04-15 until 2026-07-14; major print or broadcast media from 2026-04-16 until 2026-08-01\./
    )
  })

  it('refuses an inconsistent notice with a message naming the field, and stores nothing', async () => {
    const { ws, record } = await withIncident()
    const before = workspaceDump(ws.db)
    const refusals: [NoticeInput, RegExp][] = [
      [
        { kind: 'individuals', doneOn: '2026-04-14', method: 'substitute-web', missingContactCount: 4 },
        /notice\.method: substitute notice by website posting or major media is for 10 or more .* 4 recorded, so use substitute-other/
      ],
      [{ kind: 'individuals', doneOn: '2026-04-14', method: 'substitute-media' }, /notice\.missingContactCount: say how many people/],
      [
        { kind: 'individuals', doneOn: '2026-04-14', method: 'substitute-other', missingContactCount: 12 },
        /notice\.method: 12 people lack usable contact details, 10 or more/
      ],
      [
        { kind: 'individuals', doneOn: '2026-04-14', method: 'press-release' },
        /notice\.method: press-release .* is not a way to give a individuals notice; use one of written, email/
      ],
      [
        { kind: 'individuals', doneOn: '2026-04-14', method: 'substitute-web', missingContactCount: 20, postedUntil: '2026-06-01' },
        /notice\.postedUntil: .* sent 2026-04-14, so until 2026-07-13 at the earliest/
      ],
      [
        { kind: 'individuals', doneOn: '2026-04-14', method: 'written', postedUntil: '2026-07-13' },
        /notice\.postedUntil: only a website or media substitute notice/
      ],
      [
        { kind: 'hhs', doneOn: '2026-04-14', method: 'hhs-portal', missingContactCount: 3 },
        /notice\.missingContactCount: .* belongs to a notice to individuals/
      ]
    ]
    for (const [notice, message] of refusals) {
      await expect(record(notice)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringMatching(message) })
    }
    await expect(record({ kind: 'individuals', doneOn: '2026-04-14', method: 'carrier-pigeon' as 'other' })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/"carrier-pigeon" is not a notice method/)
    })
    expect(workspaceDump(ws.db)).toEqual(before)
  })

  it('records an urgent call without completing the notice to individuals', async () => {
    const { id, record } = await withIncident()
    const detail = await record({ kind: 'individuals', doneOn: '2026-04-12', method: 'urgent-telephone', evidence: 'Call log, front desk' })
    expect(detail.incident.id).toBe(id)
    expect(detail.notices.map(n => n.method)).toEqual(['urgent-telephone'])
    expect(detail.assessment.obligations.find(o => o.id === 'individuals')).toMatchObject({ status: 'due' })
  })
})

describe('delivery evidence files', () => {
  it('stores a file inside the workspace, writes back the same bytes, and goes with its notice', async () => {
    const { ws, id, record } = await withIncident()
    const detail = await record({ kind: 'individuals', doneOn: '2026-04-14', method: 'written', evidence: 'USPS certificate of mailing' })
    const noticeId = detail.notices[0]!.id
    const receipt = path.join(ws.dir, 'mailing-receipt.pdf')
    const bytes = '%PDF-1.7 certificate of mailing 9407'
    fs.writeFileSync(receipt, bytes)
    const attached = await ws.call('incidents.attachNoticeFile', { id, noticeId, path: receipt })
    expect(attached!.notices[0]!.evidenceFile).toMatchObject({
      originalName: 'mailing-receipt.pdf',
      mediaType: 'application/pdf',
      size: Buffer.byteLength(bytes)
    })
    // In the workspace itself, not beside it: the original can go.
    fs.rmSync(receipt)
    const copy = path.join(ws.dir, 'copy.pdf')
    expect(await ws.call('incidents.saveNoticeFileCopy', { id, noticeId, path: copy })).toEqual({ path: copy })
    expect(fs.readFileSync(copy, 'utf8')).toBe(bytes)

    await expect(ws.call('incidents.attachNoticeFile', { id, noticeId, path: ws.dir })).rejects.toMatchObject({
      message: expect.stringContaining(ws.dir)
    })
    await expect(ws.call('incidents.attachNoticeFile', { id, noticeId: noticeId + 1, path: copy })).rejects.toMatchObject({ code: 'not-found' })
    await ws.call('incidents.removeNotice', { id, noticeId })
    expect(ws.db.prepare('SELECT count(*) AS n FROM incident_notice_file').get()).toEqual({ n: 0 })
  })
})
