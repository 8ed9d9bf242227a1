import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type AppHarness } from './fixtures'
import { localDate } from './local-date'
import { dayFromToday, describeOrganisation, openArea } from './steps'

// Issue 17: evidence attached to an answer, listed with its hash and dates, made stale by its expiry, archived (never deleted).

/** Light and dark screenshots; axe (contrast included) in dark too when `checkDark`, the light check being the caller's. */
async function shoot(app: AppHarness, name: string, checkDark = false): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme })
    await app.screenshot(`${name}-${scheme}`)
    if (scheme === 'dark' && checkDark) expect(await app.axeViolations()).toEqual([])
  }
  await app.page.emulateMedia({ colorScheme: 'light' })
}

test('attach a file to an answer, see its hash, size and dates, let it expire, archive it with the six-year note', async ({ app }, testInfo) => {
  test.setTimeout(120_000)
  const { page } = app
  // A made-up screenshot: bytes the test writes, so its SHA-256 and size are known here and nowhere hard-coded.
  const file = testInfo.outputPath('security-programme-signed.pdf')
  const content = crypto.randomBytes(300_000)
  fs.writeFileSync(file, content)
  const sha256 = crypto.createHash('sha256').update(content).digest('hex')

  await describeOrganisation(app)
  await openArea(app, 'Assessment')
  await page
    .getByRole('navigation', { name: 'Safeguard families' })
    .getByRole('button', { name: /^Administrative/ })
    .click()
  // The first question of the first section (the security management process).
  const card = page.getByTestId('question-card').first()
  await expect(card).toBeVisible()
  await expect(card.getByTestId('evidence-freshness')).toHaveText('Attached evidence: none')

  await card.getByRole('button', { name: 'Evidence for this answer' }).click()
  const panel = card.getByTestId('evidence-panel')
  await expect(panel.getByText(/None attached/)).toBeVisible()

  // Attach: the details first, then the host's open dialog gives the file.
  const attach = panel.getByRole('button', { name: 'Attach file to this answer…' })
  await attach.click()
  const dialog = page.getByRole('dialog', { name: 'Attach a file to this answer' })
  await dialog.getByLabel('Title').fill('Signed security programme')
  const effective = dayFromToday(-30)
  await dialog.getByLabel('Effective as of').fill(effective)
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'evidence-attach-dialog')

  // A large file first: its progress is announced as it streams in, and Cancel leaves nothing stored (the typed details stay).
  const large = testInfo.outputPath('practice-backup-export.bin')
  fs.closeSync(fs.openSync(large, 'w'))
  fs.truncateSync(large, 200 * 1024 * 1024)
  app.host.openPaths.push(large)
  const choose = dialog.getByRole('button', { name: 'Choose file and attach…' })
  await choose.click()
  await expect(dialog.getByRole('status')).toContainText(/MB of 209\.7 MB stored \(\d+%\)/)
  await app.screenshot('evidence-attach-progress-light')
  await dialog.getByRole('button', { name: 'Cancel', exact: true }).click()
  await expect(dialog.getByRole('status')).toHaveText('Cancelled: nothing of the file was stored.')
  await expect(choose).toBeFocused()

  // What was typed outlives the dialog and a visit to another area, as every form's draft does.
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(attach).toBeFocused()
  await openArea(app, 'Dashboard')
  await openArea(app, 'Assessment')
  await card.getByRole('button', { name: 'Evidence for this answer' }).click()
  await attach.click()
  await expect(dialog.getByLabel('Title')).toHaveValue('Signed security programme')
  await expect(dialog.getByLabel('Effective as of')).toHaveValue(effective)

  app.host.openPaths.push(file)
  await choose.click()
  await expect(dialog).toHaveCount(0)
  await expect(attach).toBeFocused()

  const item = panel.getByTestId('evidence-item')
  await expect(item).toHaveCount(1)
  await expect(item).toContainText('Signed security programme')
  await expect(item).toContainText(`${path.basename(file)} · 300 kB · SHA-256 ${sha256.slice(0, 12)}…`)
  await expect(item).toContainText(`Effective as of ${await localDate(page, effective)} · no expiry · Added by`)
  await expect(card.getByTestId('evidence-freshness')).toHaveText(
    `Attached evidence: 1 evidence item, newest effective ${await localDate(page, effective)}`
  )

  // An expiry in the past: the item is stale from the day after, and the freshness line counts it.
  await item.getByRole('button', { name: 'Edit Signed security programme…' }).click()
  const edit = page.getByRole('dialog', { name: 'Edit Signed security programme' })
  await edit.getByLabel('Expires on (optional)').fill(dayFromToday(-2))
  await edit.getByRole('button', { name: 'Save' }).click()
  await expect(edit).toHaveCount(0)
  await expect(item.getByTestId('evidence-stale')).toHaveText(`Stale since ${await localDate(page, dayFromToday(-1))}`)
  await expect(card.getByTestId('evidence-freshness')).toContainText('1 stale')
  await card.scrollIntoViewIfNeeded()
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'evidence-stale', true)

  // Save a copy: written where the save dialog says, checked against its SHA-256 on the way out.
  const copy = testInfo.outputPath('copy-of-programme.pdf')
  app.host.savePaths.push(copy)
  await item.getByRole('button', { name: 'Save a copy of Signed security programme…' }).click()
  await expect(panel.getByRole('status').last()).toContainText(`its SHA-256 (${sha256.slice(0, 12)}…) matches`)
  expect(crypto.createHash('sha256').update(fs.readFileSync(copy)).digest('hex')).toBe(sha256)

  // Archive: the confirmation says it is kept six years, and it leaves the list for the archived one.
  const archive = item.getByRole('button', { name: 'Archive Signed security programme…' })
  await archive.click()
  const confirm = page.getByRole('alertdialog')
  await expect(confirm).toContainText('archived, not deleted')
  await expect(confirm).toContainText('45 CFR 164.316(b)(2)')
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'evidence-archive-confirm')
  await confirm.getByLabel('Reason (optional)').fill('Replaced by the 2027 revision')
  await confirm.getByRole('button', { name: 'Archive', exact: true }).click()
  await expect(confirm).toHaveCount(0)
  await expect(panel.getByTestId('evidence-item')).toHaveCount(0)
  await expect(panel.getByRole('status').last()).toContainText('Archived Signed security programme')
  await expect(card.getByTestId('evidence-freshness')).toHaveText('Attached evidence: none')

  await panel.getByRole('switch', { name: 'Show archived' }).click()
  const archived = panel.getByRole('list', { name: 'Archived evidence for this answer' }).getByTestId('evidence-item')
  await expect(archived).toHaveCount(1)
  await expect(archived).toContainText('Replaced by the 2027 revision')
  await expect(archived).toContainText(sha256.slice(0, 12))
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'evidence-archived', true)
  expect(app.pageErrors).toEqual([])
})
