// Steps several end-to-end specs take the same way: describing the organisation at first start, opening an area,
// a date relative to the computer's today, recording an incident.
import { expect, type AppHarness } from './fixtures'

export async function describeOrganisation(app: AppHarness): Promise<void> {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
}

export async function openArea(app: AppHarness, name: string): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true }).click()
  await expect(app.page.getByRole('heading', { name, level: 1 })).toBeVisible()
}

/** This computer's date `days` from today, as YYYY-MM-DD (the app counts from the user's own today). */
export function dayFromToday(days: number): string {
  const date = new Date()
  date.setDate(date.getDate() + days)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

export async function recordIncident(app: AppHarness, title: string, discoveredOn: string): Promise<void> {
  const { page } = app
  await openArea(app, 'Incidents')
  await page.getByRole('button', { name: 'Record an incident' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Title').fill(title)
  await dialog.getByLabel('Discovered on').fill(discoveredOn)
  await dialog.getByRole('button', { name: 'Add a state' }).click()
  await dialog.getByRole('combobox', { name: 'State 1' }).click()
  await page.getByRole('option', { name: 'Georgia (GA)' }).click()
  await dialog.getByLabel('Residents affected 1').fill('600')
  await dialog.getByRole('button', { name: 'Record the incident' }).click()
  await expect(dialog).toHaveCount(0)
}
