import path from 'node:path'
import { expect, test } from './fixtures'

const FIXTURES = path.resolve(__dirname, '../fixtures/scanners')

test('a ScoutSuite GCP import lists its unmapped check with why; mapping it to a specification from the summary', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Findings', exact: true }).click()

  app.host.openPaths.push(path.join(FIXTURES, 'scoutsuite_results_gcp-clinic-prod-4411.js'))
  await page.getByRole('button', { name: 'Choose files…' }).click()
  const summary = page.getByLabel('Import summary for scoutsuite_results_gcp-clinic-prod-4411.js')
  // One summary in checked items, the parts adding up to the whole.
  await expect(summary).toContainText(
    '16 checked items from 5 checks (passed = checked - flagged, as ScoutSuite counts them): 8 passed, 8 failed; stored as 12 findings'
  )
  const unmapped = summary.getByRole('list', { name: 'Unmapped checks' })
  await expect(unmapped).toContainText('computeengine-firewall-rule-allows-internal-traffic (2 findings)')
  await expect(summary).toContainText(
    "ScoutSuite's output carries no HIPAA mapping, and Safeguard's ScoutSuite table pairs this rule with no Prowler check"
  )
  expect(await app.axeViolations()).toEqual([])

  await summary.getByRole('button', { name: 'Map computeengine-firewall-rule-allows-internal-traffic to specifications…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Map computeengine-firewall-rule-allows-internal-traffic' })
  await dialog.getByLabel('Find a specification').fill('164.312(a)(1)')
  await dialog.getByRole('checkbox', { name: /^164\.312\(a\)\(1\) / }).click()
  // Without a name the dialog says what is missing and stays open.
  await dialog.getByRole('button', { name: 'Map check' }).click()
  await expect(dialog.getByRole('alert')).toContainText('Say who is mapping this check')
  await dialog.getByLabel('Your name').fill('Dana Reyes')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('findings-map-check-dialog')
  await dialog.getByRole('button', { name: 'Map check' }).click()
  await expect(dialog).toBeHidden()
  await expect(unmapped.getByRole('status')).toContainText('Mapped to 164.312(a)(1): 2 stored findings now bear on it.')
  await app.screenshot('findings-map-check-done')
  expect(app.pageErrors).toEqual([])
})
