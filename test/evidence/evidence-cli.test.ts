// The `safeguard evidence` commands: add a file and a link, list (stale only, JSON), export with the hash checked,
// archive; a malformed --to is refused with the kinds named.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../main/assessment/reads'
import type { CliIo } from '../../main/cli/cli-io'
import { runCli } from '../../main/cli/main'
import type { EvidenceItem } from '../../main/evidence/contract'
import { createTestWorkspace } from '../helpers/workspace'

function capture(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return { out, err, stdout: text => void out.push(text), stderr: text => void err.push(text) }
}

describe('safeguard evidence', () => {
  it('adds, lists, exports and archives evidence', async () => {
    const ws = await createTestWorkspace()
    await ws.call('workspace.close', {})
    const question = readCatalog().questions.find(q => q.group !== 'cloud')!
    const file = path.join(ws.dir, 'mfa-settings.png')
    fs.writeFileSync(file, Buffer.from('not really a png, but bytes all the same'))

    const add = capture()
    expect(
      await runCli(['evidence', 'add', ws.workspacePath, '--to', `answer:${question.id}`, '--file', file, '--effective', '2025-01-15', '--json'], add)
    ).toBe(0)
    const item = JSON.parse(add.out.join('')) as EvidenceItem
    expect(item).toMatchObject({ title: 'mfa-settings.png', sha256: createHash('sha256').update(fs.readFileSync(file)).digest('hex') })

    const link = capture()
    const linkArgs = [
      '--url',
      'https://intranet.example/audit',
      '--title',
      'Audit log review',
      '--effective',
      '2025-01-01',
      '--expires',
      '2025-02-01'
    ]
    expect(await runCli(['evidence', 'add', ws.workspacePath, '--to', `decision:${question.citations[0]}`, ...linkArgs], link)).toBe(0)
    expect(link.out.join('')).toMatch(/Attached evidence #\d+:\n {2}#\d+ Audit log review on decision .*expires 2025-02-01 \(STALE\)/)

    const stale = capture()
    expect(await runCli(['evidence', 'list', ws.workspacePath, '--stale', '--json'], stale)).toBe(0)
    expect((JSON.parse(stale.out.join('')) as EvidenceItem[]).map(i => i.title)).toEqual(['Audit log review'])

    const out = path.join(ws.dir, 'copy.png')
    const exported = capture()
    expect(await runCli(['evidence', 'export', ws.workspacePath, String(item.id), '--out', out], exported)).toBe(0)
    expect(fs.readFileSync(out).equals(fs.readFileSync(file))).toBe(true)
    expect(exported.out.join('')).toContain(`SHA-256 ${item.sha256}, checked`)

    expect(await runCli(['evidence', 'archive', ws.workspacePath, String(item.id), '--reason', 'Replaced'], capture())).toBe(0)
    const listed = capture()
    expect(await runCli(['evidence', 'list', ws.workspacePath, '--to', `answer:${question.id}`], listed)).toBe(0)
    expect(listed.out.join('')).toBe('No evidence attached.\n')
    const archived = capture()
    expect(await runCli(['evidence', 'list', ws.workspacePath, '--archived'], archived)).toBe(0)
    expect(archived.out.join('')).toMatch(/mfa-settings\.png.*\[archived \d{4}-\d{2}-\d{2}: Replaced\]/)
  })

  it('refuses a target that is not kind:id, naming the kinds', async () => {
    const ws = await createTestWorkspace()
    await ws.call('workspace.close', {})
    const io = capture()
    expect(
      await runCli(
        ['evidence', 'add', ws.workspacePath, '--to', 'policy:7', '--url', 'https://x.example', '--title', 'x', '--effective', '2025-01-01'],
        io
      )
    ).not.toBe(0)
    expect(io.err.join('')).toMatch(/"policy:7" is not <kind>:<id>; the kinds are answer, decision, cloud-control, risk, task, asset, incident/)
  })
})
