import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { sharedFakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).sharedFakeElectron().module)

const fake = sharedFakeElectron()
let dataDir: string
const processWithResources = process as unknown as { resourcesPath?: string }

// The packaged app (app.isPackaged): what differs from development must be the safer choice.
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-packaged-'))
  fake.paths.userData = dataDir
  fake.paths.appPath = dataDir
  Object.assign(fake.module.app, { isPackaged: true })
  processWithResources.resourcesPath = path.join(dataDir, 'resources')
  await import('../../main/electron/index')
  fake.markReady()
  await new Promise(resolve => setTimeout(resolve, 0))
})

afterAll(() => {
  fake.module.app.emit('will-quit')
  delete processWithResources.resourcesPath
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('packaged app', () => {
  it('opens its window with devtools off', () => {
    expect(fake.windows).toHaveLength(1)
    expect((fake.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(false)
  })

  it('offers no devtools entry in its menu', () => {
    const menuJson = JSON.stringify(fake.menus.at(-1))
    expect(menuJson).not.toContain('toggleDevTools')
    expect(menuJson).toContain('resetZoom')
  })
})
