import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Host } from '../../main/api/host'
import { headlessHost } from '../../main/api/host'
import { createWorkspace } from '../../main/workspace/workspace-files'
import { createTestSession, createTestWorkspace, TEST_ORGANIZATION } from '../helpers/workspace'

describe('workspace handlers', () => {
  it('creates a workspace with the organisation profile and reads it back after reopening', async () => {
    const test = await createTestWorkspace({ organization: { role: 'business-associate', cloudProvider: 'gcp' } })
    await test.call('workspace.close', {})
    const reopened = await test.call('workspace.open', { path: test.workspacePath })
    expect(reopened.organization).toEqual({ ...TEST_ORGANIZATION, role: 'business-associate', cloudProvider: 'gcp' })
    expect(reopened.profileComplete).toBe(true)
    expect(reopened.path).toBe(path.resolve(test.workspacePath))
  })

  it('opens nothing and makes no file on first start, then reopens the last workspace used', async () => {
    const test = createTestSession()
    expect(await test.call('workspace.startup', {})).toEqual({ workspace: null, usage: null, home: 'dashboard' })
    expect(fs.existsSync(test.session.dataDir!)).toBe(false)

    const clinic = await test.call('workspace.create', { organization: { name: 'Lakeside Dental', role: 'covered-entity' } })
    expect(path.dirname(clinic.path)).toBe(path.join(test.dir, 'data', 'workspaces'))
    test.session.close()

    const later = createTestSession({ dataDir: test.session.dataDir! })
    const restarted = await later.call('workspace.startup', {})
    expect(restarted.workspace?.path).toBe(clinic.path)
    const recent = await later.call('workspace.listRecent', {})
    expect(recent.map(entry => entry.organizationName)).toEqual(['Lakeside Dental'])
  })

  it('falls back to an existing default workspace when the last one was moved away, and marks it missing', async () => {
    const test = createTestSession()
    const clinic = await test.call('workspace.create', { organization: { name: 'Moved Clinic', role: 'covered-entity' } })
    test.session.close()
    fs.renameSync(clinic.path, `${clinic.path}.moved`)
    // A default workspace an older version made, which its owner named and uses.
    const profile = {
      name: 'Kept Default',
      role: 'covered-entity',
      contactName: '',
      contactEmail: '',
      contactPhone: '',
      cloudProvider: 'aws'
    } as const
    createWorkspace(test.session.defaultWorkspacePath(), profile, { now: test.session.now() }).close()

    const later = createTestSession({ dataDir: test.session.dataDir! })
    const started = await later.call('workspace.startup', {})
    expect(started.workspace?.organization.name).toBe('Kept Default')
    expect(path.basename(started.workspace!.path)).toBe('Default.safeguard')
    const recent = await later.call('workspace.listRecent', {})
    expect(recent.find(entry => entry.path === clinic.path)?.available).toBe(false)
  })

  it('a moved or copied workspace file carries everything with it', async () => {
    const test = await createTestWorkspace()
    await test.call('workspace.updateProfile', { organization: { ...TEST_ORGANIZATION, name: 'Renamed Practice' } })
    await test.call('workspace.close', {})
    const copy = path.join(test.dir, 'elsewhere', 'copy.safeguard')
    fs.mkdirSync(path.dirname(copy))
    fs.copyFileSync(test.workspacePath, copy)
    const opened = await test.call('workspace.open', { path: copy })
    expect(opened.organization.name).toBe('Renamed Practice')
  })

  it('never overwrites an existing file when creating', async () => {
    const test = await createTestWorkspace()
    const before = fs.readFileSync(test.workspacePath)
    await expect(test.call('workspace.create', { path: test.workspacePath, organization: TEST_ORGANIZATION })).rejects.toMatchObject({
      code: 'already-exists'
    })
    expect(fs.readFileSync(test.workspacePath).equals(before)).toBe(true)
  })

  it('opens a workspace picked in the host dialog, and returns null when the user cancels', async () => {
    const test = await createTestWorkspace()
    await test.call('workspace.close', {})
    const picking: Host = { ...headlessHost, pickOpenPath: async () => test.workspacePath }
    expect(await test.call('workspace.openFromDisk', {}, { host: picking })).toMatchObject({ path: test.workspacePath })
    expect(await test.call('workspace.openFromDisk', {}, { host: headlessHost })).toBeNull()
  })

  it('keeps the current workspace open when opening another file fails', async () => {
    const test = await createTestWorkspace()
    const junk = path.join(test.dir, 'junk.safeguard')
    fs.writeFileSync(junk, 'x'.repeat(5000))
    await expect(test.call('workspace.open', { path: junk })).rejects.toMatchObject({
      code: 'not-a-workspace',
      details: { reason: 'not-a-workspace' }
    })
    expect((await test.call('workspace.current', {}))?.path).toBe(test.workspacePath)
  })

  it('tells an encrypted workspace (whole pages, a random salt) from a file that cannot be one', async () => {
    const test = await createTestWorkspace()
    const cases: [string, Buffer, string][] = [
      ['text of a page size', Buffer.from('x'.repeat(4096)), 'not-a-workspace'],
      ['random bytes, not whole pages', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131 + 7) % 256)), 'not-a-workspace'],
      ['random bytes in whole pages', Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 131 + 7) % 256)), 'encrypted']
    ]
    for (const [name, bytes, reason] of cases) {
      const file = path.join(test.dir, `${name}.safeguard`)
      fs.writeFileSync(file, bytes)
      await expect(test.call('workspace.open', { path: file }), name).rejects.toMatchObject({ code: 'not-a-workspace', details: { reason } })
    }
  })

  it('survives a damaged recent list by starting with an empty one', async () => {
    const test = createTestSession()
    fs.mkdirSync(test.session.dataDir!, { recursive: true })
    fs.writeFileSync(path.join(test.session.dataDir!, 'recent-workspaces.json'), '{"version": 1, "workspaces": [')
    expect(await test.call('workspace.listRecent', {})).toEqual([])
    expect((await test.call('workspace.startup', {})).workspace).toBeNull()
    await test.call('workspace.create', { organization: TEST_ORGANIZATION })
    expect(await test.call('workspace.listRecent', {})).toHaveLength(1)
  })
})
