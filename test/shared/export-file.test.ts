import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeExportFile } from '../../main/shared/export-file'
import { tempDir } from '../helpers/workspace'

// Exports hold an organisation's security posture: written whole, for the owner only, never through a link.
describe('writeExportFile', () => {
  it.skipIf(process.platform === 'win32')('writes for the owner only, even over a file that was readable by everyone', () => {
    const dir = tempDir()
    const target = path.join(dir, 'pack.pdf')
    fs.writeFileSync(target, 'old', { mode: 0o644 })
    fs.chmodSync(target, 0o644)
    expect(writeExportFile(target, Buffer.from('new'))).toBe(target)
    expect(fs.readFileSync(target, 'utf8')).toBe('new')
    expect(fs.statSync(target).mode & 0o777).toBe(0o600)
    expect(fs.readdirSync(dir)).toEqual(['pack.pdf'])
  })

  it('refuses a symbolic link, a folder and a missing folder, writing nothing', () => {
    const dir = tempDir()
    const elsewhere = path.join(dir, 'elsewhere.txt')
    fs.writeFileSync(elsewhere, 'keep')
    const link = path.join(dir, 'link.csv')
    fs.symlinkSync(elsewhere, link)
    expect(() => writeExportFile(link, 'x')).toThrow(/symbolic link/)
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('keep')
    fs.mkdirSync(path.join(dir, 'folder.csv'))
    expect(() => writeExportFile(path.join(dir, 'folder.csv'), 'x')).toThrow(/is a folder/)
    expect(() => writeExportFile(path.join(dir, 'missing', 'x.csv'), 'x')).toThrow(/does not exist/)
    expect(fs.readdirSync(dir).sort()).toEqual(['elsewhere.txt', 'folder.csv', 'link.csv'])
  })
})
