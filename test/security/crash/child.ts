// The program the lock and crash tests run and kill: it opens a workspace the
// way the app does (a Session, the real handlers, a device key store kept in a
// file) and then, by mode:
//   hold <workspace> <intervalMs>         commits a row every interval, saying "committed <n>" after each
//   change-key <workspace> <keyStore>     gives the workspace a new device key (security.changeKey)
//   passphrase <workspace>                gives it the passphrase SAFEGUARD_TEST_PASSPHRASE (security.changeKey)
//   encrypt <workspace>                   encrypts it with SAFEGUARD_TEST_PASSPHRASE (security.encrypt)
//   restore <workspace> <backup>          restores it from a backup (backup.restore)
// The tests set SAFEGUARD_TEST_CRASH_AT to kill it at a named point (main/shared/crash-points.ts).
// Bundled by the tests with esbuild so each start costs a fraction of a second.
import { createCallContext } from '../../../main/api/call-context'
import { callHandler } from '../../../main/api/dispatch'
import { headlessHost } from '../../../main/api/host'
import { createSafeStorageWrapper } from '../../../main/electron/safe-storage-wrapper'
import { deviceKeyProvider } from '../../../main/security/device-key-provider'
import { WorkspaceKeyStore } from '../../../main/security/key-store'
import { passphraseKey } from '../../../main/db/workspace-key'
import { Session } from '../../../main/workspace/session'
import { fakeSafeStorage } from '../../helpers/fake-safe-storage'

async function main(): Promise<void> {
  const [mode, workspace, extra] = process.argv.slice(2)
  const store = process.env.SAFEGUARD_TEST_KEY_STORE
    ? new WorkspaceKeyStore(process.env.SAFEGUARD_TEST_KEY_STORE, createSafeStorageWrapper(fakeSafeStorage('gnome_libsecret'), 'linux'))
    : undefined
  const session = new Session({
    dataDir: null,
    appVersion: '0.0.0-test',
    programName: 'the test holder',
    ...(store ? { keyProvider: deviceKeyProvider(store), deviceKeyStore: store } : {}),
    ...(process.env.SAFEGUARD_TEST_OPEN_PASSPHRASE
      ? { keyProvider: { keyFor: () => passphraseKey(process.env.SAFEGUARD_TEST_OPEN_PASSPHRASE!) } }
      : {})
  })
  const ctx = createCallContext(session, { host: headlessHost })
  const call = (name: string, input: unknown) => callHandler(name, input, ctx)
  await call('workspace.open', { path: workspace })
  process.stdout.write('opened\n')

  if (mode === 'hold') {
    const { db } = session.requireWorkspace()
    db.exec('CREATE TABLE IF NOT EXISTS lock_probe (n INTEGER NOT NULL)')
    const insert = db.prepare('INSERT INTO lock_probe (n) VALUES (?)')
    for (let n = 1; ; n += 1) {
      insert.run(n)
      process.stdout.write(`committed ${n}\n`)
      await new Promise(resolve => setTimeout(resolve, Number(extra)))
    }
  } else if (mode === 'change-key') {
    await call('security.changeKey', {})
  } else if (mode === 'passphrase') {
    await call('security.changeKey', { passphrase: process.env.SAFEGUARD_TEST_PASSPHRASE })
  } else if (mode === 'encrypt') {
    await call('security.encrypt', { passphrase: process.env.SAFEGUARD_TEST_PASSPHRASE })
  } else if (mode === 'restore') {
    await call('backup.restore', { file: extra })
  } else {
    throw new Error(`unknown mode ${mode}`)
  }
  session.close()
  process.stdout.write('done\n')
}

main().catch(error => {
  process.stderr.write(`${(error as Error).stack}\n`)
  process.exit(3)
})
