import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatRecoveryKey } from '../../main/db/recovery-key'
import { createWorkspace } from '../../main/workspace/workspace-files'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'

const SENTINEL = 'Sentinel-Clinic-4b1d'

describe('safeguard encrypt', () => {
  // Nine real CLI runs (about 2 s each, more on a busy machine).
  it('encrypts with SAFEGUARD_PASSPHRASE; later commands need the same passphrase', { timeout: 180_000 }, async () => {
    const dir = tempDir()
    const workspace = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', workspace, '--org', SENTINEL, '--unencrypted'])).code).toBe(0)
    expect((await runSafeguard(['backup', workspace])).code).toBe(0)

    const env = { SAFEGUARD_PASSPHRASE: 'a long passphrase for the test' }
    const encrypted = await runSafeguard(['encrypt', workspace, '--json'], { env })
    expect(encrypted.code).toBe(0)
    expect(JSON.parse(encrypted.stdout)).toMatchObject({ workspacePath: workspace, encryptedBackups: [expect.any(String)] })
    for (const file of fs.readdirSync(dir, { recursive: true }) as string[]) {
      const full = path.join(dir, file)
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).includes(SENTINEL), file).toBe(false)
    }

    const info = await runSafeguard(['info', workspace, '--json'], { env })
    expect(info.code).toBe(0)
    expect(JSON.parse(info.stdout)).toMatchObject({ organization: { name: SENTINEL } })

    // No terminal to ask and no variable: a clear refusal, not a hang.
    const withoutPassphrase = await runSafeguard(['info', workspace, '--json'], { env: { SAFEGUARD_PASSPHRASE: '' } })
    expect(withoutPassphrase).toMatchObject({ code: 1, stdout: '' })
    expect(withoutPassphrase.stderr).toMatch(/set SAFEGUARD_PASSPHRASE|give its passphrase/)

    const wrong = await runSafeguard(['info', workspace, '--json'], { env: { SAFEGUARD_PASSPHRASE: 'not it' } })
    expect(wrong).toMatchObject({ code: 1, stdout: '' })
    expect(wrong.stderr).toContain('does not unlock')

    const backup = await runSafeguard(['backup', workspace, '--json'], { env })
    expect(fs.readFileSync((JSON.parse(backup.stdout) as { file: string }).file).includes(SENTINEL)).toBe(false)

    const again = await runSafeguard(['encrypt', workspace], { env })
    expect(again.code).toBe(1)

    // Restoring an encrypted workspace from its encrypted backup, with the passphrase from the environment.
    fs.writeFileSync(workspace, 'damaged')
    const restored = await runSafeguard(['restore', workspace, (JSON.parse(backup.stdout) as { file: string }).file, '--json'], { env })
    expect(restored.code).toBe(0)
    expect(JSON.parse((await runSafeguard(['info', workspace, '--json'], { env })).stdout)).toMatchObject({ organization: { name: SENTINEL } })
  })

  it('creates new workspaces encrypted when SAFEGUARD_PASSPHRASE is set', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    const workspace = path.join(dir, 'new.safeguard')
    const env = { SAFEGUARD_PASSPHRASE: 'passphrase for a new workspace' }
    expect((await runSafeguard(['init', workspace, '--org', SENTINEL], { env })).code).toBe(0)
    expect(fs.readFileSync(workspace).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    expect(fs.readFileSync(workspace).includes(SENTINEL)).toBe(false)
    expect((await runSafeguard(['info', workspace, '--json'], { env: { SAFEGUARD_PASSPHRASE: '' } })).code).toBe(1)
  })

  it(
    'gives a workspace a new passphrase: one kept by the app opens with its recovery key, then moves to a passphrase',
    { timeout: 60_000 },
    async () => {
      const dir = tempDir()
      const workspace = path.join(dir, 'device.safeguard')
      const key = Buffer.alloc(32, 9)
      createWorkspace(
        workspace,
        { name: SENTINEL, role: 'covered-entity', contactName: '', contactEmail: '', contactPhone: '', cloudProvider: 'aws' },
        { now: '2026-11-22T00:00:00.000Z', key: { kind: 'raw', key } }
      ).close()
      const recovery = { SAFEGUARD_PASSPHRASE: formatRecoveryKey(key) }

      // No new passphrase and no terminal: refused, naming the variable, the workspace unchanged.
      const refused = await runSafeguard(['passphrase', workspace], { env: recovery })
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain('set SAFEGUARD_NEW_PASSPHRASE')
      expect((await runSafeguard(['info', workspace, '--json'], { env: recovery })).code).toBe(0)

      const changed = await runSafeguard(['passphrase', workspace], { env: { ...recovery, SAFEGUARD_NEW_PASSPHRASE: 'travelling passphrase 7' } })
      expect(changed.stderr).toBe('')
      expect(changed.code).toBe(0)
      expect((await runSafeguard(['info', workspace, '--json'], { env: recovery })).code).toBe(1)
      const info = await runSafeguard(['info', workspace, '--json'], { env: { SAFEGUARD_PASSPHRASE: 'travelling passphrase 7' } })
      expect(JSON.parse(info.stdout)).toMatchObject({ organization: { name: SENTINEL } })
    }
  )
})
