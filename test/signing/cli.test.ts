import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'

describe('safeguard signing', () => {
  it('shows none, creates, shows, refuses a file that is not PKCS #12, and exports the certificate', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', file, '--org', 'Bayview Pediatrics', '--contact-name', 'Sam Ortiz', '--unencrypted'])).code).toBe(0)

    const none = await runSafeguard(['signing', 'show', file])
    expect(none).toMatchObject({ code: 0, stderr: '' })
    expect(none.stdout).toContain('No signing identity yet')

    const created = await runSafeguard(['signing', 'create', file, '--json'])
    expect(created.stderr).toBe('')
    const identity = JSON.parse(created.stdout) as { commonName: string; organization: string; fingerprintSha256: string }
    expect(identity).toMatchObject({ commonName: 'Sam Ortiz', organization: 'Bayview Pediatrics' })

    const junk = path.join(dir, 'junk.p12')
    fs.writeFileSync(junk, 'not pkcs12')
    const refused = await runSafeguard(['signing', 'import', file, '--p12', junk, '--replace'], { env: { SAFEGUARD_P12_PASSWORD: 'x' } })
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain('not a PKCS #12 file')

    const out = path.join(dir, 'bayview.crt')
    const exported = await runSafeguard(['signing', 'export-certificate', file, '--out', out])
    expect(exported).toMatchObject({ code: 0, stderr: '' })
    expect(exported.stdout).toContain(`Fingerprint: SHA-256 ${identity.fingerprintSha256}`)
    expect(new crypto.X509Certificate(fs.readFileSync(out)).fingerprint256).toBe(identity.fingerprintSha256)
    const shown = (await runSafeguard(['signing', 'show', file])).stdout
    expect(shown).toContain(`SHA-256 ${identity.fingerprintSha256}`)
    // An unencrypted workspace (this one is) keeps the key only as safe as the file: said, not hidden.
    expect(shown).toContain('this workspace is not encrypted')
  })
})
