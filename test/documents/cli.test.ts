import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { pdfText, qpdfCheck } from './pdf-tools'
import os from 'node:os'

/** The real `safeguard` command, spawned: demo, then each document command against the demo workspace. */
describe('safeguard demo, pack, review and policies', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-cli-docs-'))
  let workspace: string

  beforeAll(async () => {
    const demo = await runSafeguard(['demo', path.join(dir, 'demo'), '--no-documents', '--json'])
    expect(demo.code, demo.stderr).toBe(0)
    const result = JSON.parse(demo.stdout)
    workspace = result.workspacePath
    expect(result.skipped).toEqual([])
    expect(fs.existsSync(workspace)).toBe(true)
  }, 120_000)

  it('writes a redacted pack with no account id in it', async () => {
    const out = path.join(dir, 'pack.pdf')
    const run = await runSafeguard(['pack', workspace, '--out', out, '--redact', '--json'])
    expect(run.code, run.stderr).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({ path: out })
    expect(qpdfCheck(out).status).toBe(0)
    const text = pdfText(out)
    expect(text).toContain('Juniper Ridge Family Practice')
    expect(text).toContain('Scanner results')
    expect(text).not.toContain('210987654321')
    expect(text).toContain('Redacted edition')
  }, 60_000)

  it('writes the annual review comparing the two demo periods', async () => {
    const out = path.join(dir, 'review.pdf')
    const run = await runSafeguard(['review', workspace, '--out', out])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^Wrote the annual review \(\d+ pages\) to /)
    const text = pdfText(out)
    expect(text).toMatch(/Annual security review: \d{4} compared with \d{4}/)
    expect(text).toContain('INC-')
  }, 60_000)

  it('writes chosen policies into a new folder', async () => {
    const out = path.join(dir, 'policies')
    const run = await runSafeguard(['policies', workspace, '--out', out, '--only', 'access-control', '--json'])
    expect(run.code, run.stderr).toBe(0)
    const result = JSON.parse(run.stdout)
    expect(result.files).toHaveLength(1)
    expect(fs.readdirSync(out)).toEqual(['POL-15 Access Control, Authentication and Automatic Logoff Policy.docx'])
  }, 60_000)

  it('fails with a message on stderr for a workspace that does not exist', async () => {
    const run = await runSafeguard(['pack', path.join(dir, 'missing.safeguard'), '--out', path.join(dir, 'x.pdf')])
    expect(run.code).not.toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^safeguard: .*missing\.safeguard/)
  }, 60_000)

  it('refuses to overwrite an existing demo', async () => {
    const run = await runSafeguard(['demo', path.join(dir, 'demo'), '--no-documents'])
    expect(run.code).not.toBe(0)
    expect(run.stderr).toContain('already exists')
  }, 60_000)
})
