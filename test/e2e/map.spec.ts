import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type AppHarness } from './fixtures'

const FIXTURE = path.resolve(__dirname, '../fixtures/map-drawing/clinic.tfstate')
// Prowler findings on the clinic's patients database: one failing check, one passing.
const SCAN = path.resolve(__dirname, '../fixtures/map-drawing/clinic-prowler.ocsf.json')

async function openMap(app: AppHarness): Promise<void> {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Data-flow map', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Data-flow map', level: 1 })).toBeVisible()
}

test('drop a Terraform state on the map, mark a zone as PHI, see the flags, open an asset, export SVG', async ({ app }) => {
  const { page } = app
  await openMap(app)
  await expect(page.getByText('The map is empty')).toBeVisible()
  expect(await app.axeViolations()).toEqual([])

  // Dropped anywhere on the page: imported here, not sent to Findings.
  await app.dropFile('.map-page', FIXTURE)
  await expect(page.getByLabel('Import summary for clinic.tfstate')).toContainText('3 assets, 4 zones, 1 flow')
  await expect(page.getByRole('heading', { name: 'Data-flow map', level: 1 })).toBeVisible()

  // Mark the VPC as holding PHI from the drawing: select it, then choose in the details panel.
  await page.getByRole('tab', { name: 'Drawing' }).click()
  const vpc = page.getByRole('button', { name: /^Zone: VPC aws_vpc\.phi/ })
  await vpc.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'VPC aws_vpc.phi', level: 2 })).toBeVisible()
  await page.getByRole('combobox', { name: 'Zone holds' }).click()
  await page.getByRole('option', { name: 'PHI', exact: true }).click()
  await expect(page.getByLabel('Details', { exact: true })).toContainText('PHI (said)')
  // The database inside inherits it.
  await expect(page.getByRole('button', { name: /^Asset: aws_db_instance\.patients, database · PHI \(inferred\)/ })).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('map-drawing-light')

  // The flags, each citing its rule; dismiss one with a reason, and restore it.
  await page.getByRole('tab', { name: /^Flags/ }).click()
  const open = page.getByRole('list', { name: 'Open flags' })
  await expect(open.getByRole('listitem', { name: 'PHI asset with no owner' })).toBeVisible()
  await expect(open).toContainText('90 FR 898')
  const ownerFlag = open.getByRole('listitem', { name: 'PHI asset with no owner' })
  await ownerFlag.getByRole('button', { name: 'Dismiss…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Dismiss this flag' })
  await expect(dialog.getByRole('button', { name: 'Dismiss flag' })).toBeDisabled()
  await dialog.getByLabel('Reason (required)').fill('Owned by the clinical systems team, recorded in the CMDB')
  await dialog.getByRole('button', { name: 'Dismiss flag' }).click()
  await expect(page.getByRole('list', { name: 'Dismissed flags' })).toContainText('Owned by the clinical systems team')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('map-flags')
  await page.getByRole('list', { name: 'Dismissed flags' }).getByRole('button', { name: 'Restore' }).click()
  await expect(page.getByRole('list', { name: 'Dismissed flags' })).toHaveCount(0)

  // Open an asset from the table and give it an owner.
  await page.getByRole('tab', { name: 'Table' }).click()
  await page.getByRole('button', { name: 'Details of aws_db_instance.patients' }).click()
  const details = page.getByLabel('Details', { exact: true })
  await expect(details.getByRole('heading', { name: 'aws_db_instance.patients' })).toBeVisible()
  await expect(details).toContainText('Encrypted at rest')
  await details.getByLabel('Owner', { exact: true }).fill('Clinical systems team')
  await details.getByRole('button', { name: 'Save owner' }).click()
  await expect(page.getByRole('table', { name: 'Assets' })).toContainText('Clinical systems team')
  await expect(details).toContainText('No imported scan names this asset’s resource.')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('map-table')

  // A scan naming the database by ARN (dropped on the window: imported in Findings), then the asset's evidence on the map.
  await app.dropFile('#main-content', SCAN)
  await expect(page.getByLabel('Import summary for clinic-prowler.ocsf.json')).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Data-flow map', exact: true }).click()
  await page.getByRole('tab', { name: 'Table' }).click()
  await page.getByRole('button', { name: 'Details of aws_db_instance.patients' }).click()
  await expect(details).toContainText('1 failing, 1 passing in 1 scan')
  const scan = details.getByRole('region', { name: 'Scan clinic-prowler.ocsf.json' })
  await expect(scan.getByRole('listitem')).toHaveText([
    /^failed Check RDS instance storage is encrypted/,
    /^passed Check RDS instance backups are enabled/
  ])
  await expect(details).toContainText('Business associate agreement')
  expect(await app.axeViolations()).toEqual([])
  await details.getByRole('heading', { name: 'Scanner findings' }).scrollIntoViewIfNeeded()
  await app.screenshot('map-asset-evidence')

  // Export: the path comes from the save dialog.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-map-e2e-'))
  const target = path.join(dir, 'map.svg')
  app.host.savePaths.push(target)
  await page.getByRole('button', { name: 'Export SVG…' }).click()
  await expect(page.getByText(`The drawing was saved to ${target}.`)).toBeVisible()
  const svg = fs.readFileSync(target, 'utf8')
  expect(svg).toContain('role="img"')
  expect(svg).toContain('aws_db_instance.patients')
  expect(fs.statSync(target).mode & 0o777).toBe(0o600)
  fs.rmSync(dir, { recursive: true, force: true })

  await page.getByRole('tab', { name: 'Drawing' }).click()
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('map-drawing-dark')
  expect(app.pageErrors).toEqual([])
})
