import fs from 'node:fs'
import path from 'node:path'
import { acquireWorkspaceLock, type WorkspaceLock } from '../../main/db/workspace-lock'
import { expect, test } from './fixtures'

test('first start opens a default workspace, then workspaces are created, listed and reopened after a restart', async ({ app }) => {
  const { page } = app

  // First start: the default workspace in the data folder, asking who it is for.
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  expect(fs.existsSync(path.join(app.dataDir, 'workspaces', 'Default.safeguard'))).toBe(true)
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('welcome')

  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByLabel('Primary contact').fill('Dana Reyes')
  await page.getByLabel('Contact email').fill('not-an-email')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByText('Enter a valid email address')).toBeVisible()
  await page.getByLabel('Contact email').fill('security@harbor.example')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('dashboard')

  // Every area of the navigation is reachable and says what will appear there.
  for (const area of ['Assessment', 'Findings', 'Business associates', 'Incidents', 'Calendar', 'Documents', 'Settings']) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: area, exact: true }).click()
    await expect(page.getByRole('heading', { name: area, level: 1 })).toBeVisible()
  }

  // A second workspace for another client.
  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await expect(page.getByRole('heading', { name: 'Workspaces', level: 1 })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Lakeside Dental Group')
  await page.getByText('Business associate: handles PHI').click()
  await page.getByRole('button', { name: 'Create workspace' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group')
  expect(fs.existsSync(path.join(app.dataDir, 'workspaces', 'Lakeside-Dental-Group.safeguard'))).toBe(true)

  await page.getByRole('button', { name: 'Switch workspace' }).click()
  const rows = page.getByTestId('recent-workspace')
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toContainText('Lakeside Dental Group')
  await expect(rows.nth(1)).toContainText('Harbor Family Practice')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('workspaces')

  // Restart the backend: the last workspace opens again, with the list intact.
  await app.restart()
  await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group')
  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await expect(page.getByTestId('recent-workspace')).toHaveCount(2)
  await page.getByRole('button', { name: 'Open Harbor Family Practice' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')

  // Opening from disk goes through the host's dialog.
  app.host.openPaths.push(path.join(app.dataDir, 'workspaces', 'Lakeside-Dental-Group.safeguard'))
  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await page.getByRole('button', { name: 'Open a workspace file…' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group')

  // The Select (a popover with scroll locking) works under the strict CSP.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click()
  await page.getByLabel('Where it runs').click()
  await page.getByRole('option', { name: 'Google Cloud' }).click()
  await page.getByRole('button', { name: 'Save organisation' }).click()
  await expect(page.getByRole('status')).toHaveText('Saved.')
  expect(await app.axeViolations()).toEqual([])

  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})

test('a file that is not a workspace is refused with a clear message and the current workspace stays open', async ({ app }) => {
  const { page } = app
  const bogus = path.join(app.dataDir, 'notes.safeguard')
  fs.writeFileSync(bogus, 'these are not the droids')
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  app.host.openPaths.push(bogus)
  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await page.getByRole('button', { name: 'Open a workspace file…' }).click()
  // Text, not whole encrypted pages: refused at once, with no passphrase prompt that no key could satisfy.
  await expect(page.getByRole('alert')).toContainText('is not a Safeguard workspace')
  await expect(page.getByRole('dialog', { name: 'Unlock this workspace' })).toHaveCount(0)
  await expect(page.getByTestId('workspace-name')).toHaveText('My organisation')
  expect(fs.readFileSync(bogus, 'utf8')).toBe('these are not the droids')
  expect(app.foreignRequests).toEqual([])
})

test('at start, a workspace another program holds is named as in use, and opens once that program lets it go', async ({ app }) => {
  const { page } = app
  await expect(page.getByTestId('workspace-name')).toHaveText('My organisation')
  const defaultWorkspace = path.join(app.dataDir, 'workspaces', 'Default.safeguard')
  expect(fs.existsSync(defaultWorkspace)).toBe(true)
  // The command line (another program, here played by a lock taken in the test) holds it while the app restarts.
  let lock: WorkspaceLock | null = null
  await app.restart({
    beforeReload: () => {
      lock = acquireWorkspaceLock(defaultWorkspace, { program: 'the safeguard command' })
    }
  })
  const alert = page.getByRole('alert')
  await expect(alert).toContainText('is in use by the safeguard command')
  await expect(alert).toContainText('Close it there, then try again.')
  await app.screenshot('startup-workspace-in-use')
  expect(await app.axeViolations()).toEqual([])
  lock!.release()
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('My organisation')
})
