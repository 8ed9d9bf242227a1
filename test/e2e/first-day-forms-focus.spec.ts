import path from 'node:path'
import { expect, test, type AppHarness } from './fixtures'
import { describeOrganisation, openArea } from './steps'

/**
 * Typed work is never lost and focus is kept (issue 19, items 1 and 2): the addressable decision saves as it is typed,
 * other forms with a Save button keep a draft across navigation, focus goes back to what opened a dialog (or to the
 * next control when that is gone), and a date field is one Tab stop.
 */

const MAP_FIXTURE = path.resolve(__dirname, '../fixtures/map-drawing/clinic.tfstate')
const REMINDERS = 'q-308-a5-iiA-1' // 164.308(a)(5)(ii)(A), Addressable
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 }
]

/** Screenshots of the screen as it is, at a laptop's and a desktop's size, light and dark, with axe clean in each. */
async function shoot(app: AppHarness, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await app.page.emulateMedia({ colorScheme: scheme })
    for (const size of SIZES) {
      await app.page.setViewportSize(size)
      await app.screenshot(`${name}-${size.width}-${scheme}`)
    }
    expect(await app.axeViolations()).toEqual([])
  }
  await app.page.emulateMedia({ colorScheme: 'light' })
  await app.page.setViewportSize({ width: 1280, height: 860 })
}

/** Whether nothing has focus: the page body, where the browser drops it when the focused control goes away. */
const focusOnBody = (app: AppHarness) => app.page.evaluate(() => document.activeElement === null || document.activeElement === document.body)

async function findReminders(app: AppHarness) {
  await app.page.getByLabel('Search questions').fill('security reminders')
  const card = app.page.locator(`[data-question-id="${REMINDERS}"]`)
  await expect(card).toBeVisible()
  return card
}

test('a decision typed on an addressable specification survives switching family and area, and is stored', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  await describeOrganisation(app)
  await openArea(app, 'Assessment')
  let card = await findReminders(app)
  await card.getByRole('radio', { name: 'No', exact: true }).click()
  await expect(card.getByText('Decision needed')).toBeVisible()
  await expect(card.getByRole('button', { name: 'Save decision' })).toHaveCount(0) // saved as typed: no button to forget

  // An alternative needs its description before it can be recorded: the choice is kept and the status says what is missing.
  await card.getByRole('radio', { name: /We use an equivalent alternative/ }).click()
  const saveState = card.getByTestId('decision-save-state')
  await expect(saveState).toHaveText('Describe the alternative you use to save this decision. What you chose is kept.')
  await expect(card.getByText('Decision needed')).toBeVisible()

  // The gap's risk rating has a Save button: what is typed there is kept as a draft instead.
  await card.getByLabel('Owner').fill('Office manager')
  // Typed, then straight to another family before the pause that saves: leaving saves it.
  const alternative = 'Security is a standing item at the monthly staff meeting, minuted'
  await card.getByLabel('The alternative you use').focus()
  await page.keyboard.type(alternative)
  await expect(saveState).toHaveText(/Editing…|Saving…|All changes saved\./)
  await page
    .getByRole('navigation', { name: 'Safeguard families' })
    .getByRole('button', { name: /^Physical/ })
    .click()
  await openArea(app, 'Dashboard')
  await openArea(app, 'Assessment')
  card = await findReminders(app)
  await expect(card.getByLabel('The alternative you use')).toHaveValue(alternative)
  await expect(card.getByRole('radio', { name: /We use an equivalent alternative/ })).toBeChecked()
  await expect(card.getByText('Decision needed')).toHaveCount(0)
  await expect(card.getByLabel('Owner')).toHaveValue('Office manager')
  await expect(card.getByTestId('unsaved-changes')).toBeVisible()

  // Stored in the workspace: read back through the API, then after a restart of the backend.
  const stored = await page.evaluate(async () => {
    type Decisions = { value: { decisions: { citation: string; decision: string; explanation: string }[] } }
    const bridge = (window as unknown as { safeguard: { calls: Record<string, (input: unknown, callId: string) => Promise<Decisions>> } }).safeguard
    const envelope = await bridge.calls['assessment.questionnaire']!({}, 'e2e-read')
    return envelope.value.decisions.find(d => d.citation === '164.308(a)(5)(ii)(A)')
  })
  expect(stored).toMatchObject({ decision: 'equivalent-alternative', explanation: alternative })

  // Typing more shows Editing…, then Saved, without leaving.
  await card.getByLabel('Decided by').fill('Dana Reyes')
  await expect(saveState).toHaveText('All changes saved.')
  await saveState.scrollIntoViewIfNeeded()
  await shoot(app, 'decision-autosave')
  await app.restart()
  await openArea(app, 'Assessment')
  card = await findReminders(app)
  await expect(card.getByLabel('Decided by')).toHaveValue('Dana Reyes')
  await expect(card.getByLabel('The alternative you use')).toHaveValue(alternative)
  expect(app.pageErrors).toEqual([])
})

test('a draft in a form with a Save button survives navigation, until saved or discarded', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  await describeOrganisation(app)

  // Business associates: typed in the dialog, closed with Escape, the area left and come back to.
  await openArea(app, 'Business associates')
  const add = page.getByRole('button', { name: 'Add a business associate' })
  await add.click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Name').fill('Northwind Billing')
  await dialog.getByLabel('Services provided').fill('Claims submission')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await openArea(app, 'Incidents')
  await openArea(app, 'Business associates')
  await add.click()
  await expect(dialog.getByTestId('unsaved-changes')).toContainText('Unsaved changes from earlier')
  await expect(dialog.getByLabel('Name')).toHaveValue('Northwind Billing')
  await expect(dialog.getByLabel('Services provided')).toHaveValue('Claims submission')
  await shoot(app, 'associate-draft')
  await dialog.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Business associate register' })).toContainText('Northwind Billing')
  // Saved: the next new one starts empty.
  await add.click()
  await expect(dialog.getByLabel('Name')).toHaveValue('')
  await expect(dialog.getByTestId('unsaved-changes')).toHaveCount(0)
  await page.keyboard.press('Escape')

  // Settings: a changed contact survives a visit elsewhere; Discard puts back what is stored.
  await openArea(app, 'Settings')
  await page.getByLabel('Primary contact').fill('Dana Reyes')
  await openArea(app, 'Dashboard')
  await openArea(app, 'Settings')
  await expect(page.getByLabel('Primary contact')).toHaveValue('Dana Reyes')
  await expect(page.getByTestId('unsaved-changes')).toBeVisible()
  await shoot(app, 'settings-draft')
  await page.getByRole('button', { name: 'Discard changes' }).click()
  await expect(page.getByLabel('Primary contact')).toHaveValue('')
  await expect(page.getByTestId('unsaved-changes')).toHaveCount(0)
  await openArea(app, 'Dashboard')
  await openArea(app, 'Settings')
  await expect(page.getByLabel('Primary contact')).toHaveValue('')
  expect(app.pageErrors).toEqual([])
})

test('focus goes back to the trigger after Escape and after submit, and a date field is one Tab stop', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  await describeOrganisation(app)
  await openArea(app, 'Business associates')

  // Dialog 1, opened from the keyboard: Escape, then submit.
  const add = page.getByRole('button', { name: 'Add a business associate' })
  await add.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByLabel('Name')).toBeVisible()
  // The date fields: one Tab from the effective date reaches the expiry date, and Shift+Tab comes back.
  await dialog.getByLabel('Effective date').focus()
  await page.keyboard.press('Tab')
  await expect(dialog.getByLabel('Expiry or renewal date')).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(dialog.getByLabel('Review every (months)')).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(dialog.getByLabel('Expiry or renewal date')).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(dialog.getByLabel('Effective date')).toBeFocused()
  // Typed in place, the date is kept.
  await page.keyboard.type('02012026')
  await expect(dialog.getByLabel('Effective date')).toHaveValue('2026-02-01')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(add).toBeFocused()

  await page.keyboard.press('Enter')
  await dialog.getByLabel('Name').fill('Northwind Billing')
  await dialog.getByRole('button', { name: 'Add', exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Northwind Billing', level: 2 })).toBeVisible()
  await expect(add).toBeFocused()

  // Dialog 2: recording an incident.
  await openArea(app, 'Incidents')
  const record = page.getByRole('button', { name: 'Record an incident' })
  await record.focus()
  await page.keyboard.press('Enter')
  await expect(dialog.getByLabel('Title')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(record).toBeFocused()
  await page.keyboard.press('Enter')
  await dialog.getByLabel('Title').fill('Laptop left on a train')
  await dialog.getByLabel('Discovered on').fill('2026-03-02')
  await dialog.getByRole('button', { name: 'Record the incident' }).focus()
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  await expect(record).toBeFocused()
  expect(await focusOnBody(app)).toBe(false)
  expect(app.pageErrors).toEqual([])
})

test('after an import and after a dismiss, focus is on the next control, not the page body', async ({ app }) => {
  test.setTimeout(120_000)
  const { page } = app
  await describeOrganisation(app)
  await openArea(app, 'Data-flow map')

  // An import: the button that started it is disabled while it runs, and has the focus again once it is done.
  await page.getByRole('tab', { name: 'Import' }).click()
  const choose = page.getByRole('button', { name: 'Choose files…' })
  app.host.openPaths.push(MAP_FIXTURE)
  await choose.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Import summary for clinic.tfstate')).toBeVisible()
  await expect(choose).toBeFocused()

  // The VPC holds PHI: the database inside it raises more than one flag.
  await page.getByRole('tab', { name: 'Drawing' }).click()
  await page.getByRole('button', { name: /^Zone: VPC aws_vpc\.phi/ }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('combobox', { name: 'Zone holds' }).click()
  await page.getByRole('option', { name: 'PHI', exact: true }).click()
  await expect(page.getByLabel('Details', { exact: true })).toContainText('PHI (said)')

  // A dismiss: Escape gives focus back to the flag's Dismiss button; a dismissal takes the flag away, and focus goes on
  // to the next open flag instead of the page body.
  await page.getByRole('tab', { name: /^Flags/ }).click()
  const open = page.getByRole('list', { name: 'Open flags' })
  const flags = open.getByRole('listitem')
  const before = await flags.count()
  expect(before).toBeGreaterThan(1)
  const first = flags.first()
  const firstTitle = await first.getAttribute('aria-label')
  const dismiss = first.getByRole('button', { name: 'Dismiss…' })
  await dismiss.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Dismiss this flag' })
  await expect(dialog).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(dismiss).toBeFocused()

  await page.keyboard.press('Enter')
  await dialog.getByLabel('Reason (required)').fill('Owned by the clinical systems team')
  await dialog.getByRole('button', { name: 'Dismiss flag' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('list', { name: 'Dismissed flags' })).toContainText('Owned by the clinical systems team')
  await expect(flags).toHaveCount(before - 1)
  await expect.poll(() => focusOnBody(app)).toBe(false)
  // The focus is in the open flags, on the flag that took the dismissed one's place.
  const focusedFlag = await page.evaluate(() => document.activeElement?.closest('li')?.getAttribute('aria-label') ?? null)
  expect(focusedFlag).not.toBeNull()
  expect(focusedFlag).not.toBe(firstTitle)
  expect(await page.evaluate(() => document.activeElement?.closest('ul')?.getAttribute('aria-label'))).toBe('Open flags')

  // Restoring takes the entry out of the dismissed list: focus stays near, not on the body.
  const restore = page.getByRole('list', { name: 'Dismissed flags' }).getByRole('button', { name: 'Restore' })
  await restore.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('list', { name: 'Dismissed flags' })).toHaveCount(0)
  await expect.poll(() => focusOnBody(app)).toBe(false)
  expect(app.pageErrors).toEqual([])
})
