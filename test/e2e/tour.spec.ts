import path from 'node:path'
import type { Page } from '@playwright/test'
import { localDateOf } from '../../main/shared/today'
import { createDemoWorkspace } from '../../main/demo/create-demo'
import { expect, test, type AppHarness } from './fixtures'

/**
 * A first-time user's tour: every area and its main tabs, in an empty workspace and in the demo
 * workspace, in light and dark appearance. Each screen is screenshotted (for a person to look at)
 * and checked with axe; nothing may leave the machine and nothing may log an error.
 */

/** Areas and, for those with tabs, the tabs a user would open. */
const AREAS: { name: string; tabs: (string | RegExp)[] }[] = [
  { name: 'Dashboard', tabs: [] },
  { name: 'Assessment', tabs: ['Questionnaire', 'Cloud services', 'Procurement answers', 'Review and sign-off'] },
  { name: 'Risk analysis', tabs: ['Register', 'Suggestions', 'Not yet assessed', 'Heat map', 'What changed'] },
  { name: 'Data-flow map', tabs: ['Drawing', 'Table', /^Flags \(\d+\)$/, 'Import'] },
  { name: 'Findings', tabs: ['Import and scans', 'By specification', 'Findings', 'Compare scans'] },
  { name: 'Business associates', tabs: ['Register', 'Subcontractor chain'] },
  { name: 'Incidents', tabs: [] },
  { name: 'Calendar', tabs: [] },
  { name: 'Documents', tabs: [] },
  { name: 'Settings', tabs: [] }
]

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

async function settle(page: Page): Promise<void> {
  // Areas load their data after the first paint; wait until no loading text remains.
  await page.waitForLoadState('networkidle')
  await expect(page.getByText(/^Loading/)).toHaveCount(0, { timeout: 15_000 })
}

const VIEWPORT = { width: 1280, height: 860 }

/** The content scrolls inside <main>, so a full-page shot needs a window as tall as that content. */
async function screenshotWholeContent(app: AppHarness, name: string): Promise<void> {
  const { page } = app
  const overflow = await page
    .locator('#main-content')
    .evaluate(main => main.scrollHeight - main.clientHeight)
    .catch(() => 0)
  if (overflow > 0) await page.setViewportSize({ width: VIEWPORT.width, height: Math.min(VIEWPORT.height + overflow, 12_000) })
  await app.screenshot(name)
  await page.setViewportSize(VIEWPORT)
}

async function checkScreen(app: AppHarness, name: string): Promise<void> {
  await settle(app.page)
  await screenshotWholeContent(app, name)
  expect(await app.axeViolations(), `axe on ${name}`).toEqual([])
}

async function visitEveryArea(app: AppHarness, prefix: string): Promise<void> {
  const { page } = app
  for (const area of AREAS) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: area.name, exact: true }).click()
    await expect(page.getByRole('heading', { name: area.name, level: 1 })).toBeVisible()
    if (area.tabs.length === 0) {
      await checkScreen(app, `${prefix}-${slug(area.name)}`)
      continue
    }
    for (const tab of area.tabs) {
      const trigger = typeof tab === 'string' ? page.getByRole('tab', { name: tab, exact: true }) : page.getByRole('tab', { name: tab })
      await trigger.click()
      await expect(trigger).toHaveAttribute('aria-selected', 'true')
      await checkScreen(app, `${prefix}-${slug(area.name)}-${slug(typeof tab === 'string' ? tab : tab.source)}`)
    }
  }
}

test('tour: every area of an empty workspace says what it is for and what to do next', async ({ app }) => {
  test.setTimeout(300_000)
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await checkScreen(app, 'empty-welcome')
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Harbor Family Practice')

  await visitEveryArea(app, 'empty')

  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await expect(page.getByRole('heading', { name: 'Workspaces', level: 1 })).toBeVisible()
  await checkScreen(app, 'empty-workspaces')

  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})

test('tour: the demo workspace, every area and tab, in light and dark appearance', async ({ app }) => {
  test.setTimeout(300_000)
  const { page } = app
  const demo = await createDemoWorkspace(path.join(app.dataDir, 'demo'), {
    keyProvider: app.keyProvider,
    today: localDateOf(new Date().toISOString()),
    appVersion: '0.0.0-test'
  })
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()

  // Open the demo as a user would: Switch workspace, then pick the file in the open dialog.
  app.host.openPaths.push(demo.workspacePath)
  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await page.getByRole('button', { name: 'Open a workspace file…' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Juniper Ridge Family Practice')

  await visitEveryArea(app, 'demo')

  // The details a user opens from the lists.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Business associates', exact: true }).click()
  await page.getByRole('tab', { name: 'Register', exact: true }).click()
  await settle(page)
  const firstAssociate = page.getByRole('table').first().getByRole('button').first()
  if (await firstAssociate.count()) {
    await firstAssociate.click()
    await checkScreen(app, 'demo-business-associates-detail')
  }
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Incidents', exact: true }).click()
  await settle(page)
  const firstIncident = page.getByRole('table').first().getByRole('button').first()
  if (await firstIncident.count()) {
    await firstIncident.click()
    await checkScreen(app, 'demo-incidents-detail')
  }

  // Dark appearance follows the operating system: the same screens again.
  await page.emulateMedia({ colorScheme: 'dark' })
  await visitEveryArea(app, 'dark')
  await page.getByRole('button', { name: 'Switch workspace' }).click()
  await checkScreen(app, 'dark-workspaces')

  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})
