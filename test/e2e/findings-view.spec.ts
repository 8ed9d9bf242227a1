import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'
import { describeOrganisation, openArea } from './steps'
import { writeThreeScans } from '../findings-view/scan-files'

test('the Findings view groups by check and opens a finding; a question card shows its scan evidence; a review flag opens its question', async ({
  app
}) => {
  const { page } = app
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-e2e-findings-view-'))
  const scans = writeThreeScans(dir)
  await describeOrganisation(app)
  await openArea(app, 'Findings')
  // Scan A, then B (the same account, later: A is superseded), then C (another account).
  for (const file of [scans.a, scans.b, scans.c]) {
    app.host.openPaths.push(file)
    await page.getByRole('button', { name: 'Choose files…' }).click()
    await expect(page.getByLabel(`Import summary for ${path.basename(file)}`)).toBeVisible()
  }

  // Grouped by check, latest scan of each account: three checks, the worst first.
  await page.getByRole('tab', { name: 'Findings' }).click()
  const groups = page.getByRole('table', { name: 'Findings grouped by check' })
  await expect(page.getByText('Showing 1–3 of 3 checks. From the latest scan of each account.')).toBeVisible()
  await expect(groups.getByTestId('check-group')).toHaveCount(3)
  await expect(groups.getByTestId('check-group').first()).toContainText('ec2_ebs_volume_encryption')
  await page.getByRole('button', { name: 'Show 3 findings of Title of s3_bucket_public_access' }).click()
  const members = page.getByRole('table', { name: 'Findings of Title of s3_bucket_public_access' })
  await expect(members.getByRole('row')).toHaveCount(4)
  await expect(members).toContainText('bucket-c')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('findings-view-grouped')

  // A finding's detail: every stored field, its scan, first and last seen.
  await members.getByRole('button', { name: 'Details of Title of s3_bucket_public_access on bucket-b' }).click()
  const detail = page.getByRole('dialog', { name: 'Title of s3_bucket_public_access' })
  await expect(detail).toContainText('bucket-b is PASS')
  await expect(detail).toContainText('b.json')
  await expect(detail).toContainText('in 2 of the imported scans')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('findings-view-detail')
  await detail.getByRole('button', { name: 'Close' }).click()

  // Superseded scans on request: the check only scan A had comes back.
  await page.getByRole('combobox', { name: 'Scans' }).click()
  await page.getByRole('option', { name: 'All scans, superseded too' }).click()
  await expect(groups.getByTestId('check-group')).toHaveCount(4)
  await expect(groups).toContainText('iam_user_mfa_enabled')

  // A review flag opens the question on its specification, which shows the scan evidence.
  await page.getByRole('tab', { name: 'Import and scans' }).click()
  await page.getByRole('button', { name: 'Open the assessment question on 164.312(b)' }).click()
  await expect(page.getByRole('heading', { name: 'Assessment', level: 1 })).toBeVisible()
  const card = page.locator('[data-testid="question-card"]:focus')
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('164.312(b)')
  const evidence = card.getByTestId('question-evidence')
  await expect(evidence).toContainText('2 failing resources in 1 check')
  await expect(evidence).toContainText('cloudtrail_multi_region_enabled')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('findings-view-question-evidence')

  // …and leads back to the Findings view filtered to it.
  await evidence.getByRole('button', { name: 'Show the findings for 164.312(b)' }).click()
  await expect(page.getByRole('heading', { name: 'Findings', level: 1 })).toBeVisible()
  await expect(page.getByRole('textbox', { name: 'Specification' })).toHaveValue('164.312(b)')
  await expect(page.getByRole('table', { name: 'Findings grouped by check' }).getByTestId('check-group')).toHaveCount(1)
  expect(app.pageErrors).toEqual([])
  fs.rmSync(dir, { recursive: true, force: true })
})
