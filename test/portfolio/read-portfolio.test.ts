// The portfolio summary reads every client's workspace without changing it: a locked, newer, older or damaged file is
// an entry saying why, and the others are still read.

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { connect } from '../../main/db/driver'
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations'
import { readPortfolio } from '../../main/portfolio/read-portfolio'
import type { PortfolioEntry, WorkspaceSummaryEntry } from '../../main/portfolio/summary'
import { databaseAtVersion } from '../helpers/db'
import { createTestSession, createTestWorkspace, tempDir, TEST_ORGANIZATION } from '../helpers/workspace'

const TODAY = '2026-04-01'
const PASSPHRASE = 'correct horse battery staple'
const incidentFixture = path.resolve(__dirname, '../fixtures/breach/incident-large-covered-entity.json')

const isLockFile = (name: string) => /^\..+\.safeguard\.lock$/.test(name)

/** Every file in `dir` but the workspaces' empty lock files, with its bytes and modification time, to prove reading changed nothing. */
function snapshot(dir: string): Record<string, { bytes: string; mtimeMs: number }> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter(name => !isLockFile(name))
      .sort()
      .map(name => {
        const file = path.join(dir, name)
        return [name, { bytes: fs.readFileSync(file).toString('base64'), mtimeMs: fs.statSync(file).mtimeMs }]
      })
  )
}

/** A client with a gap rated high, a breach to notify and an agreement ending within 90 days of TODAY; closed afterwards. */
async function harborPractice(folder: string) {
  const ws = await createTestWorkspace()
  await ws.call('assessment.setAnswer', { questionId: 'q-312-a2-iii-1', value: 'no' })
  await ws.call('assessment.rateRisk', { questionId: 'q-312-a2-iii-1', likelihood: 5, impact: 5 })
  await ws.call('incidents.create', { incident: JSON.parse(fs.readFileSync(incidentFixture, 'utf8')) })
  await ws.call('baas.create', { associate: { name: 'Northwind Billing', baaStatus: 'signed', effectiveOn: '2025-06-01', expiresOn: '2026-06-01' } })
  const progress = await ws.call('assessment.progress', {})
  const calendar = await ws.call('calendar.list', { asOf: TODAY, includeProposed: false })
  ws.session.close()
  const file = path.join(folder, 'harbor.safeguard')
  fs.renameSync(ws.workspacePath, file)
  return { file, progress, calendar }
}

async function passphraseWorkspace(folder: string): Promise<string> {
  const test = createTestSession()
  const file = path.join(folder, 'lakeside.safeguard')
  await test.call('workspace.create', {
    path: file,
    organization: { ...TEST_ORGANIZATION, name: 'Lakeside Dental', role: 'business-associate' },
    protection: { kind: 'passphrase', passphrase: PASSPHRASE }
  })
  test.session.close()
  return file
}

async function tooNewWorkspace(folder: string): Promise<string> {
  const test = createTestSession()
  const file = path.join(folder, 'from-the-future.safeguard')
  await test.call('workspace.create', { path: file, organization: { ...TEST_ORGANIZATION, name: 'Future Clinic' } })
  test.session.close()
  const db = connect(file)
  db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
  db.close()
  return file
}

const byName = (entries: PortfolioEntry[], name: string) => entries.find(entry => path.basename(entry.path) === name)

describe('readPortfolio', () => {
  it('summarises each client from a folder, and lists locked, newer, older and damaged files with why, changing nothing', async () => {
    const folder = tempDir()
    const harbor = await harborPractice(folder)
    await passphraseWorkspace(folder)
    await tooNewWorkspace(folder)
    // Damaged: a real workspace cut short (its SQLite header intact); and a file that is no workspace at all.
    const cut = fs.readFileSync(harbor.file).subarray(0, 8192)
    fs.writeFileSync(path.join(folder, 'cut-short.safeguard'), cut)
    fs.writeFileSync(path.join(folder, 'notes.safeguard'), 'not a database at all\n')
    fs.writeFileSync(path.join(folder, 'readme.txt'), 'not a workspace name, so not listed')
    const older = databaseAtVersion(LATEST_SCHEMA_VERSION - 1)
    older.db.close()
    const before = { folder: snapshot(folder), older: snapshot(path.dirname(older.file)) }

    const entries = await readPortfolio([folder, older.file], { today: TODAY, now: `${TODAY}T12:00:00.000Z` })

    expect(entries.map(entry => path.basename(entry.path)).sort()).toEqual(
      [
        'cut-short.safeguard',
        'from-the-future.safeguard',
        'harbor.safeguard',
        'lakeside.safeguard',
        'notes.safeguard',
        path.basename(older.file)
      ].sort()
    )
    const read = byName(entries, 'harbor.safeguard') as WorkspaceSummaryEntry
    const open = harbor.calendar.items.filter(item => ['overdue', 'due-soon', 'upcoming'].includes(item.status) && !item.neverDone)
    const firstNotice = open.filter(item => item.source.type === 'incident').sort((a, b) => a.daysLeft - b.daysLeft)[0]!
    expect(read).toMatchObject({
      locked: false,
      organization: TEST_ORGANIZATION.name,
      role: 'covered-entity',
      protection: 'not-encrypted',
      progress: { periodId: harbor.progress.period.id, answered: harbor.progress.overall.answered, percent: harbor.progress.overall.percent },
      gaps: 1,
      highRisks: 1,
      criticalRisks: 1,
      // Breach notices first, whatever else falls due.
      nextDeadline: { dueOn: firstNotice.dueOn, title: firstNotice.title, breachNotice: true },
      overdue: open.filter(item => item.status === 'overdue' && item.kind !== 'retention-ends').length,
      lastScanOn: null,
      expiringAgreements: 1
    })
    expect(byName(entries, 'lakeside.safeguard')).toMatchObject({ locked: true, reason: expect.stringContaining('passphrase') })
    expect(byName(entries, 'from-the-future.safeguard')).toMatchObject({ error: 'too-new', message: expect.stringContaining('newer version') })
    expect(byName(entries, 'cut-short.safeguard')).toMatchObject({ error: 'damaged' })
    expect(byName(entries, 'notes.safeguard')).toMatchObject({ error: 'not-a-workspace' })
    expect(byName(entries, path.basename(older.file))).toMatchObject({
      error: 'needs-upgrade',
      message: expect.stringContaining('opening it in Safeguard')
    })

    // Not a byte, not a modification time, not a companion file changed or left behind.
    expect(snapshot(folder)).toEqual(before.folder)
    expect(snapshot(path.dirname(older.file))).toEqual(before.older)
    // What a read may leave is the lock's empty file, as any opening does, and only beside a workspace.
    const lockFiles = fs.readdirSync(folder).filter(isLockFile)
    expect(lockFiles.sort()).toEqual([
      '.cut-short.safeguard.lock',
      '.from-the-future.safeguard.lock',
      '.harbor.safeguard.lock',
      '.lakeside.safeguard.lock'
    ])
    for (const name of lockFiles) expect(fs.statSync(path.join(folder, name)).size).toBe(0)
  })

  it('reads a passphrase workspace with its passphrase, and one the app holds open without disturbing it', async () => {
    const folder = tempDir()
    const lakeside = await passphraseWorkspace(folder)
    const held = await createTestWorkspace({ organization: { name: 'Held Open Clinic' } })
    await held.call('assessment.setAnswer', { questionId: 'q-308-a2-1', value: 'yes' })

    const entries = await readPortfolio([lakeside, held.workspacePath], { today: TODAY, now: `${TODAY}T12:00:00.000Z`, passphrase: PASSPHRASE })

    expect(entries[0]).toMatchObject({ locked: false, organization: 'Lakeside Dental', role: 'business-associate', protection: 'passphrase' })
    expect(entries[1]).toMatchObject({ locked: false, organization: 'Held Open Clinic', progress: { answered: 1 } })
    // The holder still has the workspace and writes on.
    await held.call('assessment.setAnswer', { questionId: 'q-308-a2-1', value: 'no' })
    expect((await held.call('assessment.progress', {})).answers.no).toBe(1)
  })
})
