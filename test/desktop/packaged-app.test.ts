import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/workspace'
import { binaryWithFuses, writePackagedApp, type Layout } from './fake-packaged-app'
import { findPackagedApp } from './packaged-app'

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
