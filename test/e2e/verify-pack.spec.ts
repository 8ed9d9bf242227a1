import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type AppHarness } from './fixtures'
import { describeOrganisation, openArea } from './steps'

/** Screenshots go to the test output; SAFEGUARD_KEEP_SCREENSHOTS=dir also copies them there to look at. */
async function screenshot(app: AppHarness, name: string): Promise<void> {
  const file = await app.screenshot(name)
  const keep = process.env.SAFEGUARD_KEEP_SCREENSHOTS
  if (keep) fs.copyFileSync(file, path.join(keep, `${name}.png`))
}

test('generate a signed evidence pack, then check it and a changed copy with "Verify a pack…"', async ({ app }) => {
  const { page } = app
  await describeOrganisation(app)
  await openArea(app, 'Documents')

  const packFile = path.join(app.dataDir, 'pack.pdf')
  app.host.savePaths.push(packFile)
  const pack = page.getByRole('region', { name: 'Evidence pack (PDF)' })
  await pack.getByRole('button', { name: /^Create/ }).click()
  await expect(pack.getByRole('status')).toContainText('Evidence pack saved (', { timeout: 60_000 })

  const card = page.getByRole('region', { name: 'Check a signed pack' })
  await card.getByRole('button', { name: 'Verify a pack…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Verify a pack' })
  app.host.openPaths.push(packFile)
  await dialog.getByRole('button', { name: 'Choose the PDF and check…' }).click()
  const report = dialog.getByRole('region', { name: 'Verification report' })
  await expect(report.getByRole('status')).toContainText('pack.pdf checks: the signature is intact and covers the whole file', { timeout: 30_000 })
  await expect(report).toContainText(/signed by [^;]*Harbor Family Practice on \d{4}-\d{2}-\d{2}/)
  await expect(report).toContainText(/([0-9A-F]{2}:){31}[0-9A-F]{2}/)
  expect(await app.axeViolations()).toEqual([])
  await screenshot(app, 'verify-pack-pass')

  // One byte changed near the end: the same dialog names what fails.
  const bytes = fs.readFileSync(packFile)
  bytes[bytes.length - 3] = bytes[bytes.length - 3]! ^ 0x01
  const changed = path.join(app.dataDir, 'changed.pdf')
  fs.writeFileSync(changed, bytes)
  app.host.openPaths.push(changed)
  await dialog.getByRole('button', { name: 'Check another PDF…' }).click()
  await expect(report.getByRole('status')).toContainText('changed.pdf does not check')
  await expect(report.getByRole('list')).toContainText(/signature/i)
  expect(await app.axeViolations()).toEqual([])
  await screenshot(app, 'verify-pack-fail')
  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})
