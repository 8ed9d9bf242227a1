import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createCallContext } from '../../main/api/call-context'
import { callHandler } from '../../main/api/dispatch'
import { headlessHost, type Host } from '../../main/api/host'
import { saveDialogOutputPaths } from '../../main/api/output-paths'
import { readAppSettings } from '../../main/workspace/app-settings'
import { createTestSession, TEST_ORGANIZATION } from '../helpers/workspace'

// Settings → "This computer" (issue 18): switching between one organisation and a consultant's computer, and changing
// the client folder, with a workspace open. The window may name only folders the dialog gave it or the settings hold.
describe('changing how this computer is used', () => {
  it('switches to a consultant and back, changes the folder, and keeps every folder and workspace where it was', async () => {
    const test = createTestSession()
    const first = path.join(test.dir, 'Clients A')
    const second = path.join(test.dir, 'Clients B')
    fs.mkdirSync(first)
    fs.mkdirSync(second)
    const answers = [first, second]
    const picking: Host = { ...headlessHost, pickDirectory: async () => answers.shift() ?? null }
    const window = createCallContext(test.session, { host: picking, outputPaths: saveDialogOutputPaths() })
    const call = ((name: string, input: unknown) => callHandler(name as never, input as never, window)) as typeof test.call

    const own = await test.call('workspace.create', { organization: TEST_ORGANIZATION })
    await call('app.setUsage', { usage: 'own-organization' })
    expect((await call('workspace.startup', {})).home).toBe('dashboard')

    // To a consultant, with a folder from the dialog: the open workspace stays open and in place, and Clients is home.
    expect(await call('app.chooseWorkspaceFolder', {})).toBe(first)
    expect(await call('app.setUsage', { usage: 'consultant', workspaceFolder: first })).toMatchObject({
      usage: 'consultant',
      newWorkspaceFolder: first,
      clientFolders: [first]
    })
    const afterSwitch = await call('workspace.startup', {})
    expect(afterSwitch).toMatchObject({ usage: 'consultant', home: 'clients', workspace: { path: own.path } })
    expect(fs.existsSync(own.path)).toBe(true)
    const client = await test.call('workspace.create', { organization: { name: 'Lakeside Dental Group', role: 'covered-entity' } })
    expect(path.dirname(client.path)).toBe(first)

    // Another folder: new workspaces go there; the first folder stays listed, its workspace untouched.
    expect(await call('app.chooseWorkspaceFolder', {})).toBe(second)
    await call('app.setUsage', { usage: 'consultant', workspaceFolder: second })
    expect(readAppSettings(test.session.dataDir!)).toEqual({ usage: 'consultant', newWorkspaceFolder: second, clientFolders: [first, second] })
    expect(fs.readdirSync(first).filter(name => name.endsWith('.safeguard'))).toEqual(['Lakeside-Dental-Group.safeguard'])

    // Back to one organisation: only the usage changes; with two workspaces known, Clients stays home.
    await call('app.setUsage', { usage: 'own-organization' })
    expect(readAppSettings(test.session.dataDir!)).toEqual({ usage: 'own-organization', newWorkspaceFolder: second, clientFolders: [first, second] })
    expect((await call('workspace.startup', {})).home).toBe('clients')

    // Switching back (a window after a restart, so no dialog answers granted) may name a folder already recorded, but never another one.
    const restarted = createCallContext(test.session, { host: headlessHost, outputPaths: saveDialogOutputPaths() })
    const callAfterRestart = ((name: string, input: unknown) => callHandler(name as never, input as never, restarted)) as typeof test.call
    const elsewhere = path.join(test.dir, 'Elsewhere')
    fs.mkdirSync(elsewhere)
    await expect(callAfterRestart('app.setUsage', { usage: 'consultant', workspaceFolder: elsewhere })).rejects.toMatchObject({
      details: { reason: 'output-path-not-from-dialog' }
    })
    expect(readAppSettings(test.session.dataDir!).usage).toBe('own-organization')
    await callAfterRestart('app.setUsage', { usage: 'consultant', workspaceFolder: first })
    expect(readAppSettings(test.session.dataDir!)).toEqual({ usage: 'consultant', newWorkspaceFolder: first, clientFolders: [first, second] })
  })

  it('makes the Dashboard home again for one organisation with a single workspace', async () => {
    const test = createTestSession()
    await test.call('workspace.create', { organization: TEST_ORGANIZATION })
    await test.call('app.setUsage', { usage: 'consultant' })
    expect((await test.call('workspace.startup', {})).home).toBe('clients')
    await test.call('app.setUsage', { usage: 'own-organization' })
    expect(await test.call('workspace.startup', {})).toMatchObject({ usage: 'own-organization', home: 'dashboard' })
  })
})
