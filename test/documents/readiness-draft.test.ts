// Whether a document is ready to send (documents.readiness), and the DRAFT marking of every page of a
// pack or annual review made before then, checked in the written PDF page by page.
import { execFileSync, spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { headlessHost } from '../../main/api/host'
import { STALE_EVIDENCE_DAYS } from '../../main/documents/readiness'
import { daysBetween } from '../../main/shared/dates'
import { createTestWorkspace, type TestSession } from '../helpers/workspace'

// The DRAFT mark is read from the PDF by a second reader, poppler's pdftotext; without it that test skips (its title says so).
const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined

function pageTexts(file: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
  )
}

/** Answers every applicable question 'yes' (follow-ups appear as answers are given) and signs off every family. */
async function completeAssessment(ws: TestSession): Promise<void> {
  for (let round = 0; round < 6; round++) {
    const open = (await ws.call('assessment.questionnaire', {})).items.filter(i => i.applies && !i.answer)
    if (open.length === 0) break
    for (const item of open) await ws.call('assessment.setAnswer', { questionId: item.id, value: 'yes' })
  }
  const progress = await ws.call('assessment.progress', {})
  for (const g of progress.groups.filter(g => g.applicable > 0)) {
    await ws.call('assessment.signOff', { group: g.group, reviewer: 'Dana Reyes', signedOn: '2026-03-01' })
  }
}

describe('documents.readiness', () => {
  it('counts what is missing in a fresh workspace, the same counts the assessment shows', async () => {
    const ws = await createTestWorkspace()
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a4-i-1', value: 'yes' })
    const readiness = await ws.call('documents.readiness', {})
    const progress = await ws.call('assessment.progress', {})
    expect(readiness.ready).toBe(false)
    expect(readiness.questions).toEqual({
      applicable: progress.overall.applicable,
      answered: 1,
      unanswered: progress.overall.applicable - 1
    })
    expect(readiness.signOffs).toEqual({ families: progress.groups.filter(g => g.group !== 'cloud' && g.applicable > 0).length, signedOff: 0 })
    expect(readiness.evidence).toBeNull()
    expect(readiness.reasons).toContain(
      `${(progress.overall.applicable - 1).toLocaleString('en-US')} of ${progress.overall.applicable} questions not answered`
    )
  })

  it('counts an addressable specification answered without a decision, and is ready once everything is done', async () => {
    const ws = await createTestWorkspace()
    await completeAssessment(ws)
    expect(await ws.call('documents.readiness', {})).toMatchObject({ ready: true, reasons: [], decisionsMissing: 0 })

    // 164.312(a)(2)(iv) encryption is addressable: 'partly' without a recorded decision is missing one.
    const encryption = (await ws.call('assessment.questionnaire', {})).items.find(i => i.applies && i.citations.includes('164.312(a)(2)(iv)'))!
    await ws.call('assessment.setAnswer', { questionId: encryption.id, value: 'partly' })
    const after = await ws.call('documents.readiness', {})
    expect(after.decisionsMissing).toBe(1)
    expect(after.ready).toBe(false)
    expect(after.reasons).toContain('1 addressable decision not recorded')
    // The changed answer also makes its family's sign-off out of date.
    expect(after.signOffs.signedOff).toBe(after.signOffs.families - 1)
  })
})

describe('documents.readiness: scanner evidence', () => {
  const SCAN = path.resolve(__dirname, '../fixtures/scanners/prowler-ocsf-joined.json')

  it('is optional, and stale once the newest scan is older than 90 days', async () => {
    const clock = { now: new Date('2025-03-01T12:00:00Z') }
    const ws = await createTestWorkspace({ now: () => clock.now })
    await ws.call('scans.import', { paths: [SCAN] })
    const scans = await ws.call('scans.list', {})
    const scannedOn = (scans[0]!.startedAt ?? scans[0]!.importedAt).slice(0, 10)
    const fresh = await ws.call('documents.readiness', {})
    expect(fresh.evidence).toEqual({ newestScanOn: scannedOn, ageDays: daysBetween(scannedOn, '2025-03-01'), stale: false })
    expect(fresh.reasons.some(r => r.includes('scan'))).toBe(false)

    clock.now = new Date('2025-09-01T12:00:00Z')
    const stale = await ws.call('documents.readiness', {})
    const age = daysBetween(scannedOn, '2025-09-01')
    expect(age).toBeGreaterThan(STALE_EVIDENCE_DAYS)
    expect(stale.evidence).toEqual({ newestScanOn: scannedOn, ageDays: age, stale: true })
    expect(stale.reasons).toContain(`newest scan is ${age} days old`)
  })
})

describe('DRAFT marking', () => {
  it.skipIf(!HAS_PDFTOTEXT)('marks every page of a pack made before it is ready, and says why on the cover (needs pdftotext)', async () => {
    const ws = await createTestWorkspace()
    const file = path.join(ws.dir, 'pack.pdf')
    const result = (await ws.call('documents.generatePack', { path: file }))!
    const readiness = await ws.call('documents.readiness', {})
    expect(result.draftReasons).toEqual(readiness.reasons)
    const pages = pageTexts(file, result.pages)
    expect(pages.length).toBeGreaterThan(5)
    for (const [i, text] of pages.entries()) expect(text, `page ${i + 1}`).toContain('DRAFT — not ready to send')
    expect(pages[0]).toContain(`Before this document is sent: ${readiness.reasons[0]}`)
  })

  it.skipIf(!HAS_PDFTOTEXT)('marks every page of an annual review made before it is ready (needs pdftotext)', async () => {
    const ws = await createTestWorkspace()
    const file = path.join(ws.dir, 'review.pdf')
    const result = (await ws.call('documents.generateReview', { path: file }))!
    expect(result.draftReasons.length).toBeGreaterThan(0)
    for (const [i, text] of pageTexts(file, result.pages).entries()) expect(text, `page ${i + 1}`).toContain('DRAFT — not ready to send')
  })

  it.skipIf(!HAS_PDFTOTEXT)('leaves a pack made when everything is ready unmarked (needs pdftotext)', async () => {
    const ws = await createTestWorkspace()
    await completeAssessment(ws)
    const file = path.join(ws.dir, 'pack.pdf')
    const result = (await ws.call('documents.generatePack', { path: file }))!
    expect(result.draftReasons).toEqual([])
    expect(pageTexts(file, result.pages).join(' ')).not.toContain('DRAFT')
  })
})

describe('documents.packOutline', () => {
  it('gives the page count and section starts of the pack as it would be written, saving nothing', async () => {
    const ws = await createTestWorkspace()
    const sections = ['contents', 'summary', 'procurement', 'controls', 'attestation'] as const
    const outline = await ws.call('documents.packOutline', { sections: [...sections] })
    const file = path.join(ws.dir, 'pack.pdf')
    const written = (await ws.call('documents.generatePack', { path: file, sections: [...sections] }))!
    expect(outline.pages).toBe(written.pages)
    expect(outline.draftReasons).toEqual(written.draftReasons)
    expect(outline.sections.map(s => s.title)).toEqual(['Cover', 'Executive summary', 'Procurement answers', 'Control matrix', 'Attestation'])
    const starts = outline.sections.map(s => s.page)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    expect(starts.at(-1)).toBeLessThanOrEqual(outline.pages)
    if (HAS_PDFTOTEXT) {
      const pages = pageTexts(file, written.pages)
      for (const s of outline.sections.slice(1)) expect(pages[s.page - 1], s.title).toContain(s.title)
    }
  })
})

describe('opening a written file', () => {
  it('opens and shows only files this run wrote, by their id', async () => {
    const ws = await createTestWorkspace()
    const calls: string[] = []
    const host = {
      ...headlessHost,
      openPath: async (file: string) => void calls.push(`open ${file}`),
      showItemInFolder: (file: string) => void calls.push(`show ${file}`)
    }
    const file = path.join(ws.dir, 'answers.csv')
    const written = (await ws.call('documents.exportProcurement', { path: file }))!
    await ws.call('documents.openWritten', { openId: written.openId }, { host })
    await ws.call('documents.showWritten', { openId: written.openId }, { host })
    expect(calls).toEqual([`open ${file}`, `show ${file}`])
    await expect(ws.call('documents.openWritten', { openId: '00000000-0000-4000-8000-000000000000' }, { host })).rejects.toMatchObject({
      code: 'not-found'
    })
    expect(calls).toHaveLength(2)
  })
})
