// Signed agreements go through the hardened attachment reader (security/attachment-files.ts) on the way
// in and the owner-only, atomic export writer (shared/export-file.ts) on the way out.

import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { headlessHost, type Host } from '../../main/api/host'
import { MAX_AGREEMENT_BYTES } from '../../main/baas/agreement-file'
import { putAgreementFile } from '../../main/baas/db/agreement-files'
import { createTestWorkspace } from '../helpers/workspace'

// Symbolic links, named pipes and file modes as these tests make them exist only on POSIX systems; on Windows they skip.
const POSIX = process.platform !== 'win32'

async function workspaceWithAssociate() {
  const ws = await createTestWorkspace()
  const { id } = await ws.call('baas.create', { associate: { name: 'Northwind Billing', baaStatus: 'signed', effectiveOn: '2025-05-01' } })
  const db = ws.session.requireWorkspace().db
  /** Every stored agreement, whole: a refused attach must leave these exactly as they were. */
  const stored = () => db.prepare('SELECT * FROM business_associate_agreement_file ORDER BY business_associate_id').all()
  return { ws, id, db, stored }
}

/** Attaches and returns the refusal (the test fails if the call succeeds). */
async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (err) {
    return err as { code: string; message: string }
  }
  throw new Error('the agreement was attached')
}

describe('attaching a signed agreement', () => {
  it.skipIf(!POSIX)('refuses a symbolic link, even to a real agreement, and keeps the agreement already stored', async () => {
    const { ws, id, stored } = await workspaceWithAssociate()
    const first = path.join(ws.dir, 'first.pdf')
    fs.writeFileSync(first, '%PDF-1.7 first')
    await ws.call('baas.attachAgreement', { id, path: first })
    const before = stored()
    const real = path.join(ws.dir, 'real.pdf')
    fs.writeFileSync(real, '%PDF-1.7 real')
    const link = path.join(ws.dir, 'link.pdf')
    fs.symlinkSync(real, link)
    const error = await refusal(ws.call('baas.attachAgreement', { id, path: link }))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toBe(`"${link}" is a symbolic link; choose the file itself.`)
    expect(stored()).toEqual(before)
  })

  it.skipIf(!POSIX)('refuses a named pipe without waiting on it, and a folder, saying what each is', async () => {
    const { ws, id, stored } = await workspaceWithAssociate()
    const fifo = path.join(ws.dir, 'agreement.pdf')
    execFileSync('mkfifo', [fifo])
    const pipe = await refusal(ws.call('baas.attachAgreement', { id, path: fifo }))
    expect(pipe).toMatchObject({ code: 'not-a-file', message: `"${fifo}" is a named pipe, not an agreement file.` })
    const folder = path.join(ws.dir, 'signed.pdf')
    fs.mkdirSync(folder)
    const dir = await refusal(ws.call('baas.attachAgreement', { id, path: folder }))
    expect(dir).toMatchObject({ code: 'not-a-file', message: `"${folder}" is a folder, not an agreement file.` })
    expect(stored()).toEqual([])
  })

  it('refuses a file over 25 MB naming the file, its size and the limit; a file of exactly 25 MB is stored', async () => {
    const { ws, id, stored } = await workspaceWithAssociate()
    const huge = path.join(ws.dir, 'scanned agreement.pdf')
    fs.writeFileSync(huge, '')
    fs.truncateSync(huge, MAX_AGREEMENT_BYTES + 1)
    const error = await refusal(ws.call('baas.attachAgreement', { id, path: huge }))
    expect(error).toMatchObject({ code: 'invalid-input', message: `"${huge}" is 25.1 MB, over the 25 MB limit for a signed agreement.` })
    expect(stored()).toEqual([])
    fs.truncateSync(huge, MAX_AGREEMENT_BYTES)
    expect(await ws.call('baas.attachAgreement', { id, path: huge })).toMatchObject({ size: MAX_AGREEMENT_BYTES })
  })

  it('refuses a name Windows cannot store, as every attachment name is checked', async () => {
    const { ws, id, stored } = await workspaceWithAssociate()
    const reserved = path.join(ws.dir, 'aux.pdf')
    fs.writeFileSync(reserved, '%PDF-1.7')
    const error = await refusal(ws.call('baas.attachAgreement', { id, path: reserved }))
    expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('Windows cannot store a file with that name') })
    expect(stored()).toEqual([])
  })
})

describe('saving a copy of a signed agreement', () => {
  it.skipIf(!POSIX)('writes a copy only its owner can read, replacing an earlier readable file atomically', async () => {
    const { ws, id } = await workspaceWithAssociate()
    const source = path.join(ws.dir, 'baa.pdf')
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 3)])
    fs.writeFileSync(source, bytes, { mode: 0o644 })
    await ws.call('baas.attachAgreement', { id, path: source })
    const target = path.join(ws.dir, 'copy.pdf')
    fs.writeFileSync(target, 'an older copy', { mode: 0o644 })
    expect(await ws.call('baas.saveAgreementCopy', { id, path: target })).toEqual({ path: target })
    expect(fs.statSync(target).mode & 0o777).toBe(0o600)
    expect(fs.readFileSync(target).equals(bytes)).toBe(true)
    expect(fs.readdirSync(ws.dir).filter(name => name.endsWith('.partial'))).toEqual([])
  })

  it.skipIf(!POSIX)('refuses to write through a symbolic link planted at the target', async () => {
    const { ws, id } = await workspaceWithAssociate()
    const source = path.join(ws.dir, 'baa.pdf')
    fs.writeFileSync(source, '%PDF-1.7 signed')
    await ws.call('baas.attachAgreement', { id, path: source })
    const elsewhere = path.join(ws.dir, 'private.txt')
    fs.writeFileSync(elsewhere, 'not to be overwritten')
    const planted = path.join(ws.dir, 'copy.pdf')
    fs.symlinkSync(elsewhere, planted)
    await expect(ws.call('baas.saveAgreementCopy', { id, path: planted })).rejects.toMatchObject({ message: expect.stringMatching(/symbolic link/) })
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('not to be overwritten')
  })

  it('refuses to save a stored agreement whose bytes no longer match their checksum, writing nothing', async () => {
    const { ws, id, db } = await workspaceWithAssociate()
    const source = path.join(ws.dir, 'baa.pdf')
    fs.writeFileSync(source, '%PDF-1.7 signed')
    await ws.call('baas.attachAgreement', { id, path: source })
    db.prepare('UPDATE business_associate_agreement_file SET content = ? WHERE business_associate_id = ?').run(Buffer.from('%PDF-1.7 altered'), id)
    const target = path.join(ws.dir, 'copy.pdf')
    await expect(ws.call('baas.saveAgreementCopy', { id, path: target })).rejects.toMatchObject({ code: 'workspace-corrupt' })
    expect(fs.existsSync(target)).toBe(false)
  })

  it('suggests the stored name in the save dialog, or a plain one for a name stored before names were checked', async () => {
    const { ws, id, db } = await workspaceWithAssociate()
    const offered: string[] = []
    const host: Host = { ...headlessHost, pickSavePath: async options => (offered.push(options.defaultName), null) }
    const source = path.join(ws.dir, 'Northwind BAA.docx')
    fs.writeFileSync(source, 'docx bytes')
    await ws.call('baas.attachAgreement', { id, path: source })
    expect(await ws.call('baas.saveAgreementCopy', { id }, { host })).toBeNull()
    const content = Buffer.from('%PDF-1.7 old')
    putAgreementFile(db, id, {
      originalName: 'signed: final?.pdf',
      mediaType: 'application/pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      attachedAt: '2024-01-01T00:00:00.000Z',
      content
    })
    expect(await ws.call('baas.saveAgreementCopy', { id }, { host })).toBeNull()
    expect(offered).toEqual(['Northwind BAA.docx', 'signed agreement.pdf'])
  })
})
