import path from 'node:path'
import { expect, test } from './fixtures'
import { dayFromToday, describeOrganisation, openArea } from './steps'

const SCAN = path.resolve(__dirname, '../fixtures/scanners/prowler-v5.ocsf.json')

test('dismiss a review flag with a reason and restore it; triage a failing finding as an accepted risk and it stops counting', async ({ app }) => {
  const { page } = app
  await describeOrganisation(app)
  await openArea(app, 'Findings')
  app.host.openPaths.push(SCAN)
  await page.getByRole('button', { name: 'Choose files…' }).click()
  await expect(page.getByRole('heading', { name: 'Flagged for review (3)' })).toBeVisible()

  // Dismissing asks why and who; the dismissed flag is listed with both and can be restored.
  await page.getByRole('button', { name: 'Dismiss the review flag on 164.312(c)(1)…' }).click()
  const dismiss = page.getByRole('dialog', { name: 'Dismiss the flag on 164.312(c)(1)' })
  await dismiss.getByRole('button', { name: 'Dismiss flag' }).click()
  await expect(dismiss.getByRole('alert')).toHaveText('Give the reason for dismissing this flag.')
  await dismiss.getByLabel('Reason (required)').fill('Integrity is covered by object versioning')
  await dismiss.getByLabel('Your name').fill('Dana Reyes')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('findings-triage-dismiss-dialog')
  await dismiss.getByRole('button', { name: 'Dismiss flag' }).click()
  await expect(page.getByRole('heading', { name: 'Flagged for review (2)' })).toBeVisible()
  const dismissed = page.getByRole('list', { name: 'Dismissed flags' })
  await expect(page.getByRole('heading', { name: 'Dismissed (1)' })).toBeVisible()
  await expect(dismissed).toContainText('Dismissed by Dana Reyes on')
  await expect(dismissed).toContainText('Integrity is covered by object versioning')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('findings-triage-dismissed')
  await dismissed.getByRole('button', { name: 'Restore the review flag on 164.312(c)(1)…' }).click()
  const restore = page.getByRole('dialog', { name: 'Restore the flag on 164.312(c)(1)' })
  // The name typed last is offered again.
  await expect(restore.getByLabel('Your name')).toHaveValue('Dana Reyes')
  await restore.getByRole('button', { name: 'Restore flag' }).click()
  await expect(page.getByRole('heading', { name: 'Flagged for review (3)' })).toBeVisible()
  await expect(dismissed).toHaveCount(0)

  // The encryption flag leads to its failing finding, which is triaged as an accepted risk until a date.
  await page.getByRole('button', { name: 'Show findings for 164.312(a)(2)(iv)' }).click()
  const table = page.getByRole('table', { name: 'Findings' })
  await expect(table).toContainText('patient-scans')
  await table.getByRole('button', { name: 'Triage Check s3 bucket default encryption on patient-scans…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Triage Check s3 bucket default encryption on patient-scans' })
  await expect(dialog.getByRole('radio', { name: 'Accepted risk' })).toBeChecked()
  await expect(dialog.getByLabel('Your name')).toHaveValue('Dana Reyes')
  await dialog.getByLabel('Reason (required)').fill('Holds de-identified test images only until the April migration')
  await dialog.getByRole('button', { name: 'Triage', exact: true }).click()
  await expect(dialog.getByRole('alert')).toHaveText('Give the expiry date: after it, the findings count as failing again.')
  await dialog.getByLabel('Expires on (required)').fill(dayFromToday(30))
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('findings-triage-dialog')
  await dialog.getByRole('button', { name: 'Triage', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  await expect(table).toContainText('Accepted risk')
  await expect(table).toContainText('by Dana Reyes: Holds de-identified test images only until the April migration')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('findings-triage-triaged-row')

  // It no longer counts as failing: its three flags are settled, the specification counts 0 failing.
  await page.getByRole('tab', { name: 'Import and scans' }).click()
  await expect(page.getByRole('table', { name: 'Imported scans' })).toBeVisible()
  await expect(page.getByRole('heading', { name: /^Flagged for review/ })).toHaveCount(0)
  await page.getByRole('tab', { name: 'By specification' }).click()
  const row = page.getByRole('table', { name: 'Evidence by specification' }).getByRole('row', { name: /^164\.312\(a\)\(2\)\(iv\)/ })
  await expect(row.getByRole('cell').nth(0)).toHaveText('0')
  await openArea(app, 'Dashboard')
  await expect(page.getByText(/1 failed \(1 more triaged\) and 1 passed checks/)).toBeVisible()
  expect(app.pageErrors).toEqual([])
})
