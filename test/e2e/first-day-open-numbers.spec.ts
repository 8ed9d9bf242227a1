import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { newPassphraseKey } from '../../main/db/workspace-key'
import { createWorkspace } from '../../main/workspace/workspace-files'
import { writeProwlerLines } from '../helpers/generated-scan'
import { expect, test, type AppHarness } from './fixtures'

const PASSPHRASE = 'quiet harbour 2031'

// Each test screenshots its screens four ways, each checked with axe, on a machine shared with other work.
test.describe.configure({ timeout: 300_000 })

const VIEWS = [
  { width: 1366, height: 768, scheme: 'light' },
  { width: 1366, height: 768, scheme: 'dark' },
  { width: 1920, height: 1080, scheme: 'light' },
  { width: 1920, height: 1080, scheme: 'dark' }
] as const

/** Screenshots of the current screen at a laptop's and a desktop's size, light and dark, each checked with axe. */
async function screenshotsEveryWay(app: AppHarness, name: string): Promise<void> {
  for (const view of VIEWS) {
    await app.page.setViewportSize({ width: view.width, height: view.height })
    await app.page.emulateMedia({ colorScheme: view.scheme })
    await settle(app.page)
    expect(await app.axeViolations()).toEqual([])
    await app.screenshot(`${name}-${view.width}-${view.scheme}`)
  }
  await app.page.emulateMedia({ colorScheme: 'light' })
  await app.page.setViewportSize({ width: 1280, height: 860 })
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map(animation => animation.finished)))
}

async function welcome(app: AppHarness, name: string): Promise<void> {
  await expect(app.page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await app.page.getByLabel('Organisation name').fill(name)
  await app.page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(app.page.getByTestId('workspace-name')).toHaveText(name)
}

function scratchDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-open-numbers-'))
  test
    .info()
    .attach('scratch folder', { body: dir })
    .catch(() => undefined)
  return dir
}

test('an encrypted workspace picked on disk asks for its passphrase at once, says when it is wrong, and opens with the right one', async ({
  app
}) => {
  const { page } = app
  await welcome(app, 'Harbor Family Practice')

  // A client's workspace made on another computer, protected by a passphrase only.
  const dir = scratchDir()
  const clientFile = path.join(dir, 'Lakeside.safeguard')
  createWorkspace(
    clientFile,
    { name: 'Lakeside Dental Group', role: 'covered-entity', contactName: '', contactEmail: '', contactPhone: '', cloudProvider: 'aws' },
    { now: '2026-01-05T09:00:00.000Z', key: newPassphraseKey(PASSPHRASE) }
  ).close()

  await page.getByRole('button', { name: 'Switch workspace' }).click()
  app.host.openPaths.push(clientFile)
  await page.getByRole('button', { name: 'Open a workspace file…' }).click()

  const dialog = page.getByRole('dialog', { name: 'Unlock this workspace' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('This workspace is encrypted. Enter its passphrase or recovery key.')
  await expect(dialog.getByTestId('unlock-path')).toHaveText(clientFile)
  await expect(dialog.getByLabel('Passphrase or recovery key')).toBeFocused()
  // No error before anything was typed: neither the old message nor a red alert.
  await expect(page.getByText('not a Safeguard workspace')).toHaveCount(0)
  await expect(page.getByRole('alert')).toHaveCount(0)
  await screenshotsEveryWay(app, 'unlock-on-open')

  // The passphrase is typed straight away: focus is already in the field.
  await page.keyboard.type('not the passphrase')
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('alert')).toHaveText('That passphrase or recovery key does not open this workspace. Check it and try again.')
  await expect(page.getByRole('alert')).toHaveCount(1)
  await expect(dialog).toContainText('If this file is not a Safeguard workspace, no passphrase or key will open it.')
  await expect(page.getByText(/is an encrypted workspace \(or not a Safeguard workspace at all\)/)).toHaveCount(0)
  await screenshotsEveryWay(app, 'unlock-on-open-wrong')

  await dialog.getByLabel('Passphrase or recovery key').fill(PASSPHRASE)
  await dialog.getByRole('button', { name: 'Unlock' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByTestId('workspace-name')).toHaveText('Lakeside Dental Group')

  expect(app.pageErrors).toEqual([])
  fs.rmSync(dir, { recursive: true, force: true })
})

test('cloud services: an eligibility the source table does not give reads as uncertain, not covered, and the headers stay in view', async ({
  app
}) => {
  const { page } = app
  await welcome(app, 'Harbor Family Practice')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Assessment', exact: true }).click()
  await page.getByRole('tab', { name: 'Cloud services' }).click()

  const table = page.getByRole('table', { name: 'Cloud services' })
  const row = (name: string) => table.getByTestId('service-row').filter({ has: page.getByText(name, { exact: true }) })
  // DynamoDB is eligible only by the maintainers' knowledge (templates/assessment/cloud-services.json).
  const dynamo = row('Amazon DynamoDB').getByTestId('service-eligibility')
  await expect(dynamo).toContainText('Uncertain: verify')
  await expect(dynamo).toContainText('not in the source table')
  await expect(dynamo).not.toContainText('Covered')
  // S3 is in the source table: covered, with no doubt shown.
  const s3 = row('Amazon S3').getByTestId('service-eligibility')
  await expect(s3).toHaveText('Covered by the BAA')

  // Scrolled to the last service, the column headers are still at the top of the table's box.
  const header = table.getByRole('columnheader', { name: 'BAA eligibility' })
  const viewport = page.getByRole('region', { name: 'Cloud services' })
  await viewport.evaluate(element => {
    element.scrollIntoView({ block: 'end' })
    element.scrollTo({ top: element.scrollHeight })
  })
  await expect(table.getByTestId('service-row').last()).toBeInViewport()
  expect(await viewport.evaluate(element => element.scrollTop)).toBeGreaterThan(0)
  const headerBox = (await header.boundingBox())!
  const viewportBox = (await viewport.boundingBox())!
  expect(Math.abs(headerBox.y - viewportBox.y)).toBeLessThan(2)
  await expect(header).toBeInViewport()
  await screenshotsEveryWay(app, 'cloud-services-scrolled')
  expect(app.pageErrors).toEqual([])
})

test('counts of a thousand or more are printed with a thousands separator', async ({ app }) => {
  const { page } = app
  await welcome(app, 'Harbor Family Practice')
  const dir = scratchDir()
  const scan = writeProwlerLines(dir, 1234, 1001)

  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('button', { name: 'Findings', exact: true }).click()
  app.host.openPaths.push(scan)
  await page.getByRole('button', { name: 'Choose files…' }).click()
  const summary = page.getByLabel(`Import summary for ${path.basename(scan)}`)
  await expect(summary).toContainText(/1,234 check results from [\d,]+ checks?: 233 passed, 1,001 failed/)
  await expect(summary).toContainText('high: 1,001')
  await expect(page.getByText('1,001 failing', { exact: true })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Imported scans' }).getByRole('row').nth(1)).toContainText('1,001')
  await screenshotsEveryWay(app, 'findings-thousands')

  await page.getByRole('button', { name: 'Show findings for 164.312(a)(1)' }).click()
  await expect(page.getByText('Showing 1–', { exact: false })).toContainText('of 1,001 findings.')

  await nav.getByRole('button', { name: 'Dashboard' }).click()
  await expect(page.getByText(/1,001 failed and 233 passed/)).toBeVisible()
  await screenshotsEveryWay(app, 'dashboard-thousands')

  expect(app.pageErrors).toEqual([])
  fs.rmSync(dir, { recursive: true, force: true })
})
