// A scanner file is stored as exactly what was parsed: a file that changes while
// it is read is hashed from the bytes read, and a file cut short is marked partial
// everywhere (and makes `safeguard import` exit 1 unless --accept-partial).

import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { printableExcerpt, printableName } from '../../main/shared/excerpt'
import { runSafeguard } from '../helpers/cli'
import { createTestWorkspace, tempDir } from '../helpers/workspace'
import { ownFixture } from './fixture-paths'

/** Prowler 2 JSON lines, one finding per line, each with its own resource. */
function prowlerLines(count: number, from = 0): string {
  const template = JSON.parse(fs.readFileSync(ownFixture('prowler-v2.ndjson'), 'utf8').split('\n')[0] as string) as Record<string, string>
  let out = ''
  for (let i = from; i < from + count; i++) out += JSON.stringify({ ...template, 'Resource ID': `arn:aws:s3:::bucket-${i}` }) + '\n'
  return out
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('a scanner file that changes while it is imported', () => {
  it('is stored under the hash of the bytes parsed, with the findings of those bytes', { timeout: 60_000 }, async () => {
    const ws = await createTestWorkspace()
    const file = path.join(tempDir(), 'prowler.ndjson')
    const original = 20_000
    const appended = 500
    fs.writeFileSync(file, prowlerLines(original))
    let changed = false
    const [result] = await ws.call(
      'scans.import',
      { paths: [file] },
      {
        onProgress: () => {
          if (changed) return
          changed = true
          fs.appendFileSync(file, prowlerLines(appended, original))
        }
      }
    )
    expect(changed).toBe(true)
    if (!result?.ok) throw new Error(`import failed: ${JSON.stringify(result)}`)
    const { scan } = result
    const final = fs.readFileSync(file)
    // The appended lines came while the reader was still short of the end: they were parsed, so they must be in the hash.
    expect(scan.findings).toBe(original + appended)
    expect(scan.bytes).toBe(final.length)
    expect(scan.sha256).toBe(sha256(final))
  })
})

describe('a scanner file cut short', () => {
  async function newWorkspace(): Promise<string> {
    const file = path.join(tempDir(), 'clinic.safeguard')
    expect((await runSafeguard(['init', file, '--org', 'Lakeside Dental', '--unencrypted'])).code).toBe(0)
    return file
  }

  it('imports as partial: --json says so with the warning, the exit code is 1', async () => {
    const ws = await newWorkspace()
    const run = await runSafeguard(['import', ws, ownFixture('prowler-ocsf-truncated.json'), '--json'])
    expect(run.code).toBe(1)
    const [report] = JSON.parse(run.stdout) as [{ partial: boolean; warnings: string[]; findings: number }]
    expect(report).toMatchObject({ partial: true, findings: 2 })
    expect(report.warnings.join(' ')).toMatch(/ends in the middle of a record/)
    expect(run.stderr).toMatch(/cut short.*--accept-partial/)
  })

  it('says PARTIAL in the human output', async () => {
    const ws = await newWorkspace()
    const run = await runSafeguard(['import', ws, ownFixture('prowler-ocsf-truncated.json')])
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/PARTIAL/)
  })

  it('exits 0 with --accept-partial, still marked partial', async () => {
    const ws = await newWorkspace()
    const run = await runSafeguard(['import', ws, ownFixture('prowler-ocsf-truncated.json'), '--json', '--accept-partial'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ partial: true })])
  })

  it('a whole file is not partial', async () => {
    const ws = await newWorkspace()
    const run = await runSafeguard(['import', ws, ownFixture('prowler-v5.ocsf.json'), '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual([expect.objectContaining({ partial: false, warnings: [] })])
  })

  it('--help documents --accept-partial', async () => {
    const run = await runSafeguard(['import', '--help'])
    expect(run.stdout).toMatch(/--accept-partial/)
  })
})

describe('a file that fails to parse is quoted only as a short, printable excerpt', () => {
  it('a scanner file of neither JSON nor CSV', async () => {
    const ws = await createTestWorkspace()
    const file = path.join(tempDir(), 'scan.txt')
    fs.writeFileSync(file, `\x1b[2J\x07${'A'.repeat(500)} SECRET-TAIL\n`)
    const [result] = await ws.call('scans.import', { paths: [file] })
    if (result?.ok !== false) throw new Error('the file was not refused')
    const message = result.error.message
    expect(message).not.toMatch(/[\x00-\x1f\x7f]/)
    expect(message).toContain('"\\x1b[2J\\x07' + 'A'.repeat(35) + '"…')
    expect(message).not.toContain('SECRET-TAIL')
  })

  it('a register whose JSON parser quotes the file', async () => {
    const ws = await createTestWorkspace()
    const file = path.join(ws.dir, 'incidents.json')
    fs.writeFileSync(file, `[{"title": "x"}, \x1b[2J\x1b]0;owned\x07${'B'.repeat(300)}]`)
    const message = await ws.call('incidents.importFile', { path: file }).then(
      () => '',
      (err: Error) => err.message
    )
    expect(message).toMatch(/is not valid JSON/)
    expect(message).not.toMatch(/[\x00-\x1f\x7f]/)
    expect(message).toContain('\\x1b')
  })

  it('printableExcerpt caps at 40 characters and escapes what a terminal would act on', () => {
    expect(printableExcerpt('a'.repeat(100))).toBe(`"${'a'.repeat(40)}"…`)
    expect(printableExcerpt('ok "q" \\ \x1b\r\n\u202e\u0085é')).toBe('"ok \\"q\\" \\\\ \\x1b\\x0d\\x0a\\u{202e}\\x85é"')
    expect(printableExcerpt('short')).toBe('"short"')
    expect(printableName('Likelyhood')).toBe('Likelyhood')
    expect(printableName('\x1b[2Jx')).toBe('"\\x1b[2Jx"')
  })
})
