// `safeguard portfolio` in process: the same summary as JSON, locked workspaces counted but no failure, and one
// iCalendar file with every client's deadlines named after the client.

import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { CliIo } from '../../main/cli/cli-io'
import { runCli } from '../../main/cli/main'
import { PASSPHRASE_ENV } from '../../main/cli/passphrase-prompt'
import type { PortfolioEntry } from '../../main/portfolio/summary'
import { createTestSession, tempDir, TEST_ORGANIZATION } from '../helpers/workspace'

const AS_OF = '2026-04-01'
const PASSPHRASE = 'correct horse battery staple'

function capture(): CliIo & { out: string; err: string } {
  const io = { out: '', err: '', stdout: (text: string) => void (io.out += text), stderr: (text: string) => void (io.err += text) }
  return io
}

/** A client workspace in `folder` with one dated duty of its own; returns how many calendar events it exports. */
async function client(folder: string, name: string, protection?: { kind: 'passphrase'; passphrase: string }): Promise<number> {
  const test = createTestSession()
  const file = path.join(folder, `${name.split(' ')[0]!.toLowerCase()}.safeguard`)
  await test.call('workspace.create', { path: file, organization: { ...TEST_ORGANIZATION, name }, ...(protection ? { protection } : {}) })
  await test.call('baas.create', { associate: { name: `${name} billing`, baaStatus: 'signed', effectiveOn: '2025-06-01', expiresOn: '2026-06-01' } })
  const { items } = await test.call('calendar.list', { asOf: AS_OF, includeProposed: false })
  test.session.close()
  return items.length
}

const saved = process.env[PASSPHRASE_ENV]
afterEach(() => {
  if (saved === undefined) delete process.env[PASSPHRASE_ENV]
  else process.env[PASSPHRASE_ENV] = saved
})

describe('safeguard portfolio', () => {
  it('lists a passphrase workspace as locked without the passphrase, and reads both with it, writing one calendar', async () => {
    const folder = tempDir()
    const harborEvents = await client(folder, 'Harbor Family Practice')
    const lakesideEvents = await client(folder, 'Lakeside Dental', { kind: 'passphrase', passphrase: PASSPHRASE })

    delete process.env[PASSPHRASE_ENV]
    const without = capture()
    expect(await runCli(['portfolio', folder, '--json', '--as-of', AS_OF], without)).toBe(0)
    const locked = JSON.parse(without.out) as PortfolioEntry[]
    expect(locked.map(entry => [path.basename(entry.path), entry.locked])).toEqual([
      ['harbor.safeguard', false],
      ['lakeside.safeguard', true]
    ])
    expect(without.err).toContain('2 workspaces: 1 read, 1 locked, 0 could not be read.')

    process.env[PASSPHRASE_ENV] = PASSPHRASE
    const ics = path.join(tempDir(), 'clients.ics')
    const withPassphrase = capture()
    expect(await runCli(['portfolio', folder, '--json', '--as-of', AS_OF, '--ics', ics], withPassphrase)).toBe(0)
    const entries = JSON.parse(withPassphrase.out) as PortfolioEntry[]
    for (const entry of entries) {
      expect(Object.keys(entry)).toEqual(
        expect.arrayContaining([
          'path',
          'organization',
          'locked',
          'progress',
          'gaps',
          'highRisks',
          'nextDeadline',
          'overdue',
          'lastScanOn',
          'expiringAgreements'
        ])
      )
    }
    expect(entries).toMatchObject([
      { organization: 'Harbor Family Practice', protection: 'not-encrypted', expiringAgreements: 1 },
      { organization: 'Lakeside Dental', protection: 'passphrase', expiringAgreements: 1 }
    ])

    expect(harborEvents).toBeGreaterThan(0)
    const calendar = fs.readFileSync(ics, 'utf8')
    const summaries = [...calendar.matchAll(/^SUMMARY:(.*)$/gm)].map(match => match[1]!)
    expect(summaries.filter(summary => summary.startsWith('Harbor Family Practice: '))).toHaveLength(harborEvents)
    expect(summaries.filter(summary => summary.startsWith('Lakeside Dental: '))).toHaveLength(lakesideEvents)
    expect(summaries).toHaveLength(harborEvents + lakesideEvents)
    expect(withPassphrase.err).toContain(`Wrote ${harborEvents + lakesideEvents} events to ${ics}.`)
  })

  it('prints a readable summary, the locked and unreadable named with why', async () => {
    const folder = tempDir()
    await client(folder, 'Harbor Family Practice')
    fs.writeFileSync(path.join(folder, 'broken.safeguard'), 'not a workspace')
    delete process.env[PASSPHRASE_ENV]
    const io = capture()
    expect(await runCli(['portfolio', folder, '--as-of', AS_OF], io)).toBe(0)
    expect(io.out).toContain('Harbor Family Practice (covered entity)')
    expect(io.out).toContain('1 agreement expiring within 90 days; not encrypted')
    expect(io.out).toMatch(/CANNOT READ \(not-a-workspace\) {2}.*broken\.safeguard/)
    expect(io.out).toContain('2 workspaces: 1 read, 0 locked, 1 could not be read.')
  })
})
