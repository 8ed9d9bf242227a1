import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type AppHarness } from './fixtures'

async function start(app: AppHarness): Promise<void> {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
}

/**
 * Two PHI assets on the data-flow map and one questionnaire gap (no security reminders), set through the app's
 * own bridge as the Map and Assessment screens would: the suggestions come from them.
 */
async function addPhiAssetsAndAGap(app: AppHarness): Promise<void> {
  await app.page.evaluate(async () => {
    const calls = (window as unknown as { safeguard: { calls: Record<string, (input: unknown, id: string) => Promise<{ ok: boolean }>> } }).safeguard
      .calls
    for (const [index, asset] of [
      { name: 'Front desk laptop', kind: 'workstation', phi: 'phi' },
      { name: 'Clinic EHR', kind: 'application', phi: 'phi' }
    ].entries()) {
      const envelope = await calls['map.addAsset']!(asset, `setup-${index}`)
      if (!envelope.ok) throw new Error(JSON.stringify(envelope))
    }
    const gap = await calls['assessment.setAnswer']!({ questionId: 'q-308-a5-iiA-1', value: 'no' }, 'setup-gap')
    if (!gap.ok) throw new Error(JSON.stringify(gap))
  })
}

async function openRisks(app: AppHarness): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Risk analysis', exact: true }).click()
  await expect(app.page.getByRole('heading', { name: 'Risk analysis', level: 1 })).toBeVisible()
}

test('add a scenario from a suggestion, edit it in place across navigation, accept it, and read the heat map', async ({ app }) => {
  test.setTimeout(180_000)
  const { page } = app
  await start(app)
  await addPhiAssetsAndAGap(app)
  await openRisks(app)

  // The scale and its source are on screen.
  await page.getByText(/The scale: /).click()
  await expect(page.getByTestId('risk-scale')).toContainText('SRA Tool')
  await expect(page.getByRole('table', { name: 'Risk level for each likelihood and impact' })).toBeVisible()
  await expect(page.getByText('No risk matches.')).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('risks-empty')

  // Both PHI assets are a finding of their own until a rated risk covers them.
  await page.getByRole('tab', { name: /Not yet assessed/ }).click()
  await expect(page.getByTestId('not-assessed-asset')).toHaveCount(2)
  expect(await app.axeViolations()).toEqual([])

  // Suggestions: threat × asset with the weaknesses found; one is added to the register.
  await page.getByRole('tab', { name: /Suggestions/ }).click()
  const laptopSuggestion = page.getByTestId('risk-suggestion').filter({ hasText: 'Front desk laptop' }).first()
  await expect(laptopSuggestion).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('risks-suggestions')
  const suggestionTitle = (await laptopSuggestion.getByRole('heading').textContent())!
  await laptopSuggestion.getByRole('button', { name: /^Add to register/ }).click()

  // The new risk opens in the register, edited in place.
  const panel = page.getByTestId('risk-panel')
  await expect(panel).toBeVisible()
  await expect(page.getByTestId('risk-row')).toHaveCount(1)
  await expect(page.getByTestId('risk-row')).toContainText('Not rated')
  await panel.getByLabel('Likelihood', { exact: true }).click()
  await page.getByRole('option', { name: 'High', exact: true }).click()
  await panel.getByLabel('Impact', { exact: true }).click()
  await page.getByRole('option', { name: 'High', exact: true }).click()
  await expect(page.getByTestId('risk-row').getByTestId('risk-level')).toHaveText('Critical')

  // Typed, then straight to another area without leaving the field: nothing is lost.
  await panel.getByLabel('Why this likelihood').fill('Laptops leave the building every evening')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await openRisks(app)
  const row = page.getByTestId('risk-row')
  await row.getByRole('button').first().click()
  await expect(panel.getByLabel('Why this likelihood')).toHaveValue('Laptops leave the building every evening')

  // Accepting needs an approver, a date, a reason and an expiry; it is saved once complete.
  await panel.getByLabel('How the risk is treated').click()
  await page.getByRole('option', { name: 'Accept' }).click()
  await expect(panel.getByText(/To record the acceptance, give who approved it/)).toBeVisible()
  await panel.getByLabel('Approved by').fill('Dr. Sam Okafor')
  await panel.getByLabel('Approved on').fill('2026-01-15')
  await panel.getByLabel('Acceptance expires on').fill('2027-01-15')
  await panel.getByLabel('Why the risk is accepted').fill('Laptop is encrypted and replaced this year')
  await expect(row).toContainText('by Dr. Sam Okafor until 2027-01-15')
  await expect(row).toContainText('Accept')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('risks-scenario')

  // Closing the scenario gives focus back to the row that opened it.
  await panel.getByRole('button', { name: 'Close' }).click()
  await expect(panel).toHaveCount(0)
  await expect(row.getByRole('button', { name: suggestionTitle.split(' · ')[0]!, exact: false })).toBeFocused()

  // A suggestion that does not apply is dismissed with a reason.
  await page.getByRole('tab', { name: /Suggestions/ }).click()
  const other = page.getByTestId('risk-suggestion').first()
  const otherTitle = (await other.getByRole('heading').textContent())!
  await other.getByRole('button', { name: /^Dismiss/ }).click()
  await page.getByRole('dialog').getByLabel('Reason').fill('Covered by the vendor contract')
  await page.getByRole('dialog').getByRole('button', { name: 'Dismiss suggestion' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByRole('heading', { name: otherTitle })).toHaveCount(0)

  // Heat map: a table with headers; the cell says its count and level in words.
  await page.getByRole('tab', { name: 'Heat map' }).click()
  const map = page.getByTestId('risk-heat-map')
  await expect(map.getByRole('columnheader', { name: 'Impact High' })).toBeVisible()
  await expect(map.getByRole('rowheader', { name: 'Likelihood High' })).toBeVisible()
  await expect(page.getByTestId('heat-high-high')).toHaveText('1Critical')
  await expect(page.getByTestId('heat-low-low')).toHaveText('0Low')
  await expect(page.getByTestId('heat-map-unrated')).toContainText('0 risks are not rated')
  await page.getByRole('radio', { name: 'Residual risk' }).click()
  await expect(map).toContainText('Residual risk: after the planned treatment')
  await expect(page.getByTestId('heat-map-unrated')).toContainText('1 risk is not rated')
  await expect(page.getByRole('table', { name: 'Risks by asset' })).toContainText('Front desk laptop')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('risks-heat-map-light')
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.getByRole('radio', { name: 'Inherent risk' }).click()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('risks-heat-map-dark')
  await page.getByRole('tab', { name: 'Register' }).click()
  await page.getByTestId('risk-row').getByRole('button').first().click()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('risks-scenario-dark')

  // Export through the save dialog, then import a copy with a bad level: nothing is stored, each row is reported.
  const csv = path.join(app.dataDir, 'register.csv')
  app.host.savePaths.push(csv)
  const exportButton = page.getByRole('button', { name: 'Export register (CSV or Excel)' })
  await exportButton.click()
  await expect(page.getByText(`Exported 1 risk to ${csv}.`)).toBeVisible()
  await expect(exportButton).toBeFocused()
  const [header, first, ...rest] = fs.readFileSync(csv, 'utf8').split(/\r?\n/)
  const bad = path.join(app.dataDir, 'register-bad.csv')
  fs.writeFileSync(bad, [header, first!.replace(',High,', ',Extreme,'), ...rest].join('\n'))
  app.host.openPaths.push(bad)
  const importButton = page.getByRole('button', { name: 'Import register' })
  await importButton.click()
  const report = page.getByRole('dialog')
  await expect(report).toContainText('Nothing was imported')
  await expect(report.getByRole('table', { name: 'Import report, one line per row' })).toContainText('Extreme')
  expect(await app.axeViolations()).toEqual([])
  await report.getByRole('button', { name: 'Close' }).click()
  await expect(importButton).toBeFocused()
  await expect(page.getByTestId('risk-row')).toHaveCount(1)

  // After a restart, everything is as it was.
  await app.restart()
  await openRisks(app)
  await expect(page.getByTestId('risk-row')).toContainText('by Dr. Sam Okafor until 2027-01-15')
  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})
