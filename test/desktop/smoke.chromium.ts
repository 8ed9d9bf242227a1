import fs from 'node:fs'
import path from 'node:path'
import { test, type AppHarness } from '../e2e/fixtures'
import { runSmokeSteps, type AppUnderTest } from './smoke-steps'

// The smoke test's steps in the end-to-end harness (the built renderer in Debian's Chromium, the real handler table
// bridged in, a stand-in for safeStorage), so the steps themselves are checked where no packaged app can be built.
// Where a packaged app is under test (SAFEGUARD_PACKAGED_APP, as in CI) this adds nothing and is skipped.

const ROOT = path.resolve(__dirname, '../..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const RENDERER = process.env.SAFEGUARD_RENDERER_OUT ?? path.join(ROOT, 'out', 'renderer')

test.skip(Boolean(process.env.SAFEGUARD_PACKAGED_APP), 'SAFEGUARD_PACKAGED_APP is set: the packaged app itself runs these steps (smoke.electron.ts)')
test.skip(!fs.existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (CHROMIUM_PATH) to run the end-to-end harness`)
test.skip(!fs.existsSync(path.join(RENDERER, 'index.html')), `no built renderer in ${RENDERER}: run \`npx electron-vite build\` first`)

// The steps begin at the first-start screen, on an empty data folder.
test.use({ firstStart: true })

/** The harness as an app that starts, quits and starts again on the same data folder. */
function harnessApp(app: AppHarness): AppUnderTest {
  let started = false
  return {
    dataDir: app.dataDir,
    async start(name) {
      // A restart closes the workspace as a quit does, and reloads the window on a new backend.
      if (started) await app.restart()
      started = true
      return {
        window: app.page,
        errors: app.pageErrors,
        foreignRequests: app.foreignRequests,
        answerOpenDialog: async file => {
          app.host.openPaths.push(file)
        },
        answerSaveDialog: async file => {
          app.host.savePaths.push(file)
        },
        screenshot: async step => {
          await app.screenshot(`${name}-${step}`)
        },
        quit: async () => undefined
      }
    }
  }
}

test('the smoke steps, on a computer whose key store keeps keys', async ({ app }, testInfo) => {
  await runSmokeSteps(harnessApp(app), testInfo, 'device')
})

test.describe('on a computer that cannot keep keys (Linux without a keyring)', () => {
  test.use({ deviceKeyStore: false })

  test('the smoke steps, with passphrases', async ({ app }, testInfo) => {
    await runSmokeSteps(harnessApp(app), testInfo, 'passphrase')
  })
})
