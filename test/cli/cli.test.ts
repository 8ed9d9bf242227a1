import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { connect } from '../../main/db/driver'
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations'
import { formatRecoveryKey } from '../../main/db/recovery-key'
import { createWorkspace } from '../../main/workspace/workspace-files'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'

const VERSION = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version

describe('safeguard CLI', () => {
  it('prints help and version', async () => {
    const help = await runSafeguard(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: safeguard')
    expect(help.stdout).toMatch(/init \[options\] <file>/)
    expect(help.stdout).toMatch(/info \[options\] <file>/)
    const version = await runSafeguard(['--version'])
    expect(version).toMatchObject({ code: 0, stdout: `${VERSION}\n` })
  })

  it('init then info --json round-trips the organisation, printing only JSON', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'clinic.safeguard')
    const init = await runSafeguard([
      'init',
      file,
      '--org',
      'Bayview Pediatrics',
      '--role',
      'business-associate',
      '--contact-name',
      'Sam Ortiz',
      '--contact-email',
      'sam@bayview.example',
      '--cloud',
      'azure',
      '--unencrypted'
    ])
    expect(init.stderr).toBe('')
    expect(init.code).toBe(0)
    expect(init.stdout).toContain('Created a workspace for Bayview Pediatrics, NOT encrypted.')

    const info = await runSafeguard(['info', file, '--json'])
    expect(info.code).toBe(0)
    expect(info.stderr).toBe('')
    const summary = JSON.parse(info.stdout)
    expect(summary).toMatchObject({
      path: file,
      schemaVersion: LATEST_SCHEMA_VERSION,
      organization: {
        name: 'Bayview Pediatrics',
        role: 'business-associate',
        contactName: 'Sam Ortiz',
        contactEmail: 'sam@bayview.example',
        cloudProvider: 'azure'
      }
    })
  })

  it('init defaults to a covered entity on AWS and refuses to overwrite a file', async () => {
    const file = path.join(tempDir(), 'default.safeguard')
    expect((await runSafeguard(['init', file, '--org', 'Plain Clinic', '--unencrypted'])).code).toBe(0)
    const summary = JSON.parse((await runSafeguard(['info', file, '--json'])).stdout)
    expect(summary.organization).toMatchObject({ role: 'covered-entity', cloudProvider: 'aws' })
    const again = await runSafeguard(['init', file, '--org', 'Other', '--unencrypted'])
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already exists')
    expect(again.stdout).toBe('')
  })

  it('gives a clear error for a folder, a non-SQLite file, a missing file and a newer workspace', async () => {
    const dir = tempDir()
    const folder = await runSafeguard(['info', dir, '--json'])
    expect(folder).toMatchObject({ code: 1, stdout: '' })
    expect(folder.stderr).toBe(`safeguard: "${dir}" is a folder, not a workspace file.\n`)

    const text = path.join(dir, 'notes.txt')
    fs.writeFileSync(text, 'just some notes, not a database')
    const notSqlite = await runSafeguard(['info', text, '--json'])
    expect(notSqlite).toMatchObject({ code: 1, stdout: '' })
    expect(notSqlite.stderr).toContain('is not a Safeguard workspace')

    const missing = await runSafeguard(['info', path.join(dir, 'nope.safeguard')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('No workspace at')

    const newer = path.join(dir, 'newer.safeguard')
    expect((await runSafeguard(['init', newer, '--org', 'Future Clinic', '--unencrypted'])).code).toBe(0)
    const db = connect(newer)
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    db.close()
    const tooNew = await runSafeguard(['info', newer, '--json'])
    expect(tooNew).toMatchObject({ code: 1, stdout: '' })
    expect(tooNew.stderr).toContain('newer version of Safeguard')
  })

  it('exits 2 with usage help on a wrong command or a missing option', async () => {
    const unknown = await runSafeguard(['frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("unknown command 'frobnicate'")
    const missingOrg = await runSafeguard(['init', path.join(tempDir(), 'x.safeguard')])
    expect(missingOrg.code).toBe(2)
    expect(missingOrg.stderr).toContain("required option '--org <name>' not specified")
  })

  it('encrypts new workspaces: without SAFEGUARD_PASSPHRASE or a terminal, init asks for one or --unencrypted, and makes nothing', async () => {
    const file = path.join(tempDir(), 'clinic.safeguard')
    const refused = await runSafeguard(['init', file, '--org', 'Harbor Clinic'])
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('No terminal to ask for a passphrase: set SAFEGUARD_PASSPHRASE, or pass --unencrypted')
    expect(fs.existsSync(file)).toBe(false)

    const encrypted = await runSafeguard(['init', file, '--org', 'Harbor Clinic'], { env: { SAFEGUARD_PASSPHRASE: 'harbor clinic 2026' } })
    expect(encrypted.code).toBe(0)
    expect(encrypted.stdout).toContain('Created a workspace for Harbor Clinic, encrypted with the passphrase.')
    expect(fs.readFileSync(file).subarray(0, 15).toString()).not.toBe('SQLite format 3')
    expect(fs.readFileSync(file).includes('Harbor Clinic')).toBe(false)
  })

  it("opens a workspace kept by the app's device key with its recovery key in SAFEGUARD_PASSPHRASE", async () => {
    const file = path.join(tempDir(), 'device.safeguard')
    const key = Buffer.alloc(32, 7)
    createWorkspace(
      file,
      { name: 'Device Clinic', role: 'covered-entity', contactName: '', contactEmail: '', contactPhone: '', cloudProvider: 'aws' },
      { now: '2026-11-22T00:00:00.000Z', key: { kind: 'raw', key } }
    ).close()
    const info = await runSafeguard(['info', file, '--json'], { env: { SAFEGUARD_PASSPHRASE: formatRecoveryKey(key) } })
    expect(info.stderr).toBe('')
    expect(JSON.parse(info.stdout).organization.name).toBe('Device Clinic')
  })

  it('rejects invalid values with the field named', async () => {
    const result = await runSafeguard(['init', path.join(tempDir(), 'x.safeguard'), '--org', 'X', '--contact-email', 'not-mail'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('contactEmail: Enter a valid email address')
  })
})
