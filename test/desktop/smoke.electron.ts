import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type TestInfo } from '@playwright/test'
import { readFuses } from './fuses'
import { chooseApp } from './packaged-app'
import { SMOKE_COPY_FUSES, SMOKE_COPY_OUTPUT } from './smoke-copy'
import { runSmokeSteps, type AppUnderTest, type KeyStore, type RunningApp } from './smoke-steps'

// The packaged desktop app, driven through its real UI: Electron, the app:// protocol, the preload and IPC, native
// SQLite from .electron-native, the scanner worker inside the asar and the OS key store, none of which the
// end-to-end tests in test/e2e (Chromium with the handler table bridged in) exercise.

const ROOT = path.resolve(__dirname, '../..')

/** The app to drive: SAFEGUARD_PACKAGED_APP, else the smoke-test copy in dist/smoke-test when it has been packaged. */
const resolved = chooseApp(
  'SAFEGUARD_PACKAGED_APP',
  path.join(ROOT, SMOKE_COPY_OUTPUT),
  `no packaged app to drive: SAFEGUARD_PACKAGED_APP is not set and ${SMOKE_COPY_OUTPUT} holds none. Packaging needs an Electron binary, ` +
    'which electron-builder downloads where the network allows (CI does: .github/workflows/desktop.yml). See README, "Desktop smoke test".'
)

/** Which way the app must keep keys here: 'device' (Keychain, DPAPI, a Linux keyring) or 'passphrase' (Linux without one); unset: either. */
function expectedKeyStore(): KeyStore | undefined {
  const value = process.env.SAFEGUARD_SMOKE_KEY_STORE
  if (value === undefined || value === '') return undefined
  if (value !== 'device' && value !== 'passphrase') throw new Error(`SAFEGUARD_SMOKE_KEY_STORE is "${value}"; use device or passphrase.`)
  return value
}

interface Launched {
  app: ElectronApplication
  name: string
  /** Set once its window is there. */
  run?: RunningApp
  closed: boolean
}

/** Launches still running when a test ends, to be closed (with a screenshot and trace when it failed). */
const launched: Launched[] = []

function packagedApp(executable: string, dataDir: string, testInfo: TestInfo): AppUnderTest {
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined))
  // macOS, unsigned or ad-hoc signed: the Keychain asks each of the app's processes (each its own binary) for
  // permission to use the app's item, a prompt nobody answers in CI. Chromium's mock keychain keeps safeStorage and
  // the app's device-key path whole without it; the real Keychain needs a signed build.
  const mockKeychain = process.env.SAFEGUARD_SMOKE_MOCK_KEYCHAIN === '1'
  if (mockKeychain) testInfo.annotations.push({ type: 'key store', description: "Chromium's mock keychain (SAFEGUARD_SMOKE_MOCK_KEYCHAIN=1)" })
  return {
    dataDir,
    async start(name) {
      const app = await electron.launch({
        executablePath: executable,
        args: mockKeychain ? ['--use-mock-keychain'] : [],
        env: { ...env, SAFEGUARD_DATA_DIR: dataDir },
        // The renderer sandbox stays on, as shipped (CI makes Linux's chrome-sandbox setuid, as the .deb does).
        chromiumSandbox: process.env.SAFEGUARD_SMOKE_NO_SANDBOX !== '1',
        timeout: 90_000
      })
      const entry: Launched = { app, name, closed: false }
      launched.push(entry)
      const log = fs.createWriteStream(testInfo.outputPath(`${name}-main-process.log`))
      app.process().stdout?.on('data', (chunk: Buffer) => log.write(chunk))
      app.process().stderr?.on('data', (chunk: Buffer) => log.write(chunk))
      app.process().once('exit', () => log.end())
      await app.context().tracing.start({ screenshots: true, snapshots: true, title: name })
      const window = await app.firstWindow()
      const errors: string[] = []
      window.on('pageerror', error => errors.push(error.message))
      window.on('console', message => {
        if (message.type() === 'error') errors.push(message.text())
      })
      // Inline data (data:, blob:) is the page's own; anything else outside app://bundle would leave the app.
      const foreignRequests: string[] = []
      window.on('request', request => {
        if (!/^(app:\/\/bundle\/|data:|blob:)/.test(request.url())) foreignRequests.push(request.url())
      })
      const run: RunningApp = {
        window,
        errors,
        foreignRequests,
        // Electron's dialog module in the main process answers in place of the native dialog.
        answerOpenDialog: file =>
          app.evaluate(({ dialog }, picked) => {
            dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [picked] })
          }, file),
        answerSaveDialog: file =>
          app.evaluate(({ dialog }, picked) => {
            dialog.showSaveDialog = async () => ({ canceled: false, filePath: picked })
          }, file),
        screenshot: async step => {
          await window.screenshot({ path: testInfo.outputPath(`${name}-${step}.png`) })
        },
        quit: async () => {
          await app.context().tracing.stop({ path: testInfo.outputPath(`${name}-trace.zip`) })
          // app.quit() in the main process, then the process's exit: the workspace is closed on will-quit.
          await app.close()
          entry.closed = true
          expect(app.process().exitCode, `${name}: exit code`).toBe(0)
        }
      }
      entry.run = run
      // The window shows the bundle from the app:// protocol, not a file or a dev server.
      await expect.poll(() => window.url()).toMatch(/^app:\/\/bundle\//)
      return run
    }
  }
}

test.afterEach(async ({}, testInfo) => {
  const failed = testInfo.status !== testInfo.expectedStatus
  for (const entry of launched.splice(0)) {
    if (entry.closed) continue
    if (failed) {
      await entry.run?.screenshot('at-failure').catch(() => undefined)
      await entry.app
        .context()
        .tracing.stop({ path: testInfo.outputPath(`${entry.name}-trace.zip`) })
        .catch(() => undefined)
    }
    await entry.app.close().catch(() => undefined)
  }
})

if ('skip' in resolved) test.skip(true, resolved.skip)

test('the packaged app: first start, an encrypted workspace, a scanner import and the evidence pack; quit, and reopen with the key store', async ({}, testInfo) => {
  if (!('executable' in resolved)) throw new Error('error' in resolved ? resolved.error : resolved.skip)
  const { executable } = resolved
  testInfo.annotations.push({ type: 'packaged app', description: executable })

  // Playwright reaches the main process through Node's inspector: a copy with that fuse off would only time out.
  const fuses = await readFuses(executable)
  expect(
    fuses.EnableNodeCliInspectArguments,
    `${executable} refuses --inspect (as shipped), so Playwright cannot drive it. Package the smoke-test copy: node --import tsx test/desktop/package-smoke-copy.ts`
  ).toBe(SMOKE_COPY_FUSES.EnableNodeCliInspectArguments)

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-desktop-'))
  await runSmokeSteps(packagedApp(executable, dataDir, testInfo), testInfo, expectedKeyStore())
  fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 })
})
