// What a pack carries and how it is checked: the same bytes for the same state and date, the manifest's evidence,
// redaction and evidence folder, and hostile files that give a clear problem instead of a crash.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportNameOf } from '../../main/documents/pack-manifest/export-name'
import { MANIFEST_FILE_NAME } from '../../main/documents/pack-manifest/schema'
import { readEmbeddedManifest } from '../../main/verify/read-manifest'
import { MAX_PACK_BYTES, verifyPack } from '../../main/verify/verify-pack'
import { createTestWorkspace } from '../helpers/workspace'
import { EVIDENCE_FILES, sharedWorkspaceWithFiles, type SharedWorkspace } from './shared-workspace'

let clock = new Date('2026-11-20T09:00:00Z')
let ws: SharedWorkspace
const sha256 = (bytes: Buffer | string) => crypto.createHash('sha256').update(bytes).digest('hex')

beforeAll(async () => {
  ws = await sharedWorkspaceWithFiles(() => clock)
})
afterAll(() => ws.close())

async function manifestOf(file: string) {
  const reading = await readEmbeddedManifest(fs.readFileSync(file))
  if (!reading.manifest) throw new Error(reading.problem)
  return reading.manifest
}

describe('reproducible packs', () => {
  it('gives byte-identical unsigned PDFs for the same state and generation date, across a pause and a later time of day', async () => {
    const first = path.join(ws.dir, 'first.pdf')
    const second = path.join(ws.dir, 'second.pdf')
    await ws.call('documents.generatePack', { path: first, unsigned: true })
    await new Promise(resolve => setTimeout(resolve, 1100))
    clock = new Date('2026-11-20T17:45:00Z')
    await ws.call('documents.generatePack', { path: second, unsigned: true })
    const [a, b] = [fs.readFileSync(first), fs.readFileSync(second)]
    expect(a.equals(b)).toBe(true)
    // The file identifier is derived from the content (not pdfkit's clock-based hash), and the creation date is the generation date.
    expect(a.toString('latin1')).toMatch(/\/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]/)
    expect(a.toString('latin1')).toContain('/CreationDate (D:20261120000000Z)')
    // A later generation date is a different pack.
    clock = new Date('2026-11-21T09:00:00Z')
    const third = path.join(ws.dir, 'third.pdf')
    await ws.call('documents.generatePack', { path: third, unsigned: true })
    expect(fs.readFileSync(third).equals(a)).toBe(false)
    clock = new Date('2026-11-20T09:00:00Z')
  })

  it('does the same for the annual review, which is signed and carries its manifest too', async () => {
    const [first, second, signed] = ['review-1.pdf', 'review-2.pdf', 'review-signed.pdf'].map(name => path.join(ws.dir, name)) as [
      string,
      string,
      string
    ]
    await ws.call('documents.generateReview', { path: first, unsigned: true })
    clock = new Date('2026-11-20T23:59:00Z')
    await ws.call('documents.generateReview', { path: second, unsigned: true })
    await ws.call('documents.generateReview', { path: signed })
    clock = new Date('2026-11-20T09:00:00Z')
    const unsigned = fs.readFileSync(first)
    expect(fs.readFileSync(second).equals(unsigned)).toBe(true)
    expect(fs.readFileSync(signed).subarray(0, unsigned.length).equals(unsigned)).toBe(true)
    const report = await verifyPack(signed)
    expect(report.problems).toEqual([])
    expect(report.manifest).toMatchObject({ valid: true, document: { kind: 'annual-review' } })
  })
})

describe('the signing identity', () => {
  it("is created by the first signed pack, not by the outline preview, whose page count is the signed pack's", async () => {
    const fresh = await createTestWorkspace()
    const outline = await fresh.call('documents.packOutline', {})
    expect(await fresh.call('signing.identity', {})).toBeNull()
    const result = await fresh.call('documents.generatePack', { path: path.join(fresh.dir, 'first.pdf') })
    const identity = await fresh.call('signing.identity', {})
    expect(identity).not.toBeNull()
    expect(result!.pages).toBe(outline.pages)
    expect(result!.signedWith).toBe(identity!.fingerprintSha256)
  })
})

describe('the manifest', () => {
  it('lists every evidence item with its hash, size, dates and target, and a link without a hash', async () => {
    const file = path.join(ws.dir, 'listed.pdf')
    await ws.call('documents.generatePack', { path: file })
    const manifest = await manifestOf(file)
    // A PDF/A-3 associated file: in the catalog's /AF, with its relationship, and the metadata says PDF/A-3.
    const raw = fs.readFileSync(file).toString('latin1')
    expect(raw).toMatch(/\/AF \[\d+ 0 R\]/)
    expect(raw).toContain('/AFRelationship /Supplement')
    expect(raw).toContain('<pdfaid:part>3</pdfaid:part>')
    expect(manifest.safeguardVersion).toBe('0.0.0-test')
    expect(manifest.generatedOn).toBe('2026-11-20')
    expect(manifest.evidenceFiles).toBe('listed')
    const files = manifest.evidence.filter(e => e.sha256)
    expect(files.map(e => [e.fileName, e.sha256, e.size]).sort()).toEqual(
      Object.entries(EVIDENCE_FILES)
        .map(([name, content]) => [name, sha256(content), Buffer.byteLength(content)])
        .sort()
    )
    expect(files.every(e => e.effectiveAsOf === '2026-11-01' && e.expiresOn === '2027-11-01' && e.target.kind === 'answer')).toBe(true)
    expect(files.every(e => e.specificationIds.length > 0)).toBe(true)
    expect(manifest.evidence.find(e => e.url)).toMatchObject({ url: 'https://intranet.example/policy', sha256: null, exportName: null })
  })

  it('says, for a redacted pack, what kinds of value were replaced; the redacted pack is signed too', async () => {
    const file = path.join(ws.dir, 'redacted.pdf')
    const result = await ws.call('documents.generatePack', { path: file, redact: true })
    expect(result!.signedWith).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    const manifest = await manifestOf(file)
    expect(manifest.redaction.redacted).toBe(true)
    expect(manifest.redaction.kinds.map(k => k.kind)).toContain('account')
    expect(manifest.redaction.kinds.every(k => k.count > 0 && k.label.length > 0)).toBe(true)
    expect((await verifyPack(file)).ok).toBe(true)
    expect((await manifestOf(path.join(ws.dir, 'listed.pdf'))).redaction).toEqual({ redacted: false, kinds: [] })
  })

  it('embeds the evidence files themselves when asked, each as an associated file named as in the folder export', async () => {
    const file = path.join(ws.dir, 'embedded.pdf')
    await ws.call('documents.generatePack', { path: file, evidenceFiles: 'embedded' })
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
    const document = await getDocument({ data: new Uint8Array(fs.readFileSync(file)), verbosity: 0 }).promise
    const attachments = (await document.getAttachments()) as Record<string, { filename: string; content: Uint8Array }>
    const byName = new Map(Object.values(attachments).map(a => [a.filename, Buffer.from(a.content)]))
    for (const [name, content] of Object.entries(EVIDENCE_FILES)) {
      expect(byName.get(exportNameOf(sha256(content), name))?.toString()).toBe(content)
    }
    expect(byName.has(MANIFEST_FILE_NAME)).toBe(true)
    await document.destroy()
  })
})

describe('the evidence folder beside a pack', () => {
  it('matches the manifest; a changed, a missing and an extra file are each named', async () => {
    const file = path.join(ws.dir, 'with-folder.pdf')
    const result = await ws.call('documents.generatePack', { path: file, evidenceFiles: 'folder' })
    const dir = result!.evidenceDir!
    expect(dir).toBe(path.join(ws.dir, 'with-folder-evidence'))
    const names = Object.entries(EVIDENCE_FILES).map(([name, content]) => exportNameOf(sha256(content), name))
    expect(fs.readdirSync(dir).sort()).toEqual([...names, MANIFEST_FILE_NAME].sort())
    const clean = await verifyPack(file, { evidenceDir: dir })
    expect(clean.problems).toEqual([])
    expect(clean.evidence!.matched.sort()).toEqual([...names, MANIFEST_FILE_NAME].sort())

    const [changed, missing] = names as [string, string]
    fs.appendFileSync(path.join(dir, changed), 'x')
    fs.rmSync(path.join(dir, missing))
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'added later')
    const report = await verifyPack(file, { evidenceDir: dir })
    expect(report.ok).toBe(false)
    expect(report.evidence).toMatchObject({ changed: [changed], missing: [missing], extra: ['notes.txt'] })
    expect(report.problems).toEqual(
      expect.arrayContaining([expect.stringContaining(changed), expect.stringContaining(missing), expect.stringContaining('notes.txt')])
    )
    // The signature and manifest still check: only the folder is wrong.
    expect(report.signature).toMatchObject({ intact: true, coversWholeFile: true })
  })
  it('reports progress while exporting and, when cancelled there, leaves neither the folder nor the pack', async () => {
    const file = path.join(ws.dir, 'cancelled.pdf')
    const controller = new AbortController()
    const phases: string[] = []
    const call = ws.call(
      'documents.generatePack',
      { path: file, evidenceFiles: 'folder' },
      {
        signal: controller.signal,
        onProgress: update => {
          phases.push(update.phase)
          if (update.phase.startsWith('Exporting')) controller.abort()
        }
      }
    )
    await expect(call).rejects.toMatchObject({ code: 'cancelled' })
    expect(phases.some(p => p.startsWith('Exporting'))).toBe(true)
    expect(fs.existsSync(path.join(ws.dir, 'cancelled-evidence'))).toBe(false)
    expect(fs.existsSync(file)).toBe(false)
  })
})

describe('hostile input', () => {
  it('gives a clear problem, never a crash: missing, a folder, garbage, truncated, huge', async () => {
    const pack = path.join(ws.dir, 'listed.pdf')
    const bytes = fs.readFileSync(pack)
    const cases: Record<string, [string, RegExp]> = {
      missing: [path.join(ws.dir, 'nope.pdf'), /no such file/],
      folder: [ws.dir, /is not a file/],
      garbage: [path.join(ws.dir, 'garbage.pdf'), /not a PDF/],
      truncated: [path.join(ws.dir, 'truncated.pdf'), /signature|manifest|could not be read/i],
      huge: [path.join(ws.dir, 'huge.pdf'), /larger than any pack/]
    }
    fs.writeFileSync(cases.garbage![0], crypto.randomBytes(4096))
    fs.writeFileSync(cases.truncated![0], bytes.subarray(0, Math.floor(bytes.length / 2)))
    fs.writeFileSync(cases.huge![0], '%PDF-1.7\n')
    fs.truncateSync(cases.huge![0], MAX_PACK_BYTES + 1)
    for (const [name, [file, problem]] of Object.entries(cases)) {
      const report = await verifyPack(file)
      expect(report.ok, name).toBe(false)
      expect(report.problems.join(' '), name).toMatch(problem)
    }
  })
})
