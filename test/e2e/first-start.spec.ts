import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type AppHarness } from './fixtures'

// Issue 18: first start asks who the workspace is for, or whether this is a consultant's computer, before any file is
// made; no unnamed workspace is left behind; the Clients view is home for a consultant.

test.use({ firstStart: true })

/** Every file under the data folder (the lock file beside a workspace aside), as relative paths. */
function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile() && !/^\..+\.lock$/.test(entry.name))
    .map(entry => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort()
}

async function lookInBothAppearances(app: AppHarness, name: string) {
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot(name)
  await app.page.emulateMedia({ colorScheme: 'dark' })
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot(`${name}-dark`)
  await app.page.emulateMedia({ colorScheme: 'light' })
}

test('my own organisation: nothing is written until the form is sent, then a named workspace opens on the Dashboard', async ({ app }) => {
  const { page } = app
  const nav = page.getByRole('navigation', { name: 'Main' })
  await expect(page.getByRole('heading', { name: 'Who is this Safeguard for?', level: 1 })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Continue' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Open an existing workspace…' })).toBeVisible()
  await lookInBothAppearances(app, 'first-start-choice')

  // Going in and backing out leaves nothing behind.
  await page.getByRole('radio', { name: /My own organisation/ }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { name: 'Your organisation', level: 1 })).toBeFocused()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: '← Back' }).click()
  await expect(page.getByRole('heading', { name: 'Who is this Safeguard for?' })).toBeVisible()
  expect(filesIn(app.dataDir)).toEqual([])

  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByText('Business associate: handles PHI').click()
  await page.getByLabel('Primary contact').fill('Dana Reyes')
  await expect(page.getByRole('radiogroup', { name: 'Encryption' }).getByRole('radio', { name: /This computer keeps the key/ })).toBeChecked()
  await lookInBothAppearances(app, 'first-start-own-organisation')
  await page.getByRole('button', { name: 'Create workspace' }).click()

  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  // The profile was given at first start: no second "Welcome" asking for it.
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toHaveCount(0)
  await expect(nav.getByRole('button').first()).toHaveText('Dashboard')
  const files = filesIn(app.dataDir)
  expect(files.filter(file => file.endsWith('.safeguard'))).toEqual([path.join('workspaces', 'Harbor-Family-Practice.safeguard')])
  expect(JSON.parse(fs.readFileSync(path.join(app.dataDir, 'app-settings.json'), 'utf8'))).toMatchObject({ usage: 'own-organization' })

  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await expect(page.getByTestId('recent-workspace')).toHaveCount(1)
  await expect(page.getByTestId('recent-workspace')).toContainText('Harbor Family Practice')
  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})

test("a consultant's computer: the chosen folder is remembered, the first client made there, and Clients is home", async ({ app }) => {
  const { page } = app
  const nav = page.getByRole('navigation', { name: 'Main' })
  const clients = path.join(app.dataDir, 'Client workspaces')
  fs.mkdirSync(clients)

  await page.getByRole('radio', { name: /I'm a consultant/ }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(page.getByRole('heading', { name: 'Where client workspaces live', level: 1 })).toBeVisible()
  await expect(page.getByTestId('client-folder')).toHaveText(path.join(app.dataDir, 'workspaces'))
  // The folder dialog cancelled: the folder shown stays; then one chosen.
  await page.getByRole('button', { name: 'Choose another folder…' }).click()
  await expect(page.getByTestId('client-folder')).toHaveText(path.join(app.dataDir, 'workspaces'))
  app.host.directories.push(clients)
  await page.getByRole('button', { name: 'Choose another folder…' }).click()
  await expect(page.getByTestId('client-folder')).toHaveText(clients)
  await lookInBothAppearances(app, 'first-start-consultant-folder')
  // Not confirmed yet: nothing written.
  expect(fs.existsSync(path.join(app.dataDir, 'app-settings.json'))).toBe(false)

  await page.getByRole('button', { name: 'Use this folder' }).click()
  await expect(page.getByRole('heading', { name: 'Your first client', level: 1 })).toBeFocused()
  expect(JSON.parse(fs.readFileSync(path.join(app.dataDir, 'app-settings.json'), 'utf8'))).toMatchObject({
    usage: 'consultant',
    newWorkspaceFolder: clients,
    clientFolders: [clients]
  })
  await expect(page.getByRole('button', { name: 'Skip: go to the Clients view' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Lakeside Dental Group')
  await lookInBothAppearances(app, 'first-start-first-client')
  await page.getByRole('button', { name: "Create the client's workspace" }).click()

  await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group')
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible()
  await expect(nav.getByRole('button').first()).toHaveText('Clients')
  expect(fs.readdirSync(clients).filter(name => name.endsWith('.safeguard'))).toEqual(['Lakeside-Dental-Group.safeguard'])
  expect(fs.existsSync(path.join(app.dataDir, 'workspaces'))).toBe(false)
  // The next new workspace goes there too, and the Workspaces page says so.
  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await expect(page.getByTestId('new-workspace-location')).toHaveText(`In ${clients}`)

  // The next start opens the last client on the Clients view, as home.
  await app.restart()
  await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group')
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible()
  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})

test('a consultant may skip the first client: the Clients view opens with no workspace, and is home on the next start', async ({ app }) => {
  const { page } = app
  await page.getByRole('radio', { name: /I'm a consultant/ }).click()
  await page.getByRole('button', { name: 'Continue' }).click()
  await page.getByRole('button', { name: 'Use this folder' }).click()
  await page.getByRole('button', { name: 'Skip: go to the Clients view' }).click()

  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible()
  await expect(page.getByTestId('workspace-name')).toHaveText('No client open')
  await expect(page.getByRole('button', { name: 'New client…' })).toBeVisible()
  // The folder was made on confirming, so it reads as empty, not as missing.
  await expect(page.getByText('Cannot be read')).toHaveCount(0)
  expect(filesIn(app.dataDir).filter(file => file.endsWith('.safeguard'))).toEqual([])
  expect(JSON.parse(fs.readFileSync(path.join(app.dataDir, 'app-settings.json'), 'utf8'))).toMatchObject({
    usage: 'consultant',
    newWorkspaceFolder: null,
    clientFolders: [path.join(app.dataDir, 'workspaces')]
  })
  await lookInBothAppearances(app, 'clients-without-workspace')

  await app.restart()
  await expect(page.getByRole('heading', { name: 'Clients', level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Who is this Safeguard for?' })).toHaveCount(0)
  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})
