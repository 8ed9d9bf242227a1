import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'

describe('safeguard backup / restore', () => {
  it('backs up, lists, and restores a workspace that was overwritten', { timeout: 120_000 }, async () => {
    const dir = tempDir()
    const workspace = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', workspace, '--org', 'Harbor Clinic', '--unencrypted'])).code).toBe(0)

    const made = await runSafeguard(['backup', workspace, '--json'])
    expect(made.code).toBe(0)
    const backup = JSON.parse(made.stdout) as { file: string; reason: string }
    expect(backup.reason).toBe('manual')
    expect(fs.existsSync(backup.file)).toBe(true)

    const listed = await runSafeguard(['backup', workspace, '--list', '--json'])
    expect((JSON.parse(listed.stdout) as { file: string }[]).map(entry => entry.file)).toEqual([backup.file])

    fs.writeFileSync(workspace, 'oops')
    const restored = await runSafeguard(['restore', workspace, backup.file, '--json'])
    expect(restored.code).toBe(0)
    const result = JSON.parse(restored.stdout) as { restoredFrom: string; safetyCopy: string }
    expect(result.restoredFrom).toBe(backup.file)
    expect(fs.readFileSync(result.safetyCopy, 'utf8')).toBe('oops')

    const info = await runSafeguard(['info', workspace, '--json'])
    expect(JSON.parse(info.stdout)).toMatchObject({ organization: { name: 'Harbor Clinic' } })
  })

  it('refuses a bad backup with a clear message on stderr and nothing on stdout', { timeout: 60_000 }, async () => {
    const dir = tempDir()
    const workspace = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', workspace, '--org', 'Harbor Clinic', '--unencrypted'])).code).toBe(0)
    const before = fs.readFileSync(workspace)
    const junk = path.join(dir, 'junk.safeguard')
    fs.writeFileSync(junk, 'x'.repeat(4096))
    const refused = await runSafeguard(['restore', workspace, junk, '--json'])
    expect(refused).toMatchObject({ code: 1, stdout: '' })
    expect(refused.stderr).toContain(`The backup "${junk}" cannot be restored`)
    expect(fs.readFileSync(workspace).equals(before)).toBe(true)
  })
})
