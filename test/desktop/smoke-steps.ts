import fs from 'node:fs'
import path from 'node:path'
import { expect, type Page, type TestInfo } from '@playwright/test'

// The smoke test's steps, through the real UI, whatever runs the app: the packaged Electron app (smoke.electron.ts)
// or, where there is none, the end-to-end harness (smoke.chromium.ts), so the steps themselves are checked everywhere.

const ROOT = path.resolve(__dirname, '../..')
const SCAN = path.join(ROOT, 'test', 'fixtures', 'scanners', 'prowler-v5.ocsf.json')
const PASSPHRASE = 'harbour lights 1987'
const CLIENT_PASSPHRASE = 'lakeside ledger 2026'

export type KeyStore = 'device' | 'passphrase'

/** One run of the app, from its start to its quit. */
export interface RunningApp {
  readonly window: Page
  /** Uncaught exceptions and console errors of the window so far (CSP violations show up here). */
  readonly errors: string[]
  /** Every URL the window requested other than the app's own bundle: the app sends nothing anywhere. */
  readonly foreignRequests: string[]
  /** The next native open dialog answers `file`, as a user picking it would. */
  answerOpenDialog(file: string): Promise<void>
  /** The next native save dialog answers `file`. */
  answerSaveDialog(file: string): Promise<void>
  screenshot(step: string): Promise<void>
  /** Quits as the user would, so the workspace is closed as on quit. */
  quit(): Promise<void>
}

export interface AppUnderTest {
  /** The app's own data folder (SAFEGUARD_DATA_DIR): workspaces, the key store's wrapped keys, the recent list. */
  readonly dataDir: string
  /** Starts the app on its data folder (again, after a quit). */
  start(name: string): Promise<RunningApp>
}

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

/**
 * First start, an encrypted workspace, a scanner import and the evidence pack; quit, and reopen with the key store
 * (or, where the computer cannot keep keys, with the passphrases chosen). `expectedKeyStore` fails the run when the
 * app offers the other way; without it either is accepted and recorded as an annotation. Returns the way it found.
 */
export async function runSmokeSteps(app: AppUnderTest, testInfo: TestInfo, expectedKeyStore?: KeyStore): Promise<KeyStore> {
  const firstWorkspace = path.join(app.dataDir, 'workspaces', 'Harbor-Family-Practice.safeguard')
  const clientWorkspace = path.join(app.dataDir, 'workspaces', 'Lakeside-Dental-Group.safeguard')
  const packFile = path.join(app.dataDir, 'evidence pack.pdf')

  // First start: who the workspace is for, then the organisation, encrypted with this computer's key, or with a
  // passphrase where it cannot keep one. Nothing is written before the form is sent.
  const first = await app.start('first-start')
  const page = first.window
  await expect(page.getByRole('heading', { name: 'Who is this Safeguard for?' })).toBeVisible({ timeout: 30_000 })
  await first.screenshot('first-screen')
  await page.getByRole('radio', { name: /My own organisation/ }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  const firstEncryption = page.getByRole('radiogroup', { name: 'Encryption' })
  const deviceChoice = firstEncryption.getByRole('radio', { name: /This computer keeps the key/ })
  const passphraseChoice = firstEncryption.getByRole('radio', { name: /A passphrase/ })
  // The choice settles once the app has asked whether this computer can keep keys.
  await expect(deviceChoice.and(page.locator(':enabled')).or(passphraseChoice.and(page.locator('[data-state="checked"]')))).toHaveCount(1)
  const keyStore: KeyStore = (await deviceChoice.isDisabled()) ? 'passphrase' : 'device'
  testInfo.annotations.push({ type: 'key store', description: keyStore })
  if (expectedKeyStore) expect(keyStore, 'how this computer keeps workspace keys').toBe(expectedKeyStore)
  expect(fs.existsSync(firstWorkspace)).toBe(false)
  if (keyStore === 'passphrase') {
    await expect(passphraseChoice).toBeChecked()
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByLabel('Passphrase again').fill(PASSPHRASE)
  } else {
    await expect(deviceChoice).toBeChecked()
  }
  await page.getByRole('button', { name: 'Create workspace' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  expectEncrypted(firstWorkspace, 'Harbor Family Practice')
  expect(fs.existsSync(path.join(app.dataDir, 'workspaces', 'Default.safeguard'))).toBe(false)

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
  await first.screenshot('new-workspace')
  await page.getByRole('button', { name: 'Create workspace' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group')
  expectEncrypted(clientWorkspace, 'Lakeside Dental Group')

  // A scanner file, picked in the open dialog. In the packaged app it is read on the worker thread bundled in the asar.
  await first.answerOpenDialog(SCAN)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Findings', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Findings', level: 1 })).toBeVisible()
  await page.getByRole('button', { name: 'Choose files…' }).click()
  const summary = page.getByLabel('Import summary for prowler-v5.ocsf.json')
  await expect(summary).toContainText('Prowler JSON-OCSF (version 5.3.0)', { timeout: 60_000 })
  await expect(summary).toContainText('4 check results from 3 checks: 1 passed, 2 failed')
  await expect(page.getByRole('table', { name: 'Imported scans' })).toContainText('prowler-v5.ocsf.json')
  await first.screenshot('scan-imported')

  // The evidence pack, saved where the save dialog says. In the packaged app its fonts and templates come from the package.
  await first.answerSaveDialog(packFile)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Documents', exact: true }).click()
  const pack = page.getByRole('region', { name: 'Evidence pack (PDF)' })
  await expect(pack.getByRole('listitem').filter({ hasText: 'Scanner results' })).toBeVisible()
  // A new workspace is not ready to send: the pack is made as a draft.
  await pack.getByRole('button', { name: /^Create (evidence pack|anyway \(marked DRAFT\))…$/ }).click()
  await expect(pack.getByRole('status')).toContainText('Evidence pack saved (', { timeout: 120_000 })
  const pdf = fs.readFileSync(packFile)
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  expect(pdf.subarray(-1024).toString('latin1')).toContain('%%EOF')
  await first.screenshot('pack-written')
  if (keyStore === 'device') {
    // The workspace keys, wrapped by the OS key store, are kept in the app's data folder.
    expect(fs.existsSync(path.join(app.dataDir, 'workspace-keys.json'))).toBe(true)
  }
  expect(first.errors).toEqual([])
  expect(first.foreignRequests).toEqual([])
  await first.quit()

  // Reopened: the last workspace opens with the key the OS key store kept (nothing to type), or asks for its passphrase.
  const second = await app.start('reopened')
  const again = second.window
  const unlock = again.getByRole('dialog', { name: 'Unlock this workspace' })
  if (keyStore === 'device') {
    await expect(again.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group', { timeout: 30_000 })
    await expect(unlock).toHaveCount(0)
  } else {
    // Start-up cannot open the last workspace without its passphrase, and asks for it.
    await expect(unlock).toBeVisible({ timeout: 30_000 })
    await expect(unlock.getByTestId('unlock-path')).toHaveText(clientWorkspace)
    await unlock.getByLabel('Passphrase or recovery key').fill(PASSPHRASE)
    await unlock.getByRole('button', { name: 'Unlock' }).click()
    await expect(unlock.getByRole('alert')).toContainText('does not open this workspace')
    await unlock.getByLabel('Passphrase or recovery key').fill(CLIENT_PASSPHRASE)
    await unlock.getByRole('button', { name: 'Unlock' }).click()
    await expect(unlock).toHaveCount(0)
    await expect(again.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group')
  }
  await again.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Findings', exact: true }).click()
  await expect(again.getByRole('table', { name: 'Imported scans' })).toContainText('prowler-v5.ocsf.json')
  await second.screenshot('reopened')
  expect(second.errors).toEqual([])
  expect(second.foreignRequests).toEqual([])
  await second.quit()
  expectEncrypted(clientWorkspace, 'Lakeside Dental Group')
  return keyStore
}
