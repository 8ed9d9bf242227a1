// The one source of each procurement answer (assessment/procurement.ts): its kind drives the status shown,
// its citations come once each in the rule's order, the BAA answer follows the register, and the
// screen's text, the CSV export and the evidence pack all carry the same words.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'csv-parse/sync'
import { headlessHost } from '../../main/api/host'
import { compareCitations } from '../../main/shared/citation'
import { createTestWorkspace } from '../helpers/workspace'
import { pdfText } from '../documents/pdf-tools'

const clock = () => new Date('2026-03-10T12:00:00Z')

describe('procurement answers, one source', () => {
  it('gives the minimum-necessary answer as a description with each citation once, in the rule’s order', async () => {
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a1-1', value: 'yes' })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a1-2', value: 'no' })
    const questions = (await ws.call('assessment.questionnaire', {})).items
    const { minimumNecessary } = await ws.call('assessment.procurement', {})
    expect(minimumNecessary.kind).toBe('descriptive')
    // Two of its questions are on 164.312(a)(1): it is cited once.
    const sources = ['q-308-a4-i-1', 'q-308-a4-iiB-1', 'q-308-a4-iiC-1', 'q-312-a1-1', 'q-312-a1-2', 'q-312-a2-i-1', 'q-cloud-iam-1']
    const cited = questions.filter(q => sources.includes(q.id) && q.applies).flatMap(q => q.citations)
    expect(cited.filter(c => c === '164.312(a)(1)').length).toBeGreaterThan(1)
    expect(minimumNecessary.citations).toEqual([...new Set(cited)].sort(compareCitations))
    expect(minimumNecessary.citations.filter(c => c === '164.312(a)(1)')).toHaveLength(1)
    expect(minimumNecessary.basis).toEqual(['assessment answers'])
    // A description has no yes/no status line; the text carries its citations.
    expect(minimumNecessary.text).not.toMatch(/^Status:/m)
    expect(minimumNecessary.text).toContain(`Citations: 45 CFR ${minimumNecessary.citations.join(', ')}`)
    expect(minimumNecessary.text).toContain('In place: systems enforce sign-in and role-based permissions.')
  })

  it('says a description is not answered yet while none of its questions is', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const { minimumNecessary, baa } = await ws.call('assessment.procurement', {})
    expect(minimumNecessary).toMatchObject({ kind: 'descriptive', status: 'unknown' })
    expect(minimumNecessary.text).toContain('Status: Not answered yet')
    expect(baa.kind).toBe('status')
  })

  it('changes the BAA answer when an agreement with the cloud provider is signed in the register', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const before = await ws.call('assessment.procurement', {})
    expect(before.baa.status).toBe('unknown')
    const { id } = await ws.call('baas.create', { associate: { name: 'Amazon Web Services', baaStatus: 'requested' } })
    expect((await ws.call('assessment.procurement', {})).baa.status).toBe('no')
    await ws.call('baas.update', { id, associate: { name: 'Amazon Web Services', baaStatus: 'signed', effectiveOn: '2026-02-01' } })
    const after = await ws.call('assessment.procurement', {})
    expect(after.baa).toMatchObject({
      status: 'yes',
      answer: 'Yes, the business associate addendum with AWS is signed (in effect since 2026-02-01).'
    })
    expect(after.baa.text).toContain('Status: Yes')
    expect(after.baa.text).toContain('Based on: business associate register: Amazon Web Services')
    expect(after.text).toBe([after.baa.text, after.services.text, after.minimumNecessary.text].join('\n\n'))
  })

  it('copies one answer, or all three, as the plain text the view shows', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const copied: string[] = []
    const host = { ...headlessHost, copyText: (text: string) => void copied.push(text) }
    const view = await ws.call('assessment.procurement', {})
    expect(await ws.call('documents.copyProcurement', { answer: 'baa' }, { host })).toEqual({ text: view.baa.text })
    await ws.call('documents.copyProcurement', {}, { host })
    expect(copied).toEqual([view.baa.text, view.text])
    expect(copied[1]).toContain(`Citations: 45 CFR ${view.minimumNecessary.citations.join(', ')}`)
  })

  it('exports the same answers to CSV, neutralising a note that starts like a formula', async () => {
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a4-i-1', value: 'yes', notes: '=HYPERLINK("http://x")' })
    const view = await ws.call('assessment.procurement', {})
    const file = path.join(ws.dir, 'answers.csv')
    const result = (await ws.call('documents.exportProcurement', { path: file }))!
    expect(result).toMatchObject({ path: file, answers: 3 })
    const text = fs.readFileSync(file, 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[]
    expect(rows.map(r => r.Question)).toEqual([view.baa.question, view.services.question, view.minimumNecessary.question])
    expect(rows[2]).toMatchObject({
      Status: 'Described',
      Answer: view.minimumNecessary.answer,
      Citations: `45 CFR ${view.minimumNecessary.citations.join(', ')}`
    })
    expect(rows[0]!.Status).toBe('Not answered yet')
    // The answer quotes the note in the middle; a cell that starts with '=' gets an apostrophe.
    expect(view.minimumNecessary.answer).toContain('=HYPERLINK')
    expect(rows.every(r => Object.values(r).every(v => !/^[=+\-@]/.test(v)))).toBe(true)
  })

  it('prints the same answers and citations in the evidence pack', async () => {
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('baas.create', { associate: { name: 'Amazon Web Services', baaStatus: 'signed', effectiveOn: '2026-02-01' } })
    await ws.call('assessment.setAnswer', { questionId: 'q-312-a1-1', value: 'yes' })
    const view = await ws.call('assessment.procurement', {})
    const file = path.join(ws.dir, 'pack.pdf')
    await ws.call('documents.generatePack', { path: file, sections: ['procurement'] })
    const text = pdfText(file)
    expect(text).toContain(view.baa.answer)
    expect(text).toContain(`(45 CFR ${view.baa.citations.join(', ')})`)
    expect(text).toContain('In place: systems enforce sign-in and role-based permissions.')
  })
})
