import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type AppHarness } from './fixtures'

const FIXTURES = path.resolve(__dirname, '../fixtures/scanners')

async function openFindings(app: AppHarness): Promise<void> {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Findings', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Findings', level: 1 })).toBeVisible()
}

test('import a Prowler scan, read its summary, follow a review flag to the evidence, reject a broken file', async ({ app }) => {
  const { page } = app
  await openFindings(app)
  await expect(page.getByText('No scans imported yet.')).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('findings-empty')

  // Choosing a file goes through the host's dialog.
  app.host.openPaths.push(path.join(FIXTURES, 'prowler-v5.ocsf.json'))
  await page.getByRole('button', { name: 'Choose files…' }).click()
  const summary = page.getByLabel('Import summary for prowler-v5.ocsf.json')
  await expect(summary).toContainText('Prowler JSON-OCSF (version 5.3.0)')
  await expect(summary).toContainText('4 check results from 3 checks: 1 passed, 2 failed')
  await expect(summary).toContainText('164.312(a)(2)(iv)')
  await expect(page.getByRole('heading', { name: 'Flagged for review (3)' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Imported scans' })).toContainText('prowler-v5.ocsf.json')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('findings-imported')

  // Evidence by specification: failing and passing counts from the latest scan.
  await page.getByRole('tab', { name: 'By specification' }).click()
  const row = page.getByRole('table', { name: 'Evidence by specification' }).getByRole('row', { name: /^164\.312\(a\)\(2\)\(iv\)/ })
  await expect(row).toContainText('11flagged')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('findings-by-specification-table')
  await page.getByRole('tab', { name: 'Import and scans' }).click()

  // A flag leads to the failing findings of that specification.
  await page.getByRole('button', { name: 'Show findings for 164.312(a)(2)(iv)' }).click()
  const table = page.getByRole('table', { name: 'Findings' })
  await expect(table).toContainText('patient-scans')
  await expect(table).not.toContainText('billing-exports')
  await expect(page.getByText('Showing 1–1 of 1 findings.')).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('findings-by-specification')

  // A broken file is refused with its position; nothing else changes.
  await page.getByRole('tab', { name: 'Import and scans' }).click()
  app.host.openPaths.push(path.join(FIXTURES, 'invalid/syntax-error.json'))
  await page.getByRole('button', { name: 'Choose files…' }).click()
  await expect(page.getByRole('alert')).toContainText('syntax-error.json (line 2, byte 4, record 0)')
  await expect(page.getByRole('table', { name: 'Imported scans' }).getByRole('row')).toHaveCount(2)

  // The first scan of an account: every failure is new.
  await page.getByRole('tab', { name: 'Compare scans' }).click()
  await expect(page.getByText('No earlier scan of the same account: all 2 failures are new.')).toBeVisible()
  expect(app.pageErrors).toEqual([])
})

test('imported text is shown as text, never as HTML', async ({ app }) => {
  const { page } = app
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-e2e-scan-'))
  const file = path.join(dir, 'hostile.ocsf.json')
  fs.writeFileSync(
    file,
    JSON.stringify([
      {
        class_uid: 2004,
        status_code: 'FAIL',
        severity: 'High',
        metadata: { event_code: 'iam_root_mfa_enabled', product: { name: 'Prowler' } },
        finding_info: { title: '<img src=x onerror="document.title=1">Root MFA' },
        resources: [{ uid: '<b>arn:aws:iam::1:root</b>' }],
        cloud: { account: { uid: '111122223333' }, region: 'us-east-1', provider: 'aws' },
        remediation: { desc: '<script>alert(1)</script>', references: ['javascript:alert(1)'] }
      }
    ])
  )
  await openFindings(app)
  app.host.openPaths.push(file)
  await page.getByRole('button', { name: 'Choose files…' }).click()
  await expect(page.getByLabel('Import summary for hostile.ocsf.json')).toContainText('1 check result from 1 check: 0 passed, 1 failed')
  await page.getByRole('tab', { name: 'Findings' }).click()
  // Grouped by check; the check opens to its findings.
  await page.getByRole('button', { name: /^Show 1 finding of / }).click()
  const table = page.getByRole('table', { name: 'Findings grouped by check' })
  await expect(table).toContainText('<img src=x onerror="document.title=1">Root MFA')
  await expect(table).toContainText('<script>alert(1)</script>')
  await expect(table.locator('img, script, b')).toHaveCount(0)
  await expect(table.getByRole('link')).toHaveCount(0)
  await app.screenshot('findings-hostile-text')
  fs.rmSync(dir, { recursive: true, force: true })
})

test('a scanner file dropped anywhere on the window is imported in Findings', async ({ app }) => {
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Welcome to Safeguard' })).toBeVisible()
  await page.getByLabel('Organisation name').fill('Harbor Family Practice')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()

  await app.dropFile('#main-content', path.join(FIXTURES, 'prowler-v5.ocsf.json'))
  await expect(page.getByRole('heading', { name: 'Findings', level: 1 })).toBeVisible()
  await expect(page.getByLabel('Import summary for prowler-v5.ocsf.json')).toContainText('Prowler JSON-OCSF (version 5.3.0)')
  await expect(page.getByRole('table', { name: 'Imported scans' })).toContainText('prowler-v5.ocsf.json')
  expect(app.pageErrors).toEqual([])
})
