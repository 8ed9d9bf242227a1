import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readCatalog } from '../../main/assessment/reads'
import { createCallContext } from '../../main/api/call-context'
import { callHandler } from '../../main/api/dispatch'
import { headlessHost } from '../../main/api/host'
import { Session } from '../../main/workspace/session'
import { TEST_ORGANIZATION, type TestSession } from '../helpers/workspace'

/** The stand-in for a signed agreement the shared workspace attaches. */
export const AGREEMENT_BYTES = Buffer.from('%PDF-1.7\n% signed agreement stand-in\n')

/** The evidence files attached to the first question's answer (and a link beside them). */
export const EVIDENCE_FILES: Record<string, string> = {
  'mfa-settings.png': 'not really a PNG: MFA settings screenshot stand-in',
  'backup-report.csv': 'job,status\nnightly,ok\n'
}

export type SharedWorkspace = Pick<TestSession, 'call'> & { dir: string; close(): void }

/**
 * One workspace for a whole test file (beforeAll), with an imported scan file and a signed agreement so every list of the
 * manifest has an entry: generating a pack takes seconds, so the file's tests share it and only read it.
 */
export async function sharedWorkspaceWithFiles(now: () => Date): Promise<SharedWorkspace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-verify-'))
  const session = new Session({ dataDir: path.join(dir, 'data'), appVersion: '0.0.0-test', now })
  const call: TestSession['call'] = async (name, input, options) =>
    (await callHandler(name, input, createCallContext(session, { host: headlessHost, ...options }))) as never
  await call('workspace.create', { path: path.join(dir, 'workspace.safeguard'), organization: TEST_ORGANIZATION })
  await call('scans.import', { paths: [path.resolve('test/fixtures/scanners/prowler-asff.json')] })
  const { id } = await call('baas.create', { associate: { name: 'Northwind Billing', baaStatus: 'signed', effectiveOn: '2025-05-01' } })
  const agreement = path.join(dir, 'northwind-baa.pdf')
  fs.writeFileSync(agreement, AGREEMENT_BYTES)
  await call('baas.attachAgreement', { id, path: agreement })
  const question = readCatalog().questions[0]!.id
  for (const [name, content] of Object.entries(EVIDENCE_FILES)) {
    const file = path.join(dir, name)
    fs.writeFileSync(file, content)
    await call('evidence.addFile', { target: { kind: 'answer', id: question }, path: file, effectiveAsOf: '2026-11-01', expiresOn: '2027-11-01' })
  }
  await call('evidence.addLink', {
    target: { kind: 'answer', id: question },
    url: 'https://intranet.example/policy',
    title: 'Policy page',
    effectiveAsOf: '2026-10-01'
  })
  return {
    call,
    dir,
    close: () => {
      session.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
}
