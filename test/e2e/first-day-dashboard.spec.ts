import { expect, test, type AppHarness } from './fixtures'
import { dayFromToday, describeOrganisation, openArea, recordIncident } from './steps'

// Issue 19, items 4 and 9: a dashboard that says what to do, and due dates that read the same everywhere.

/** The same month and day `months` back (for a duty done about a year ago). */
function monthsAgo(months: number, plusDays = 0): string {
  const date = new Date()
  date.setMonth(date.getMonth() - months)
  date.setDate(date.getDate() + plusDays)
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

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
      // The page scrolls inside the main region: the lower half as well.
      await page.locator('.app-main').evaluate(main => main.scrollTo(0, main.scrollHeight))
      await app.screenshot(`${name}-${width}x${height}-${scheme}-end`)
      await page.locator('.app-main').evaluate(main => main.scrollTo(0, 0))
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 860 })
}

test('a new workspace: getting-started steps and one calendar step, not a wall of dated duties; a step ticks itself off', async ({ app }) => {
  const { page } = app
  await describeOrganisation(app)
  const steps = page.getByRole('list', { name: 'Getting-started steps' })
  await expect(steps.getByRole('listitem')).toHaveCount(4)
  await expect(steps.locator('[data-step="profile"]')).toHaveAttribute('data-done', 'true')
  await expect(steps.locator('[data-step="first-answer"]')).toHaveAttribute('data-done', 'false')
  await expect(steps.locator('[data-step="cloud-baa"]')).toContainText('Record the business associate agreement with AWS')
  // One step stands for every recurring duty never recorded as done; none of them is a dated row.
  await expect(page.getByText('Set up your calendar', { exact: true })).toHaveCount(1)
  await expect(page.getByText(/\d+ recurring duties have no completion recorded yet/)).toBeVisible()
  await expect(page.getByRole('table', { name: 'What to do next' })).toHaveCount(0)
  await expect(page.getByText('Due today')).toHaveCount(0)
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'dashboard-new')

  // Answer one question: the step ticks itself off.
  await steps.getByRole('button', { name: 'Open the assessment' }).click()
  await expect(page.getByRole('heading', { name: 'Assessment', level: 1 })).toBeVisible()
  const yes = page.getByRole('main').getByRole('radio', { name: 'Yes', exact: true }).first()
  await yes.click()
  await expect(yes).toBeChecked()
  await expect(page.getByText('Saved.').first()).toBeVisible()
  await openArea(app, 'Dashboard')
  await expect(steps.locator('[data-step="first-answer"]')).toHaveAttribute('data-done', 'true')
  await expect(steps.locator('[data-step="first-answer"]')).toContainText('1 question answered so far.')
})

test('a breach notice comes first with its days left, reads the same on the incident, and its row opens the incident', async ({ app }) => {
  const { page } = app
  await describeOrganisation(app)
  // An agreement expiring in 20 days: a dated item that is not a breach notice.
  await openArea(app, 'Business associates')
  await page.getByRole('button', { name: 'Add a business associate' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Name').fill('Northwind Billing')
  await dialog.getByLabel('Agreement status').click()
  await page.getByRole('option', { name: 'Signed' }).click()
  await dialog.getByLabel('Effective date').fill(dayFromToday(-300))
  await dialog.getByLabel('Expiry or renewal date').fill(dayFromToday(20))
  await dialog.getByRole('button', { name: 'Add' }).click()
  await expect(dialog).toHaveCount(0)

  // Discovered 10 days ago: the individuals' notice is due 60 days after discovery, in 50 days.
  await recordIncident(app, 'Stolen laptop', dayFromToday(-10))
  await openArea(app, 'Dashboard')
  const next = page.getByRole('table', { name: 'What to do next' })
  const rows = next.getByRole('row')
  await expect(rows.nth(1)).toContainText('Stolen laptop: notify')
  await expect(rows.nth(1)).toContainText(/Due in \d+ days/)
  const individuals = rows.filter({ hasText: 'Stolen laptop: notify each affected individual' })
  await expect(individuals).toContainText('Due in 50 days')
  // The agreement renewal is due sooner, but comes after every breach notice.
  const renewalIndex = await rows.evaluateAll(all => all.findIndex(row => row.textContent?.includes('Northwind Billing')))
  const lastNoticeIndex = await rows.evaluateAll(all => all.map(row => row.textContent?.includes('Stolen laptop') ?? false).lastIndexOf(true))
  expect(renewalIndex).toBeGreaterThan(lastNoticeIndex)
  await expect(rows.nth(renewalIndex)).toContainText('Due in 20 days')
  const agreements = page.getByRole('list', { name: 'Agreements expiring within 90 days' })
  await expect(agreements).toContainText('Due in 20 days')
  const dashboardWords = (await individuals.getByText(/^Due in \d+ days$/).textContent())!
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'dashboard-breach')

  // The row opens its incident, where the same notice reads the same.
  await individuals.getByRole('button', { name: 'Stolen laptop: notify each affected individual' }).click()
  await expect(page.getByRole('heading', { name: 'Incidents', level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Stolen laptop', level: 2 })).toBeVisible()
  const obligation = page
    .getByRole('table', { name: 'Notification obligations for Stolen laptop' })
    .getByRole('row')
    .filter({ hasText: 'Each affected individual' })
  await expect(obligation.getByText(dashboardWords, { exact: true })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Incident log' }).getByText(/^Due in \d+ days$/)).toHaveCount(1)
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'incident-due-text')

  // The agreement's entry opens the agreement.
  await openArea(app, 'Dashboard')
  await agreements.getByRole('button', { name: 'Northwind Billing' }).click()
  await expect(page.getByRole('heading', { name: 'Business associates', level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Northwind Billing', level: 2 })).toBeVisible()
})

test('a duty is marked done on its own row, in the calendar and on the dashboard; distant retention ends are folded away', async ({ app }) => {
  const { page } = app
  await describeOrganisation(app)
  await recordIncident(app, 'Misdirected fax', dayFromToday(-3))

  await openArea(app, 'Calendar')
  const calendar = page.getByRole('table', { name: 'Compliance calendar' })
  const riskAnalysis = calendar.getByRole('row').filter({ hasText: 'Risk analysis and risk management review' })
  await expect(riskAnalysis).toContainText('Never recorded as done')
  // Done 11 months and a week ago: the next one falls due in about three weeks.
  await riskAnalysis.getByRole('button', { name: /^Record last done: / }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Done on').fill(monthsAgo(11, -7))
  await dialog.getByRole('button', { name: 'Record' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('status')).toContainText('Recorded:')
  const moved = calendar.getByRole('row').filter({ hasText: 'Risk analysis and risk management review' })
  await expect(moved).toContainText(/Due in \d+ days/)
  await expect(moved.getByRole('button', { name: /^Mark done: / })).toBeVisible()

  // The breach file's and the recorded duty's retention end in six years: kept in their own folded list, not among the deadlines.
  await expect(calendar.getByText(/Retention period ends: /)).toHaveCount(0)
  const distant = page.locator('details.calendar-distant')
  await expect(distant.getByRole('table', { name: 'Retention ends more than a year away' })).toBeHidden()
  await distant.getByText('Retention ends more than a year away (2)').click()
  await expect(distant.getByRole('table', { name: 'Retention ends more than a year away' })).toBeVisible()
  await expect(distant.getByRole('button', { name: /breach documentation for "Misdirected fax"/ })).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await shoot(app, 'calendar')

  // On the dashboard the duty has its own dated row; its title opens its row in the calendar.
  await openArea(app, 'Dashboard')
  const next = page.getByRole('table', { name: 'What to do next' })
  const dutyRow = () => next.getByRole('row').filter({ hasText: 'Risk analysis and risk management review' })
  await expect(dutyRow()).toContainText(/Due in \d+ days/)
  await dutyRow().getByRole('button', { name: 'Risk analysis and risk management review', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible()
  await expect(moved).toHaveAttribute('aria-selected', 'true')
  await expect(moved.getByRole('button', { name: /^Mark done: / })).toBeFocused()

  // Marking it done today, on its dashboard row, takes it off the list.
  await openArea(app, 'Dashboard')
  await dutyRow()
    .getByRole('button', { name: /^Mark done: / })
    .click()
  await page.getByRole('dialog').getByRole('button', { name: 'Record' }).click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(dutyRow()).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'What to do next' })).toBeFocused()
  await expect(next.getByRole('row').filter({ hasText: 'Misdirected fax' }).first()).toBeVisible()
})
