import fs from 'node:fs'
import path from 'node:path'
import { expect, test, type AppHarness } from './fixtures'
import { localDate } from './local-date'

async function describeOrganisation(app: AppHarness): Promise<void> {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
}

async function openArea(app: AppHarness, name: string): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click()
  await expect(app.page.getByRole('heading', { name, level: 1 })).toBeVisible()
}

test('business associates: add with validated dates, check terms, store the signed copy, see the chain', async ({ app }) => {
  const { page } = app
  await describeOrganisation(app)
  await openArea(app, 'Business associates')
  expect(await app.axeViolations()).toEqual([])

  await page.getByRole('button', { name: 'Add a business associate' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Name').fill('Northwind Billing')
  await dialog.getByLabel('Agreement status').click()
  await page.getByRole('option', { name: 'Signed' }).click()
  await dialog.getByLabel('Effective date').fill('2026-02-01')
  await dialog.getByLabel('Expiry or renewal date').fill('2026-01-01')
  await dialog.getByRole('button', { name: 'Add' }).click()
  await expect(dialog.getByText('The agreement cannot expire before it takes effect.')).toBeVisible()
  await dialog.getByLabel('Expiry or renewal date').fill('2028-01-31')
  await dialog.getByLabel('Breach reporting window (days)').fill('10')
  expect(await app.axeViolations()).toEqual([])
  await dialog.getByRole('button', { name: 'Add' }).click()
  await expect(dialog).toHaveCount(0)

  await expect(page.getByRole('heading', { name: 'Northwind Billing', level: 2 })).toBeVisible()
  const terms = page.getByRole('table', { name: 'Required terms for Northwind Billing' })
  await terms.getByRole('combobox', { name: 'Reporting security incidents: in the agreement?' }).click()
  await page.getByRole('option', { name: 'Missing' }).click()
  await expect(page.getByText(/0 in the agreement, 1 missing/)).toBeVisible()

  const agreement = path.join(app.dataDir, 'northwind-baa.pdf')
  fs.writeFileSync(agreement, '%PDF-1.7 signed agreement')
  app.host.openPaths.push(agreement)
  await page.getByRole('button', { name: 'Attach the signed copy…' }).click()
  await expect(page.getByText(/northwind-baa\.pdf \(1 KB\), stored in this workspace/)).toBeVisible()

  // A subcontractor under it, then the chain view.
  await page.getByRole('button', { name: 'Add a business associate' }).click()
  await dialog.getByLabel('Name').fill('Backup Vault')
  await dialog.getByLabel('Relationship').click()
  await page.getByRole('option', { name: 'Subcontractor' }).click()
  await dialog.getByLabel('Engaged by (above it in the chain)').click()
  await page.getByRole('option', { name: 'Northwind Billing' }).click()
  await dialog.getByRole('button', { name: 'Add' }).click()
  await expect(page.getByText('Chain: Northwind Billing → Backup Vault')).toBeVisible()
  await expect(page.getByText('PHI without a signed BAA').first()).toBeVisible()
  await page.getByRole('tab', { name: 'Subcontractor chain' }).click()
  await expect(page.getByRole('list', { name: 'Engaged by Northwind Billing' }).getByRole('button', { name: 'Backup Vault' })).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('business-associates')
})

test('incidents: record a breach, see its deadlines with citations, mark a notice done; calendar and .ics', async ({ app }) => {
  const { page } = app
  await describeOrganisation(app)
  await openArea(app, 'Incidents')
  expect(await app.axeViolations()).toEqual([])

  await page.getByRole('button', { name: 'Record an incident' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Title').fill('Stolen laptop')
  await dialog.getByLabel('Discovered on').fill('2026-03-10')
  await dialog.getByLabel('Breach happened on (if known)').fill('2026-03-12')
  await dialog.getByRole('button', { name: 'Add a state' }).click()
  await dialog.getByRole('combobox', { name: 'State 1' }).click()
  await page.getByRole('option', { name: 'Georgia (GA)' }).click()
  await dialog.getByLabel('Residents affected 1').fill('600')
  await dialog.getByRole('button', { name: 'Add a state' }).click()
  await dialog.getByRole('combobox', { name: 'State 2' }).click()
  await page.getByRole('option', { name: 'Texas (TX)' }).click()
  await dialog.getByLabel('Residents affected 2').fill('300')
  await dialog.getByRole('button', { name: 'Record the incident' }).click()
  await expect(dialog.getByText('The breach cannot come after its discovery.')).toBeVisible()
  await dialog.getByLabel('Breach happened on (if known)').fill('2026-03-07')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('incident-form')
  await dialog.getByRole('button', { name: 'Record the incident' }).click()
  await expect(dialog).toHaveCount(0)

  const obligations = page.getByRole('table', { name: 'Notification obligations for Stolen laptop' })
  const individuals = obligations.getByRole('row').filter({ hasText: 'Each affected individual' })
  await expect(individuals).toContainText(await localDate(page, '2026-05-09'))
  await expect(individuals).toContainText('45 CFR 164.404(b)')
  await expect(obligations.getByRole('row').filter({ hasText: 'Prominent media outlets serving Georgia' })).toContainText('45 CFR 164.406')
  const texasAg = obligations.getByRole('row').filter({ hasText: 'Texas Attorney General' })
  await expect(texasAg).toContainText(await localDate(page, '2026-04-09'))
  await expect(texasAg).toContainText('Check with counsel')

  await individuals.getByRole('button', { name: 'Mark done' }).click()
  const done = page.getByRole('dialog')
  await done.getByLabel('Given on').fill('2026-04-20')
  await done.getByLabel('Method').fill('first-class mail')
  await done.getByRole('button', { name: 'Record' }).click()
  await expect(individuals).toContainText('Done')
  await expect(individuals).toContainText('first-class mail')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('incidents')

  await openArea(app, 'Calendar')
  await page.getByLabel('Show').click()
  await page.getByRole('option', { name: 'Everything, done included' }).click()
  const calendar = page.getByRole('table', { name: 'Compliance calendar' })
  await expect(calendar.getByRole('row').filter({ hasText: 'Stolen laptop: notify Secretary of HHS' })).toContainText('45 CFR 164.408(b)')
  await expect(calendar.getByText('Vulnerability scan (proposed rule)')).toBeVisible()
  const ics = path.join(app.dataDir, 'deadlines.ics')
  app.host.savePaths.push(ics)
  await page.getByRole('button', { name: 'Export to a calendar file (.ics)…' }).click()
  await expect(page.getByText(/Wrote \d+ events to/)).toBeVisible()
  expect(fs.readFileSync(ics, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*DTSTART;VALUE=DATE:20260509/)
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('calendar')
})
