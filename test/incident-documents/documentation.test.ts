import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createBreachWorkspace } from '../breach/workspace'
import { pdfInfo, pdfText, qpdfCheck } from '../documents/pdf-tools'
import { LAPTOP_THEFT } from './incidents'

// poppler-utils and qpdf are installed by .ci/run; a machine without them skips the checks that read the PDF back.
const hasPdfTools = fs.existsSync('/usr/bin/pdftotext') && fs.existsSync('/usr/bin/qpdf')
const now = () => new Date('2026-05-20T12:00:00.000Z')

describe('the documentation export (documents.incidentDocumentation, 164.414(b))', () => {
  it.skipIf(!hasPdfTools)(
    'holds the facts, the decision, every obligation and notice with its evidence, the statements, a timeline and the retention',
    async () => {
      const ws = await createBreachWorkspace({ now })
      const { incident } = await ws.call('incidents.create', { incident: LAPTOP_THEFT })
      await ws.call('incidents.recordNotice', {
        id: incident.id,
        notice: {
          kind: 'individuals',
          doneOn: '2026-04-20',
          method: 'written',
          evidence: 'USPS certificate of mailing 9407 1111',
          recipientsCount: 860
        }
      })
      const recorded = await ws.call('incidents.recordNotice', {
        id: incident.id,
        notice: { kind: 'hhs', doneOn: '2026-04-21', method: 'hhs-portal' }
      })
      const withoutEvidence = await ws.call('documents.incidentDocumentation', { id: incident.id, path: path.join(ws.dir, 'before.pdf') })
      expect(withoutEvidence!.draftReasons).toContain('1 notice without delivery evidence')
      // The HHS notice's evidence is a file kept in the workspace: named with its hash in the export.
      const confirmation = path.join(ws.dir, 'receipt.pdf')
      fs.writeFileSync(confirmation, '%PDF-1.7 HHS breach portal confirmation')
      const hhsNotice = recorded.notices.find(n => n.kind === 'hhs')!
      await ws.call('incidents.attachNoticeFile', { id: incident.id, noticeId: hhsNotice.id, path: confirmation })
      const sha256 = createHash('sha256').update('%PDF-1.7 HHS breach portal confirmation').digest('hex')
      const file = path.join(ws.dir, 'documentation.pdf')
      const result = await ws.call('documents.incidentDocumentation', { id: incident.id, path: file })
      expect(result).toMatchObject({ path: file, bytes: fs.statSync(file).size })
      // Sound, tagged and titled, as every document Safeguard writes.
      expect(qpdfCheck(file).status).toBe(0)
      expect(pdfInfo(file)).toMatch(/Tagged:\s+yes/)
      expect(pdfInfo(file)).toMatch(/Title:\s+Harbor Family Practice: breach documentation, Stolen unencrypted laptop/)
      const text = pdfText(file)
      for (const section of [
        'The incident',
        'Assessment and decision',
        'Notification obligations',
        'Notices given',
        'Law-enforcement statements',
        'Timeline',
        'Retention'
      ]) {
        expect(text).toContain(section)
      }
      expect(text).toContain('Breach documentation · Stolen unencrypted laptop')
      expect(text).toContain('Dana Reyes, Privacy Officer')
      expect(text).toContain('12 March 2026')
      expect(text).toContain("We disabled the laptop's accounts")
      expect(text).toContain('Detective, Austin Police Department')
      expect(text).toContain('USPS certificate of mailing 9407 1111')
      expect(text).toContain('860 recipients')
      // Table cells wrap: the file's words and its name with the hash are checked apart.
      expect(text).toContain('File kept in the workspace:')
      expect(text).toContain('receipt.pdf')
      expect(text).toContain(sha256.slice(0, 16))
      // Media for California and the state notices are still owed: a draft, and the cover says why.
      expect(result!.draftReasons).toEqual([expect.stringMatching(/^\d+ required notices not yet given$/)])
      expect(text).toContain('DRAFT — not ready to send')
      // The timeline runs in date order: the breach, discovery, assessment, statement, the notices.
      const order = [
        'The breach happened',
        'The breach was discovered',
        'Breach assessment made',
        'Oral law-enforcement statement',
        'Notice sent to individuals',
        'Notice sent to HHS'
      ]
      const at = order.map(event => text.indexOf(event, text.indexOf('Timeline')))
      expect(at.every(index => index > 0)).toBe(true)
      expect([...at].sort((a, b) => a - b)).toEqual(at)
      // Six years from the latest document, the HHS notice of 21 April 2026; the record itself was written on 20 May 2026.
      expect(text).toContain('Keep this record until 20 May 2032: six years from 20 May 2026')
    }
  )

  it.skipIf(!hasPdfTools)('is not marked DRAFT once the record is whole: a documented low-probability decision owes no notice', async () => {
    const ws = await createBreachWorkspace({ now })
    const { incident } = await ws.call('incidents.create', {
      incident: {
        ...LAPTOP_THEFT,
        // With Georgia residents only, the clock owes no notice after a documented low probability (California's and Texas's notices would stay).
        affectedByState: { GA: 40 },
        lawEnforcementDelay: undefined,
        assessment: {
          outcome: 'low-probability',
          reviewer: 'Dana Reyes, Privacy Officer',
          assessedOn: '2026-03-12',
          factors: {
            natureAndExtent: 'Appointment times only, no clinical detail.',
            unauthorizedRecipient: 'Another covered entity bound by HIPAA.',
            acquiredOrViewed: 'Returned unopened, per the recipient’s written statement.',
            mitigation: 'Recipient attested to deletion.'
          }
        }
      }
    })
    const file = path.join(ws.dir, 'documentation.pdf')
    const result = await ws.call('documents.incidentDocumentation', { id: incident.id, path: file })
    expect(result!.draftReasons).toEqual([])
    const text = pdfText(file)
    expect(text).not.toContain('DRAFT')
    expect(text).toContain('Returned unopened')
    expect(text).toContain('164.402(2)(iii)')
    expect(text).toContain('No notice is required: The documented four-factor risk assessment')
    expect(text).toContain('No law-enforcement statement was recorded')
  })

  it('answers not-found for an unknown incident and writes nothing', async () => {
    const ws = await createBreachWorkspace({ now })
    const file = path.join(ws.dir, 'none.pdf')
    await expect(ws.call('documents.incidentDocumentation', { id: 7, path: file })).rejects.toMatchObject({ code: 'not-found' })
    expect(fs.existsSync(file)).toBe(false)
  })
})
