import { expect, test, type AppHarness } from './fixtures'
import { localDate } from './local-date'
import { describeOrganisation } from './steps'

async function openAssessment(app: AppHarness): Promise<void> {
  await app.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Assessment', exact: true }).click()
  await expect(app.page.getByRole('heading', { name: 'Assessment', level: 1 })).toBeVisible()
}

const card = (app: AppHarness, questionId: string) => app.page.locator(`[data-question-id="${questionId}"]`)

/** The questionnaire shows one section at a time: from the family's first section, step on until the question shows. */
async function showQuestion(app: AppHarness, questionId: string, family = 'Administrative'): Promise<void> {
  const { page } = app
  await page
    .getByRole('navigation', { name: 'Safeguard families' })
    .getByRole('button', { name: new RegExp(`^${family}`) })
    .click()
  for (let step = 0; step < 12 && !(await card(app, questionId).isVisible()); step++) await page.getByRole('button', { name: 'Next section' }).click()
  await expect(card(app, questionId)).toBeVisible()
}

test('walk a family with the keyboard, record an addressable decision, rate a risk, and find it all after a restart', async ({ app }) => {
  // One long journey across five tabs with an axe check on each, then a restart: more than the default minute on a busy machine.
  test.setTimeout(180_000)
  const { page } = app
  await describeOrganisation(app)
  await openAssessment(app)

  // The organisation profile comes first and decides which questions apply.
  await page.getByRole('button', { name: /Answer the \d+ questions about your organisation/ }).click()
  await expect(page.getByRole('heading', { name: 'About your organisation' })).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('assessment-start')
  await showQuestion(app, 'q-308-a4-iiA-1') // clearinghouse question, shown until the profile says otherwise
  const clearinghouse = page.getByRole('radiogroup', { name: 'Are you (or is part of your organisation) a health care clearinghouse?' })
  await clearinghouse.getByRole('radio', { name: 'No', exact: true }).click()
  await expect(card(app, 'q-308-a4-iiA-1')).toHaveCount(0)
  await expect(page.getByTestId('next-step')).toContainText('Continue with Administrative safeguards')

  // Answer with the keyboard: focus the group, Space selects, arrows move the choice (each saved at once).
  await showQuestion(app, 'q-308-a2-1')
  const officer = card(app, 'q-308-a2-1')
  await officer.getByRole('radio', { name: 'Yes', exact: true }).focus()
  await page.keyboard.press('Space')
  await expect(officer.getByRole('radio', { name: 'Yes', exact: true })).toBeChecked()
  await expect(officer.getByRole('status')).toHaveText('Saved.')
  await page.keyboard.press('Tab') // leaves the radio group for the notes
  await page.keyboard.type('Dana Reyes, practice manager')
  await page.keyboard.press('Tab') // leaving the field saves the notes
  await expect(page.getByText(/1 of \d+ questions answered/)).toBeVisible()

  await showQuestion(app, 'q-308-a5-iiA-1')
  const reminders = card(app, 'q-308-a5-iiA-1')
  await reminders.getByRole('radio', { name: 'Yes', exact: true }).focus()
  // Held briefly as a person would: Radix selects on the focus it moves after keydown, while the key is down.
  await page.keyboard.press('ArrowRight', { delay: 80 }) // Partly
  await expect(reminders.getByRole('radio', { name: 'Partly', exact: true })).toBeChecked()
  await page.keyboard.press('ArrowRight', { delay: 80 }) // No
  await expect(reminders.getByRole('radio', { name: 'No', exact: true })).toBeChecked()
  await expect(reminders.getByText('Decision needed')).toBeVisible()

  // An Addressable specification answered No needs a recorded decision.
  await reminders.getByRole('radio', { name: /We use an equivalent alternative/ }).focus()
  await page.keyboard.press('Space')
  await reminders.getByLabel('The alternative you use').fill('Security is a standing item at the monthly staff meeting, minuted')
  await reminders.getByLabel('Decided by').fill('Dana Reyes')
  // Saved as typed (no Save button), announced in the decision's status line.
  await expect(reminders.getByTestId('decision-save-state')).toHaveText('All changes saved.')
  await expect(reminders.getByText('Decision needed')).toHaveCount(0)

  // The gap gets a risk rating.
  await reminders.getByLabel('How likely is a problem?').click()
  await page.getByRole('option', { name: '4 – Likely' }).click()
  await reminders.getByLabel('How bad would it be?').click()
  await page.getByRole('option', { name: '3 – Moderate' }).click()
  await expect(reminders.getByTestId('risk-level')).toHaveText('High risk')
  await reminders.getByLabel('Owner').fill('Office manager')
  await reminders.getByLabel('Due date').fill('2026-06-30')
  await reminders.getByLabel('Remediation plan').fill('Send a short security reminder every month')
  await reminders.getByRole('button', { name: 'Save risk rating' }).click()
  await expect(reminders.getByText('Risk rating saved.')).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('assessment-family')

  // Filters and search (a search looks through every family).
  await page.getByLabel('Search questions').fill('backup')
  await expect(card(app, 'q-308-a7-iiA-1')).toBeVisible()
  await expect(card(app, 'q-310-d2-iv-1')).toBeVisible() // a physical safeguard, found from the administrative family
  await expect(card(app, 'q-308-a2-1')).toHaveCount(0)
  await page.getByLabel('Search questions').fill('')
  await page.getByLabel('Show').click()
  await page.getByRole('option', { name: 'High and critical risks' }).click()
  await expect(page.getByTestId('question-card')).toHaveCount(1)
  await expect(card(app, 'q-308-a5-iiA-1')).toBeVisible()

  // The register is the risk analysis now, one link away: the rated gap is a scenario there.
  await page.getByRole('main').getByRole('button', { name: 'Risk analysis', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Risk analysis', level: 1 })).toBeVisible()
  const row = page.getByTestId('risk-row')
  await expect(row).toHaveCount(1)
  await expect(row.getByTestId('risk-level')).not.toHaveText('Not rated')
  await expect(row).toContainText('Office manager')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('risk-register')
  await openAssessment(app)

  // Cloud services: S3 holds health data and is covered.
  await page.getByRole('tab', { name: 'Cloud services' }).click()
  await page.getByRole('checkbox', { name: 'Amazon S3 holds health data' }).click()
  await expect(page.getByRole('checkbox', { name: 'Amazon S3 is in use' })).toBeChecked()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('cloud-services')

  await page.getByRole('tab', { name: 'Procurement answers' }).click()
  await expect(page.getByTestId('procurement-answer')).toHaveCount(3)
  await expect(page.getByRole('region', { name: /Which AWS services hold PHI/ })).toContainText('Services holding health data: Amazon S3.')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('procurement')

  await page.getByRole('tab', { name: 'Review and sign-off' }).click()
  await page.locator('#signoff-administrative-name').fill('Dana Reyes')
  const signedOn = await page.locator('#signoff-administrative-date').inputValue()
  await page.getByRole('button', { name: 'Sign off Administrative safeguards' }).click()
  await expect(page.getByText(`signed off by Dana Reyes on ${await localDate(page, signedOn)}`)).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('review')

  // Restart: everything is as it was.
  await app.restart()
  await openAssessment(app)
  await expect(page.getByRole('button', { name: /Answer the \d+ questions about your organisation/ })).toBeVisible() // profile still incomplete
  await page.getByLabel('Search questions').fill('clearinghouse part of your organisation')
  await expect(page.getByText(/^0 questions in all families match/)).toBeVisible()
  await expect(card(app, 'q-308-a4-iiA-1')).toHaveCount(0)
  await page.getByLabel('Search questions').fill('')
  await showQuestion(app, 'q-308-a2-1')
  await expect(card(app, 'q-308-a2-1').getByRole('radio', { name: 'Yes', exact: true })).toBeChecked()
  await expect(card(app, 'q-308-a2-1').getByLabel('Notes')).toHaveValue('Dana Reyes, practice manager')
  await card(app, 'q-308-a2-1').getByText('History of changes').click()
  await expect(card(app, 'q-308-a2-1').getByRole('listitem').filter({ hasText: 'Answer: (empty) → yes' })).toBeVisible()
  await expect(card(app, 'q-308-a2-1').getByRole('listitem').filter({ hasText: 'Notes: (empty) → Dana Reyes, practice manager' })).toBeVisible()
  await showQuestion(app, 'q-308-a5-iiA-1')
  const after = card(app, 'q-308-a5-iiA-1')
  await expect(after.getByRole('radio', { name: 'No', exact: true })).toBeChecked()
  await expect(after.getByRole('radio', { name: /We use an equivalent alternative/ })).toBeChecked()
  await expect(after.getByLabel('The alternative you use')).toHaveValue('Security is a standing item at the monthly staff meeting, minuted')
  await expect(after.getByTestId('risk-level')).toHaveText('High risk')
  await expect(after.getByLabel('Owner')).toHaveValue('Office manager')
  await page.getByRole('main').getByRole('button', { name: 'Risk analysis', exact: true }).click()
  await expect(page.getByTestId('risk-row')).toContainText(await localDate(page, '2026-06-30'))
  await openAssessment(app)
  await page.getByRole('tab', { name: 'Review and sign-off' }).click()
  await expect(page.getByText(/signed off by Dana Reyes/)).toBeVisible()

  expect(app.foreignRequests).toEqual([])
  expect(app.pageErrors).toEqual([])
})
