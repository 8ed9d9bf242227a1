import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Host } from '../../main/api/host'
import { headlessHost } from '../../main/api/host'
import { createTestWorkspace, tempDir } from '../helpers/workspace'
import { pdfInfo, pdfText, qpdfCheck } from './pdf-tools'

/** Answers a few questions the way a small clinic on AWS would. */
async function answerSome(call: Awaited<ReturnType<typeof createTestWorkspace>>['call']): Promise<void> {
  const view = await call('assessment.questionnaire', {})
  const byId = new Map(view.items.map(i => [i.id, i]))
  const answer = async (id: string, value: 'yes' | 'partly' | 'no', extra: { fieldValue?: number | string; notes?: string } = {}) => {
    if (byId.get(id)?.applies) await call('assessment.setAnswer', { questionId: id, value, ...extra })
  }
  await answer('q-308-b3-2', 'yes', { notes: 'accepted in AWS Artifact' })
  await answer('q-308-a4-i-1', 'yes')
  await answer('q-312-a1-1', 'partly')
  const timeout = view.items.find(i => i.valueField?.key === 'sessionTimeoutMinutes')
  if (timeout) await call('assessment.setAnswer', { questionId: timeout.id, value: 'yes', fieldValue: 10 })
  const rds = (await call('assessment.inventory', {})).items.find(s => /RDS/.test(s.name))
  if (rds) await call('assessment.setService', { serviceId: rds.serviceId, inUse: true, holdsPhi: true })
}

describe('documents handlers', () => {
  it('previews what will be produced for the workspace', async () => {
    const ws = await createTestWorkspace()
    await answerSome(ws.call)
    const preview = await ws.call('documents.preview', {})
    expect(preview.organization).toBe('Harbor Family Practice')
    expect(preview.policies.length).toBeGreaterThanOrEqual(18)
    expect(preview.policies.every(p => p.source === 'built-in')).toBe(true)
    expect(preview.pack.find(s => s.id === 'controls')).toMatchObject({ hasData: true, detail: '68 requirements' })
    expect(preview.pack.find(s => s.id === 'scans')).toMatchObject({ hasData: false, detail: 'Not recorded in this workspace' })
    expect(preview.defaultedValues).not.toContain('sessionTimeoutMinutes')
    expect(preview.policyOverrideDir).toBe(path.join(path.dirname(ws.workspacePath), 'workspace policies'))
  })

  it('writes the evidence pack where asked, from the workspace’s answers', async () => {
    const ws = await createTestWorkspace()
    await answerSome(ws.call)
    const file = path.join(ws.dir, 'pack.pdf')
    const updates: string[] = []
    const result = await ws.call('documents.generatePack', { path: file }, { onProgress: u => updates.push(u.phase) })
    expect(result).toMatchObject({ path: file })
    expect(result!.pages).toBeGreaterThan(5)
    expect(qpdfCheck(file).status).toBe(0)
    expect(pdfInfo(file)).toMatch(/Tagged:\s+yes/)
    const text = pdfText(file)
    expect(text).toContain('Harbor Family Practice')
    expect(text).toContain('accepted in AWS Artifact')
    expect(text).toContain('164.312(a)(2)(iii)')
    expect(updates).toContain('Control matrix')
  })

  it('asks the host where to save, and writes nothing when the user cancels', async () => {
    const ws = await createTestWorkspace()
    const asked: string[] = []
    const host: Host = { ...headlessHost, pickSavePath: async o => (asked.push(o.defaultName), null) }
    expect(await ws.call('documents.generatePack', { redact: true }, { host })).toBeNull()
    expect(asked).toEqual(['Harbor Family Practice evidence pack (redacted).pdf'])
  })

  it('cancels a pack without leaving a file behind', async () => {
    const ws = await createTestWorkspace()
    const file = path.join(ws.dir, 'cancelled.pdf')
    const controller = new AbortController()
    const run = ws.call(
      'documents.generatePack',
      { path: file },
      {
        signal: controller.signal,
        onProgress: u => {
          if (u.phase === 'Control matrix') controller.abort()
        }
      }
    )
    await expect(run).rejects.toMatchObject({ code: 'cancelled' })
    expect(fs.readdirSync(ws.dir).filter(f => f.includes('cancelled'))).toEqual([])
  })

  it('writes the policy set, using an edited copy from the workspace’s policy folder', async () => {
    const ws = await createTestWorkspace()
    await answerSome(ws.call)
    const { path: copy } = await ws.call('documents.customizePolicy', { id: 'access-control' })
    const edited = JSON.parse(fs.readFileSync(copy, 'utf8'))
    edited.title = 'Harbor Access Control Standard'
    fs.writeFileSync(copy, JSON.stringify(edited))
    const out = tempDir()
    const result = await ws.call('documents.generatePolicies', { dir: out, only: ['access-control', 'evaluation'] })
    expect(result!.files.map(f => path.basename(f.path))).toEqual([
      'POL-09 Security Evaluation Policy.docx',
      'POL-15 Harbor Access Control Standard.docx'
    ])
    const preview = await ws.call('documents.preview', {})
    expect(preview.policies.find(p => p.id === 'access-control')?.source).toBe('override')
  })

  it('removes the documents already written when the policy set is cancelled', async () => {
    const ws = await createTestWorkspace()
    const out = tempDir()
    const controller = new AbortController()
    const run = ws.call(
      'documents.generatePolicies',
      { dir: out },
      {
        signal: controller.signal,
        onProgress: u => {
          if (u.done === 2) controller.abort()
        }
      }
    )
    await expect(run).rejects.toMatchObject({ code: 'cancelled' })
    expect(fs.readdirSync(out)).toEqual([])
  })

  it('refuses a folder that does not exist, naming it', async () => {
    const ws = await createTestWorkspace()
    const missing = path.join(ws.dir, 'nope')
    await expect(ws.call('documents.generatePolicies', { dir: missing })).rejects.toMatchObject({
      code: 'not-found',
      message: `The folder ${missing} does not exist.`
    })
  })

  it('writes the annual review', async () => {
    const ws = await createTestWorkspace()
    await answerSome(ws.call)
    const file = path.join(ws.dir, 'review.pdf')
    const result = await ws.call('documents.generateReview', { path: file })
    expect(result!.pages).toBeGreaterThanOrEqual(4)
    expect(qpdfCheck(file).status).toBe(0)
    expect(pdfText(file)).toContain('first period recorded')
  })
})
