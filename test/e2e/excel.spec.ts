import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type AppHarness } from './fixtures'
import { describeOrganisation, openArea } from './steps'

// Issue 18: the questionnaire to Excel from the app, filled in by a second program (openpyxl, not the library that
// wrote it), and imported back through the app's import button; the answers show in the questionnaire.

const PYTHON = '/usr/bin/python3'
const hasOpenpyxl = fs.existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import openpyxl']).status === 0

const card = (app: AppHarness, questionId: string) => app.page.locator(`[data-question-id="${questionId}"]`)

/** The questionnaire shows one section at a time: from the family's first section, step on until the question shows. */
async function showQuestion(app: AppHarness, questionId: string): Promise<void> {
  const { page } = app
  await page
    .getByRole('navigation', { name: 'Safeguard families' })
    .getByRole('button', { name: /^Administrative/ })
    .click()
  for (let step = 0; step < 12 && !(await card(app, questionId).isVisible()); step++) await page.getByRole('button', { name: 'Next section' }).click()
  await expect(card(app, questionId)).toBeVisible()
}

test('the questionnaire exported to Excel, filled in by another program, and imported back', async ({ app }) => {
  test.skip(!hasOpenpyxl, 'needs /usr/bin/python3 with openpyxl: the second program that fills the workbook in')
  const { page } = app
  await describeOrganisation(app)
  await openArea(app, 'Assessment')
  await page.getByRole('tab', { name: 'Review and sign-off' }).click()

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-e2e-excel-'))
  const workbook = path.join(dir, 'for-client.xlsx')
  app.host.savePaths.push(workbook)
  await page.getByRole('button', { name: 'Export questionnaire…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'for-client.xlsx' })).toContainText(/Wrote \d+ questions/)
  expect(fs.readFileSync(workbook).subarray(0, 2).toString()).toBe('PK')

  execFileSync(PYTHON, [
    '-c',
    `import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
s = wb['Administrative safeguards']
head = [c.value for c in s[1]]
for r in s.iter_rows(min_row=2):
    if r[0].value == 'q-308-a2-1':
        r[head.index('answer')].value = 'Yes'
        r[head.index('notes')].value = 'Dana Reyes, practice manager'
    if r[0].value == 'q-308-a5-iiA-1':
        r[head.index('answer')].value = 'No'
        r[head.index('decision')].value = 'Not reasonable and appropriate'
        r[head.index('decision_explanation')].value = 'Two-person office: reminders in the weekly meeting'
wb.save(sys.argv[1])`,
    workbook
  ])

  app.host.openPaths.push(workbook)
  await page.getByRole('button', { name: 'Import filled-in questionnaire…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 changes' })).toBeVisible()
  const report = page.getByRole('table')
  await expect(report.getByRole('row', { name: /q-308-a2-1/ })).toContainText('Accepted')
  await expect(report.getByRole('row', { name: /q-308-a2-1/ })).toContainText('Administrative safeguards')
  await expect(report.getByRole('row', { name: /q-308-a5-iiA-1/ })).toContainText('Accepted')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('excel-imported')

  await page.getByRole('tab', { name: 'Questionnaire' }).click()
  await showQuestion(app, 'q-308-a2-1')
  await expect(card(app, 'q-308-a2-1').getByRole('radio', { name: 'Yes', exact: true })).toBeChecked()
  await expect(card(app, 'q-308-a2-1').getByRole('textbox').first()).toHaveValue('Dana Reyes, practice manager')
  await showQuestion(app, 'q-308-a5-iiA-1')
  await expect(card(app, 'q-308-a5-iiA-1').getByRole('radio', { name: 'No', exact: true })).toBeChecked()
  expect(app.pageErrors).toEqual([])
  fs.rmSync(dir, { recursive: true, force: true })
})
