import fs from 'node:fs'
import path from 'node:path'
import { isWorkspaceLockFile } from '../../main/db/workspace-lock'
import { describe, expect, it } from 'vitest'
import { chosenPassphraseKey } from '../../main/cli/passphrase-prompt'
import { MIN_PASSPHRASE_LENGTH } from '../../main/shared/schemas'
import { runSafeguard } from '../helpers/cli'
import { createTestWorkspace, tempDir } from '../helpers/workspace'

const SHORT = '1'
const JUST_LONG_ENOUGH = 'x'.repeat(MIN_PASSPHRASE_LENGTH)

describe('the shortest passphrase a workspace can be given', () => {
  it('is the same rule for the CLI as for the app, with the reason in the message', async () => {
    expect(() => chosenPassphraseKey(SHORT)).toThrow(/at least 8 characters: the passphrase is all that protects/)
    expect(() => chosenPassphraseKey('x'.repeat(MIN_PASSPHRASE_LENGTH - 1))).toThrow(/at least 8/)
    expect(chosenPassphraseKey(JUST_LONG_ENOUGH)).toEqual({ kind: 'passphrase', passphrase: JUST_LONG_ENOUGH })

    const ws = await createTestWorkspace()
    await expect(ws.call('security.encrypt', { passphrase: SHORT })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/at least 8 characters: the passphrase is all that protects/)
    })
  })

  // Four real CLI runs (about 2 s each).
  it('safeguard encrypt, init and passphrase refuse "1" and leave the files as they were', { timeout: 120_000 }, async () => {
    const dir = tempDir()
    const workspace = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', workspace, '--org', 'Harbor Clinic', '--unencrypted'])).code).toBe(0)
    const before = fs.readFileSync(workspace)

    const encrypt = await runSafeguard(['encrypt', workspace], { env: { SAFEGUARD_PASSPHRASE: SHORT } })
    expect(encrypt.code).toBe(1)
    expect(encrypt.stderr).toMatch(/at least 8 characters/)
    expect(fs.readFileSync(workspace).equals(before)).toBe(true)
    expect(fs.readdirSync(dir).filter(name => !isWorkspaceLockFile(name))).toEqual(['clinic.safeguard'])

    const created = path.join(dir, 'new.safeguard')
    const init = await runSafeguard(['init', created, '--org', 'Harbor Clinic'], { env: { SAFEGUARD_PASSPHRASE: SHORT } })
    expect(init.code).toBe(1)
    expect(init.stderr).toMatch(/at least 8 characters/)
    expect(fs.existsSync(created)).toBe(false)

    const long = 'a long passphrase for the test'
    expect((await runSafeguard(['encrypt', workspace], { env: { SAFEGUARD_PASSPHRASE: long } })).code).toBe(0)
    const change = await runSafeguard(['passphrase', workspace], { env: { SAFEGUARD_PASSPHRASE: long, SAFEGUARD_NEW_PASSPHRASE: SHORT } })
    expect(change.code).toBe(1)
    expect(change.stderr).toMatch(/at least 8 characters/)
    expect((await runSafeguard(['info', workspace, '--json'], { env: { SAFEGUARD_PASSPHRASE: long } })).code).toBe(0)
  })
})
