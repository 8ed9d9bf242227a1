// The practice library (issue 18): push from one client's workspace, apply to another; what is never copied; all or nothing.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../main/assessment/reads'
import { openLibraryDb } from '../../main/library/library-file'
import { listLibraryItems, listLibraryItemHistory, putLibraryItem } from '../../main/library/db/library-items'
import { passphraseKey } from '../../main/db/workspace-key'
import { readAppSettings } from '../../main/workspace/app-settings'
import { createTestSession, createTestWorkspace, tempDir, type TestSession } from '../helpers/workspace'

const PASSPHRASE = 'correct horse library staple'
/** Strings that must never reach the library: PHI fields, people and contacts of the client. */
const NEVER_IN_LIBRARY = [
  'Dana Reyes',
  'security@harbor.example',
  '555-0100',
  'Call Jordan Blake at 555-0199',
  'Oncology records',
  'Rita Alvarez',
  'billing-exports'
]
/** A note pushed on purpose: must be in the library, and never in clear in its file. */
const NOTE_MARKER = 'LIBRARY-NOTE-MARKER-7731'

const catalog = readCatalog()
const questionId = catalog.questions[0]!.id
const addressable = catalog.entries.find(e => e.requirement === 'addressable')!.citation

/** A client workspace with one item of every kind, plus client data that must stay behind. */
async function seedClient(ws: TestSession & { workspacePath: string }) {
  await ws.call('assessment.setAnswer', { questionId, value: 'partly', notes: `Ask for the MDM export. ${NOTE_MARKER}` })
  await ws.call('assessment.setDecision', {
    citation: addressable,
    decision: 'equivalent-alternative',
    explanation: 'Badge logs reviewed monthly instead.',
    decidedBy: 'Rita Alvarez'
  })
  const laptop = (await ws.call('map.addAsset', { name: 'Front-desk laptop', kind: 'workstation', phi: 'phi' })).id
  await ws.call('risks.create', {
    assetIds: [laptop],
    threatId: 'equipment-loss-theft',
    title: 'Stolen laptop',
    description: 'A laptop with cached records is stolen from a car.',
    owner: 'Rita Alvarez',
    treatmentPlan: 'Full-disk encryption and remote wipe.'
  })
  const baa = await ws.call('baas.create', {
    associate: {
      name: 'Northwind Cloud',
      services: 'Hosts the practice management system',
      handlesPhi: true,
      phiCategories: ['Oncology records'],
      assets: ['AWS S3: billing-exports'],
      baaStatus: 'signed',
      effectiveOn: '2025-05-01',
      breachReportingDays: 10,
      notes: 'Call Jordan Blake at 555-0199'
    }
  })
  await ws.call('scans.mapCheck', { scanner: 'prowler', checkId: 'iam_custom_check', citations: [addressable], by: 'Rita Alvarez' })
  const { path: policyFile } = await ws.call('documents.customizePolicy', { id: JSON.parse(fs.readFileSync(firstPolicyTemplate(), 'utf8')).id })
  const policy = JSON.parse(fs.readFileSync(policyFile, 'utf8'))
  policy.summary = 'Our practice-wide access control policy, as edited by the consultant.'
  fs.writeFileSync(policyFile, JSON.stringify(policy, null, 2))
  return { baaId: baa.id, policyId: policy.id as string }
}

function firstPolicyTemplate(): string {
  const dir = path.resolve(__dirname, '../../templates/policies')
  return path.join(
    dir,
    fs
      .readdirSync(dir)
      .filter(name => name.endsWith('.json'))
      .sort()[0]!
  )
}

/** Every row of every table, to compare a workspace before and after. */
function dumpWorkspace(file: string): string {
  const db = openReadOnly(file)
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[]
    return JSON.stringify(tables.map(t => [t, db.prepare(`SELECT * FROM "${t}"`).raw().all()]))
  } finally {
    db.close()
  }
}

function openReadOnly(file: string) {
  return new Database(file, { readonly: true })
}

async function createLibrary(ws: TestSession, file: string) {
  return ws.call('library.create', { path: file, name: 'Harbor Consulting library', protection: { kind: 'passphrase', passphrase: PASSPHRASE } })
}

describe('practice library', () => {
  it('pushes picked items from one client and applies them to a new client, copying no PHI, people or contacts', async () => {
    const first = await createTestWorkspace()
    const { policyId } = await seedClient(first)
    const libraryFile = path.join(first.dir, 'practice.sglibrary')
    const created = await createLibrary(first, libraryFile)
    expect(created).toMatchObject({ name: 'Harbor Consulting library', encrypted: true })

    const candidates = await first.call('library.candidates', {})
    const all = candidates.kinds.flatMap(k => k.candidates)
    expect(new Set(all.map(c => c.kind))).toEqual(
      new Set(['policy-customisation', 'answer-note', 'decision-explanation', 'risk-scenario', 'business-associate-template', 'check-mapping'])
    )
    expect(all.every(c => c.inLibrary === 'new')).toBe(true)
    const pushed = await first.call('library.push', { items: all.map(({ kind, key }) => ({ kind, key })) })
    expect(pushed.items.map(i => i.outcome)).toEqual(all.map(() => 'added'))
    expect((await first.call('library.candidates', {})).kinds.flatMap(k => k.candidates).every(c => c.inLibrary === 'same')).toBe(true)

    // A second open of the file, with the passphrase: the items are there, and nothing of the client that stays behind.
    const db = openLibraryDb(libraryFile, { key: passphraseKey(PASSPHRASE) })
    const stored = JSON.stringify(listLibraryItems(db))
    db.close()
    expect(stored).toContain(NOTE_MARKER)
    for (const text of NEVER_IN_LIBRARY) expect(stored).not.toContain(text)
    // And the file on disk is encrypted: the note is not in it in clear.
    for (const suffix of ['', '-wal']) {
      if (fs.existsSync(libraryFile + suffix)) expect(fs.readFileSync(libraryFile + suffix).includes(NOTE_MARKER)).toBe(false)
    }
    expect(fs.readFileSync(libraryFile).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')

    // A new client, in another session: opens the library with its passphrase and applies everything.
    const second = await createTestWorkspace({
      organization: { name: 'Bayside Dental', contactName: 'Sam Ortiz', contactEmail: '', contactPhone: '' }
    })
    await second.call('library.open', { path: libraryFile, passphrase: PASSPHRASE })
    const preview = await second.call('library.applyPreview', {})
    const items = preview.kinds.flatMap(k => k.items)
    expect(items.map(i => [i.effect, i.problem])).toEqual(items.map(() => ['added', null]))
    const applied = await second.call('library.apply', { itemIds: items.map(i => i.id) })
    expect(applied.items).toHaveLength(6)

    const answer = (await second.call('assessment.questionnaire', {})).items.find(i => i.id === questionId)!
    expect(answer.answer?.notes).toContain(NOTE_MARKER)
    expect(answer.answer?.value ?? 'not-assessed').toBe('not-assessed')
    const decision = (await second.call('assessment.questionnaire', {})).decisions.find(d => d.citation === addressable)!
    expect(decision).toMatchObject({ decision: 'equivalent-alternative', explanation: 'Badge logs reviewed monthly instead.', decidedBy: '' })
    const risks = await second.call('risks.list', {})
    const stolen = risks.rows.find(r => r.title === 'Stolen laptop')!
    expect(stolen).toBeDefined()
    const detail = await second.call('risks.get', { id: stolen.id })
    expect(detail).toMatchObject({
      description: 'A laptop with cached records is stolen from a car.',
      treatmentPlan: 'Full-disk encryption and remote wipe.',
      owner: ''
    })
    const [baa] = await second.call('baas.list', {})
    expect(baa).toMatchObject({
      name: 'Northwind Cloud',
      services: 'Hosts the practice management system',
      handlesPhi: true,
      breachReportingDays: 10
    })
    expect(baa).toMatchObject({ phiCategories: [], assets: [], notes: '', baaStatus: 'none', effectiveOn: null })
    const policies = await second.call('documents.preview', {})
    expect(policies.policies.find(p => p.id === policyId)?.source).toBe('override')
    const overrideDir = policies.policyOverrideDir
    const written = fs.readdirSync(overrideDir).map(name => JSON.parse(fs.readFileSync(path.join(overrideDir, name), 'utf8')))
    expect(written.map(p => p.summary)).toEqual(['Our practice-wide access control policy, as edited by the consultant.'])

    // The application is recorded in the new client's workspace, and in the assessment's own history.
    const history = await second.call('library.applications', {})
    expect(history.filter(h => h.direction === 'applied')).toHaveLength(6)
    expect(history[0]).toMatchObject({ libraryName: 'Harbor Consulting library', version: 1, outcome: 'added' })
    const audit = await second.call('assessment.audit', { subject: `answer:${questionId}` })
    expect(audit.map(a => a.field)).toContain('notes')
    // The first client recorded its pushes.
    expect((await first.call('library.applications', {})).filter(h => h.direction === 'pushed')).toHaveLength(6)

    // Applying again changes nothing and says so.
    const again = await second.call('library.apply', { itemIds: items.map(i => i.id) })
    expect(again.items.map(i => i.effect)).toEqual(items.map(() => 'unchanged'))
  })

  it('keeps the earlier text when a newer version of an item is pushed', async () => {
    const ws = await createTestWorkspace()
    const file = path.join(ws.dir, 'lib.sglibrary')
    await ws.call('library.create', { path: file, name: 'Mine', protection: { kind: 'none' } })
    await ws.call('assessment.setAnswer', { questionId, notes: 'First wording.' })
    await ws.call('library.push', { items: [{ kind: 'answer-note', key: questionId }] })
    await ws.call('assessment.setAnswer', { questionId, notes: 'Better wording.' })
    const candidate = (await ws.call('library.candidates', {})).kinds.flatMap(k => k.candidates).find(c => c.key === questionId)!
    expect(candidate.inLibrary).toBe('changed')
    const result = await ws.call('library.push', { items: [{ kind: 'answer-note', key: questionId }] })
    expect(result.items[0]).toMatchObject({ outcome: 'replaced', version: 2 })
    const summary = await ws.call('library.summary', {})
    const item = summary.kinds.find(k => k.kind === 'answer-note')!.items[0]!
    expect(item).toMatchObject({ version: 2, earlierVersions: 1, preview: 'Better wording.' })
    const history = await ws.call('library.itemHistory', { id: item.id })
    expect(history.earlier).toMatchObject([{ version: 1, preview: 'First wording.' }])
    // The same through a second open of the file itself.
    const db = openLibraryDb(file)
    expect(listLibraryItemHistory(db, item.id)).toMatchObject([{ version: 1, content: { questionId, notes: 'First wording.' } }])
    db.close()
  })

  it('applies all or nothing: an item that cannot apply leaves the workspace exactly as before', async () => {
    const source = await createTestWorkspace()
    await seedClient(source)
    const file = path.join(source.dir, 'lib.sglibrary')
    await source.call('library.create', { path: file, name: 'Mine', protection: { kind: 'none' } })
    const all = (await source.call('library.candidates', {})).kinds.flatMap(k => k.candidates)
    await source.call('library.push', { items: all.map(({ kind, key }) => ({ kind, key })) })
    // An item this version cannot apply (a question it does not have), stored last so others apply before it fails.
    const db = openLibraryDb(file)
    db.transaction(() =>
      putLibraryItem(
        db,
        { kind: 'answer-note', key: 'zz-no-such-question', title: 'Gone', content: { questionId: 'zz-no-such-question', notes: 'x' } },
        '2026-01-01T00:00:00Z'
      )
    )()
    db.close()

    const target = await createTestWorkspace({ organization: { name: 'Bayside Dental' } })
    await target.call('library.open', { path: file })
    const preview = (await target.call('library.applyPreview', {})).kinds.flatMap(k => k.items)
    expect(preview.find(i => i.key === 'zz-no-such-question')?.problem).toMatch(/zz-no-such-question/)
    const ids = preview.map(i => i.id).sort((a, b) => a - b)
    target.session.close()
    const before = dumpWorkspace(target.workspacePath)
    await target.call('workspace.open', { path: target.workspacePath })
    await expect(target.call('library.apply', { itemIds: ids })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/zz-no-such-question.*Nothing was applied/)
    })
    target.session.close()
    expect(dumpWorkspace(target.workspacePath)).toBe(before)
    // The edited policy staged for this workspace was removed with its folder.
    const overrideDir = path.join(path.dirname(target.workspacePath), 'workspace policies')
    expect(fs.existsSync(overrideDir)).toBe(false)
  })

  it("remembers the library in the app's settings: the next start opens it, or says why it cannot without its passphrase", async () => {
    const first = await createTestWorkspace()
    const dataDir = path.join(first.dir, 'data')
    const plain = path.join(first.dir, 'plain.sglibrary')
    await first.call('library.create', { path: plain, name: 'Plain', protection: { kind: 'none' } })
    first.session.close()
    // The path only, in the settings file the app already keeps; no file of the library's own beside it.
    expect(readAppSettings(dataDir).practiceLibrary).toBe(plain)
    expect(fs.readdirSync(dataDir)).not.toContain('practice-library.json')
    const restarted = createTestSession({ dataDir })
    expect(await restarted.call('library.current', {})).toEqual({ path: plain, name: 'Plain', reason: null })

    const locked = path.join(first.dir, 'locked.sglibrary')
    await restarted.call('library.create', { path: locked, name: 'Locked', protection: { kind: 'passphrase', passphrase: PASSPHRASE } })
    restarted.session.close()
    const again = createTestSession({ dataDir })
    const current = await again.call('library.current', {})
    expect(current).toMatchObject({ path: locked, name: null, reason: expect.stringMatching(/encrypted practice library/) })
    await again.call('library.open', { path: locked, passphrase: PASSPHRASE })
    expect(await again.call('library.current', {})).toEqual({ path: locked, name: 'Locked', reason: null })
    await again.call('library.close', {})
    expect(readAppSettings(dataDir)).not.toHaveProperty('practiceLibrary')
    expect(await createTestSession({ dataDir }).call('library.current', {})).toBeNull()
  })

  it('refuses a damaged, foreign or newer library file with a clear message, leaving it unchanged', async () => {
    const ws = createTestSession()
    const dir = tempDir()
    const damaged = path.join(dir, 'damaged.sglibrary')
    fs.writeFileSync(damaged, 'this is not a library\n'.repeat(100))
    await expect(ws.call('library.open', { path: damaged })).rejects.toMatchObject({
      code: 'not-a-workspace',
      message: expect.stringContaining(damaged)
    })

    const file = path.join(dir, 'newer.sglibrary')
    await ws.call('library.create', { path: file, name: 'Newer', protection: { kind: 'none' } })
    await ws.call('library.close', {})
    const raw = new Database(file)
    raw.pragma('user_version = 99')
    raw.close()
    const bytes = fs.readFileSync(file)
    await expect(ws.call('library.open', { path: file })).rejects.toMatchObject({
      code: 'workspace-too-new',
      message: expect.stringMatching(/newer version of Safeguard \(library format 99/)
    })
    expect(fs.readFileSync(file).equals(bytes)).toBe(true)

    const workspace = await createTestWorkspace()
    workspace.session.close()
    await expect(ws.call('library.open', { path: workspace.workspacePath })).rejects.toMatchObject({
      message: expect.stringMatching(/not a Safeguard practice library/)
    })

    const locked = path.join(dir, 'locked.sglibrary')
    await ws.call('library.create', { path: locked, name: 'Locked', protection: { kind: 'passphrase', passphrase: PASSPHRASE } })
    await expect(ws.call('library.open', { path: locked, passphrase: 'wrong passphrase' })).rejects.toMatchObject({
      details: { reason: 'wrong-passphrase' }
    })
    await expect(ws.call('library.open', { path: locked })).rejects.toMatchObject({ details: { reason: 'encrypted' } })
  })
})
