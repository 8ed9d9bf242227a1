import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { restoreBackup } from '../../main/backup/restore'
import { openWorkspaceDb } from '../../main/db/open'
import { passphraseKey } from '../../main/db/workspace-key'
import { acquireWorkspaceLock } from '../../main/db/workspace-lock'
import { changeWorkspaceKey, encryptWorkspace } from '../../main/security/encrypt-workspace'
import { runSafeguard } from '../helpers/cli'
import { writeProwlerLines } from '../helpers/generated-scan'
import { createTestSession, createTestWorkspace, tempDir, TEST_ORGANIZATION } from '../helpers/workspace'
import { bundleChild, startChild } from './crash/run-child'

describe('a workspace open in one session', () => {
  it('is refused to a second one, naming the holder, and opens once the first closes it', async () => {
    const first = await createTestWorkspace()
    const second = createTestSession()
    await expect(second.call('workspace.open', { path: first.workspacePath })).rejects.toMatchObject({
      code: 'in-use',
      message: expect.stringMatching(new RegExp(`in use by another Safeguard program \\(process ${process.pid} on this computer, since `))
    })
    await first.call('workspace.close', {})
    expect((await second.call('workspace.open', { path: first.workspacePath })).organization.name).toBe(TEST_ORGANIZATION.name)
  })

  it('cannot be replaced meanwhile: restore, encrypt and a key change refuse and leave its file as it is', async () => {
    const made = await createTestWorkspace()
    const backup = await made.call('backup.create', {})
    const before = fs.readFileSync(made.workspacePath)
    expect(() => restoreBackup(made.workspacePath, backup.file, null)).toThrow(/in use by/)
    expect(() => encryptWorkspace(made.workspacePath, passphraseKey('a long enough passphrase'))).toThrow(/in use by/)
    expect(() => changeWorkspaceKey(made.workspacePath, passphraseKey('old passphrase'), passphraseKey('new passphrase'))).toThrow(/in use by/)
    expect(fs.readFileSync(made.workspacePath).equals(before)).toBe(true)
    // The holder itself replaces it (inside its lock) and goes on working.
    await made.call('backup.restore', { file: backup.file })
    expect((await made.call('workspace.current', {}))?.organization.name).toBe(TEST_ORGANIZATION.name)
  })

  it('keeps its lock when opened again, and lets it go when another workspace is opened', async () => {
    const a = await createTestWorkspace()
    const other = path.join(a.dir, 'other.safeguard')
    await a.call('workspace.open', { path: a.workspacePath })
    expect(() => acquireWorkspaceLock(a.workspacePath, { program: 'a test' })).toThrow(/in use/)
    await a.call('workspace.create', { path: other, organization: { ...TEST_ORGANIZATION, name: 'Other Clinic' } })
    const lock = acquireWorkspaceLock(a.workspacePath, { program: 'a test' })
    lock.release()
    expect(() => acquireWorkspaceLock(other, { program: 'a test' })).toThrow(/in use/)
  })
})

describe('another program holding a workspace and writing to it', () => {
  let child: Awaited<ReturnType<typeof bundleChild>>
  beforeAll(async () => {
    child = await bundleChild()
  }, 60_000)
  afterAll(() => child?.remove())

  // Real CLI runs (about 2 s each) against a real second process that commits a row every 100 ms.
  it('makes restore, encrypt, passphrase and a second import refuse with "in use", losing none of its commits', { timeout: 180_000 }, async () => {
    const dir = tempDir()
    const workspace = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', workspace, '--org', 'Harbor Clinic', '--unencrypted'])).code).toBe(0)
    expect((await runSafeguard(['backup', workspace])).code).toBe(0)
    const backup = fs.readdirSync(`${workspace}.backups`).find(name => name.endsWith('.safeguard'))!
    const scan = writeProwlerLines(dir, 50)

    const holder = startChild(child.script, ['hold', workspace, '100'])
    try {
      await holder.waitFor(/^committed 3$/)
      const attempts = [
        await runSafeguard(['restore', workspace, path.join(`${workspace}.backups`, backup)]),
        await runSafeguard(['encrypt', workspace], { env: { SAFEGUARD_PASSPHRASE: 'a long enough passphrase' } }),
        await runSafeguard(['passphrase', workspace], { env: { SAFEGUARD_PASSPHRASE: 'x', SAFEGUARD_NEW_PASSPHRASE: 'another long passphrase' } }),
        await runSafeguard(['import', workspace, scan])
      ]
      for (const attempt of attempts) {
        expect(attempt.code).not.toBe(0)
        expect(attempt.stderr).toMatch(/is in use by the test holder \(process \d+ on this computer, since .*\)\. Close it there, then try again\./)
        expect(attempt.stderr).not.toMatch(/database is locked|internal/)
      }
    } finally {
      holder.killGroup()
    }
    const run = await holder.finished
    expect(run.signal).toBe('SIGKILL')
    const reported = Math.max(...[...run.stdout.matchAll(/^committed (\d+)$/gm)].map(match => Number(match[1])))
    // Killed as a crash would: the lock went with it, and every commit it reported is in the file.
    const status = await runSafeguard(['status', workspace, '--json'])
    expect(status.code).toBe(0)
    const db = openWorkspaceDb(workspace)
    try {
      expect((db.prepare('SELECT count(*) AS rows FROM lock_probe').get() as { rows: number }).rows).toBeGreaterThanOrEqual(reported)
      expect(reported).toBeGreaterThanOrEqual(3)
    } finally {
      db.close()
    }
  })
})
