import fs from 'node:fs'
import path from 'node:path'
import { expect, test } from './fixtures'
import { localDate } from './local-date'
import { dayFromToday, describeOrganisation, openArea, recordIncident } from './steps'

test('notices as given: a written notice with its delivery evidence marks the obligation done, HHS follows the letters, substitute notice checked', async ({
  app
}) => {
  const { page } = app
  await describeOrganisation(app)
  // 600 in Georgia, discovered 20 days ago: individuals, HHS at once and Georgia's media, each due in 40 days.
  await recordIncident(app, 'Stolen laptop', dayFromToday(-20))
  const obligations = page.getByRole('table', { name: 'Notification obligations for Stolen laptop' })
  const individuals = obligations.getByRole('row').filter({ hasText: 'Each affected individual' })
  const hhs = obligations.getByRole('row').filter({ hasText: 'Secretary of HHS' })
  const opener = individuals.getByRole('button', { name: 'Record notice: Each affected individual' })

  // A website substitute notice for 4 people is refused with the rule, and what was typed survives leaving the area.
  await opener.click()
  const dialog = page.getByRole('dialog')
  await dialog.getByRole('radio', { name: /^Substitute notice: website posting for 90 days/ }).check()
  await dialog.getByLabel('People with missing or out-of-date contact details').fill('4')
  await dialog.getByLabel('Delivery evidence').fill('USPS certificate of mailing 9407 1111 2222')
  await expect(dialog.getByText(/At least 90 days, with the toll-free number: until/)).toBeVisible()
  await dialog.getByRole('button', { name: 'Record', exact: true }).click()
  await expect(dialog.getByRole('alert')).toContainText('is for 10 or more people whose contact details are missing or out of date')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('notice-dialog-refused')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await expect(opener).toBeFocused()

  await openArea(app, 'Dashboard')
  await openArea(app, 'Incidents')
  await page.getByRole('table', { name: 'Incident log' }).getByRole('button', { name: 'Stolen laptop' }).click()
  await opener.click()
  await expect(dialog.getByLabel('Delivery evidence')).toHaveValue('USPS certificate of mailing 9407 1111 2222')
  await dialog.getByRole('radio', { name: /^Written notice by first-class mail/ }).check()
  await dialog.getByLabel('Sent on').fill(dayFromToday(-2))
  await dialog.getByLabel('Sent to how many (optional)').fill('596')
  await dialog.getByRole('button', { name: 'Record', exact: true }).click()
  await expect(dialog).toHaveCount(0)

  await expect(individuals).toContainText('Done')
  await expect(individuals).toContainText('Written notice by first-class mail')
  // 164.408(b): HHS is told "contemporaneously with" the letters, so its due date is now the letters' date.
  const lettersOn = await localDate(page, dayFromToday(-2))
  await expect(hhs).toContainText(lettersOn)
  await expect(hhs).toContainText(/HHS is due the same day/)
  const given = page.getByRole('list', { name: 'Notices given' })
  await expect(given).toContainText(`Individuals: sent ${lettersOn}`)
  await expect(given).toContainText('Written notice by first-class mail, to 596; 4 without usable contact details')
  await expect(given).toContainText('Evidence: USPS certificate of mailing 9407 1111 2222')
  await expect(opener).toBeFocused()

  // A scan of the receipt, stored inside the workspace.
  const receipt = path.join(app.dataDir, 'mailing-receipt.pdf')
  fs.writeFileSync(receipt, '%PDF-1.7 certificate of mailing')
  app.host.openPaths.push(receipt)
  await given.getByRole('button', { name: /^Attach an evidence file of the Individuals notice/ }).click()
  await expect(given).toContainText('File: mailing-receipt.pdf (1 KB), stored in this workspace')
  expect(await app.axeViolations()).toEqual([])
  await given.scrollIntoViewIfNeeded()
  await app.screenshot('notices-given')
})
