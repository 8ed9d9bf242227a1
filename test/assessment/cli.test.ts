import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getCatalog } from '../../main/assessment/catalog'
import { runSafeguard } from '../helpers/cli'
import { createTestSession, createTestWorkspace, tempDir } from '../helpers/workspace'

const fixtures = path.resolve(__dirname, '../fixtures/assessment/csv')

/** A workspace made in-process (spawning the CLI is the slow part), closed so the CLI has it to itself. */
async function newWorkspace(): Promise<{ dir: string; file: string }> {
  const ws = await createTestWorkspace()
  ws.session.close()
  return { dir: ws.dir, file: ws.workspacePath }
}

describe('safeguard catalog', () => {
  it('prints every standard and specification with its questions as JSON', async () => {
    const result = await runSafeguard(['catalog', '--json'])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    const entries = JSON.parse(result.stdout) as {
      citation: string
      kind: string
      requirement: string
      family: string
      title: string
      questions: { id: string; guidance: string }[]
    }[]
    expect(entries).toHaveLength(68)
    expect(entries.filter(e => e.kind === 'standard')).toHaveLength(22)
    expect(entries.find(e => e.citation === '164.308(a)(3)(ii)(B)')).toMatchObject({
      title: 'Workforce clearance procedure',
      kind: 'specification',
      requirement: 'addressable',
      family: 'administrative'
    })
    for (const entry of entries) expect(entry.questions.length, entry.citation).toBeGreaterThan(0)
  })
})

describe('safeguard answers and status', () => {
  it('exports the questionnaire, imports it back filled in, and shows the status', async () => {
    const { dir, file } = await newWorkspace()
    const csv = path.join(dir, 'questionnaire.csv')
    const exported = await runSafeguard(['answers', 'export', file, '--out', csv, '--json'])
    expect(exported.code).toBe(0)
    const { profile, questions } = getCatalog().data
    expect(JSON.parse(exported.stdout)).toMatchObject({ path: csv, rows: profile.length + questions.length })
    expect(fs.readFileSync(csv, 'utf8')).toContain('q-308-a1-iiA-1')

    const imported = await runSafeguard(['answers', 'import', file, path.join(fixtures, 'client-filled.csv'), '--json'])
    expect(imported).toMatchObject({ code: 0, stderr: '' })
    expect(JSON.parse(imported.stdout)).toMatchObject({ applied: true, accepted: 7, rejected: 0 })

    const status = await runSafeguard(['status', file, '--json'])
    expect(status).toMatchObject({ code: 0, stderr: '' })
    const progress = JSON.parse(status.stdout)
    expect(progress.answers).toMatchObject({ yes: 3, partly: 1, na: 1 })
    expect(progress.risks).toEqual({ low: 0, medium: 0, high: 0, critical: 0, unrated: 1 })
    expect(progress.groups.map((g: { group: string }) => g.group)).toEqual([
      'administrative',
      'physical',
      'technical',
      'organizational',
      'documentation',
      'cloud'
    ])

    const text = await runSafeguard(['status', file])
    expect(text.stdout).toMatch(/Assessment 2\d{3}: 5 of \d+ questions answered/)
    expect(text.stdout).toContain('Risks:   critical 0, high 0, medium 0, low 0, not rated 1')
  })

  it('exits non-zero and saves nothing when a row is rejected', async () => {
    const { file } = await newWorkspace()
    const result = await runSafeguard(['answers', 'import', file, path.join(fixtures, 'client-with-errors.csv'), '--json'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('7 rows rejected; nothing was saved.')
    const report = JSON.parse(result.stdout)
    expect(report).toMatchObject({ applied: false, rejected: 7 })
    const check = createTestSession()
    await check.call('workspace.open', { path: file })
    expect((await check.call('assessment.progress', {})).overall.answered).toBe(0)
  })

  it('reports a missing workspace on stderr', async () => {
    const result = await runSafeguard(['status', path.join(tempDir(), 'missing.safeguard'), '--json'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(/No workspace at/)
  })
})
