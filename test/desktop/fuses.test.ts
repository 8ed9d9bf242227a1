import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { FuseV1Options } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { tempDir } from '../helpers/workspace'
import { binaryWithFuses, writePackagedApp } from './fake-packaged-app'
import { configuredFuses, fuseProblems, readFuses, type FuseName } from './fuses'
import { SMOKE_COPY_FUSES } from './smoke-copy'

const ROOT = path.resolve(__dirname, '../..')
const builderFuses = (YAML.parse(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as { electronFuses: Record<string, boolean> })
  .electronFuses

describe("electron-builder.yml's fuses, by @electron/fuses name", () => {
  it('names every configured fuse as a fuse of the wire, on where the file says true', () => {
    const expected = configuredFuses()
    expect(Object.keys(expected)).toHaveLength(Object.keys(builderFuses).length)
    for (const [key, value] of Object.entries(builderFuses)) {
      const name = `${key[0]!.toUpperCase()}${key.slice(1)}` as FuseName
      expect(FuseV1Options[name], name).toBeTypeOf('number')
      expect(expected[name], key).toBe(value ? 'on' : 'off')
    }
  })

  it('refuses a fuse it does not know, naming the file and the key', () => {
    const file = path.join(tempDir(), 'electron-builder.yml')
    fs.writeFileSync(file, 'electronFuses:\n  runAsNode: false\n  enableEverything: true\n')
    expect(() => configuredFuses(file)).toThrow(`${file}: electronFuses.enableEverything is not a fuse this check knows.`)
  })
})

describe('the fuse check', () => {
  const shipped = configuredFuses()

  it.each(['linux', 'windows', 'mac'] as const)('reads the wire of a %s app and finds it as configured', async layout => {
    const executable = writePackagedApp(tempDir(), layout, binaryWithFuses({ ...shipped, LoadBrowserProcessSpecificV8Snapshot: 'off' }))
    const actual = await readFuses(executable)
    expect(actual).toMatchObject(shipped)
    expect(actual.LoadBrowserProcessSpecificV8Snapshot).toBe('off')
    expect(fuseProblems(actual, shipped)).toEqual([])
  })

  it('names each fuse set otherwise, and accepts the smoke-test copy only with its one exception', async () => {
    const smokeCopy = await readFuses(writePackagedApp(tempDir(), 'linux', binaryWithFuses({ ...shipped, EnableNodeCliInspectArguments: 'on' })))
    expect(fuseProblems(smokeCopy, shipped)).toEqual(['EnableNodeCliInspectArguments is on; electron-builder.yml asks for off'])
    expect(fuseProblems(smokeCopy, shipped, SMOKE_COPY_FUSES)).toEqual([])

    const asShipped = await readFuses(writePackagedApp(tempDir(), 'linux', binaryWithFuses(shipped)))
    expect(fuseProblems(asShipped, shipped, SMOKE_COPY_FUSES)).toEqual(['EnableNodeCliInspectArguments is off; the smoke-test copy asks for on'])

    const runsAsNode = await readFuses(
      writePackagedApp(tempDir(), 'windows', binaryWithFuses({ ...shipped, RunAsNode: 'on', OnlyLoadAppFromAsar: 'off' }))
    )
    expect(fuseProblems(runsAsNode, shipped, SMOKE_COPY_FUSES)).toEqual([
      'RunAsNode is on; electron-builder.yml asks for off',
      'EnableNodeCliInspectArguments is off; the smoke-test copy asks for on',
      'OnlyLoadAppFromAsar is off; electron-builder.yml asks for on'
    ])
  })

  it('says which fuses an older, shorter wire lacks', async () => {
    const actual = await readFuses(writePackagedApp(tempDir(), 'linux', binaryWithFuses(shipped, 4)))
    expect(Object.keys(actual)).toEqual([
      'RunAsNode',
      'EnableCookieEncryption',
      'EnableNodeOptionsEnvironmentVariable',
      'EnableNodeCliInspectArguments'
    ])
    expect(fuseProblems(actual, shipped)).toEqual([
      `EnableEmbeddedAsarIntegrityValidation is not in this binary's fuse wire; electron-builder.yml asks for on`,
      `OnlyLoadAppFromAsar is not in this binary's fuse wire; electron-builder.yml asks for on`,
      `GrantFileProtocolExtraPrivileges is not in this binary's fuse wire; electron-builder.yml asks for off`
    ])
  })

  it('names the file that holds no fuse wire', async () => {
    const file = path.join(tempDir(), 'not-electron')
    fs.writeFileSync(file, 'just bytes')
    await expect(readFuses(file)).rejects.toThrow(`${file}: Could not find sentinel`)
  })
})

describe('check-fuses.ts, as CI runs it', () => {
  const check = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/desktop/check-fuses.ts'), ...args], { cwd: ROOT, encoding: 'utf8' })

  it('passes the shipped app and the smoke-test copy, each against what it should be, and prints every fuse', () => {
    const dist = tempDir()
    writePackagedApp(dist, 'linux', binaryWithFuses(configuredFuses()))
    const smoke = path.join(dist, 'smoke-test')
    writePackagedApp(smoke, 'mac', binaryWithFuses({ ...configuredFuses(), EnableNodeCliInspectArguments: 'on' }))

    const shipped = check('--app', dist)
    expect(shipped.stderr).toBe('')
    expect(shipped.status).toBe(0)
    expect(shipped.stdout).toContain(`Fuses of ${path.join(dist, 'linux-unpacked', 'safeguard')}:`)
    expect(shipped.stdout).toContain('  EnableNodeCliInspectArguments: off')
    expect(shipped.stdout).toContain('Exactly as electron-builder.yml asks.')

    const copy = check('--app', smoke, '--smoke-copy')
    expect(copy.status).toBe(0)
    expect(copy.stdout).toContain('  EnableNodeCliInspectArguments: on')

    // Each is refused as the other.
    const swappedCopy = check('--app', smoke)
    expect(swappedCopy.status).toBe(1)
    expect(swappedCopy.stderr).toContain('EnableNodeCliInspectArguments is on; electron-builder.yml asks for off')
    expect(check('--app', dist, '--smoke-copy').status).toBe(1)
  }, 60_000)

  it('fails with a plain message when there is no app', () => {
    const empty = tempDir()
    const result = check('--app', empty)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`No packaged Safeguard executable under ${empty}`)
    expect(check().status).toBe(2)
  }, 60_000)
})
