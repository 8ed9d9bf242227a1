import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkAttachmentName, readAttachmentSource, resolveReferencedFile, writeAttachmentCopy } from '../../main/security/attachment-files'
import { exportAttachment, getAttachmentInfo, storeAttachment } from '../../main/security/attachments'
import type { WorkspaceKeyProvider } from '../../main/db/key-provider'
import { passphraseKey } from '../../main/db/workspace-key'
import { createTestWorkspace, tempDir } from '../helpers/workspace'

/** Every path under `dir`, to prove an operation created nothing outside the folder it was given. */
function tree(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).sort()
}

const BAD_NAMES = [
  '',
  '.',
  '..',
  '../secret.pdf',
  '..\\secret.pdf',
  'a/b.pdf',
  'a\\b.pdf',
  '/etc/passwd',
  '\\\\server\\share\\x.pdf',
  'C:\\Windows\\win.ini',
  'C:evil.pdf',
  'nul',
  'CON.txt',
  'com1.pdf',
  'LPT9',
  'trailing.',
  'trailing ',
  'nul\u0000.pdf',
  'line\nbreak.pdf',
  'bell\u0007.pdf',
  'a<b>.pdf',
  'what?.pdf',
  'star*.pdf',
  'pipe|.pdf',
  'quote".pdf',
  'x'.repeat(256)
]
const GOOD_NAMES = ['Signed BAA.pdf', 'évaluation 2026.docx', '.env', '..hidden', 'a..b.pdf', 'Northwind (countersigned).PDF', '报告.pdf']

describe('attachment names', () => {
  it.each(BAD_NAMES)('refuses %j', name => {
    expect(() => checkAttachmentName(name)).toThrow(/cannot be used as an attachment name/)
  })
  it.each(GOOD_NAMES)('accepts %j', name => {
    expect(checkAttachmentName(name)).toBe(name)
  })
})

describe('reading a file to attach', () => {
  function folder() {
    const dir = tempDir()
    const outside = path.join(dir, 'private.txt')
    fs.writeFileSync(outside, 'private')
    const inbox = path.join(dir, 'inbox')
    fs.mkdirSync(inbox)
    fs.writeFileSync(path.join(inbox, 'signed.pdf'), '%PDF-1.7 signed')
    fs.symlinkSync(outside, path.join(inbox, 'link.pdf'))
    fs.symlinkSync('/dev/zero', path.join(inbox, 'zero.pdf'))
    execFileSync('mkfifo', [path.join(inbox, 'pipe.pdf')])
    fs.mkdirSync(path.join(inbox, 'folder.pdf'))
    return { dir, inbox }
  }

  it('reads a regular file with its checksum', () => {
    const { inbox } = folder()
    const source = readAttachmentSource(path.join(inbox, 'signed.pdf'))
    expect(source).toMatchObject({ name: 'signed.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(source.bytes.toString()).toBe('%PDF-1.7 signed')
  })

  it.skipIf(process.platform === 'win32')('refuses links, devices, pipes and folders without blocking', () => {
    const { inbox } = folder()
    const started = Date.now()
    expect(() => readAttachmentSource(path.join(inbox, 'link.pdf'))).toThrow(/is a link/)
    expect(() => readAttachmentSource(path.join(inbox, 'zero.pdf'))).toThrow(/is a link/)
    expect(() => readAttachmentSource(path.join(inbox, 'pipe.pdf'))).toThrow(/not a regular file/)
    expect(() => readAttachmentSource(path.join(inbox, 'folder.pdf'))).toThrow(/not a regular file/)
    expect(() => readAttachmentSource('/dev/zero')).toThrow(/not a regular file/)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('refuses a file over the size limit', () => {
    const { inbox } = folder()
    fs.writeFileSync(path.join(inbox, 'big.pdf'), Buffer.alloc(2 * 1024 * 1024))
    expect(() => readAttachmentSource(path.join(inbox, 'big.pdf'), 1024 * 1024)).toThrow(/at most 1 MB/)
  })
})

describe('files an import names', () => {
  const ESCAPES = [
    '/etc/passwd',
    '../private.txt',
    'signed/../../private.txt',
    '..\\private.txt',
    'C:\\Windows\\win.ini',
    'C:private.txt',
    '\\\\server\\share\\x',
    './signed.pdf',
    'a/./b',
    'link.pdf',
    'uplink/private.txt',
    'nul\u0000.pdf',
    '',
    'missing.pdf'
  ]

  it.each(ESCAPES)('refuses %j and reads nothing outside the folder', reference => {
    const dir = tempDir()
    const base = path.join(dir, 'import')
    fs.mkdirSync(base)
    fs.writeFileSync(path.join(dir, 'private.txt'), 'private')
    fs.writeFileSync(path.join(base, 'signed.pdf'), 'ok')
    fs.symlinkSync(path.join(dir, 'private.txt'), path.join(base, 'link.pdf'))
    fs.symlinkSync(dir, path.join(base, 'uplink'))
    expect(() => resolveReferencedFile(base, reference)).toThrow()
  })

  it('resolves a plain relative name inside the folder', () => {
    const base = tempDir()
    fs.mkdirSync(path.join(base, 'signed'))
    fs.writeFileSync(path.join(base, 'signed', 'northwind.pdf'), 'ok')
    expect(resolveReferencedFile(base, 'signed/northwind.pdf')).toBe(path.join(fs.realpathSync(base), 'signed', 'northwind.pdf'))
  })
})

describe('writing an exported copy', () => {
  it('creates files only inside the folder, never through a planted link, never over a file', () => {
    const dir = tempDir()
    const out = path.join(dir, 'export')
    fs.mkdirSync(out)
    fs.writeFileSync(path.join(dir, 'victim.txt'), 'keep me')
    fs.symlinkSync(path.join(dir, 'victim.txt'), path.join(out, 'planted.pdf'))
    const before = tree(dir)
    for (const name of BAD_NAMES) expect(() => writeAttachmentCopy(out, name, Buffer.from('x'))).toThrow()
    expect(() => writeAttachmentCopy(out, 'planted.pdf', Buffer.from('overwrite'))).toThrow(/EEXIST/)
    expect(fs.readFileSync(path.join(dir, 'victim.txt'), 'utf8')).toBe('keep me')
    expect(tree(dir)).toEqual(before)
    const written = writeAttachmentCopy(out, 'copy.pdf', Buffer.from('content'))
    expect(written).toBe(path.join(fs.realpathSync(out), 'copy.pdf'))
    expect(() => writeAttachmentCopy(out, 'copy.pdf', Buffer.from('again'))).toThrow(/EEXIST/)
  })
})

describe('attachments in the workspace (migration 0005)', () => {
  async function workspaceWithAttachments(options: { keyProvider?: WorkspaceKeyProvider } = {}) {
    const test = await createTestWorkspace(options)
    const db = test.session.requireWorkspace().db
    return { ...test, db }
  }

  it('stores the content once, inside the database, and exports it intact', async () => {
    const test = await workspaceWithAttachments()
    const file = path.join(test.dir, 'Signed BAA.pdf')
    fs.writeFileSync(file, '%PDF-1.7 countersigned')
    const stored = storeAttachment(test.db, file, '2026-11-22T00:00:00Z')
    expect(storeAttachment(test.db, file, '2026-11-23T00:00:00Z')).toEqual(stored)
    expect(getAttachmentInfo(test.db, stored.sha256)).toMatchObject({ name: 'Signed BAA.pdf', size: 22 })
    const out = path.join(test.dir, 'out')
    fs.mkdirSync(out)
    expect(fs.readFileSync(exportAttachment(test.db, stored.sha256, out), 'utf8')).toBe('%PDF-1.7 countersigned')
  })

  it('keeps attachments of an encrypted workspace encrypted', async () => {
    const key = passphraseKey('attachment test passphrase')
    const test = await workspaceWithAttachments({ keyProvider: { keyFor: () => key, keyForNewWorkspace: () => key } })
    const file = path.join(test.dir, 'evidence.txt')
    fs.writeFileSync(file, 'ATTACHMENT-SENTINEL-77c1')
    storeAttachment(test.db, file, '2026-11-22T00:00:00Z')
    fs.rmSync(file)
    await test.call('workspace.close', {})
    for (const name of fs.readdirSync(test.dir, { recursive: true }) as string[]) {
      const full = path.join(test.dir, name)
      if (fs.statSync(full).isFile()) expect(fs.readFileSync(full).includes('ATTACHMENT-SENTINEL-77c1'), name).toBe(false)
    }
  })
})
