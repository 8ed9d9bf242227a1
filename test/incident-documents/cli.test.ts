import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'
import { LAPTOP_THEFT } from './incidents'

describe('safeguard incidents letter / documentation', () => {
  it('writes a letter draft and the documentation from the command line, and refuses a letter kind it does not know', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'clinic.safeguard')
    const incidents = path.join(dir, 'incidents.json')
    fs.writeFileSync(incidents, JSON.stringify([LAPTOP_THEFT]))
    expect((await runSafeguard(['init', file, '--org', 'Harbor Family Practice', '--unencrypted'])).code).toBe(0)
    expect((await runSafeguard(['incidents', 'import', file, incidents])).code).toBe(0)

    const letter = await runSafeguard(['incidents', 'letter', file, '1', '--kind', 'media', '--out', path.join(dir, 'media.docx')])
    expect(letter.stderr).toBe('')
    expect(letter.code).toBe(0)
    expect(letter.stdout).toContain(
      `Wrote the draft media notice to ${path.join(dir, 'media.docx')}. Review it before sending; Safeguard sends nothing.`
    )
    expect(letter.stdout).toMatch(/To complete \(\d+\):\n {2}- the date of release\n/)
    expect(fs.readFileSync(path.join(dir, 'media.docx')).subarray(0, 2).toString()).toBe('PK')

    const documentation = await runSafeguard(['incidents', 'documentation', file, '1', '--out', path.join(dir, 'record.pdf'), '--json'])
    expect(documentation.code).toBe(0)
    const result = JSON.parse(documentation.stdout) as { path: string; pages: number; draftReasons: string[] }
    expect(result.path).toBe(path.join(dir, 'record.pdf'))
    expect(result.pages).toBeGreaterThan(2)
    expect(result.draftReasons.join('; ')).toMatch(/required notices not yet given/)
    expect(fs.readFileSync(result.path).subarray(0, 5).toString()).toBe('%PDF-')

    const wrongKind = await runSafeguard(['incidents', 'letter', file, '1', '--kind', 'press', '--out', path.join(dir, 'x.docx')])
    expect(wrongKind.code).toBe(2)
    expect(wrongKind.stderr).toMatch(/--kind <kind>' argument 'press' is invalid\. Allowed choices are individual, media, covered-entity/)
    expect(fs.existsSync(path.join(dir, 'x.docx'))).toBe(false)
  })
})
