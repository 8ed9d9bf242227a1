// The app's window names no file to write: over IPC (the real listeners and handler table the Electron shell
// registers, called without Electron) an export with a path is refused and nothing appears at that path;
// the same export without one writes where the save dialog answered. The CLI and tests still name paths.

import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { IPC_CALL_CHANNEL } from '../../main/api/bridge'
import { contract, type CallName } from '../../main/api/contract'
import type { Envelope } from '../../main/api/envelope'
import { headlessHost, type Host } from '../../main/api/host'
import { APP_ENTRY_URL } from '../../main/electron/app-protocol'
import { createIpcListeners } from '../../main/electron/ipc-listeners'
import { createTestWorkspace, TEST_ORGANIZATION } from '../helpers/workspace'

/** An IPC event from the app's main frame, as Electron gives the listener. */
function fromAppWindow() {
  const frame = { url: APP_ENTRY_URL }
  return { senderFrame: frame, sender: { mainFrame: frame, isDestroyed: () => false, send: () => undefined } } as never
}

/** A host whose dialogs answer with the given places and record what they were asked. */
function answeringHost(answer: { save?: string; folder?: string }): Host & { asked: string[] } {
  const asked: string[] = []
  return {
    ...headlessHost,
    asked,
    pickSavePath: async options => (asked.push(options.title), answer.save ?? null),
    pickDirectory: async options => (asked.push(options.title), answer.folder ?? null)
  }
}

async function workspaceWithAgreement() {
  const ws = await createTestWorkspace()
  const { id } = await ws.call('baas.create', { associate: { name: 'Northwind Billing', baaStatus: 'signed', effectiveOn: '2025-05-01' } })
  const source = path.join(ws.dir, 'baa.pdf')
  fs.writeFileSync(source, '%PDF-1.7 signed')
  await ws.call('baas.attachAgreement', { id, path: source })
  return { ws, associateId: id }
}

/** Every call that writes a file or folder the caller may name, with the field that names it. */
const OUTPUT_CALLS = {
  'assessment.exportCsv': (target: string) => ({ path: target }),
  'risks.export': (target: string) => ({ path: `${target}.xlsx` }),
  'findings.export': (target: string) => ({ path: `${target}.csv` }),
  'calendar.exportIcs': (target: string) => ({ path: target }),
  'portfolio.exportCalendar': (target: string) => ({ path: target }),
  'baas.saveAgreementCopy': (target: string, associateId: number) => ({ id: associateId, path: target }),
  'documents.generatePack': (target: string) => ({ path: target }),
  'documents.generateReview': (target: string) => ({ path: target }),
  'documents.generatePolicies': (target: string) => ({ dir: target }),
  'documents.exportOscal': (target: string) => ({ dir: target }),
  'documents.exportProcurement': (target: string) => ({ path: `${target}.csv` }),
  'documents.incidentLetter': (target: string) => ({ id: 1, kind: 'individual', path: `${target}.docx` }),
  'documents.incidentDocumentation': (target: string) => ({ id: 1, path: target }),
  'incidents.saveNoticeFileCopy': (target: string) => ({ id: 1, noticeId: 1, path: target }),
  'evidence.saveCopy': (target: string) => ({ id: 1, path: target }),
  'signing.exportCertificate': (target: string) => ({ path: `${target}.crt` }),
  'library.create': (target: string) => ({ path: `${target}.sglibrary`, name: 'Practice library' }),
  'workspace.create': (target: string) => ({ path: target, organization: TEST_ORGANIZATION }),
  // The folder new client workspaces are made in.
  'app.setUsage': (target: string) => ({ usage: 'consultant', workspaceFolder: target })
} satisfies Partial<Record<CallName, (target: string, associateId: number) => unknown>>

/** Calls whose path names a file to read or open (the window's open dialog or recent list), never one to write. */
const READ_PATH_CALLS: CallName[] = [
  'workspace.open',
  'workspace.forgetRecent',
  'security.unlock',
  'backup.restore',
  'assessment.importCsv',
  'baas.attachAgreement',
  'baas.importFile',
  'incidents.importFile',
  'incidents.attachNoticeFile',
  'scans.import',
  'verify.pack',
  'library.open',
  'evidence.addFile',
  'signing.importPkcs12',
  'map.import',
  'risks.import',
  'portfolio.summary',
  'portfolio.removeFolder',
  'portfolio.unlock',
  'portfolio.calendar',
  'portfolio.chooseNewClientPath'
]

/** The field names of a call's input, through unions and pipes. */
function inputFields(schema: unknown): string[] {
  const s = schema as { shape?: Record<string, unknown>; def?: { type: string; options?: unknown[]; in?: unknown } }
  if (s.shape) return Object.keys(s.shape)
  if (s.def?.type === 'union') return (s.def.options ?? []).flatMap(inputFields)
  if (s.def?.type === 'pipe') return inputFields(s.def.in)
  return []
}

describe('output paths from the app window', () => {
  it('every call with a file or folder in its input is either an export tested here or a read', () => {
    const withPaths = (Object.keys(contract) as CallName[]).filter(name =>
      inputFields(contract[name].input).some(field => /path|dir|file|folder|out/i.test(field))
    )
    expect(withPaths.sort()).toEqual([...Object.keys(OUTPUT_CALLS), ...READ_PATH_CALLS].sort())
  })

  it.each(Object.keys(OUTPUT_CALLS) as (keyof typeof OUTPUT_CALLS)[])('%s with a path over IPC is refused and writes nothing there', async name => {
    const { ws, associateId } = await workspaceWithAgreement()
    const host = answeringHost({ save: path.join(ws.dir, 'dialog-answer'), folder: ws.dir })
    const listeners = createIpcListeners(ws.session, host)
    const target = path.join(ws.dir, 'named-by-the-window')
    const input = OUTPUT_CALLS[name](target, associateId) as { path?: string; dir?: string; workspaceFolder?: string }
    const named = input.path ?? input.dir ?? input.workspaceFolder!
    const before = fs.readdirSync(ws.dir).sort()
    const answer = (await listeners.handle[IPC_CALL_CHANNEL](fromAppWindow(), name, input, 'call-1')) as Envelope
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input', details: { reason: 'output-path-not-from-dialog' } } })
    if (!answer.ok) expect(answer.error.message).toContain(named)
    expect(fs.existsSync(named)).toBe(false)
    expect(fs.readdirSync(ws.dir).sort()).toEqual(before)
    // Refused before any dialog was shown: the window cannot pick for the user either.
    expect(host.asked).toEqual([])
  })

  it('leaves an existing file the window names as it was (an export would replace it)', async () => {
    const { ws } = await workspaceWithAgreement()
    const listeners = createIpcListeners(ws.session, headlessHost)
    const victim = path.join(ws.dir, 'notes.txt')
    fs.writeFileSync(victim, 'keep me')
    for (const named of [victim, `${ws.dir}/elsewhere/../notes.txt`]) {
      const answer = (await listeners.handle[IPC_CALL_CHANNEL](fromAppWindow(), 'assessment.exportCsv', { path: named }, 'x')) as Envelope
      expect(answer).toMatchObject({ ok: false, error: { details: { reason: 'output-path-not-from-dialog' } } })
    }
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me')
  })

  it('an export without a path writes where the save dialog answered, owner-only', async () => {
    const { ws, associateId } = await workspaceWithAgreement()
    const chosen = path.join(ws.dir, 'chosen copy.pdf')
    const host = answeringHost({ save: chosen })
    const listeners = createIpcListeners(ws.session, host)
    const answer = await listeners.handle[IPC_CALL_CHANNEL](fromAppWindow(), 'baas.saveAgreementCopy', { id: associateId }, 'x')
    expect(answer).toEqual({ ok: true, value: { path: chosen } })
    expect(host.asked).toEqual(['Save a copy of the agreement'])
    expect(fs.readFileSync(chosen, 'utf8')).toBe('%PDF-1.7 signed')
    if (process.platform !== 'win32') expect(fs.statSync(chosen).mode & 0o777).toBe(0o600)
  })

  it('a new workspace goes where the save dialog answered (workspace.chooseNewPath), and nowhere else', async () => {
    const { ws } = await workspaceWithAgreement()
    const chosen = path.join(ws.dir, 'clinic')
    const listeners = createIpcListeners(ws.session, answeringHost({ save: chosen }))
    const call = (name: CallName, input: unknown) => listeners.handle[IPC_CALL_CHANNEL](fromAppWindow(), name, input, 'x') as Promise<Envelope>
    const other = path.join(ws.dir, 'other.safeguard')
    expect(await call('workspace.create', { path: other, organization: TEST_ORGANIZATION })).toMatchObject({ ok: false })
    expect(fs.existsSync(other)).toBe(false)
    const picked = await call('workspace.chooseNewPath', { suggestedName: 'Clinic' })
    expect(picked).toEqual({ ok: true, value: `${chosen}.safeguard` })
    const created = await call('workspace.create', { path: `${chosen}.safeguard`, organization: TEST_ORGANIZATION })
    expect(created).toMatchObject({ ok: true, value: { path: `${chosen}.safeguard` } })
    expect(fs.existsSync(`${chosen}.safeguard`)).toBe(true)
  })

  it('the CLI and tests, calling for the person who typed the path, still name it', async () => {
    const { ws, associateId } = await workspaceWithAgreement()
    const target = path.join(ws.dir, 'typed.pdf')
    expect(await ws.call('baas.saveAgreementCopy', { id: associateId, path: target })).toEqual({ path: target })
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 signed')
  })
})
