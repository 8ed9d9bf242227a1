import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  APP_SETTINGS_FILE,
  DEFAULT_APP_SETTINGS,
  readAppSettings,
  readAppSettingsWithProblem,
  updateAppSettings,
  writeAppSettings
} from '../../main/workspace/app-settings'

const dirs: string[] = []
function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-settings-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('app settings', () => {
  it('reads the defaults when there is no file, and writes nothing by reading', () => {
    const dir = dataDir()
    expect(readAppSettingsWithProblem(dir)).toEqual({ settings: DEFAULT_APP_SETTINGS, problem: null })
    expect(DEFAULT_APP_SETTINGS).toEqual({ usage: null, newWorkspaceFolder: null, clientFolders: [] })
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('keeps what was written, and an update changes only what it changes', () => {
    const dir = dataDir()
    const folder = path.join(dir, 'clients')
    writeAppSettings(dir, { usage: 'consultant', newWorkspaceFolder: folder, clientFolders: [folder] })
    updateAppSettings(dir, current => ({ ...current, clientFolders: [...current.clientFolders, '/elsewhere'] }))
    expect(readAppSettings(dir)).toEqual({ usage: 'consultant', newWorkspaceFolder: folder, clientFolders: [folder, '/elsewhere'] })
    expect(JSON.parse(fs.readFileSync(path.join(dir, APP_SETTINGS_FILE), 'utf8')).version).toBe(1)
    expect(fs.readdirSync(dir)).toEqual([APP_SETTINGS_FILE])
  })

  it('treats a damaged file as the defaults, and keeps a copy of it aside before writing over it', () => {
    const dir = dataDir()
    const file = path.join(dir, APP_SETTINGS_FILE)
    for (const damaged of ['{ not json', JSON.stringify({ version: 1, usage: 'landlord' }), 'null']) {
      fs.writeFileSync(file, damaged)
      expect(readAppSettingsWithProblem(dir)).toEqual({ settings: DEFAULT_APP_SETTINGS, problem: 'damaged' })
    }
    writeAppSettings(dir, { ...DEFAULT_APP_SETTINGS, usage: 'own-organization' })
    expect(fs.readFileSync(`${file}.damaged`, 'utf8')).toBe('null')
    expect(readAppSettingsWithProblem(dir)).toEqual({ settings: { ...DEFAULT_APP_SETTINGS, usage: 'own-organization' }, problem: null })
  })

  it('reads a newer version as the defaults and refuses to write over it', () => {
    const dir = dataDir()
    const file = path.join(dir, APP_SETTINGS_FILE)
    const newer = JSON.stringify({ version: 2, usage: 'consultant', clientFolders: ['/clients'], somethingNew: true })
    fs.writeFileSync(file, newer)
    expect(readAppSettingsWithProblem(dir)).toEqual({ settings: DEFAULT_APP_SETTINGS, problem: 'newer' })
    expect(() => writeAppSettings(dir, { ...DEFAULT_APP_SETTINGS, usage: 'own-organization' })).toThrow(/newer version of Safeguard/)
    expect(fs.readFileSync(file, 'utf8')).toBe(newer)
  })
  it('reads a file written before the practice library was remembered here, and keeps the library path once written', () => {
    const dir = dataDir()
    const file = path.join(dir, APP_SETTINGS_FILE)
    fs.writeFileSync(file, JSON.stringify({ version: 1, usage: 'consultant', newWorkspaceFolder: null, clientFolders: ['/clients'] }))
    const older = readAppSettingsWithProblem(dir)
    expect(older).toEqual({ settings: { usage: 'consultant', newWorkspaceFolder: null, clientFolders: ['/clients'] }, problem: null })
    expect(older.settings).not.toHaveProperty('practiceLibrary')
    updateAppSettings(dir, current => ({ ...current, practiceLibrary: '/clients/practice.sglibrary' }))
    expect(readAppSettings(dir)).toEqual({
      usage: 'consultant',
      newWorkspaceFolder: null,
      clientFolders: ['/clients'],
      practiceLibrary: '/clients/practice.sglibrary'
    })
  })
})
