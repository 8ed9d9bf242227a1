import path from 'node:path'
import { openWorkspace } from '../../main/workspace/workspace-files'
import { expect, test, type AppHarness } from './fixtures'
import { dayFromToday, describeOrganisation, openArea, recordIncident } from './steps'

// Issue 15: deleting an incident or a business associate asks first and archives it; archived records are listed and restored.

async function shoot(app: AppHarness, name: string): Promise<void> {
  const { page } = app
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080]
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme: scheme })
      await app.screenshot(`${name}-${width}x${height}-${scheme}`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 860 })
}

test('an incident archived through the dialog leaves the log and the dashboard, is listed as archived with its retention, and comes back on Restore', async ({
  app
}) => {
  const { page } = app
  await describeOrganisation(app)
  const discoveredOn = dayFromToday(-10)
  await recordIncident(app, 'Stolen laptop', discoveredOn)
  await openArea(app, 'Dashboard')
  await expect(page.getByRole('table', { name: 'What to do next' })).toContainText('Stolen laptop: notify')

  await openArea(app, 'Incidents')
  const log = page.getByRole('table', { name: 'Incident log' })
  await log.getByRole('button', { name: 'Stolen laptop' }).click()
  await expect(page.getByRole('heading', { name: 'Stolen laptop', level: 2 })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Delete' })).toHaveCount(0)
  // What each notice must contain, from the incident (600 in Georgia: individuals, media, HHS), with the portal's fields to copy.
  const documents = page.getByRole('region', { name: 'Notice content and documents' })
  await expect(documents.getByRole('heading', { name: 'Notice to individuals (45 CFR 164.404(c))' })).toBeVisible()
  await expect(documents.getByRole('list', { name: 'HHS breach portal: what it must contain' })).toContainText('Date of discovery')
  await expect(documents.getByRole('button', { name: 'Draft: media notice' })).toBeVisible()
  await documents.getByRole('button', { name: 'Copy all portal fields' }).click()
  await expect(documents.getByRole('status')).toContainText('Copied the portal fields')
  await app.screenshot('incident-documents')
  expect(await app.axeViolations()).toEqual([])
  await page.getByRole('button', { name: 'Archive…' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Archive "Stolen laptop"?' })
  await expect(confirm).toContainText('Nothing is erased: it stays in this workspace for six years (45 CFR 164.530(j))')
  // Cancel changes nothing.
  await confirm.getByRole('button', { name: 'Cancel' }).click()
  await expect(confirm).toHaveCount(0)
  await expect(log.getByRole('button', { name: 'Stolen laptop' })).toBeVisible()

  await page.getByRole('button', { name: 'Archive…' }).click()
  await confirm.getByLabel('Reason (optional)').fill('Laptop found, encrypted')
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'archive-incident-dialog')
  await confirm.getByRole('button', { name: 'Archive', exact: true }).click()
  await expect(confirm).toHaveCount(0)

  // Gone from the log; focus lands on the Archived toggle, which counts it.
  const toggle = page.getByRole('button', { name: 'Archived (1)' })
  await expect(toggle).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Stolen laptop', level: 2 })).toHaveCount(0)
  await expect(page.getByText('No incidents in the log. Archived incidents are listed under Archived.')).toBeVisible()
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await toggle.press('Enter')
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  const archived = page.getByRole('table', { name: 'Archived incidents' })
  const row = archived.getByRole('row').filter({ hasText: 'Stolen laptop' })
  await expect(row).toContainText('Laptop found, encrypted')
  // Six full years from its last document date: the record itself, written today (not the discovery ten days before).
  const recordedOn = dayFromToday(0)
  const keptUntil = `${Number(recordedOn.slice(0, 4)) + 6}${recordedOn.slice(4)}`
  const shown = await page.evaluate(
    date =>
      new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
        new Date(`${date}T00:00:00Z`)
      ),
    keptUntil
  )
  await expect(row).toContainText(`Kept until ${shown}: six years from its last document date`)
  await expect(row).toContainText('(45 CFR 164.530(j)). Check with counsel.')
  // Its six years are not over: no permanent deletion on offer.
  await expect(row.getByRole('button', { name: /permanently/ })).toHaveCount(0)
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'archive-incident-list')

  await openArea(app, 'Dashboard')
  await expect(page.getByText('Stolen laptop')).toHaveCount(0)

  await openArea(app, 'Incidents')
  await page.getByRole('button', { name: 'Archived (1)' }).click()
  await page.getByRole('button', { name: 'Restore Stolen laptop' }).click()
  // Back in the log, opened, with focus on its row; nothing left archived.
  await expect(log.getByRole('button', { name: 'Stolen laptop' })).toBeFocused()
  await expect(page.getByRole('heading', { name: 'Stolen laptop', level: 2 })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Archived (0)' })).toBeVisible()
  await openArea(app, 'Dashboard')
  await expect(page.getByRole('table', { name: 'What to do next' })).toContainText('Stolen laptop: notify')
})

test('a business associate with a subcontractor below it cannot be archived until the subcontractor is', async ({ app }) => {
  const { page } = app
  await describeOrganisation(app)
  await openArea(app, 'Business associates')
  const dialog = page.getByRole('dialog')
  await page.getByRole('button', { name: 'Add a business associate' }).click()
  await dialog.getByLabel('Name').fill('Northwind Billing')
  await dialog.getByRole('button', { name: 'Add' }).click()
  await expect(dialog).toHaveCount(0)
  await page.getByRole('button', { name: 'Add a business associate' }).click()
  await dialog.getByLabel('Name').fill('Backup Vault')
  await dialog.getByLabel('Relationship').click()
  await page.getByRole('option', { name: 'Subcontractor' }).click()
  await dialog.getByLabel('Engaged by (above it in the chain)').click()
  await page.getByRole('option', { name: 'Northwind Billing' }).click()
  await dialog.getByRole('button', { name: 'Add' }).click()
  await expect(dialog).toHaveCount(0)

  const register = page.getByRole('table', { name: 'Business associate register' })
  await register.getByRole('button', { name: 'Northwind Billing' }).click()
  await page.getByRole('button', { name: 'Archive…' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Archive Northwind Billing?' })
  await confirm.getByRole('button', { name: 'Archive', exact: true }).click()
  await expect(confirm.getByRole('alert')).toContainText('"Northwind Billing" still has 1 subcontractor below it in the chain ("Backup Vault")')
  expect(await app.axeViolations()).toEqual([])
  await confirm.getByRole('button', { name: 'Cancel' }).click()

  await register.getByRole('button', { name: 'Backup Vault' }).click()
  await page.getByRole('button', { name: 'Archive…' }).click()
  await page.getByRole('alertdialog', { name: 'Archive Backup Vault?' }).getByRole('button', { name: 'Archive', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Archived (1)' })).toBeFocused()
  await expect(register.getByRole('button', { name: 'Backup Vault' })).toHaveCount(0)

  await register.getByRole('button', { name: 'Northwind Billing' }).click()
  await page.getByRole('button', { name: 'Archive…' }).click()
  await confirm.getByRole('button', { name: 'Archive', exact: true }).click()
  await expect(confirm).toHaveCount(0)
  await page.getByRole('button', { name: 'Archived (2)' }).click()
  await expect(page.getByRole('table', { name: 'Archived business associates' }).getByRole('row')).toHaveCount(3)
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'archive-associates-list')
  await page.getByRole('button', { name: 'Restore Northwind Billing' }).click()
  await expect(register.getByRole('button', { name: 'Northwind Billing' })).toBeFocused()
  await expect(page.getByRole('button', { name: 'Archived (1)' })).toBeVisible()
})

test('an archived incident past its six years can be deleted permanently, only with its title typed again', async ({ app }) => {
  const { page } = app
  await describeOrganisation(app)
  const discoveredOn = dayFromToday(-7 * 366)
  await recordIncident(app, 'Old phishing', discoveredOn)
  // Retention counts from the record's newest document, and it was written today: as if it had been written on the
  // day of discovery and not touched since, the app is restarted on a file whose record carries that date.
  await app.restart({
    beforeReload: () => {
      const db = openWorkspace(path.join(app.dataDir, 'workspaces', 'Default.safeguard'), { keyProvider: app.keyProvider })
      const then = `${discoveredOn}T12:00:00.000Z`
      db.prepare('UPDATE incident SET created_at = ?, updated_at = ? WHERE title = ?').run(then, then, 'Old phishing')
      db.close()
    }
  })
  await openArea(app, 'Incidents')
  await page.getByRole('table', { name: 'Incident log' }).getByRole('button', { name: 'Old phishing' }).click()
  await page.getByRole('button', { name: 'Archive…' }).click()
  await page.getByRole('alertdialog', { name: 'Archive "Old phishing"?' }).getByRole('button', { name: 'Archive', exact: true }).click()
  await page.getByRole('button', { name: 'Archived (1)' }).click()
  expect(await app.axeViolations()).toEqual([])

  await page.getByRole('button', { name: 'Delete Old phishing permanently' }).click()
  const confirm = page.getByRole('alertdialog', { name: 'Delete Old phishing permanently?' })
  await expect(confirm).toContainText('it cannot be restored')
  const remove = confirm.getByRole('button', { name: 'Delete permanently', exact: true })
  await expect(remove).toBeDisabled()
  await confirm.getByLabel('Type Old phishing to confirm').fill('Old')
  await expect(remove).toBeDisabled()
  await confirm.getByLabel('Type Old phishing to confirm').fill('Old phishing')
  await expect(remove).toBeEnabled()
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'archive-delete-permanently')
  await remove.click()
  await expect(confirm).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Archived (0)' })).toBeFocused()
  await expect(page.getByRole('table', { name: 'Archived incidents' })).toHaveCount(0)
})
