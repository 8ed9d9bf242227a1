// Evidence items through the API against real workspaces: a file's hash and size, one copy per content, the date
// checks, staleness, archiving that keeps everything, links, refused sources, and a cancelled import that leaves
// the database as it was.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../main/assessment/reads'
import type { Db } from '../../main/db/driver'
import { listEvidenceForManifest, readEvidenceChunks } from '../../main/evidence/reads'
import { EVIDENCE_CHUNK_BYTES } from '../../main/evidence/store-file'
import { createTestWorkspace } from '../helpers/workspace'

const NOW = new Date('2026-12-07T12:00:00Z')
const question = readCatalog().questions.find(q => q.group !== 'cloud')!
const citation = question.citations[0]!

async function workspace() {
  const ws = await createTestWorkspace({ now: () => NOW })
  return { ...ws, db: (): Db => ws.session.requireWorkspace().db }
}

function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name)
  fs.writeFileSync(file, content)
  return file
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')

/** Every row of every table, so "exactly as before" can be compared. */
function snapshot(db: Db): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[]
  const rows = (table: string) => (db.prepare(`SELECT * FROM "${table}"`).all() as unknown[]).map(row => JSON.stringify(row)).sort()
  return Object.fromEntries(tables.map(table => [table, rows(table)]))
}

describe('evidence files', () => {
  it('records the SHA-256, the size, who added it and the effective date, and gives the same bytes back', async () => {
    const ws = await workspace()
    const content = 'Screenshot of the backup console, 2026-11-30\n'.repeat(1000)
    const file = writeFile(ws.dir, 'backup-console.txt', content)
    const item = await ws.call('evidence.addFile', {
      target: { kind: 'answer', id: question.id },
      path: file,
      effectiveAsOf: '2026-11-30',
      expiresOn: '2027-11-30'
    })
    expect(item).toMatchObject({
      kind: 'file',
      title: 'backup-console.txt',
      fileName: 'backup-console.txt',
      sha256: sha256(content),
      size: Buffer.byteLength(content),
      effectiveAsOf: '2026-11-30',
      expiresOn: '2027-11-30',
      addedBy: 'Dana Reyes',
      addedAt: NOW.toISOString(),
      stale: false,
      periodId: '2026',
      specificationIds: [...new Set(question.citations)].sort()
    })
    expect(Buffer.concat([...readEvidenceChunks(ws.db(), item!.sha256!)]).toString()).toBe(content)
    const out = path.join(ws.dir, 'copy.txt')
    expect(await ws.call('evidence.saveCopy', { id: item!.id, path: out })).toEqual({ path: out, sha256: sha256(content), size: content.length })
    expect(fs.readFileSync(out, 'utf8')).toBe(content)
  })

  it('stores the same content once, however many items attach it', async () => {
    const ws = await workspace()
    const bytes = Buffer.alloc(EVIDENCE_CHUNK_BYTES * 2 + 17, 7)
    const first = writeFile(ws.dir, 'a.bin', bytes)
    const second = writeFile(ws.dir, 'b.bin', bytes)
    const a = await ws.call('evidence.addFile', { target: { kind: 'decision', id: citation }, path: first, effectiveAsOf: '2026-12-01' })
    const b = await ws.call('evidence.addFile', { target: { kind: 'answer', id: question.id }, path: second, effectiveAsOf: '2026-12-02' })
    expect(a!.sha256).toBe(b!.sha256)
    const db = ws.db()
    expect(db.prepare('SELECT COUNT(*) FROM evidence_content').pluck().get()).toBe(1)
    expect(db.prepare('SELECT COUNT(*) FROM evidence_chunk').pluck().get()).toBe(3)
    expect(db.prepare('SELECT COUNT(*) FROM evidence_item').pluck().get()).toBe(2)
    expect(Buffer.concat([...readEvidenceChunks(db, a!.sha256!)]).equals(bytes)).toBe(true)
  })

  it('refuses an effective date after today and an expiry not after the effective date, with clear messages', async () => {
    const ws = await workspace()
    const file = writeFile(ws.dir, 'e.txt', 'x')
    const target = { kind: 'answer' as const, id: question.id }
    await expect(ws.call('evidence.addFile', { target, path: file, effectiveAsOf: '2026-12-08' })).rejects.toThrow(
      /cannot be effective as of 2026-12-08, after today \(2026-12-07\)/
    )
    await expect(ws.call('evidence.addFile', { target, path: file, effectiveAsOf: '2026-12-01', expiresOn: '2026-11-01' })).rejects.toThrow(
      /cannot expire \(2026-11-01\) on or before the day it is effective as of \(2026-12-01\)/
    )
    await expect(ws.call('evidence.addLink', { target, url: 'https://example.org', title: 'x', effectiveAsOf: '2026-02-30' })).rejects.toThrow(
      /2026-02-30 does not exist/
    )
    const item = await ws.call('evidence.addLink', { target, url: 'https://example.org/r', title: 'Report', effectiveAsOf: '2026-12-01' })
    await expect(ws.call('evidence.update', { id: item.id, expiresOn: '2026-12-01' })).rejects.toThrow(/on or before the day it is effective/)
    await expect(ws.call('evidence.update', { id: item.id, effectiveAsOf: '2027-01-01' })).rejects.toThrow(/after today/)
    expect(ws.db().prepare('SELECT COUNT(*) FROM evidence_item').pluck().get()).toBe(1)
    expect(await ws.call('evidence.update', { id: item.id, title: 'Quarterly report', expiresOn: '2027-03-01' })).toMatchObject({
      title: 'Quarterly report',
      expiresOn: '2027-03-01',
      effectiveAsOf: '2026-12-01'
    })
  })

  it('marks evidence stale from the day after its expiry, in the list and per specification', async () => {
    const ws = await workspace()
    const target = { kind: 'decision' as const, id: citation }
    await ws.call('evidence.addLink', { target, url: 'https://example.org/old', title: 'Old', effectiveAsOf: '2025-01-01', expiresOn: '2026-12-06' })
    await ws.call('evidence.addLink', {
      target,
      url: 'https://example.org/last-day',
      title: 'Last day',
      effectiveAsOf: '2025-06-01',
      expiresOn: '2026-12-07'
    })
    await ws.call('evidence.addLink', { target, url: 'https://example.org/new', title: 'New', effectiveAsOf: '2026-12-01' })
    const items = await ws.call('evidence.list', { target })
    expect(Object.fromEntries(items.map(item => [item.title, item.stale]))).toEqual({ Old: true, 'Last day': false, New: false })
    expect((await ws.call('evidence.list', { staleOnly: true })).map(item => item.title)).toEqual(['Old'])
    expect(await ws.call('evidence.bySpecification', {})).toContainEqual({
      specificationId: citation,
      count: 3,
      newestEffectiveAsOf: '2026-12-01',
      staleCount: 1
    })
  })

  it('archives instead of deleting: the row and the content stay, listed as archived on request', async () => {
    const ws = await workspace()
    const file = writeFile(ws.dir, 'policy.txt', 'signed policy')
    const item = await ws.call('evidence.addFile', { target: { kind: 'answer', id: question.id }, path: file, effectiveAsOf: '2026-10-01' })
    const archived = await ws.call('evidence.archive', { id: item!.id, reason: 'Superseded by the 2027 policy' })
    expect(archived).toMatchObject({ archivedAt: NOW.toISOString(), archivedBy: 'Dana Reyes', archiveReason: 'Superseded by the 2027 policy' })
    expect(await ws.call('evidence.list', { target: { kind: 'answer', id: question.id } })).toEqual([])
    expect((await ws.call('evidence.list', { target: { kind: 'answer', id: question.id }, includeArchived: true })).map(i => i.id)).toEqual([
      item!.id
    ])
    expect(listEvidenceForManifest(ws.db())).toEqual([])
    expect(Buffer.concat([...readEvidenceChunks(ws.db(), item!.sha256!)]).toString()).toBe('signed policy')
    await expect(ws.call('evidence.archive', { id: item!.id })).rejects.toThrow(/already archived/)
    await expect(ws.call('evidence.update', { id: item!.id, title: 'x' })).rejects.toThrow(/archived/)
    const out = path.join(ws.dir, 'archived-copy.txt')
    await ws.call('evidence.saveCopy', { id: item!.id, path: out })
    expect(fs.readFileSync(out, 'utf8')).toBe('signed policy')
  })

  it('lists live items for the manifest with their specifications', async () => {
    const ws = await workspace()
    const file = writeFile(ws.dir, 'm.txt', 'manifest me')
    await ws.call('evidence.addFile', { target: { kind: 'decision', id: citation }, path: file, effectiveAsOf: '2026-12-01', title: 'Decision memo' })
    expect(listEvidenceForManifest(ws.db())).toEqual([
      expect.objectContaining({
        targetKind: 'decision',
        targetId: citation,
        title: 'Decision memo',
        fileName: 'm.txt',
        sha256: sha256('manifest me'),
        size: 11,
        specificationIds: [citation]
      })
    ])
  })
})

describe('evidence links and targets', () => {
  it('takes http and https addresses only', async () => {
    const ws = await workspace()
    const target = { kind: 'answer' as const, id: question.id }
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://example.org/x', 'not a url']) {
      await expect(ws.call('evidence.addLink', { target, url, title: 'x', effectiveAsOf: '2026-12-01' }), url).rejects.toMatchObject({
        code: 'invalid-input'
      })
    }
    const item = await ws.call('evidence.addLink', {
      target,
      url: 'http://intranet.example/backup-report',
      title: 'Backup report',
      effectiveAsOf: '2026-12-01'
    })
    expect(item).toMatchObject({ kind: 'link', url: 'http://intranet.example/backup-report', sha256: null, size: null, fileName: null })
    await expect(ws.call('evidence.saveCopy', { id: item.id, path: path.join(ws.dir, 'x') })).rejects.toThrow(/is a link, not a stored file/)
  })

  it('refuses a target that does not exist, saying what the id should be', async () => {
    const ws = await workspace()
    const link = { url: 'https://example.org', title: 'x', effectiveAsOf: '2026-12-01' }
    await expect(ws.call('evidence.addLink', { target: { kind: 'answer', id: 'no-such-question' }, ...link })).rejects.toThrow(
      /There is no answer "no-such-question".*question id/
    )
    await expect(ws.call('evidence.addLink', { target: { kind: 'incident', id: '42' }, ...link })).rejects.toThrow(/There is no incident "42"/)
    await expect(ws.call('evidence.addLink', { target: { kind: 'cloud-control', id: 'prowler:nothing' }, ...link })).rejects.toThrow(
      /scanner:check-id/
    )
    const { incident } = await ws.call('incidents.create', {
      incident: {
        title: 'Lost laptop',
        discoveredOn: '2026-11-02',
        role: 'covered-entity',
        assessment: { outcome: 'secured', reason: 'Full-disk encryption; the key was not on the laptop' },
        affectedByState: {}
      }
    })
    const item = await ws.call('evidence.addLink', { target: { kind: 'incident', id: String(incident.id) }, ...link })
    expect(item).toMatchObject({ target: { kind: 'incident', id: String(incident.id) }, periodId: null, specificationIds: [] })
  })
})

describe('refused sources', () => {
  it('a missing file, a folder and a symbolic link each get a clear error and store nothing', async () => {
    const ws = await workspace()
    const target = { kind: 'answer' as const, id: question.id }
    const real = writeFile(ws.dir, 'real.txt', 'x')
    const link = path.join(ws.dir, 'link.txt')
    fs.symlinkSync(real, link)
    const before = snapshot(ws.db())
    await expect(ws.call('evidence.addFile', { target, path: path.join(ws.dir, 'missing.pdf'), effectiveAsOf: '2026-12-01' })).rejects.toThrow(
      /missing\.pdf" does not exist/
    )
    await expect(ws.call('evidence.addFile', { target, path: ws.dir, effectiveAsOf: '2026-12-01' })).rejects.toThrow(
      /is a folder, not an evidence file/
    )
    await expect(ws.call('evidence.addFile', { target, path: link, effectiveAsOf: '2026-12-01' })).rejects.toThrow(/link\.txt" is a symbolic link/)
    expect(snapshot(ws.db())).toEqual(before)
  })

  it('a file over the limit is refused before anything is read', async () => {
    const ws = await workspace()
    const huge = path.join(ws.dir, 'huge.bin')
    const fd = fs.openSync(huge, 'w')
    fs.ftruncateSync(fd, 2 * 1024 * 1024 * 1024 + 1) // sparse: no disk used
    fs.closeSync(fd)
    const before = snapshot(ws.db())
    await expect(
      ws.call('evidence.addFile', { target: { kind: 'answer', id: question.id }, path: huge, effectiveAsOf: '2026-12-01' })
    ).rejects.toThrow(/huge\.bin" is 2049 MB, over the 2 GB limit for an evidence file/)
    expect(snapshot(ws.db())).toEqual(before)
  })

  it('cancelling mid-import leaves the database exactly as it was', async () => {
    const ws = await workspace()
    const target = { kind: 'answer' as const, id: question.id }
    // The period exists before, as it does once the questionnaire has been opened.
    await ws.call('evidence.addLink', { target, url: 'https://example.org/first', title: 'First', effectiveAsOf: '2026-12-01' })
    const file = writeFile(ws.dir, 'big.bin', Buffer.alloc(EVIDENCE_CHUNK_BYTES * 5, 1))
    const before = snapshot(ws.db())
    const controller = new AbortController()
    const seen: number[] = []
    await expect(
      ws.call(
        'evidence.addFile',
        { target, path: file, effectiveAsOf: '2026-12-01' },
        {
          signal: controller.signal,
          onProgress: update => {
            seen.push(update.done ?? 0)
            if ((update.done ?? 0) >= EVIDENCE_CHUNK_BYTES * 2) controller.abort()
          }
        }
      )
    ).rejects.toMatchObject({ code: 'cancelled' })
    expect(seen.at(-1)).toBe(EVIDENCE_CHUNK_BYTES * 2)
    expect(ws.db().inTransaction).toBe(false)
    expect(snapshot(ws.db())).toEqual(before)
  })
})

describe('evidence on a cloud control', () => {
  it('names a scanner check as scanner:check-id and supports the specifications its findings map to', async () => {
    const ws = await workspace()
    await ws.call('scans.import', { paths: [path.resolve(__dirname, '../fixtures/scanners/prowler-v5.ocsf.json')] })
    // What the Findings view says the check's findings map to (the same import, read through the API).
    const page = await ws.call('findings.query', { limit: 1000 })
    const ofCheck = page.findings.filter(f => f.checkId === 's3_bucket_default_encryption')
    expect(ofCheck.length).toBeGreaterThan(0)
    const citations = [...new Set(ofCheck.flatMap(f => f.citations))].sort()
    expect(citations.length).toBeGreaterThan(0)
    const target = { kind: 'cloud-control' as const, id: 'prowler:s3_bucket_default_encryption' }
    const item = await ws.call('evidence.addLink', {
      target,
      url: 'https://console.example/s3',
      title: 'Bucket settings',
      effectiveAsOf: '2026-12-01'
    })
    expect(item.specificationIds).toEqual(citations)
    expect((await ws.call('evidence.list', { specificationId: citations[0]! })).map(i => i.id)).toEqual([item.id])
    await expect(
      ws.call('evidence.addLink', {
        target: { ...target, id: 'prowler:no_such_check' },
        url: 'https://x.example',
        title: 'x',
        effectiveAsOf: '2026-12-01'
      })
    ).rejects.toThrow(/There is no cloud-control "prowler:no_such_check"/)
  })
})
