import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/workspace'
import { binaryWithFuses, writePackagedApp, type Layout } from './fake-packaged-app'
import { chooseApp, findPackagedApp } from './packaged-app'

describe('findPackagedApp', () => {
  it.each<Layout>(['linux', 'windows', 'mac'])('finds the %s executable from the output folder, the app folder or the executable itself', layout => {
    const dist = tempDir()
    const executable = writePackagedApp(dist, layout, binaryWithFuses({}))
    expect(findPackagedApp(dist)).toBe(executable)
    const appFolder = layout === 'mac' ? path.resolve(executable, '..', '..', '..') : path.dirname(executable)
    expect(findPackagedApp(appFolder)).toBe(executable)
    expect(findPackagedApp(executable)).toBe(executable)
  })

  it('names the folder and every place it looked when no app was packaged there', () => {
    const dist = tempDir()
    fs.mkdirSync(path.join(dist, 'linux-unpacked'))
    let message = ''
    try {
      findPackagedApp(dist)
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toContain(`No packaged Safeguard executable under ${dist}`)
    expect(message).toContain(path.join(dist, 'linux-unpacked', 'safeguard'))
    expect(message).toContain(path.join(dist, 'win-unpacked', 'Safeguard.exe'))
    expect(message).toContain(path.join(dist, 'mac-arm64', 'Safeguard.app', 'Contents', 'MacOS', 'Safeguard'))
  })

  it('says when nothing is at the path given', () => {
    const missing = path.join(tempDir(), 'dist', 'smoke-test')
    expect(() => findPackagedApp(missing)).toThrow(`No packaged app at ${missing}: nothing is there.`)
  })
})

describe('chooseApp', () => {
  const VARIABLE = 'SAFEGUARD_TEST_CHOSEN_APP'
  const withVariable = (value: string | undefined, run: () => void) => {
    if (value === undefined) delete process.env[VARIABLE]
    else process.env[VARIABLE] = value
    try {
      run()
    } finally {
      delete process.env[VARIABLE]
    }
  }

  it('takes the app the variable names, else the one in the fallback folder', () => {
    const named = tempDir()
    const fallback = tempDir()
    const namedApp = writePackagedApp(named, 'linux', binaryWithFuses({}))
    const fallbackApp = writePackagedApp(fallback, 'windows', binaryWithFuses({}))
    withVariable(named, () => expect(chooseApp(VARIABLE, fallback, 'none')).toEqual({ executable: namedApp }))
    withVariable(undefined, () => expect(chooseApp(VARIABLE, fallback, 'none')).toEqual({ executable: fallbackApp }))
  })

  it('skips with the reason given when nothing is named or packaged, and errs when the named app is missing', () => {
    const empty = tempDir()
    withVariable(undefined, () => expect(chooseApp(VARIABLE, empty, 'nothing packaged here')).toEqual({ skip: 'nothing packaged here' }))
    withVariable(empty, () => {
      const choice = chooseApp(VARIABLE, empty, 'nothing packaged here')
      expect(choice).toEqual({ error: expect.stringContaining(`${VARIABLE}=${empty}: No packaged Safeguard executable under ${empty}`) })
    })
  })
})
