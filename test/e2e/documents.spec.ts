import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type AppHarness } from './fixtures'

/** Screenshots go to the test output; SAFEGUARD_KEEP_SCREENSHOTS=dir also copies them there to look at. */
async function screenshot(app: AppHarness, name: string): Promise<void> {
  const file = await app.screenshot(name)
  const keep = process.env.SAFEGUARD_KEEP_SCREENSHOTS
  if (keep) fs.copyFileSync(file, path.join(keep, `${name}.png`))
}

test('preview the documents, then write the evidence pack and the policy set where the user chooses', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()

  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Documents', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Documents', level: 1 })).toBeVisible()
  const pack = page.getByRole('region', { name: 'Evidence pack (PDF)' })
  await expect(pack.getByText('Control matrix', { exact: true })).toBeVisible()
  // A new workspace has no scans yet: the preview says so before anything is written.
  await expect(pack.getByRole('listitem').filter({ hasText: 'Scanner results' }).getByText('No data yet')).toBeVisible()
  await expect(page.getByRole('table', { name: 'Policies to be written' }).getByRole('row')).toHaveCount(20)
  expect(await app.axeViolations()).toEqual([])
  await screenshot(app, 'documents-preview')

  // Leave a section out with the keyboard, then write the redacted pack.
  const appendix = pack.getByRole('checkbox', { name: /Appendix: evidence files/ })
  await appendix.focus()
  await page.keyboard.press('Space')
  await expect(appendix).not.toBeChecked()
  await pack.getByRole('switch', { name: /Redact cloud account ids/ }).click()
  await pack.getByRole('radio', { name: /Saved beside the PDF, in a folder with the manifest/ }).check()
  const packFile = path.join(app.dataDir, 'pack.pdf')
  app.host.savePaths.push(packFile)
  // Nothing is answered yet: the pack is a draft, and the button says so.
  await pack.getByRole('button', { name: 'Create anyway (marked DRAFT)…' }).click()
  await expect(pack.getByRole('status')).toContainText('Evidence pack saved (', { timeout: 30_000 })
  await expect(pack.getByRole('status')).toContainText('marked DRAFT on every page')
  // Signed with the identity made on first use, and the manifest written beside it in the folder chosen.
  await expect(pack.getByRole('status')).toContainText(
    /Digitally signed with the certificate whose SHA-256 fingerprint is ([0-9A-F]{2}:){31}[0-9A-F]{2}\./
  )
  expect(fs.readFileSync(packFile).subarray(0, 5).toString()).toBe('%PDF-')
  expect(fs.readdirSync(path.join(app.dataDir, 'pack-evidence'))).toContain('safeguard-manifest.json')
  await pack.getByRole('status').scrollIntoViewIfNeeded()
  await screenshot(app, 'documents-pack-signed')

  // The policy set goes into a folder the user picks.
  const folder = path.join(app.dataDir, 'policies')
  fs.mkdirSync(folder)
  app.host.directories.push(folder)
  const policies = page.getByRole('region', { name: 'Policy set (Word)' })
  await policies.getByRole('button', { name: 'Create policy set…' }).click()
  await expect(policies.getByRole('status')).toContainText('Word documents written.', { timeout: 90_000 })
  await policies.getByRole('button', { name: 'Open folder: the policy set' }).click()
  await expect.poll(() => app.host.opened).toEqual([{ how: 'open', file: folder }])
  expect(fs.readdirSync(folder).filter(f => f.endsWith('.docx')).length).toBeGreaterThanOrEqual(18)
  expect(await app.axeViolations()).toEqual([])
  await screenshot(app, 'documents-written')
  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})
