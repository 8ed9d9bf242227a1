import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCallContext } from '../../main/api/call-context'
import type { CallName, InputOf } from '../../main/api/contract'
import { callHandler } from '../../main/api/dispatch'
import { headlessHost } from '../../main/api/host'
import { Session } from '../../main/workspace/session'
import { expect, test } from './fixtures'
import { dayFromToday, describeOrganisation, openArea } from './steps'

// Issue 18: every client at a glance from a chosen folder and the recent list; sort, filter, a passphrase client's
// summary unlocked and kept (encrypted) with the date read, one calendar across clients, a client opened by keyboard.

const PASSPHRASE = 'quiet harbour 2031'

const profile = (name: string) => ({ name, role: 'covered-entity' as const, contactName: 'Dana Reyes', cloudProvider: 'aws' as const })

/** Client workspaces made beside the app through the same API, as another computer of the consultant's would have made them. */
async function clientFolder(): Promise<string> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-e2e-clients-'))
  const session = new Session({ dataDir: null, appVersion: 'e2e' })
  const call = <K extends CallName>(name: K, input: InputOf<K>) => callHandler(name, input, createCallContext(session, { host: headlessHost }))
  try {
    await call('workspace.create', {
      path: path.join(folder, 'lakeside.safeguard'),
      organization: profile('Lakeside Dental'),
      protection: { kind: 'none' }
    })
    await call('baas.create', {
      associate: { name: 'Northwind Billing', baaStatus: 'signed', effectiveOn: dayFromToday(-300), expiresOn: dayFromToday(40) }
    })
    await call('workspace.create', {
      path: path.join(folder, 'bayside.safeguard'),
      organization: profile('Bayside Clinic'),
      protection: { kind: 'passphrase', passphrase: PASSPHRASE, rememberOnDevice: false }
    })
    await call('baas.create', {
      associate: { name: 'Contoso Imaging', baaStatus: 'signed', effectiveOn: dayFromToday(-400), expiresOn: dayFromToday(-5) }
    })
  } finally {
    session.close()
  }
  return folder
}

test('the Clients view: sort, filter, unlock a passphrase client, one calendar across clients, open by keyboard', async ({ app }) => {
  const { page } = app
  await describeOrganisation(app)
  const folder = await clientFolder()

  await openArea(app, 'Clients')
  const table = page.getByRole('table')
  await expect(table.getByRole('rowheader', { name: /Harbor Family Practice/ })).toBeVisible()

  app.host.directories.push(folder)
  await page.getByRole('button', { name: 'Add folder…' }).click()
  await expect(page.getByRole('list', { name: 'Client folders' })).toContainText(folder)
  await expect(table.getByRole('rowheader', { name: /Lakeside Dental/ })).toBeVisible()
  const bayside = table.getByRole('row', { name: /bayside\.safeguard/ })
  await expect(bayside).toContainText('Locked')

  // Sort by a column, then by another (counts largest first).
  await page.getByRole('button', { name: 'Organisation', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: /Organisation/ })).toHaveAttribute('aria-sort', 'ascending')
  await expect(table.getByRole('rowheader')).toHaveText([/bayside\.safeguard/, /Harbor Family Practice/, /Lakeside Dental/])
  await page.getByRole('button', { name: 'Organisation', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: /Organisation/ })).toHaveAttribute('aria-sort', 'descending')
  await expect(table.getByRole('rowheader')).toHaveText([/Lakeside Dental/, /Harbor Family Practice/, /bayside\.safeguard/])

  // Filter by name, and by a figure.
  await page.getByLabel('Organisation', { exact: true }).fill('lake')
  await expect(table.getByRole('rowheader')).toHaveText([/Lakeside Dental/])
  await expect(page.getByText(/1 of 3 workspaces/)).toBeVisible()
  await page.getByLabel('Organisation', { exact: true }).fill('')
  await page.getByRole('checkbox', { name: 'Agreements expiring' }).click()
  await expect(table.getByRole('rowheader')).toHaveText([/Lakeside Dental/])
  await page.getByRole('checkbox', { name: 'Agreements expiring' }).click()
  expect(await app.axeViolations()).toEqual([])

  // Unlock the passphrase client's summary: a wrong passphrase is refused, the right one shows its figures and the date read.
  await bayside.getByRole('button', { name: 'Unlock the summary of bayside.safeguard' }).click()
  const dialog = page.getByRole('dialog')
  await dialog.getByLabel('Passphrase or recovery key').fill('not the passphrase')
  await dialog.getByRole('button', { name: 'Unlock summary' }).click()
  await expect(dialog.getByRole('alert')).toContainText('does not open this workspace')
  await dialog.getByLabel('Passphrase or recovery key').fill(PASSPHRASE)
  await dialog.getByRole('button', { name: 'Unlock summary' }).click()
  await expect(dialog).toHaveCount(0)
  const unlocked = table.getByRole('row', { name: /Bayside Clinic/ })
  await expect(unlocked).toContainText('Summary as of')
  await expect(unlocked).toContainText('Locked')
  // Kept for the next visit (encrypted in the data folder, not the passphrase), shown again after a refresh.
  await page.getByRole('button', { name: 'Refresh' }).click()
  await expect(table.getByRole('row', { name: /Bayside Clinic/ })).toContainText('Summary as of')
  await expect(table.getByRole('row', { name: /Bayside Clinic/ })).toContainText('Encrypted (passphrase)')
  const dataFiles = fs.readdirSync(app.dataDir).map(name => path.join(app.dataDir, name))
  for (const file of dataFiles.filter(file => fs.statSync(file).isFile())) expect(fs.readFileSync(file, 'latin1')).not.toContain(PASSPHRASE)
  await app.screenshot('clients-unlocked')

  // One calendar across clients, each entry named with its client, exported as one iCalendar file.
  await page.getByRole('tab', { name: 'Calendar' }).click()
  const deadlines = page.getByRole('table')
  await expect(deadlines.getByRole('rowheader', { name: 'Lakeside Dental' }).first()).toBeVisible()
  await expect(page.getByText(/Not included \(1\)/)).toBeVisible()
  // The locked client's next deadline, from its saved summary (its other deadlines are not kept).
  await expect(page.getByText(/Bayside Clinic \(locked\): next deadline .*Contoso Imaging \(overdue\), from the summary as of/)).toBeVisible()
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('clients-calendar')
  const ics = path.join(folder, 'every-client.ics')
  app.host.savePaths.push(ics)
  await page.getByRole('button', { name: 'Export to a calendar (.ics)…' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'every-client.ics' })).toBeVisible()
  const summaries = [...fs.readFileSync(ics, 'utf8').matchAll(/^SUMMARY:(.*)$/gm)].map(match => match[1]!)
  expect(summaries.some(summary => summary.startsWith('Lakeside Dental: '))).toBe(true)

  // A new client's workspace in the chosen folder, through the same creation as any workspace; it opens.
  await page.getByRole('tab', { name: 'Clients' }).click()
  await page.getByRole('button', { name: 'New client…' }).click()
  const newClient = page.getByRole('dialog')
  await newClient.getByLabel('Organisation name').fill('Riverside Pediatrics')
  expect(await app.axeViolations()).toEqual([])
  await app.screenshot('clients-new-client')
  app.host.savePaths.push(path.join(folder, 'riverside.safeguard'))
  await newClient.getByRole('button', { name: 'Choose where to save and create…' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  expect(fs.existsSync(path.join(folder, 'riverside.safeguard'))).toBe(true)
  await openArea(app, 'Clients')
  await expect(table.getByRole('rowheader', { name: /Riverside Pediatrics/ })).toHaveCount(1)

  // Open a client from its row with the keyboard.
  await table.getByRole('button', { name: 'Open Lakeside Dental' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  expect(app.pageErrors).toEqual([])
  fs.rmSync(folder, { recursive: true, force: true })
})
