import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import { describe, expect, it } from 'vitest'
import type { Host } from '../../main/api/host'
import { headlessHost } from '../../main/api/host'
import { createTestWorkspace } from '../helpers/workspace'

const fixtures = path.resolve(__dirname, '../fixtures/assessment/csv')
const clock = () => new Date('2026-03-10T12:00:00Z')

describe('questionnaire CSV export', () => {
  it('writes every profile and assessment question with the saved answers', async () => {
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a2-1', value: 'partly', notes: 'Interim: "Dana", until June' })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a5-iiA-1', value: 'no' })
    await ws.call('assessment.setDecision', { citation: '164.308(a)(5)(ii)(A)', decision: 'not-reasonable', explanation: 'Two-person office' })
    const file = path.join(ws.dir, 'for-client.csv')
    const result = await ws.call('assessment.exportCsv', { path: file })
    const catalog = await ws.call('assessment.catalog', {})
    expect(result).toEqual({ path: file, rows: catalog.profile.length + catalog.questions.length })

    const bytes = fs.readFileSync(file)
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf])) // BOM, so spreadsheets read UTF-8
    const rows = parse(bytes, { columns: true, bom: true }) as Record<string, string>[]
    expect(rows).toHaveLength(result!.rows)
    const officer = rows.find(r => r.question_id === 'q-308-a2-1')!
    expect(officer).toMatchObject({
      answer: 'Partly',
      notes: 'Interim: "Dana", until June',
      citation: '164.308(a)(2)',
      requirement: 'Required',
      section: 'Administrative safeguards'
    })
    expect(rows.find(r => r.question_id === 'q-308-a5-iiA-1')).toMatchObject({
      requirement: 'Addressable',
      decision: 'Not reasonable and appropriate',
      decision_explanation: 'Two-person office'
    })
    expect(rows.find(r => r.question_id === 'q-cloud-session-1')).toMatchObject({
      value_unit: 'minutes',
      value_options: 'number 1-120 (suggested 15)',
      requirement: 'Cloud control'
    })
    expect(rows[0]).toMatchObject({ question_id: 'profile:isCoveredEntity', value_options: 'Yes; No' })
  })

  it('asks where to save when no path is given, and does nothing when cancelled', async () => {
    const ws = await createTestWorkspace({ now: clock })
    expect(await ws.call('assessment.exportCsv', {})).toBeNull()
    const chosen = path.join(ws.dir, 'chosen.csv')
    const host: Host = { ...headlessHost, pickSavePath: async () => chosen }
    expect((await ws.call('assessment.exportCsv', {}, { host }))?.path).toBe(chosen)
    expect(fs.existsSync(chosen)).toBe(true)
  })
})

describe('questionnaire CSV export keeps spreadsheets from running imported text', () => {
  const HOSTILE = ['=HYPERLINK("http://evil.example","x")', '@SUM(1+1)', '+1+1', '-2+3', '\tcmd', '\rcmd']

  it('writes every cell that could start a formula with an apostrophe, for the owner only, and reads it back unchanged', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const ids = ['q-308-a2-1', 'q-308-a5-iiA-1', 'q-308-a1-iiA-1', 'q-308-a1-iiB-1', 'q-308-a3-1', 'q-308-a4-1']
    const catalog = await ws.call('assessment.catalog', {})
    const known = ids.filter(id => catalog.questions.some(q => q.id === id))
    expect(known.length).toBeGreaterThanOrEqual(2)
    for (const [i, id] of known.entries()) await ws.call('assessment.setAnswer', { questionId: id, value: 'partly', notes: HOSTILE[i]! })
    const file = path.join(ws.dir, 'for-client.csv')
    await ws.call('assessment.exportCsv', { path: file })
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600)

    const rows = parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[]
    for (const row of rows) for (const value of Object.values(row)) expect(value, `${row.question_id}: ${value}`).not.toMatch(/^[=+\-@\t\r]/)
    for (const [i, id] of known.entries()) expect(rows.find(r => r.question_id === id)!.notes).toBe(`'${HOSTILE[i]}`)

    // The same file imported back changes nothing: the apostrophes come off again.
    const fresh = await createTestWorkspace({ now: clock })
    const report = await fresh.call('assessment.importCsv', { path: file, dryRun: false })
    expect(report).not.toBeNull()
    const questionnaire = await fresh.call('assessment.questionnaire', {})
    for (const [i, id] of known.entries()) expect(questionnaire.items.find(q => q.id === id)!.answer?.notes).toBe(HOSTILE[i]!.trim())
  })
})

describe('questionnaire CSV import', () => {
  it('imports a filled-in file and reports each row', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const report = (await ws.call('assessment.importCsv', { path: path.join(fixtures, 'client-filled.csv') }))!
    expect(report).toMatchObject({ applied: true, dryRun: false, accepted: 7, rejected: 0, unchanged: 0, skipped: 2 })
    expect(report.rows.map(r => [r.line, r.questionId, r.outcome])).toEqual([
      [2, 'profile:usesCloudHosting', 'accepted'],
      [3, 'profile:isClearinghouse', 'accepted'],
      [4, 'q-308-a2-1', 'accepted'],
      [5, 'q-308-a5-iiA-1', 'accepted'],
      [6, 'q-cloud-session-1', 'accepted'],
      [7, 'q-cloud-encryption-1', 'accepted'],
      [8, 'q-312-d-1', 'accepted'],
      [9, 'q-310-c-1', 'skipped'],
      [10, '', 'skipped']
    ])
    expect(report.rows[4]!.message).toBe('answer (none) → Yes; notes updated; value (none) → 15')

    const view = await ws.call('assessment.questionnaire', {})
    const answer = (id: string) => view.items.find(i => i.id === id)!.answer
    expect(answer('q-308-a2-1')).toMatchObject({ value: 'yes', notes: 'Dana Reyes, practice manager' })
    expect(answer('q-312-d-1')?.value).toBe('na')
    expect(answer('q-cloud-encryption-1')?.fieldValue).toBe('SSE-KMS with customer managed keys')
    expect(view.profile.values).toEqual({ usesCloudHosting: true, isClearinghouse: false })
    expect(view.decisions).toEqual([expect.objectContaining({ citation: '164.308(a)(5)(ii)(A)', decision: 'equivalent-alternative' })])
    expect((await ws.call('assessment.audit', { subject: 'answer:q-308-a2-1' })).length).toBeGreaterThan(0)

    const again = (await ws.call('assessment.importCsv', { path: path.join(fixtures, 'client-filled.csv') }))!
    expect([again.accepted, again.unchanged]).toEqual([0, 7])
  })

  it('rejects the whole file when any row is wrong, saying why for each', async () => {
    const ws = await createTestWorkspace({ now: clock })
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a2-1', value: 'no' })
    const auditBefore = await ws.call('assessment.audit', { limit: 5000 })
    const report = (await ws.call('assessment.importCsv', { path: path.join(fixtures, 'client-with-errors.csv') }))!
    expect(report.applied).toBe(false)
    expect(report.rows.map(r => [r.line, r.outcome, r.message])).toEqual([
      [2, 'accepted', 'answer No → Yes; notes updated'],
      [3, 'rejected', 'Unknown question id "q-308-a2-9". Do not change the question_id column.'],
      [4, 'rejected', 'Answer "Sometimes" is not one of: Yes, Partly, No, Not applicable, Not assessed.'],
      [5, 'rejected', 'Idle session timeout must be between 1 and 120 minutes; got 480.'],
      [6, 'rejected', 'A decision can only be recorded for an Addressable specification; leave the decision column empty here.'],
      [7, 'rejected', 'Describe the equivalent alternative in decision_explanation.'],
      [8, 'rejected', 'Question q-308-a2-1 appears twice (first on line 2).'],
      [9, 'rejected', 'Unknown profile question "hasSpaceship".']
    ])
    // Nothing was half-imported: the accepted row on line 2 was not saved either.
    expect(await ws.call('assessment.audit', { limit: 5000 })).toEqual(auditBefore)
    const view = await ws.call('assessment.questionnaire', { search: 'q-308-a2-1' })
    expect(view.items[0]!.answer?.value).toBe('no')
  })

  it('checks without saving on a dry run', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const report = (await ws.call('assessment.importCsv', { path: path.join(fixtures, 'client-filled.csv'), dryRun: true }))!
    expect([report.applied, report.accepted]).toEqual([false, 7])
    expect((await ws.call('assessment.progress', {})).overall.answered).toBe(0)
  })

  it('refuses files that are not the questionnaire', async () => {
    const ws = await createTestWorkspace({ now: clock })
    await expect(ws.call('assessment.importCsv', { path: path.join(fixtures, 'missing-columns.csv') })).rejects.toThrow(
      'The file lacks the column(s) notes, value, decision, decision_explanation.'
    )
    await expect(ws.call('assessment.importCsv', { path: path.join(fixtures, 'unbalanced-quote.csv') })).rejects.toMatchObject({
      code: 'import-rejected',
      message: expect.stringMatching(/not a readable CSV.*Nothing was imported/s)
    })
    await expect(ws.call('assessment.importCsv', { path: fixtures })).rejects.toMatchObject({ code: 'not-a-file' })
    await expect(ws.call('assessment.importCsv', { path: path.join(ws.dir, 'nope.csv') })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('round-trips: export, fill in as a client would, import', async () => {
    const ws = await createTestWorkspace({ now: clock })
    const file = path.join(ws.dir, 'round-trip.csv')
    await ws.call('assessment.exportCsv', { path: file })
    const rows = parse(fs.readFileSync(file), { columns: true, bom: true }) as Record<string, string>[]
    for (const row of rows) {
      if (row.question_id?.startsWith('q-316-')) row.answer = 'Yes'
      if (row.question_id === 'q-316-b2-i-1') row.value = '7'
    }
    fs.writeFileSync(file, stringify(rows, { header: true, columns: Object.keys(rows[0]!) }))
    const report = (await ws.call('assessment.importCsv', { path: file }))!
    expect([report.applied, report.accepted, report.rejected]).toEqual([true, 7, 0])
    const documentation = (await ws.call('assessment.progress', {})).groups.find(g => g.group === 'documentation')!
    expect(documentation).toMatchObject({ answered: 7, percent: 100 })
  })
})
