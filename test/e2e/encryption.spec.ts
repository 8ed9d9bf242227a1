import fs from 'node:fs'
import path from 'node:path'
import { createWorkspace } from '../../main/workspace/workspace-files'
import { expect, test } from './fixtures'

const PASSPHRASE = 'lighthouse ledger 42'

/** The workspace file and its write-ahead log, as an attacker with the laptop would read them. */
function bytesOnDisk(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(part => fs.existsSync(part)).map(part => fs.readFileSync(part)))
}

const DEFAULT_PASSPHRASE = 'harbour lights 1987'
const NEW_PASSPHRASE = 'second lighthouse 2027'

test.describe('on a computer that cannot keep keys (Linux without a keyring)', () => {
  test.use({ deviceKeyStore: false })

  test('the first workspace waits for a passphrase, new ones take one, and both unlock after a restart', async ({ app }) => {
    const { page } = app
    const nav = page.getByRole('navigation', { name: 'Main' })
    const harbor = path.join(app.dataDir, 'workspaces', 'Harbor-Family-Practice.safeguard')

    // First start: nothing is written until the workspace's passphrase is chosen.
    await expect(page.getByRole('heading', { name: 'Who is this Safeguard for?' })).toBeVisible()
    await page.getByRole('radio', { name: /My own organisation/ }).click()
    await page.getByRole('button', { name: 'Continue' }).click()
    await page.getByLabel('Organisation name').fill('Harbor Family Practice')
    await expect(page.getByRole('radiogroup', { name: 'Encryption' }).getByRole('radio', { name: /A passphrase/ })).toBeChecked()
    await expect(page.getByText('This computer cannot keep a key safely')).toContainText('basic_text')
    await page.getByLabel('Passphrase', { exact: true }).fill('short')
    await page.getByLabel('Passphrase again').fill('short')
    await page.getByRole('button', { name: 'Create workspace' }).click()
    await expect(page.getByText('Use at least 8 characters.')).toBeVisible()
    expect(fs.existsSync(path.join(app.dataDir, 'workspaces'))).toBe(false)
    expect(await app.axeViolations()).toEqual([])
    await app.screenshot('first-start-passphrase')
    await page.getByLabel('Passphrase', { exact: true }).fill(DEFAULT_PASSPHRASE)
    await page.getByLabel('Passphrase again').fill(DEFAULT_PASSPHRASE)
    await page.getByRole('button', { name: 'Create workspace' }).click()

    await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')
    await expect(page.getByTestId('protection-reminder')).toHaveCount(0)
    expect(bytesOnDisk(harbor).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    expect(bytesOnDisk(harbor).includes('Harbor Family Practice')).toBe(false)

    // A second workspace, for a client: the passphrase is asked for in the form, as no key store can keep a key.
    await page.getByRole('button', { name: 'Switch workspace' }).click()
    await page.getByLabel('Organisation name').fill('Lakeside Dental Group')
    const encryption = page.getByRole('radiogroup', { name: 'Encryption' })
    await expect(encryption.getByRole('radio', { name: /This computer keeps the key/ })).toBeDisabled()
    await expect(encryption.getByRole('radio', { name: /A passphrase/ })).toBeChecked()
    await expect(page.getByText('This computer cannot keep a key safely')).toBeVisible()
    await expect(page.getByLabel('Remember on this device')).toHaveCount(0)
    const lakeside = path.join(app.dataDir, 'workspaces', 'Lakeside-Dental-Group.safeguard')

    // Two different passphrases: refused at the field, no file made.
    await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await page.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`)
    await page.getByRole('button', { name: 'Create workspace' }).click()
    await expect(page.getByText('The two passphrases are not the same.')).toBeVisible()
    expect(fs.existsSync(lakeside)).toBe(false)
    expect(await app.axeViolations()).toEqual([])
    await app.screenshot('new-workspace-passphrase')

    await page.getByLabel('Passphrase again').fill(PASSPHRASE)
    await page.getByRole('button', { name: 'Create workspace' }).click()
    await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group')
    const encrypted = bytesOnDisk(lakeside)
    expect(encrypted.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    expect(encrypted.includes('Lakeside Dental Group')).toBe(false)

    await nav.getByRole('button', { name: 'Settings' }).click()
    const card = page.getByTestId('protection-card')
    await expect(card.getByText('Encrypted', { exact: true })).toBeVisible()
    await expect(card.getByTestId('protection-status')).toContainText('Encrypted with a passphrase')
    await expect(card.getByRole('heading', { name: 'Change the passphrase' })).toBeVisible()
    await expect(card.getByRole('button', { name: "Use this computer's key" })).toHaveCount(0)
    await card.getByRole('heading', { name: 'Protection' }).scrollIntoViewIfNeeded()
    expect(await app.axeViolations()).toEqual([])
    await app.screenshot('protection-encrypted')

    // The client's passphrase is changed: the old one stops working (checked after the restart below).
    await card.getByLabel('New passphrase', { exact: true }).fill(NEW_PASSPHRASE)
    await card.getByLabel('New passphrase again').fill(NEW_PASSPHRASE)
    await card.getByRole('button', { name: 'Change the passphrase' }).click()
    await expect(card.getByRole('status')).toHaveText('Done: the workspace and its backups now open with the new passphrase.')
    expect(await app.axeViolations()).toEqual([])

    // The workspace is still usable in this session.
    await page.getByLabel('Organisation name').fill('Lakeside Dental Group LLC')
    await page.getByRole('button', { name: 'Save organisation' }).click()
    await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group LLC')
    expect(bytesOnDisk(lakeside).includes('Lakeside Dental Group')).toBe(false)

    // After a restart nothing opens without its passphrase: start-up asks for the last workspace's.
    await app.restart()
    await expect(page.getByText('This workspace is encrypted. Enter its passphrase or recovery key to open it.')).toBeVisible()
    const dialog = page.getByRole('dialog', { name: 'Unlock this workspace' })
    await expect(dialog.getByTestId('unlock-path')).toHaveText(lakeside)
    await expect(dialog.getByLabel('Remember on this device')).toHaveCount(0)
    await page.evaluate(() => Promise.all(document.getAnimations().map(animation => animation.finished)))
    expect(await app.axeViolations()).toEqual([])
    await app.screenshot('unlock-dialog')
    await dialog.getByLabel('Passphrase or recovery key').fill('not the passphrase')
    await dialog.getByRole('button', { name: 'Unlock' }).click()
    await expect(dialog.getByRole('alert')).toHaveText('That passphrase or recovery key does not open this workspace. Check it and try again.')
    expect(await app.axeViolations()).toEqual([])
    await app.screenshot('unlock-wrong-passphrase')
    await dialog.getByLabel('Passphrase or recovery key').fill(PASSPHRASE)
    await dialog.getByRole('button', { name: 'Unlock' }).click()
    await expect(dialog.getByRole('alert')).toContainText('does not open this workspace')
    await dialog.getByLabel('Passphrase or recovery key').fill(NEW_PASSPHRASE)
    await dialog.getByRole('button', { name: 'Unlock' }).click()
    await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group LLC')

    // The first workspace, from the recent list.
    await page.getByRole('button', { name: 'Switch workspace' }).click()
    await page.getByRole('button', { name: 'Open Harbor Family Practice' }).click()
    await expect(dialog.getByTestId('unlock-path')).toHaveText(harbor)
    await dialog.getByLabel('Passphrase or recovery key').fill(DEFAULT_PASSPHRASE)
    await dialog.getByRole('button', { name: 'Unlock' }).click()
    await expect(dialog).toHaveCount(0)
    await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')

    expect(app.foreignRequests).toEqual([])
    expect(app.pageErrors).toEqual([])
  })

  test('an older, unencrypted workspace is flagged on the dashboard and encrypted with a passphrase in Settings', async ({ app }) => {
    const { page } = app
    // Made by an earlier Safeguard, or `safeguard init --unencrypted`.
    const older = path.join(app.dataDir, 'older.safeguard')
    createWorkspace(
      older,
      { name: 'Solo Counselling Practice', role: 'covered-entity', contactName: '', contactEmail: '', contactPhone: '', cloudProvider: 'aws' },
      { now: '2025-01-01T00:00:00.000Z', key: null }
    ).close()

    // First start offers to open a workspace that already exists.
    app.host.openPaths.push(older)
    await page.getByRole('button', { name: 'Open an existing workspace…' }).click()
    await expect(page.getByTestId('workspace-name')).toHaveText('Solo Counselling Practice')

    const reminder = page.getByTestId('protection-reminder')
    await expect(reminder).toContainText('This workspace is not encrypted')
    await expect(reminder).toContainText('encrypt it with a passphrase in Settings')
    expect(await app.axeViolations()).toEqual([])
    await app.screenshot('dashboard-not-encrypted')
    await reminder.getByRole('button', { name: 'Open Settings' }).click()

    const card = page.getByTestId('protection-card')
    await expect(card.getByText('Not encrypted', { exact: true })).toBeVisible()
    await expect(card.getByText('This computer cannot keep a key safely')).toBeVisible()
    await expect(card.getByRole('button', { name: "Encrypt with this device's key" })).toHaveCount(0)
    await card.getByLabel('Passphrase', { exact: true }).fill('short')
    await card.getByLabel('Passphrase again').fill('short')
    await card.getByRole('button', { name: 'Encrypt with a passphrase' }).click()
    await expect(card.getByText('Use at least 8 characters.')).toBeVisible()
    expect(bytesOnDisk(older).subarray(0, 15).toString('latin1')).toBe('SQLite format 3')
    expect(await app.axeViolations()).toEqual([])
    await app.screenshot('protection-unencrypted')

    await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await card.getByLabel('Passphrase again').fill(PASSPHRASE)
    await card.getByRole('button', { name: 'Encrypt with a passphrase' }).click()
    await expect(card.getByTestId('protection-status')).toContainText('Encrypted with a passphrase')
    expect(bytesOnDisk(older).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    expect(bytesOnDisk(older).includes('Solo Counselling Practice')).toBe(false)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard' }).click()
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
    await expect(reminder).toHaveCount(0)
    expect(app.foreignRequests).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})

test.describe('on a computer whose key store can keep keys', () => {
  test('every workspace is encrypted with a device key; its recovery key is saved, and opens it once the key store is lost', async ({ app }) => {
    const { page } = app
    const nav = page.getByRole('navigation', { name: 'Main' })
    const defaultWorkspace = path.join(app.dataDir, 'workspaces', 'Default.safeguard')

    await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
    expect(bytesOnDisk(defaultWorkspace).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    await page.getByLabel('Organisation name').fill('Northside Physio')
    await page.getByRole('button', { name: 'Save and continue' }).click()
    await expect(page.getByTestId('workspace-name')).toHaveText('Northside Physio')
    expect(bytesOnDisk(defaultWorkspace).includes('Northside Physio')).toBe(false)

    // The dashboard asks for the recovery key to be kept.
    const reminder = page.getByTestId('protection-reminder')
    await expect(reminder).toContainText('Save its recovery key now')
    await reminder.getByRole('button', { name: 'Show the recovery key' }).click()
    const dialog = page.getByRole('dialog', { name: 'Recovery key' })
    const shown = dialog.getByTestId('recovery-key')
    await expect(shown).toHaveText(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/)
    const recoveryKey = (await shown.textContent())!
    await page.evaluate(() => Promise.all(document.getAnimations().map(animation => animation.finished)))
    expect(await app.axeViolations()).toEqual([])
    await app.screenshot('recovery-key-dialog')

    const keyFile = path.join(app.dataDir, 'northside recovery key.txt')
    app.host.savePaths.push(keyFile)
    await dialog.getByRole('button', { name: 'Save to a file…' }).click()
    await expect(dialog.getByRole('status')).toHaveText(`Saved to ${keyFile}.`)
    expect(fs.readFileSync(keyFile, 'utf8')).toContain(recoveryKey)
    await dialog.getByRole('button', { name: 'Close' }).click()
    await expect(reminder).toHaveCount(0)

    await nav.getByRole('button', { name: 'Settings' }).click()
    const card = page.getByTestId('protection-card')
    await expect(card.getByTestId('protection-status')).toContainText("Encrypted with a key kept by this computer's secure key store")
    await expect(card.getByText('Saved', { exact: true })).toBeVisible()
    expect(await app.axeViolations()).toEqual([])
    await app.screenshot('protection-device-key')

    // The computer is reset: its key store is gone. The recovery key opens the workspace, and may be kept again.
    fs.rmSync(path.join(app.dataDir, 'workspace-keys.json'))
    await app.restart()
    await expect(page.getByText('This workspace is encrypted. Enter its passphrase or recovery key to open it.')).toBeVisible()
    const unlock = page.getByRole('dialog', { name: 'Unlock this workspace' })
    await unlock.getByLabel('Passphrase or recovery key').fill(recoveryKey.toLowerCase().replaceAll('-', ' '))
    await unlock.getByLabel('Remember on this device').click()
    await unlock.getByRole('button', { name: 'Unlock' }).click()
    await expect(page.getByTestId('workspace-name')).toHaveText('Northside Physio')
    await expect(page.getByTestId('protection-reminder')).toHaveCount(0)
    await app.restart()
    await expect(page.getByTestId('workspace-name')).toHaveText('Northside Physio')

    // To take it to another computer: a passphrase instead of this computer's key.
    await nav.getByRole('button', { name: 'Settings' }).click()
    await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await card.getByLabel('Passphrase again').fill(PASSPHRASE)
    await card.getByRole('button', { name: 'Use this passphrase' }).click()
    await expect(card.getByTestId('protection-status')).toContainText('Encrypted with a passphrase')
    await app.restart()
    await expect(page.getByText('This workspace is encrypted. Enter its passphrase or recovery key to open it.')).toBeVisible()
    await unlock.getByLabel('Passphrase or recovery key').fill(recoveryKey)
    await unlock.getByRole('button', { name: 'Unlock' }).click()
    await expect(unlock.getByRole('alert')).toContainText('does not open this workspace')
    await unlock.getByLabel('Passphrase or recovery key').fill(PASSPHRASE)
    await unlock.getByRole('button', { name: 'Unlock' }).click()
    await expect(page.getByTestId('workspace-name')).toHaveText('Northside Physio')

    expect(app.foreignRequests).toEqual([])
    expect(app.pageErrors).toEqual([])
  })
})
