import { expect, test, type AppHarness } from './fixtures'
import { localDate } from './local-date'
import { describeOrganisation, openArea } from './steps'

// Issue 15, "Is it a breach?": an exception (no notices, the reason kept) and a low-probability assessment (the four
// factors, a reviewer and a date; California's notice kept, its law having no risk-of-harm test).

async function shoot(app: AppHarness, name: string): Promise<void> {
  const { page } = app
  await page.setViewportSize({ width: 1366, height: 768 })
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    await app.screenshot(`${name}-1366x768-${scheme}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 860 })
}

async function startIncident(app: AppHarness, title: string, californians: string): Promise<void> {
  const { page } = app
  await page.getByRole('button', { name: 'Record an incident' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Title').fill(title)
  await dialog.getByLabel('Discovered on').fill('2026-03-02')
  await dialog.getByRole('button', { name: 'Add a state' }).click()
  await dialog.getByRole('combobox', { name: 'State 1' }).click()
  await page.getByRole('option', { name: 'California (CA)' }).click()
  await dialog.getByLabel('Residents affected 1').fill(californians)
}

test('an exception needs no notice and keeps its reason; a low-probability assessment needs its four factors, reviewer and date, and keeps California', async ({
  app
}) => {
  const { page } = app
  await describeOrganisation(app)
  await openArea(app, 'Incidents')
  const dialog = page.getByRole('dialog')

  await startIncident(app, 'Wrong chart opened', '3')
  await dialog.getByRole('radio', { name: /one of the three exceptions of 164\.402\(1\)/ }).check()
  await dialog.getByRole('button', { name: 'Record the incident' }).click()
  await expect(dialog.getByText('Choose which exception applies.')).toBeVisible()
  await expect(dialog.getByText('Say why the exception applies.')).toBeVisible()
  await dialog.getByRole('combobox', { name: 'Which exception' }).click()
  await page.getByRole('option', { name: /^\(i\) Unintentional, good-faith access/ }).click()
  const reason = 'A scheduler opened the wrong chart, closed it at once and reported it'
  await dialog.getByLabel('Why the exception applies').fill(reason)
  await dialog.getByRole('button', { name: 'Record the incident' }).click()
  await expect(dialog).toHaveCount(0)

  await expect(page.getByRole('heading', { name: 'Wrong chart opened', level: 2 })).toBeVisible()
  await expect(page.getByRole('status').filter({ hasText: 'Not a breach: the exception of 45 CFR 164.402(1)(i) applies' })).toContainText(reason)
  await expect(page.getByText(`Reason recorded: ${reason}`, { exact: true })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Notification obligations for Wrong chart opened' })).toHaveCount(0)
  expect(await app.axeViolations()).toEqual([])

  await startIncident(app, 'Letter to another clinic', '600')
  await dialog.getByRole('radio', { name: /low probability that the PHI was compromised/ }).check()
  await dialog.getByRole('button', { name: 'Record the incident' }).click()
  await expect(dialog.getByText('Write this factor out: a low-probability conclusion needs all four.')).toHaveCount(4)
  await expect(dialog.getByText('A low-probability conclusion needs the name of who reviewed it.')).toBeVisible()
  await expect(dialog.getByText('The date of the assessment is required.')).toBeVisible()
  await dialog.getByLabel('1. Nature and extent of the PHI').fill('Names and appointment dates only')
  await dialog.getByLabel('2. The unauthorised person').fill('A nurse at another covered entity')
  await dialog.getByLabel('3. Whether it was actually acquired').fill('Returned unopened')
  await dialog.getByLabel('4. The extent to which the risk').fill('Recipient confirmed in writing that nothing was kept')
  await dialog.getByLabel('Reviewed by').fill('Dana Ortiz, privacy officer')
  await dialog.getByLabel('Assessed on').fill('2026-03-04')
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'breach-assessment-form')
  await dialog.getByRole('button', { name: 'Record the incident' }).click()
  await expect(dialog).toHaveCount(0)

  const obligations = page.getByRole('table', { name: 'Notification obligations for Letter to another clinic' })
  const californians = obligations.getByRole('row').filter({ hasText: 'Affected residents of California' })
  // Discovered 2 March 2026: California's 30 calendar days end on 1 April.
  await expect(californians).toContainText(await localDate(page, '2026-04-01'))
  await expect(californians).toContainText("Kept: this state's law has no risk-of-harm test")
  await expect(obligations.getByRole('row').filter({ hasText: 'Each affected individual' })).toHaveCount(0)
  await expect(page.getByText(/^Reviewed by Dana Ortiz, privacy officer on /)).toBeVisible()
  await expect(page.getByText(/^Kept state duties: Affected residents of California/)).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'breach-assessment-low-probability')
})
