import { expect, test } from './fixtures'

test('make a backup in Settings, change something, and go back to the backup', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
  const rows = page.getByTestId('backup-row')
  // Opening the workspace already made no backup: the daily one belongs to the desktop shell.
  await page.getByRole('button', { name: 'Back up now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Backup made' })).toBeVisible()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('Made by you')

  await page.getByLabel('Organisation name').fill('Renamed By Mistake')
  await page.getByRole('button', { name: 'Save organisation' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Renamed By Mistake')

  await rows.first().getByRole('button', { name: 'Restore…' }).click()
  await expect(page.getByRole('alertdialog')).toContainText('Everything recorded since then is replaced by the backup')
  expect(await app.axeViolations()).toEqual([])
  await page.getByRole('button', { name: 'Restore this backup' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')
  await expect(page.getByText('The previous state was kept as a backup.')).toBeVisible()
  await expect(rows).toHaveCount(2)
  await expect(page.getByTestId('backup-row').filter({ hasText: 'Before a restore' })).toHaveCount(1)
  expect(await app.axeViolations()).toEqual([])
  await page.getByRole('heading', { name: 'Backups' }).scrollIntoViewIfNeeded()
  await app.screenshot('settings-backups')

  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})
