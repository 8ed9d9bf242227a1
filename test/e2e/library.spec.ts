import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, test, type AppHarness } from './fixtures'
import { describeOrganisation, openArea } from './steps'

// Issue 18: a practice library made in the app, an answer note pushed from one client, applied to a new client, recorded there.

const NOTE = 'Ask for the MDM enrolment export; it lists every device that reaches the records.'

/** Calls the API as the window does, for the note the test needs but does not test typing in. */
async function call<T>(page: Page, name: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ([n, i]) => {
      const bridge = (window as unknown as { safeguard: { calls: Record<string, (input: unknown, callId: string) => Promise<unknown>> } }).safeguard
      return bridge.calls[n as string]!(i, `seed-${Math.random()}`)
    },
    [name, input] as const
  )
  const result = envelope as { ok: boolean; value?: T; error?: { message: string } }
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`)
  return result.value as T
}

async function shoot(app: AppHarness, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme })
    expect(await app.axeViolations()).toEqual([])
    await app.screenshot(`${name}-${scheme}`)
  }
  await app.page.emulateMedia({ colorScheme: 'light' })
}

test('create a library, push an answer note from one client, apply it to a new client', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  await describeOrganisation(app)
  const catalog = await call<{ questions: { id: string }[] }>(page, 'assessment.catalog', {})
  const questionId = catalog.questions[0]!.id
  await call(page, 'assessment.setAnswer', { questionId, notes: NOTE })

  await openArea(app, 'Practice library')
  await expect(page.getByText('No practice library yet.')).toBeVisible()
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-e2e-library-'))
  const libraryFile = path.join(folder, 'Harbor Consulting.sglibrary')
  app.host.savePaths.push(libraryFile)
  await page.getByRole('button', { name: 'Create a library…' }).click()
  const create = page.getByRole('dialog', { name: 'Create a practice library' })
  await create.getByLabel('Library name').fill('Harbor Consulting')
  await create.getByRole('button', { name: 'Choose where to save…' }).click()
  await expect(page.getByRole('heading', { name: 'Harbor Consulting', level: 2 })).toBeVisible()
  expect(fs.existsSync(libraryFile)).toBe(true)
  // Encrypted from its first page: no SQLite header in clear.
  expect(fs.readFileSync(libraryFile).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')

  // Push: the preview lists the note, picked with its labelled checkbox by keyboard.
  await page.getByRole('button', { name: 'Push from this workspace…' }).click()
  const push = page.getByRole('dialog', { name: 'Push from this workspace' })
  const noteBox = push.getByRole('group', { name: 'Answer notes' }).getByRole('checkbox', { name: new RegExp(`^${questionId}`) })
  await expect(noteBox).toBeVisible()
  await noteBox.focus()
  await page.keyboard.press('Space')
  await expect(noteBox).toBeChecked()
  await shoot(app, 'library-push')
  await push.getByRole('button', { name: 'Push 1 item' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Pushed 1 item to the library.' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Answer notes' })).toContainText(NOTE)
  await expect(page.getByRole('table', { name: 'Library history of this workspace' })).toContainText('Pushed to the library')
  await shoot(app, 'library-items')

  // A better wording pushed again replaces the library's text, which keeps the first one.
  await call(page, 'assessment.setAnswer', { questionId, notes: `${NOTE} Check it quarterly.` })
  await page.getByRole('button', { name: 'Push from this workspace…' }).click()
  await expect(push.getByText('Newer than the library')).toBeVisible()
  await noteBox.click()
  await push.getByRole('button', { name: 'Push 1 item' }).click()
  await page.getByRole('button', { name: /^1 earlier versions of/ }).click()
  const earlier = page.getByRole('dialog', { name: /^Earlier versions of/ })
  await expect(earlier.getByRole('table', { name: 'Earlier versions' })).toContainText(NOTE)
  await expect(earlier.getByRole('row')).toHaveCount(3)
  expect(await app.axeViolations()).toEqual([])
  await earlier.getByRole('button', { name: 'Close' }).click()

  // The library moved away between listing and applying: the client is still made, and the dialog says what was not applied.
  await openArea(app, 'Clients')
  await page.getByRole('button', { name: 'New client…' }).click()
  const firstTry = page.getByRole('dialog', { name: 'New client' })
  await expect(firstTry.getByRole('checkbox', { name: new RegExp(`^${questionId}`) })).toBeChecked()
  await firstTry.getByLabel('Organisation name').fill('Seaside Clinic')
  fs.renameSync(libraryFile, `${libraryFile}.away`)
  app.host.savePaths.push(path.join(folder, 'seaside.safeguard'))
  await firstTry.getByRole('button', { name: 'Choose where to save and create…' }).click()
  await expect(firstTry.getByRole('alert')).toContainText('One library item was not applied to it. You can apply it from the Practice library page.')
  await expect(firstTry.getByRole('list', { name: 'Not applied from the library' })).toContainText(
    `${questionId}: Do you have a written security programme`
  )
  await expect(firstTry.getByRole('list', { name: 'Not applied from the library' })).toContainText('No practice library at')
  await shoot(app, 'library-new-client-not-applied')
  fs.renameSync(`${libraryFile}.away`, libraryFile)
  await firstTry.getByRole('button', { name: 'Open the client' }).click()
  await expect(page.getByTestId('workspace-name')).toHaveText('Seaside Clinic')

  // A new client made with "New client…" starts from the library: everything picked at first, applied once it is made.
  await openArea(app, 'Clients')
  await page.getByRole('button', { name: 'New client…' }).click()
  const newClient = page.getByRole('dialog', { name: 'New client' })
  const start = newClient.getByRole('group', { name: 'Start from the practice library' })
  const startBox = start.getByRole('group', { name: 'Answer notes' }).getByRole('checkbox', { name: new RegExp(`^${questionId}`) })
  await expect(startBox).toBeChecked()
  await start.getByRole('button', { name: 'None', exact: true }).click()
  await expect(startBox).not.toBeChecked()
  await expect(start.getByText('From “Harbor Consulting”: 0 of 1 item picked')).toBeVisible()
  await start.getByRole('button', { name: 'All', exact: true }).click()
  await expect(startBox).toBeChecked()
  await newClient.getByLabel('Organisation name').fill('Bayside Dental')
  await startBox.scrollIntoViewIfNeeded()
  await shoot(app, 'library-new-client')
  app.host.savePaths.push(path.join(folder, 'bayside.safeguard'))
  await newClient.getByRole('button', { name: 'Choose where to save and create…' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await expect(page.getByTestId('workspace-name')).toHaveText('Bayside Dental')

  // The note is on the question, and the application is in the workspace's library history.
  await openArea(app, 'Assessment')
  await page
    .getByRole('navigation', { name: 'Safeguard families' })
    .getByRole('button', { name: /^Administrative/ })
    .click()
  await expect(page.locator(`[data-question-id="${questionId}"]`).getByLabel('Notes')).toHaveValue(`${NOTE} Check it quarterly.`)
  await openArea(app, 'Practice library')
  await expect(page.getByRole('table', { name: 'Library history of this workspace' })).toContainText('Applied from the library')
  await page.getByRole('button', { name: 'Apply to this workspace…' }).click()
  const apply = page.getByRole('dialog', { name: 'Apply to this workspace' })
  await expect(apply.getByRole('checkbox', { name: new RegExp(`^${questionId}`) })).toBeDisabled()
  await expect(apply.getByText('Already here')).toBeVisible()
  await shoot(app, 'library-apply')
  await apply.getByRole('button', { name: 'Cancel' }).click()
  await shoot(app, 'library-applied')
  expect(app.pageErrors).toEqual([])
  fs.rmSync(folder, { recursive: true, force: true })
})
