import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { headlessHost, type Host } from '../../main/api/host'
import { createBreachWorkspace, rowCount } from '../breach/workspace'

const fixtures = path.resolve(__dirname, '../fixtures/baas')
const asOf = '2026-04-15'

const signed = {
  name: 'Northwind Billing',
  services: 'Claims',
  baaStatus: 'signed' as const,
  effectiveOn: '2025-05-01',
  expiresOn: '2026-05-31'
}

describe('business associate register', () => {
  it('creates, lists and flags: PHI without a signed BAA, expiring soon, expired, review overdue', async () => {
    const ws = await createBreachWorkspace()
    await ws.call('baas.create', { associate: signed })
    await ws.call('baas.create', { associate: { name: 'Prospect Labs', baaStatus: 'requested' } })
    await ws.call('baas.create', { associate: { name: 'Coffee', handlesPhi: false } })
    await ws.call('baas.create', {
      associate: { name: 'Old Shredder', baaStatus: 'signed', effectiveOn: '2023-01-01', expiresOn: '2026-01-31', lastReviewOn: '2025-01-10' }
    })
    const list = await ws.call('baas.list', { asOf, expiringWithinDays: 60 })
    const byName = Object.fromEntries(list.map(a => [a.name, a.flags]))
    // Expires 31 May, 46 days after 15 April: within 60. Reviewed never; effective 1 May 2025 + 12 months = 1 May 2026.
    expect(byName['Northwind Billing']).toEqual({
      phiWithoutSignedBaa: false,
      expired: false,
      expiringSoon: true,
      reviewOverdue: false,
      nextReviewOn: '2026-05-01'
    })
    expect(byName['Prospect Labs']).toMatchObject({ phiWithoutSignedBaa: true, expiringSoon: false, nextReviewOn: null })
    expect(byName['Coffee']).toMatchObject({ phiWithoutSignedBaa: false })
    // Signed but past its expiry date: treated as expired, so PHI is without an agreement in force.
    expect(byName['Old Shredder']).toMatchObject({ expired: true, phiWithoutSignedBaa: true, reviewOverdue: true, nextReviewOn: '2026-01-10' })
    const narrow = await ws.call('baas.list', { asOf, expiringWithinDays: 30 })
    expect(narrow.find(a => a.name === 'Northwind Billing')!.flags.expiringSoon).toBe(false)
  })

  it('validates input with clear messages', async () => {
    const ws = await createBreachWorkspace()
    await expect(ws.call('baas.create', { associate: { ...signed, expiresOn: '2025-01-01' } })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/cannot expire \(2025-01-01\) before it takes effect/)
    })
    await expect(ws.call('baas.create', { associate: { ...signed, effectiveOn: '2026-02-30' } })).rejects.toMatchObject({ code: 'invalid-input' })
    await expect(ws.call('baas.get', { id: 999 })).rejects.toMatchObject({ code: 'not-found' })
  })

  it('keeps the subcontractor chain as a tree, refuses loops and orphaning deletes', async () => {
    const ws = await createBreachWorkspace()
    const top = await ws.call('baas.create', { associate: signed })
    const sub = await ws.call('baas.create', {
      associate: { name: 'Backup Vault', relationship: 'subcontractor', parentId: top.id, baaStatus: 'signed' }
    })
    const subSub = await ws.call('baas.create', { associate: { name: 'Tape Courier', relationship: 'subcontractor', parentId: sub.id } })
    const chain = await ws.call('baas.chain', { asOf })
    expect(chain).toHaveLength(1)
    expect(chain[0]).toMatchObject({
      name: 'Northwind Billing',
      children: [{ name: 'Backup Vault', children: [{ name: 'Tape Courier', children: [] }] }]
    })
    expect(chain[0]!.children[0]!.children[0]!.flags.phiWithoutSignedBaa).toBe(true)
    expect((await ws.call('baas.get', { id: subSub.id, asOf })).ancestors.map(a => a.name)).toEqual(['Northwind Billing', 'Backup Vault'])
    await expect(ws.call('baas.update', { id: top.id, associate: { ...signed, parentId: subSub.id } })).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/below itself/)
    })
    await expect(ws.call('baas.archive', { id: sub.id })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/1 subcontractor below it in the chain \("Tape Courier"\)/)
    })
    await ws.call('baas.archive', { id: subSub.id })
    await ws.call('baas.archive', { id: sub.id })
    expect((await ws.call('baas.chain', { asOf }))[0]!.children).toEqual([])
  })

  it('records the BAA checklist per agreement', async () => {
    const ws = await createBreachWorkspace()
    const created = await ws.call('baas.create', { associate: signed })
    expect(created.checklist).toEqual({ total: 17, present: 0, missing: 0, notApplicable: 0, unchecked: 17 })
    await ws.call('baas.setTerm', { id: created.id, termId: '504e2iiC', state: 'present' })
    await ws.call('baas.setTerm', { id: created.id, termId: '314a2iC', state: 'missing', note: 'only breaches, not all security incidents' })
    let detail = await ws.call('baas.setTerm', { id: created.id, termId: '314a2ii', state: 'not-applicable' })
    expect(detail.checklist).toEqual({ total: 17, present: 1, missing: 1, notApplicable: 1, unchecked: 14 })
    expect(detail.terms.find(t => t.termId === '314a2iC')).toMatchObject({
      state: 'missing',
      citation: '45 CFR 164.314(a)(2)(i)(C)',
      note: expect.stringMatching(/only breaches/)
    })
    detail = await ws.call('baas.setTerm', { id: created.id, termId: '314a2ii', state: 'unchecked' })
    expect(detail.checklist.unchecked).toBe(15)
    await expect(ws.call('baas.setTerm', { id: created.id, termId: 'nope', state: 'present' })).rejects.toMatchObject({ code: 'invalid-input' })
  })

  it('marks a review and moves the next one on by the cadence', async () => {
    const ws = await createBreachWorkspace()
    const created = await ws.call('baas.create', { associate: { ...signed, reviewEveryMonths: 6 } })
    const reviewed = await ws.call('baas.markReviewed', { id: created.id, reviewedOn: '2026-04-01' })
    expect(reviewed.lastReviewOn).toBe('2026-04-01')
    expect(reviewed.flags.nextReviewOn).toBe('2026-10-01')
  })
})

describe('signed agreement stored inside the workspace', () => {
  it('stores the bytes with their SHA-256 and name, never the path, and saves an identical copy', async () => {
    const ws = await createBreachWorkspace()
    const created = await ws.call('baas.create', { associate: signed })
    const source = path.join(ws.dir, 'Northwind BAA signed.pdf')
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4096, 7)])
    fs.writeFileSync(source, bytes)
    const meta = await ws.call('baas.attachAgreement', { id: created.id, path: source })
    expect(meta).toMatchObject({ originalName: 'Northwind BAA signed.pdf', mediaType: 'application/pdf', size: bytes.length })
    expect(meta!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    const row = ws.db.prepare('SELECT * FROM business_associate_agreement_file').get() as Record<string, unknown>
    expect(Buffer.compare(row.content as Buffer, bytes)).toBe(0)
    expect(JSON.stringify(Object.values(row).filter(v => typeof v === 'string'))).not.toContain(ws.dir)
    // The original can go away: the workspace holds the copy.
    fs.rmSync(source)
    const target = path.join(ws.dir, 'copy.pdf')
    expect(await ws.call('baas.saveAgreementCopy', { id: created.id, path: target })).toEqual({ path: target })
    expect(fs.readFileSync(target).equals(bytes)).toBe(true)
    expect((await ws.call('baas.list', { asOf })).at(0)!.agreementFile?.sha256).toBe(meta!.sha256)
    await ws.call('baas.removeAgreement', { id: created.id })
    expect(rowCount(ws.db, 'business_associate_agreement_file')).toBe(0)
  })

  it('uses the host dialogs, and returns null when the user cancels', async () => {
    const ws = await createBreachWorkspace()
    const created = await ws.call('baas.create', { associate: signed })
    const source = path.join(ws.dir, 'baa.docx')
    fs.writeFileSync(source, 'docx bytes')
    const picking: Host = { ...headlessHost, pickOpenPath: async () => source }
    expect(await ws.call('baas.attachAgreement', { id: created.id }, { host: picking })).toMatchObject({ originalName: 'baa.docx' })
    expect(await ws.call('baas.attachAgreement', { id: created.id })).toBeNull()
    expect(await ws.call('baas.saveAgreementCopy', { id: created.id })).toBeNull()
  })

  it('refuses symbolic links, folders and oversized files, leaving nothing stored', async () => {
    const ws = await createBreachWorkspace()
    const created = await ws.call('baas.create', { associate: signed })
    const real = path.join(ws.dir, 'real.pdf')
    fs.writeFileSync(real, 'x')
    const link = path.join(ws.dir, 'link.pdf')
    fs.symlinkSync(real, link)
    await expect(ws.call('baas.attachAgreement', { id: created.id, path: link })).rejects.toMatchObject({
      message: expect.stringMatching(/symbolic link/)
    })
    await expect(ws.call('baas.attachAgreement', { id: created.id, path: ws.dir })).rejects.toMatchObject({ code: 'not-a-file' })
    const huge = path.join(ws.dir, 'huge.pdf')
    fs.writeFileSync(huge, '')
    fs.truncateSync(huge, 26 * 1024 * 1024)
    await expect(ws.call('baas.attachAgreement', { id: created.id, path: huge })).rejects.toMatchObject({ message: expect.stringMatching(/limit/) })
    await expect(ws.call('baas.attachAgreement', { id: created.id, path: path.join(ws.dir, 'missing.pdf') })).rejects.toMatchObject({
      code: 'not-found'
    })
    expect(rowCount(ws.db, 'business_associate_agreement_file')).toBe(0)
  })
})

describe('importing a register', () => {
  it('imports JSON with the chain given by parent names in any order', async () => {
    const ws = await createBreachWorkspace()
    const report = await ws.call('baas.importFile', { path: path.join(fixtures, 'register.json') })
    expect(report).toMatchObject({ format: 'json', imported: 3 })
    const chain = await ws.call('baas.chain', { asOf })
    const northwind = chain.find(node => node.name === 'Northwind Billing')!
    expect(northwind.children.map(c => c.name)).toEqual(['Backup Vault Inc.'])
    const list = await ws.call('baas.list', { asOf })
    expect(list.find(a => a.name === 'Northwind Billing')).toMatchObject({
      breachReportingDays: 10,
      assets: ['AWS RDS: billing-prod', 'AWS S3: statements']
    })
  })

  it('imports CSV: lists split on semicolons, yes/no, quoted commas', async () => {
    const ws = await createBreachWorkspace()
    const report = await ws.call('baas.importFile', { path: path.join(fixtures, 'register.csv') })
    expect(report).toMatchObject({ format: 'csv', imported: 3 })
    const list = await ws.call('baas.list', { asOf })
    const sync = list.find(a => a.name === 'Sync Relay, LLC')!
    expect(sync).toMatchObject({ relationship: 'subcontractor', phiCategories: ['lab results'] })
    expect(list.find(a => a.id === sync.parentId)!.name).toBe('Harbor Cloud Hosting')
    expect(list.find(a => a.name === 'Harbor Cloud Hosting')).toMatchObject({
      phiCategories: ['clinical notes', 'demographics'],
      lastReviewOn: '2025-06-15',
      breachReportingDays: 15
    })
    expect(list.find(a => a.name === 'Front Desk Coffee')).toMatchObject({ handlesPhi: false, flags: { phiWithoutSignedBaa: false } })
  })

  it('rejects a file with any bad row, imports nothing, and reports every row', async () => {
    const ws = await createBreachWorkspace()
    await ws.call('baas.create', { associate: signed })
    const error = await ws.call('baas.importFile', { path: path.join(fixtures, 'register-bad.csv') }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'import-rejected', message: expect.stringMatching(/Nothing was imported: 3 of 4 rows/) })
    const rows = (error as { details: { rows: { row: number; ok: boolean; errors: string[] }[] } }).details.rows
    expect(rows.map(r => r.ok)).toEqual([true, false, false, false])
    expect(rows[1]!.errors.join()).toMatch(/name/)
    expect(rows[2]!.errors.join()).toMatch(/handlesPhi/)
    expect(rows[2]!.errors.join()).toMatch(/effectiveOn/)
    expect(rows[3]!.errors.join()).toMatch(/baaStatus/)
    expect(rowCount(ws.db, 'business_associate')).toBe(1)
  })

  it('asks for the file with the host dialog when no path is given, and does nothing when cancelled', async () => {
    const ws = await createBreachWorkspace()
    expect(await ws.call('baas.importFile', {})).toBeNull()
    const picking: Host = { ...headlessHost, pickOpenPath: async () => path.join(fixtures, 'register.json') }
    expect(await ws.call('baas.importFile', {}, { host: picking })).toMatchObject({ imported: 3 })
    expect(await ws.call('incidents.importFile', {})).toBeNull()
    expect(rowCount(ws.db, 'incident')).toBe(0)
  })

  it('names unknown columns and unreadable files', async () => {
    const ws = await createBreachWorkspace()
    const file = path.join(ws.dir, 'typo.csv')
    fs.writeFileSync(file, 'name,baa_status\nAcme,signed\n')
    await expect(ws.call('baas.importFile', { path: file })).rejects.toMatchObject({
      code: 'import-rejected',
      message: expect.stringMatching(/baa_status/)
    })
    const broken = path.join(ws.dir, 'broken.json')
    fs.writeFileSync(broken, '[{"name": "Acme",')
    await expect(ws.call('baas.importFile', { path: broken })).rejects.toMatchObject({ message: expect.stringMatching(/not valid JSON/) })
    const poisoned = path.join(ws.dir, 'poisoned.json')
    fs.writeFileSync(poisoned, '[{"name": "Acme", "__proto__": {"baaStatus": "signed"}}]')
    await expect(ws.call('baas.importFile', { path: poisoned })).rejects.toMatchObject({ code: 'import-rejected' })
    expect(rowCount(ws.db, 'business_associate')).toBe(0)
  })
})
