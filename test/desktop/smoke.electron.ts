import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page, type TestInfo } from '@playwright/test'
import { readFuses } from './fuses'
import { findPackagedApp } from './packaged-app'
import { SMOKE_COPY_FUSES, SMOKE_COPY_OUTPUT } from './smoke-copy'

// The packaged desktop app, driven through its real UI: Electron, the app:// protocol, the preload and IPC, native
// SQLite from .electron-native, the scanner worker inside the asar and the OS key store, none of which the
// end-to-end tests in test/e2e (Chromium with the handler table bridged in) exercise.

const ROOT = path.resolve(__dirname, '../..')
const SCAN = path.join(ROOT, 'test', 'fixtures', 'scanners', 'prowler-v5.ocsf.json')
const PASSPHRASE = 'harbour lights 1987'
const CLIENT_PASSPHRASE = 'lakeside ledger 2026'

/** Which way the app must keep keys here: 'device' (Keychain, DPAPI, a Linux keyring) or 'passphrase' (Linux without one); unset: either. */
const EXPECTED_KEY_STORE = process.env.SAFEGUARD_SMOKE_KEY_STORE

/**
 * The app to drive. SAFEGUARD_PACKAGED_APP named but holding no app is an error (CI must never skip quietly);
 * not named, the smoke-test copy in dist/smoke-test is used when it has been packaged, and the test is skipped otherwise.
 */
function resolveApp(): { executable: string } | { error: string } | { skip: string } {
  const named = process.env.SAFEGUARD_PACKAGED_APP
  try {
    return { executable: findPackagedApp(named ?? path.join(ROOT, SMOKE_COPY_OUTPUT)) }
  } catch (error) {
    if (named) return { error: `SAFEGUARD_PACKAGED_APP=${named}: ${(error as Error).message}` }
    return {
      skip:
        `no packaged app to drive: SAFEGUARD_PACKAGED_APP is not set and ${SMOKE_COPY_OUTPUT} holds none. Packaging needs an Electron ` +
        'binary, which electron-builder downloads where the network allows (CI does: .github/workflows/desktop.yml). See README, "Desktop smoke test".'
    }
  }
}

const resolved = resolveApp()

/** Bytes of a workspace file and its write-ahead log, as someone holding the laptop would read them. */
function bytesOnDisk(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(part => fs.existsSync(part)).map(part => fs.readFileSync(part)))
}

function expectEncrypted(file: string, name: string): void {
  const bytes = bytesOnDisk(file)
  expect(bytes.length, file).toBeGreaterThan(0)
  expect(bytes.subarray(0, 15).toString('latin1'), `${file} starts as plain SQLite`).not.toBe('SQLite format 3')
  expect(bytes.includes(name), `${file} holds "${name}" in the clear`).toBe(false)
}

interface RunningApp {
  app: ElectronApplication
  window: Page
  name: string
  /** Uncaught exceptions and console errors of the window (CSP violations show up here). */
  errors: string[]
  closed: boolean
}

const running: RunningApp[] = []

async function launch(executable: string, dataDir: string, name: string, testInfo: TestInfo): Promise<RunningApp> {
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined))
  const app = await electron.launch({
    executablePath: executable,
    env: { ...env, SAFEGUARD_DATA_DIR: dataDir },
    // The renderer sandbox stays on, as shipped (CI makes Linux's chrome-sandbox setuid, as the .deb does).
    chromiumSandbox: process.env.SAFEGUARD_SMOKE_NO_SANDBOX !== '1',
    timeout: 90_000
  })
  const log = fs.createWriteStream(testInfo.outputPath(`${name}-main-process.log`))
  app.process().stdout?.on('data', (chunk: Buffer) => log.write(chunk))
  app.process().stderr?.on('data', (chunk: Buffer) => log.write(chunk))
  await app.context().tracing.start({ screenshots: true, snapshots: true, title: name })
  const window = await app.firstWindow()
  const started: RunningApp = { app, window, name, errors: [], closed: false }
  window.on('pageerror', error => started.errors.push(error.message))
  window.on('console', message => {
    if (message.type() === 'error') started.errors.push(message.text())
  })
  running.push(started)
  return started
}

/** Quits as the user would (app.quit(), so the workspace is closed on will-quit), keeping the trace. */
async function quit(started: RunningApp, testInfo: TestInfo): Promise<void> {
  await started.app.context().tracing.stop({ path: testInfo.outputPath(`${started.name}-trace.zip`) })
  await started.app.close()
  started.closed = true
  expect(started.app.process().exitCode, `${started.name} exit code`).toBe(0)
}

async function screenshot(started: RunningApp, step: string, testInfo: TestInfo): Promise<void> {
  await started.window.screenshot({ path: testInfo.outputPath(`${started.name}-${step}.png`) })
}

/** The next native open dialog answers `file`, the next save dialog `saveAs`, as a user picking them would. */
async function answerDialogs(started: RunningApp, answers: { open?: string; saveAs?: string }): Promise<void> {
  await started.app.evaluate(({ dialog }, { open, saveAs }) => {
    if (open) dialog.showOpenDialog = async () => ({ canceled: false, filePaths: [open] })
    if (saveAs) dialog.showSaveDialog = async () => ({ canceled: false, filePath: saveAs })
  }, answers)
}

test.afterEach(async ({}, testInfo) => {
  const failed = testInfo.status !== testInfo.expectedStatus
  for (const started of running.splice(0)) {
    if (started.closed) continue
    if (failed) {
      await screenshot(started, 'at-failure', testInfo).catch(() => undefined)
      await started.app
        .context()
        .tracing.stop({ path: testInfo.outputPath(`${started.name}-trace.zip`) })
        .catch(() => undefined)
    }
    await started.app.close().catch(() => undefined)
  }
})

if ('skip' in resolved) test.skip(true, resolved.skip)

test('first start, an encrypted workspace, a scanner import and the evidence pack; quit, and reopen with the key store', async ({}, testInfo) => {
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
  const defaultWorkspace = path.join(dataDir, 'workspaces', 'Default.safeguard')
  const clientWorkspace = path.join(dataDir, 'workspaces', 'Lakeside-Dental-Group.safeguard')
  const packFile = path.join(dataDir, 'evidence pack.pdf')

  // First start: the default workspace, encrypted with this computer's key, or after a passphrase where it cannot keep one.
  const first = await launch(executable, dataDir, 'first-start', testInfo)
  const page = first.window
  expect(page.url()).toMatch(/^app:\/\/bundle\//)
  const welcome = page.getByRole('heading', { name: 'Welcome to Safeguard' })
  const choosePassphrase = page.getByRole('heading', { name: 'Choose a passphrase' })
  await expect(welcome.or(choosePassphrase)).toBeVisible({ timeout: 30_000 })
  const keyStore = (await choosePassphrase.isVisible()) ? 'passphrase' : 'device'
  testInfo.annotations.push({ type: 'key store', description: keyStore })
  if (EXPECTED_KEY_STORE) expect(keyStore, 'how this computer keeps workspace keys').toBe(EXPECTED_KEY_STORE)
  await screenshot(first, 'first-screen', testInfo)
  if (keyStore === 'passphrase') {
    expect(fs.existsSync(defaultWorkspace)).toBe(false)
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByLabel('Passphrase again').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Create the encrypted workspace' }).click()
    await expect(welcome).toBeVisible()
  }
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  expectEncrypted(defaultWorkspace, 'Harbor Family Practice')

  // A new encrypted workspace for a client.
  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await expect(page.getByRole('heading', { name: 'Workspaces', level: 1 })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Lakeside Dental Group')
  const encryption = page.getByRole('radiogroup', { name: 'Encryption' })
  if (keyStore === 'device') {
    await expect(encryption.getByRole('radio', { name: /This computer keeps the key/ })).toBeChecked()
  } else {
    await expect(encryption.getByRole('radio', { name: /A passphrase/ })).toBeChecked()
    await page.getByLabel('Passphrase', { exact: true }).fill(CLIENT_PASSPHRASE)
    await page.getByLabel('Passphrase again').fill(CLIENT_PASSPHRASE)
  }
  await screenshot(first, 'new-workspace', testInfo)
  await page.getByRole('button', { name: 'Create workspace' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group')
  expectEncrypted(clientWorkspace, 'Lakeside Dental Group')

  // A scanner file, picked in the native open dialog: read on the worker thread bundled in the asar, stored in native SQLite.
  await answerDialogs(first, { open: SCAN })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Findings', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Findings', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Choose files…' }).click()
  const summary = page.getByLabel('Import summary for prowler-v5.ocsf.json')
  await expect(summary).toContainText('Prowler JSON-OCSF (version 5.3.0)', { timeout: 60_000 })
  await expect(summary).toContainText('4 (1 passed, 2 failed)')
  await expect(page.getByRole('table', { name: 'Imported scans' })).toContainText('prowler-v5.ocsf.json')
  await screenshot(first, 'scan-imported', testInfo)

  // The evidence pack (PDF/A, fonts and templates read from inside the package), saved where the save dialog says.
  await answerDialogs(first, { saveAs: packFile })
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Documents', exact: true }).click()
  const pack = page.getByRole('region', { name: 'Evidence pack (PDF)' })
  await expect(pack.getByRole('listitem').filter({ hasText: 'Scanner results' })).toBeVisible()
  await pack.getByRole('button', { name: 'Create evidence pack…' }).click()
  await expect(pack.getByRole('status')).toContainText(`Evidence pack saved to ${packFile}`, { timeout: 120_000 })
  const pdf = fs.readFileSync(packFile)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.subarray(-1024).toString('latin1')).toContain('%%EOF')
  await screenshot(first, 'pack-written', testInfo)
  expect(first.errors).toEqual([])
  await quit(first, testInfo)

  // Reopened: the last workspace opens with the key the OS key store kept (nothing to type), or asks for its passphrase.
  const second = await launch(executable, dataDir, 'reopened', testInfo)
  const again = second.window
  const unlock = again.getByRole('dialog', { name: 'Unlock this workspace' })
  if (keyStore === 'device') {
    await expect(again.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group', { timeout: 30_000 })
    await expect(unlock).toHaveCount(0)
  } else {
    // Start-up cannot open the last workspace without its passphrase and asks for the default one's first.
    await expect(unlock).toBeVisible({ timeout: 30_000 })
    await expect(unlock.getByTestId('unlock-path')).toHaveText(defaultWorkspace)
    await unlock.getByLabel('Passphrase or recovery key').fill(PASSPHRASE)
    await unlock.getByRole('button', { name: 'Unlock' }).click()
    await expect(again.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')
    await again.getByRole('button', { name: 'Switch workspace' }).click()
    await again.getByRole('button', { name: 'Open Lakeside Dental Group' }).click()
    await expect(unlock.getByTestId('unlock-path')).toHaveText(clientWorkspace)
    await unlock.getByLabel('Passphrase or recovery key').fill(CLIENT_PASSPHRASE)
    await unlock.getByRole('button', { name: 'Unlock' }).click()
    await expect(unlock).toHaveCount(0)
    await expect(again.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group')
  }
  await again.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Findings', exact: true }).click()
  await expect(again.getByRole('table', { name: 'Imported scans' })).toContainText('prowler-v5.ocsf.json')
  await screenshot(second, 'reopened', testInfo)
  expect(second.errors).toEqual([])
  await quit(second, testInfo)
  expectEncrypted(clientWorkspace, 'Lakeside Dental Group')
  fs.rmSync(dataDir, { recursive: true, force: true })
})
