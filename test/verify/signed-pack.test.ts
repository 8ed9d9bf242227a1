// A signed evidence pack end to end: generated through the API from a real workspace, checked by pdfsig (where
// installed), qpdf, pikepdf and our own verifier; one changed byte anywhere makes the checks fail.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MANIFEST_FILE_NAME, PackManifest } from '../../main/documents/pack-manifest/schema'
import { verifyPack } from '../../main/verify/verify-pack'
import { qpdfCheck } from '../documents/pdf-tools'
import { runSafeguard } from '../helpers/cli'
import { createTestWorkspace } from '../helpers/workspace'
import { AGREEMENT_BYTES, sharedWorkspaceWithFiles, type SharedWorkspace } from './shared-workspace'

const FIXED_NOW = new Date('2026-11-20T15:30:00Z')
// The second readers are outside programs: a machine without them (poppler-utils, python3-pikepdf; .ci/run installs
// both) skips those checks, saying which is missing, and our own verifier still checks every pack.
const hasPdfsig = spawnSync('pdfsig', ['-v']).status === 0
const hasPikepdf = spawnSync('/usr/bin/python3', ['-c', 'import pikepdf']).status === 0
const NO_PDFSIG = 'skipped: pdfsig (poppler-utils) is not installed'
const NO_PIKEPDF = 'skipped: /usr/bin/python3 has no pikepdf (python3-pikepdf)'

let ws: SharedWorkspace
let signed: string
let signedBytes: Buffer

/** A copy of the signed pack with one byte changed at `offset`. */
function tampered(name: string, offset: number): string {
  const bytes = Buffer.from(signedBytes)
  bytes[offset] = bytes[offset]! ^ 0x01
  const file = path.join(ws.dir, name)
  fs.writeFileSync(file, bytes)
  return file
}

function pdfsig(file: string): { status: number | null; output: string } {
  const result = spawnSync('pdfsig', [file], { encoding: 'utf8' })
  return { status: result.status, output: result.stdout + result.stderr }
}

beforeAll(async () => {
  ws = await sharedWorkspaceWithFiles(() => FIXED_NOW)
  signed = path.join(ws.dir, 'pack.pdf')
  const result = await ws.call('documents.generatePack', { path: signed })
  expect(result!.signedWith).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  signedBytes = fs.readFileSync(signed)
})

afterAll(() => ws.close())

describe('a signed evidence pack', () => {
  it('passes our verifier: signature intact over the whole file, signer, fingerprint, manifest', async () => {
    const report = await verifyPack(signed)
    expect(report.problems).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.signature).toMatchObject({ found: true, intact: true, coversWholeFile: true })
    expect(report.signature!.signer!.organization).toBe('Harbor Family Practice')
    // The recipient pins the certificate the organisation exports: its fingerprint is the one the verifier reports.
    const exported = await ws.call('signing.exportCertificate', { path: path.join(ws.dir, 'signing.pem') })
    const pinned = new crypto.X509Certificate(fs.readFileSync(exported!.path))
    expect(report.signature!.fingerprintSha256).toBe(pinned.fingerprint256)
    expect(report.manifest).toMatchObject({ found: true, valid: true, organization: 'Harbor Family Practice', generatedOn: '2026-11-20' })
  })

  it.skipIf(!hasPdfsig)(`is recognised by pdfsig (poppler) as valid and covering the whole document${hasPdfsig ? '' : ` (${NO_PDFSIG})`}`, () => {
    const { output } = pdfsig(signed)
    expect(output).toContain('Signature is Valid')
    expect(output).toContain('Total document signed')
  })

  it('passes qpdf --check, and the unsigned copy is an exact prefix of the signed one', async () => {
    const { status, output } = qpdfCheck(signed)
    expect(status, output).toBe(0)
    const unsigned = path.join(ws.dir, 'unsigned.pdf')
    const result = await ws.call('documents.generatePack', { path: unsigned, unsigned: true })
    expect(result!.signedWith).toBeNull()
    const unsignedBytes = fs.readFileSync(unsigned)
    expect(signedBytes.length).toBeGreaterThan(unsignedBytes.length)
    expect(signedBytes.subarray(0, unsignedBytes.length).equals(unsignedBytes)).toBe(true)
  })

  // pikepdf (qpdf's Python binding) is a PDF reader independent of ours and of pdf.js; CI installs it (.ci/run).
  it.skipIf(!hasPikepdf)(
    `carries a manifest that a second reader (pikepdf) extracts, listing the scan file and the agreement${hasPikepdf ? '' : ` (${NO_PIKEPDF})`}`,
    () => {
      const script = `import pikepdf, sys\npdf = pikepdf.open(sys.argv[1])\nsys.stdout.buffer.write(pdf.attachments['${MANIFEST_FILE_NAME}'].get_file().read_bytes())`
      const run = spawnSync('/usr/bin/python3', ['-c', script, signed])
      expect(run.status, run.stderr.toString()).toBe(0)
      const manifest = PackManifest.parse(JSON.parse(run.stdout.toString('utf8')))
      const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex')
      const scanBytes = fs.readFileSync('test/fixtures/scanners/prowler-asff.json')
      expect(manifest.scanFiles.map(s => s.sha256)).toEqual([sha256(scanBytes)])
      expect(manifest.agreements).toEqual([
        expect.objectContaining({
          businessAssociate: 'Northwind Billing',
          fileName: 'northwind-baa.pdf',
          size: AGREEMENT_BYTES.length,
          sha256: sha256(AGREEMENT_BYTES)
        })
      ])
      expect(manifest.redaction).toEqual({ redacted: false, kinds: [] })
      expect(manifest.document.kind).toBe('evidence-pack')
    }
  )

  it('fails both checks when one byte changes: in the first page, in the manifest, at the end', async () => {
    const text = signedBytes.toString('latin1')
    const positions = {
      'first page content': text.indexOf('stream\n', text.indexOf('/Type /Page\n')) + 20,
      manifest: text.indexOf('/Type /EmbeddedFile') + 2,
      end: signedBytes.length - 3
    }
    for (const [where, offset] of Object.entries(positions)) {
      expect(offset, where).toBeGreaterThan(20)
      const file = tampered(`tampered-${where.replaceAll(' ', '-')}.pdf`, offset)
      const report = await verifyPack(file)
      expect(report.ok, where).toBe(false)
      expect(report.problems.length, where).toBeGreaterThan(0)
      // pdfsig's view where it is installed (see NO_PDFSIG); our verifier's above always.
      if (hasPdfsig) expect(pdfsig(file).output, where).not.toMatch(/Signature is Valid[\s\S]*Total document signed/)
    }
  })

  it('safeguard verify exits 0 and says what checked, or exits 1 and says exactly what does not', async () => {
    const good = await runSafeguard(['verify', signed])
    expect(good.code, good.stderr).toBe(0)
    expect(good.stdout).toContain('Signature: intact and covers the whole file')
    expect(good.stdout).toMatch(/Certificate SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/)
    expect(good.stdout).toContain(`OK: ${signed} checks.`)
    const file = tampered('tampered-for-cli.pdf', signedBytes.length - 3)
    const bad = await runSafeguard(['verify', file, '--json'])
    expect(bad.code).toBe(1)
    const report = JSON.parse(bad.stdout) as { ok: boolean; problems: string[] }
    expect(report.ok).toBe(false)
    expect(report.problems.join(' ')).toMatch(/signature/i)
  })

  it("safeguard pack --unsigned writes the signed pack's bytes before signing, in another process at another time", async () => {
    const fresh = await createTestWorkspace()
    fresh.session.close()
    const [unsigned, signedCopy] = [path.join(fresh.dir, 'unsigned.pdf'), path.join(fresh.dir, 'signed.pdf')]
    const first = await runSafeguard(['pack', fresh.workspacePath, '--out', unsigned, '--unsigned'])
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain('Not signed (--unsigned)')
    const second = await runSafeguard(['pack', fresh.workspacePath, '--out', signedCopy])
    expect(second.code, second.stderr).toBe(0)
    const bytes = fs.readFileSync(unsigned)
    expect(fs.readFileSync(signedCopy).subarray(0, bytes.length).equals(bytes)).toBe(true)
    const check = await runSafeguard(['verify', unsigned])
    expect(check.code).toBe(1)
    expect(check.stdout).toContain('Signature: none')
    expect(check.stdout).toMatch(/- .*(no digital signature|not signed)/)
  })
})
