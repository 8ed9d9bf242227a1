import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { newPassphraseKey } from '../../main/db/workspace-key'
import { createWorkspace } from '../../main/workspace/workspace-files'
import { expect, test } from './fixtures'
import { describeOrganisation, openArea } from './steps'

// Issue 18: every client at a glance, from a chosen folder and the recent list; a passphrase workspace shows as locked.

const profile = (name: string) => ({
  name,
  role: 'covered-entity' as const,
  contactName: '',
  contactEmail: '',
  contactPhone: '',
  cloudProvider: 'aws' as const
})

test('the Clients page lists the chosen folder and the open workspace, sorts, and opens a client', async ({ app }) => {
  const { page } = app
  await describeOrganisation(app)
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-e2e-clients-'))
  createWorkspace(path.join(folder, 'lakeside.safeguard'), profile('Lakeside Dental'), { now: '2026-01-05T09:00:00.000Z', key: null }).close()
  createWorkspace(path.join(folder, 'bayside.safeguard'), profile('Bayside Clinic'), {
    now: '2026-01-05T09:00:00.000Z',
    key: newPassphraseKey('quiet harbour 2031')
  }).close()

  await openArea(app, 'Clients')
  const table = page.getByRole('table')
  await expect(table.getByRole('rowheader', { name: /Harbor Family Practice/ })).toBeVisible()

  app.host.directories.push(folder)
  await page.getByRole('button', { name: 'Add a folder…' }).click()
  await expect(table.getByRole('rowheader', { name: /Lakeside Dental/ })).toBeVisible()
  await expect(table.getByRole('row', { name: /bayside\.safeguard/ })).toContainText('Locked')
  expect(await app.axeViolations()).toEqual([])

  await page.getByRole('button', { name: 'Organisation', exact: true }).click()
  await expect(page.getByRole('columnheader', { name: 'Organisation' })).toHaveAttribute('aria-sort', 'ascending')
  await expect(table.getByRole('rowheader').first()).toContainText('Harbor Family Practice')

  await table
    .getByRole('row', { name: /Lakeside Dental/ })
    .getByRole('button', { name: 'Open' })
    .click()
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  expect(app.pageErrors).toEqual([])
  fs.rmSync(folder, { recursive: true, force: true })
})
