// Every import refuses a symbolic link, whatever it points to, and never quotes
// the target: a link to a secret file must not print the secret back.

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTestWorkspace, tempDir } from '../helpers/workspace'

type Workspace = Awaited<ReturnType<typeof createTestWorkspace>>

const SECRET = 'root:$6$SECRETSALT$SECRETHASHSECRETHASH:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n'

/** Row counts of every table: a refused import changes none. */
function snapshot(ws: Workspace): Record<string, number> {
  const { db } = ws.session.requireWorkspace()
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
  return Object.fromEntries(tables.map(t => [t, (db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number) ?? 0]))
}

/** A link in the workspace's folder to a secret file in another folder, named like a file the import expects. */
function linkToSecret(ws: Workspace, name: string): string {
  const secret = path.join(tempDir('safeguard-secret-'), 'shadow')
  fs.writeFileSync(secret, SECRET)
  const link = path.join(ws.dir, name)
  fs.symlinkSync(secret, link)
  return link
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (err) {
    return (err as Error).message
  }
  throw new Error('the import was not refused')
}

function expectLinkRefusal(message: string, link: string): void {
  expect(message).toContain(link)
  expect(message).toMatch(/is a symbolic link; choose the file itself/)
  expect(message).not.toMatch(/SECRET|root:|daemon/)
}

describe.skipIf(process.platform === 'win32')('imports refuse symbolic links', () => {
  it('a scanner file', async () => {
    const ws = await createTestWorkspace()
    const link = linkToSecret(ws, 'scan.json')
    const before = snapshot(ws)
    const [result] = await ws.call('scans.import', { paths: [link] })
    expect(result?.ok).toBe(false)
    if (result && !result.ok) expectLinkRefusal(result.error.message, link)
    expect(snapshot(ws)).toEqual(before)
  })

  const registerImports = [
    ['business associate register', 'baas.importFile', 'register.json'],
    ['business associate register (CSV)', 'baas.importFile', 'register.csv'],
    ['incident register', 'incidents.importFile', 'incidents.json'],
    ['questionnaire CSV', 'assessment.importCsv', 'answers.csv'],
    ['risk register', 'risks.import', 'risks.csv']
  ] as const
  for (const [what, call, name] of registerImports) {
    it(`a ${what}`, async () => {
      const ws = await createTestWorkspace()
      const link = linkToSecret(ws, name)
      const before = snapshot(ws)
      expectLinkRefusal(await refusal(ws.call(call, { path: link })), link)
      expect(snapshot(ws)).toEqual(before)
    })
  }

  it('an agreement attachment', async () => {
    const ws = await createTestWorkspace()
    const created = await ws.call('baas.create', { associate: { name: 'Prospect Labs', baaStatus: 'requested' } })
    const link = linkToSecret(ws, 'agreement.pdf')
    const before = snapshot(ws)
    expectLinkRefusal(await refusal(ws.call('baas.attachAgreement', { id: created.id, path: link })), link)
    expect(snapshot(ws)).toEqual(before)
  })

  it('a folder or a named pipe is refused as what it is', async () => {
    const ws = await createTestWorkspace()
    const fifo = path.join(ws.dir, 'incidents.json')
    const { execFileSync } = await import('node:child_process')
    execFileSync('mkfifo', [fifo])
    await expect(ws.call('incidents.importFile', { path: fifo })).rejects.toMatchObject({
      code: 'not-a-file',
      message: expect.stringMatching(/is a named pipe/)
    })
    await expect(ws.call('risks.import', { path: ws.dir })).rejects.toMatchObject({
      code: 'not-a-file',
      message: expect.stringMatching(/is a folder/)
    })
  })
})
