import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type AppHarness } from './fixtures'

// Issue 18, follow-up: Settings → "This computer" changes first start's choice. One organisation becomes a consultant's
// computer with a chosen folder; the navigation and home follow at once, and the open workspace stays where it is.

test.use({ firstStart: true })

async function lookInBothAppearances(app: AppHarness, name: string) {
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot(name)
  await app.page.emulateMedia({ colorScheme: 'dark' })
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot(`${name}-dark`)
  await app.page.emulateMedia({ colorScheme: 'light' })
}

test("one organisation switches to a consultant's computer in Settings: Clients becomes home without a restart", async ({ app }) => {
  const { page } = app
  const nav = page.getByRole('navigation', { name: 'Main' })
  const clients = path.join(app.dataDir, 'Client workspaces')
  fs.mkdirSync(clients)

  await page.getByRole('radio', { name: /My own organisation/ }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Create workspace' }).click()
  await expect(nav.getByRole('button').first()).toHaveText('Dashboard')
  const workspaceFile = path.join(app.dataDir, 'workspaces', 'Harbor-Family-Practice.safeguard')

  await nav.getByRole('button', { name: 'Settings' }).click()
  const card = page.getByRole('heading', { name: 'This computer', level: 2 }).locator('xpath=ancestor::div[contains(@class, "rt-Card")][1]')
  await expect(card.getByTestId('computer-usage')).toHaveText('One organisation')
  await expect(card.getByTestId('computer-home')).toHaveText('Dashboard')
  await expect(card.getByRole('button', { name: 'Save' })).toBeDisabled()

  await card.getByRole('radio', { name: /A consultant's clients/ }).click()
  await expect(card.getByTestId('computer-chosen-folder')).toHaveText(path.join(app.dataDir, 'workspaces'))
  app.host.directories.push(clients)
  await card.getByRole('button', { name: 'Change folder…' }).click()
  await expect(card.getByTestId('computer-chosen-folder')).toHaveText(clients)
  // Not saved yet: the settings still say one organisation.
  expect(JSON.parse(fs.readFileSync(path.join(app.dataDir, 'app-settings.json'), 'utf8'))).toMatchObject({ usage: 'own-organization' })
  await card.scrollIntoViewIfNeeded()
  await lookInBothAppearances(app, 'settings-usage-choosing')

  await card.getByRole('button', { name: 'Save' }).click()
  await expect(card.getByRole('status')).toHaveText('Saved. The home page is now Clients.')
  await expect(card.getByTestId('computer-usage')).toHaveText("A consultant's computer")
  await expect(card.getByTestId('computer-workspace-folder')).toHaveText(clients)
  await expect(nav.getByRole('button').first()).toHaveText('Clients')
  expect(JSON.parse(fs.readFileSync(path.join(app.dataDir, 'app-settings.json'), 'utf8'))).toMatchObject({
    usage: 'consultant',
    newWorkspaceFolder: clients,
    clientFolders: [clients]
  })
  // No workspace moved: the open one is where it was, and still open.
  expect(fs.existsSync(workspaceFile)).toBe(true)
  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')
  await lookInBothAppearances(app, 'settings-usage-consultant')

  // Another folder later: the first stays listed in Clients, and the card says its workspaces stay there.
  const moreClients = path.join(app.dataDir, 'More clients')
  fs.mkdirSync(moreClients)
  app.host.directories.push(moreClients)
  await card.getByRole('button', { name: 'Change folder…' }).click()
  await expect(card.getByText(`Workspaces already in ${clients} stay there and stay listed in Clients.`)).toBeVisible()
  await card.getByRole('button', { name: 'Save' }).click()
  await expect(card.getByTestId('computer-workspace-folder')).toHaveText(moreClients)
  await expect(card.getByTestId('computer-other-folders')).toHaveText(clients)
  expect(JSON.parse(fs.readFileSync(path.join(app.dataDir, 'app-settings.json'), 'utf8'))).toMatchObject({
    newWorkspaceFolder: moreClients,
    clientFolders: [clients, moreClients]
  })

  await nav.getByRole('button', { name: 'Clients' }).click()
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible()
  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})
