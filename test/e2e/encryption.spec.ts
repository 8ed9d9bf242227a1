import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'

const PASSPHRASE = 'lighthouse ledger 42'

/** The workspace file and its write-ahead log, as an attacker with the laptop would read them. */
function bytesOnDisk(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(part => fs.existsSync(part)).map(part => fs.readFileSync(part)))
}

test('encrypt a workspace with a passphrase in Settings, then unlock it after a restart', async ({ app }) => {
  const { page } = app
  const nav = page.getByRole('navigation', { name: 'Main' })

  // The default workspace stays unencrypted; a second one, for a client, gets encrypted.
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')
  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await page.getByLabel('Organisation name').fill('Lakeside Dental Group')
  await page.getByRole('button', { name: 'Create workspace' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group')
  const lakeside = path.join(app.dataDir, 'workspaces', 'Lakeside-Dental-Group.safeguard')
  expect(bytesOnDisk(lakeside).subarray(0, 15).toString('latin1')).toBe('SQLite format 3')

  await nav.getByRole('button', { name: 'Settings' }).click()
  const card = page.getByTestId('protection-card')
  await expect(card.getByText('Not encrypted', { exact: true })).toBeVisible()
  await expect(card.getByTestId('protection-status')).toContainText('This workspace is not encrypted')
  // No device key store in the harness: a passphrase is the only way, and nothing offers to remember it.
  await expect(card.getByText('This computer cannot keep a key safely')).toBeVisible()
  await expect(card.getByRole('button', { name: "Encrypt with this device's key" })).toHaveCount(0)
  await expect(card.getByLabel('Remember on this device')).toHaveCount(0)
  await card.getByRole('heading', { name: 'Protection' }).scrollIntoViewIfNeeded()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('protection-unencrypted')

  // Too short, then two different passphrases: each refused with a message at its field, nothing encrypted.
  await card.getByLabel('Passphrase', { exact: true }).fill('short')
  await card.getByLabel('Passphrase again').fill('short')
  await card.getByRole('button', { name: 'Encrypt with a passphrase' }).click()
  await expect(card.getByText('Use at least 8 characters.')).toBeVisible()
  await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
  await card.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`)
  await card.getByRole('button', { name: 'Encrypt with a passphrase' }).click()
  await expect(card.getByText('The two passphrases are not the same.')).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  expect(bytesOnDisk(lakeside).subarray(0, 15).toString('latin1')).toBe('SQLite format 3')

  await card.getByLabel('Passphrase again').fill(PASSPHRASE)
  await card.getByRole('button', { name: 'Encrypt with a passphrase' }).click()
  await expect(card.getByText('Encrypted', { exact: true })).toBeVisible()
  await expect(card.getByTestId('protection-status')).toContainText('Encrypted with a passphrase')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('protection-encrypted')

  // On disk: no SQLite header and no organisation name in the file or its log.
  const encrypted = bytesOnDisk(lakeside)
  expect(encrypted.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
  expect(encrypted.includes('Lakeside Dental Group')).toBe(false)
  // The workspace is still usable in this session.
  await page.getByLabel('Organisation name').fill('Lakeside Dental Group LLC')
  await page.getByRole('button', { name: 'Save organisation' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group LLC')
  expect(bytesOnDisk(lakeside).includes('Lakeside Dental Group')).toBe(false)

  // After a restart the last workspace cannot be opened without its passphrase: startup falls back to the default one.
  await app.restart()
  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')

  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await page.getByRole('button', { name: 'Open Lakeside Dental Group LLC' }).click()
  const dialog = page.getByRole('dialog', { name: 'Unlock this workspace' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('unlock-path')).toHaveText(lakeside)
  await expect(dialog.getByLabel('Remember on this device')).toHaveCount(0)
  // Let the dialog's fade-in end: mid-animation colours are not the ones a user reads.
  await page.evaluate(() => Promise.all(document.getAnimations().map(animation => animation.finished)))
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('unlock-dialog')

  await dialog.getByLabel('Passphrase').fill('not the passphrase')
  await dialog.getByRole('button', { name: 'Unlock' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('That passphrase does not open this workspace. Check it and try again.')
  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('unlock-wrong-passphrase')

  await dialog.getByLabel('Passphrase').fill(PASSPHRASE)
  await dialog.getByRole('button', { name: 'Unlock' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group LLC')
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await nav.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByTestId('protection-status')).toContainText('Encrypted with a passphrase')

  // A file picked on disk that needs a key: the error says so and offers the passphrase.
  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await page.getByRole('button', { name: 'Open Harbor Family Practice' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')
  app.host.openPaths.push(lakeside)
  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await page.getByRole('button', { name: 'Open a workspace file…' }).click()
  await expect(page.getByRole('alert')).toContainText('is not a Safeguard workspace, or it is an encrypted one')
  await page.getByRole('button', { name: 'It is encrypted: enter its passphrase…' }).click()
  await expect(dialog.getByTestId('unlock-path')).toHaveText(lakeside)
  await dialog.getByLabel('Passphrase').fill(PASSPHRASE)
  await dialog.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group LLC')

  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})

test('when the workspace to open on start is encrypted, the app asks for its passphrase instead of stopping', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Solo Counselling Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Solo Counselling Practice')

  // The only workspace, the default one, gets a passphrase.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
  const card = page.getByTestId('protection-card')
  await card.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
  await card.getByLabel('Passphrase again').fill(PASSPHRASE)
  await card.getByRole('button', { name: 'Encrypt with a passphrase' }).click()
  await expect(card.getByText('Encrypted', { exact: true })).toBeVisible()

  await app.restart()
  await expect(page.getByText('This workspace is encrypted. Enter its passphrase to open it.')).toBeVisible()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Passphrase').fill('not the passphrase')
  await dialog.getByRole('button', { name: 'Unlock' }).click()
  await expect(dialog.getByText('That passphrase does not open this workspace.')).toBeVisible()
  await dialog.getByLabel('Passphrase').fill(PASSPHRASE)
  await dialog.getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Solo Counselling Practice')
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})
