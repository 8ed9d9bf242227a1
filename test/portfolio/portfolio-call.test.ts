// portfolio.summary through the real dispatch: the folder from the folder dialog and the recent list, progress per
// workspace, and a cancel that stops it.

import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { headlessHost } from '../../main/api/host'
import type { ProgressUpdate } from '../../main/api/define-call'
import { createTestSession, createTestWorkspace, tempDir, TEST_ORGANIZATION } from '../helpers/workspace'

describe('portfolio.summary', () => {
  it('reads the chosen folder and the recent list, the open workspace included', async () => {
    const ws = await createTestWorkspace()
    const folder = tempDir()
    const other = createTestSession()
    await other.call('workspace.create', {
      path: path.join(folder, 'lakeside.safeguard'),
      organization: { ...TEST_ORGANIZATION, name: 'Lakeside Dental' }
    })
    other.session.close()

    const updates: ProgressUpdate[] = []
    const host = { ...headlessHost, pickDirectory: async () => folder }
    const view = await ws.call('portfolio.summary', { chooseFolder: true, asOf: '2026-04-01' }, { host, onProgress: update => updates.push(update) })

    expect(view?.folders).toEqual([folder])
    expect(view?.entries.map(entry => ('organization' in entry ? entry.organization : entry.path))).toEqual([
      'Lakeside Dental',
      TEST_ORGANIZATION.name
    ])
    expect(updates.at(-1)).toMatchObject({ done: 2, total: 2, unit: 'workspaces' })
    // The open workspace is still this session's and writable.
    await ws.call('assessment.setAnswer', { questionId: 'q-308-a2-1', value: 'yes' })
  })

  it('answers null when the folder dialog is cancelled, and stops when the call is cancelled', async () => {
    const ws = await createTestWorkspace()
    expect(await ws.call('portfolio.summary', { chooseFolder: true })).toBeNull()
    const controller = new AbortController()
    controller.abort()
    await expect(ws.call('portfolio.summary', {}, { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' })
  })
})
