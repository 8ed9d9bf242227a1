import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { connectionBinding, connectionKey } from '../../main/db/driver'
import { createTestSession, createTestWorkspace, TEST_ORGANIZATION } from '../helpers/workspace'

/** The Node build named by its path, as the Electron shell names its copy built for Electron's ABI. */
const NODE_BINDING = path.join(
  path.dirname(createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers/package.json')),
  'build',
  'Release',
  'better_sqlite3.node'
)

/** A binding that is not there: any connection that loads it fails, so the tests see which connections do. */
const MISSING_BINDING = path.join(path.dirname(NODE_BINDING), 'no-such-build', 'better_sqlite3.node')

describe("the session's SQLite binding", () => {
  it('is the one every workspace it creates or opens is loaded from', async () => {
    const existing = await createTestWorkspace()
    await existing.call('workspace.close', {})
    const before = fs.readFileSync(existing.workspacePath)

    const test = createTestSession({ nativeBinding: MISSING_BINDING })
    const file = path.join(test.dir, 'new.safeguard')
    await expect(test.call('workspace.create', { path: file, organization: TEST_ORGANIZATION })).rejects.toThrow(/no-such-build/)
    expect(fs.existsSync(file)).toBe(false)
    await expect(test.call('workspace.open', { path: existing.workspacePath })).rejects.toThrow(/no-such-build/)
    expect(fs.readFileSync(existing.workspacePath).equals(before)).toBe(true)
  })

  it('stays with the workspace through backups, encrypting and restoring', async () => {
    const test = createTestSession({ nativeBinding: NODE_BINDING })
    const file = path.join(test.dir, 'clinic.safeguard')
    await test.call('workspace.create', { path: file, organization: TEST_ORGANIZATION })
    expect(connectionBinding(test.session.requireWorkspace().db)).toBe(NODE_BINDING)
    const backup = await test.call('backup.create', {})
    await test.call('security.encrypt', { passphrase: 'binding test passphrase' })
    expect(connectionBinding(test.session.requireWorkspace().db)).toBe(NODE_BINDING)
    expect(connectionKey(test.session.requireWorkspace().db)?.kind).toBe('passphrase')
    await test.call('backup.restore', { file: backup.file })
    expect(connectionBinding(test.session.requireWorkspace().db)).toBe(NODE_BINDING)
  })
})
