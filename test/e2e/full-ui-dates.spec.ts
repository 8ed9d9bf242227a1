import path from 'node:path'
import type { Locator, Page } from '@playwright/test'
import { expect, test, type AppHarness } from './fixtures'
import { localDate } from './local-date'
import { describeOrganisation, openArea } from './steps'

// Issue 19, item 9: every date a person reads follows the computer's locale, as the date inputs do; the notification
// shown when a workspace opens says what the Dashboard says.

const SCAN = path.resolve(__dirname, '../fixtures/scanners/prowler-asff.json')
/** A date as YYYY-MM-DD: what no table or panel should print any more. */
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/

/** Calls the API as the window does (through window.safeguard), for records the test needs but does not test typing in. */
async function call<T>(page: Page, name: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ([n, i]) => {
      const bridge = (window as unknown as { safeguard: { calls: Record<string, (input: unknown, callId: string) => Promise<unknown>> } }).safeguard
      return bridge.calls[n as string]!(i, `seed-${Math.random()}`)
    },
    [name, input] as const
  )
  const result = envelope as { ok: boolean; value?: T; error?: { message: string } }
  if (!result.ok) throw new Error(`${name}: ${result.error?.message}`)
  return result.value as T
}

/** The page's own date and time format for an instant (the locale the page runs in), as format-date.ts shows timestamps. */
function localDateTime(page: Page, instant: string): Promise<string> {
  return page.evaluate(
    value =>
      new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(
        new Date(value)
      ),
    instant
  )
}

/** Screenshots at two sizes in both themes, with `shown` (the dated part of the screen) scrolled into view. */
async function shoot(app: AppHarness, name: string, shown: Locator): Promise<void> {
  const { page } = app
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080]
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme: scheme })
      await shown.scrollIntoViewIfNeeded()
      await app.screenshot(`${name}-${width}x${height}-${scheme}`)
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 860 })
}

test.describe('on a British computer', () => {
  test.use({ locale: 'en-GB' })

  test('tables and panels show dates day-first, as its date inputs do, and never as YYYY-MM-DD', async ({ app }) => {
    const { page } = app
    expect(await page.evaluate(() => new Intl.DateTimeFormat().resolvedOptions().locale)).toBe('en-GB')
    await describeOrganisation(app)
    const main = page.getByRole('main')

    // Business associates: the register's expiry column and the detail panel.
    await call(page, 'baas.create', {
      associate: { name: 'Northwind Billing', baaStatus: 'signed', effectiveOn: '2025-06-01', expiresOn: '2027-05-10', reviewEveryMonths: 12 }
    })
    await openArea(app, 'Business associates')
    const row = page.getByRole('row', { name: /Northwind Billing/ })
    await expect(row).toContainText('10/05/2027')
    await row.getByRole('button', { name: /Northwind Billing/ }).click()
    await expect(main).toContainText('effective 01/06/2025, expires 10/05/2027')
    await expect(main).not.toContainText(ISO_DATE)
    expect(await app.axeViolations()).toEqual([])
    await shoot(app, 'dates-associates', row)

    // Risk analysis: the due date and the acceptance's end in the register.
    const laptop = await call<{ id: number }>(page, 'map.addAsset', { name: 'Front-desk laptop', kind: 'workstation', phi: 'phi' })
    const risk = await call<{ id: number }>(page, 'risks.create', { assetIds: [laptop.id], threatId: 'equipment-loss-theft', title: 'Stolen laptop' })
    await call(page, 'risks.update', { id: risk.id, dueOn: '2030-06-30' })
    await call(page, 'risks.setTreatment', {
      id: risk.id,
      treatment: { kind: 'accept', approver: 'Dr. Sam Okafor', approvedOn: '2026-01-15', reason: 'Encrypted disk', expiresOn: '2027-01-15' }
    })
    await openArea(app, 'Risk analysis')
    const riskRow = page.getByTestId('risk-row')
    await expect(riskRow).toContainText('by Dr. Sam Okafor until 15/01/2027')
    await expect(riskRow).toContainText('30/06/2030')
    await expect(page.getByRole('table').first()).not.toContainText(ISO_DATE)
    expect(await app.axeViolations()).toEqual([])
    await shoot(app, 'dates-risks', riskRow)

    // Data-flow map: the last review.
    await call(page, 'map.review', { reviewedOn: '2026-02-03', by: 'Dana Reyes' })
    await openArea(app, 'Data-flow map')
    await expect(main).toContainText('Last reviewed on 03/02/2026 by Dana Reyes.')
    await expect(main).not.toContainText(ISO_DATE)
    expect(await app.axeViolations()).toEqual([])
    await shoot(app, 'dates-map', page.getByText('Last reviewed on 03/02/2026 by Dana Reyes.'))

    // Findings: a scan's time, as the local date and time.
    await call(page, 'scans.import', { paths: [SCAN] })
    const [scan] = await call<{ startedAt: string | null; importedAt: string }[]>(page, 'scans.list', {})
    await openArea(app, 'Findings')
    const scanned = await localDateTime(page, scan!.startedAt ?? scan!.importedAt)
    expect(scanned).toMatch(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/)
    await expect(main.getByRole('table').first()).toContainText(scanned)
    await expect(main.getByRole('table').first()).not.toContainText(ISO_DATE)
    expect(await app.axeViolations()).toEqual([])
    await shoot(app, 'dates-findings', main.getByRole('table').first())

    // Settings: a backup's time.
    const backup = await call<{ createdAt: string }>(page, 'backup.create', {})
    await openArea(app, 'Settings')
    const backedUp = await localDateTime(page, backup.createdAt)
    await expect(page.getByRole('row').filter({ hasText: 'Made by you' }).getByRole('rowheader')).toHaveText(backedUp)
    await expect(main).not.toContainText(ISO_DATE)
    expect(await app.axeViolations()).toEqual([])
    await shoot(app, 'dates-settings', page.getByRole('row').filter({ hasText: 'Made by you' }))

    // Assessment: a family signed off today reads today's date as the date input shows it.
    await openArea(app, 'Assessment')
    await page.getByRole('tab', { name: 'Review and sign-off' }).click()
    const signedOn = await page.locator('#signoff-administrative-date').inputValue()
    await page.locator('#signoff-administrative-name').fill('Dana Reyes')
    await page.getByRole('button', { name: 'Sign off Administrative safeguards' }).click()
    const shown = await localDate(page, signedOn)
    expect(shown).toMatch(/^\d{2}\/\d{2}\/\d{4}$/)
    await expect(page.getByText(`signed off by Dana Reyes on ${shown}`)).toBeVisible()
    await expect(main).not.toContainText(ISO_DATE)
    expect(await app.axeViolations()).toEqual([])
    await shoot(app, 'dates-assessment', page.getByText(`signed off by Dana Reyes on ${shown}`))
  })
})

test('the notification on opening a workspace leaves out duties never done, as the Dashboard does, and leads with breach notices', async ({
  app
}) => {
  const { page } = app
  await describeOrganisation(app)
  // A new workspace: every recurring duty is still to be set up, which the Dashboard shows as one step, not as due items.
  await expect(page.getByText('Set up your calendar', { exact: true })).toBeVisible()

  const today = await page.evaluate(() => {
    const d = new Date()
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  })
  await call(page, 'incidents.create', {
    incident: { title: 'Laptop', discoveredOn: today, role: 'covered-entity', unsecuredPhi: true, affectedByState: { GA: 600 } }
  })
  await app.restart()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  // Two opens, one notification: the first open (duties never done only) showed none, so the one there is is this open's.
  await expect.poll(() => app.host.notifications.length).toBe(1)
  const [shown] = app.host.notifications
  expect(shown!.title).toBe('What to do next: 3 breach notices to give')
  // Each line in the Dashboard's words: discovered today, the notices fall due in 60 days.
  expect(shown!.body.split('\n')[0]).toMatch(/^Laptop: notify .+ — Due in 60 days$/)
  const next = page.getByRole('table', { name: 'What to do next' })
  await expect(next.getByText('Due in 60 days')).toHaveCount(3)
})
