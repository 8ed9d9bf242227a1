// The evidence pack and the annual review list, per specification, the evidence that supports it, its effective
// date and whether it is stale; the pack's appendix lists attached files with their SHA-256; a redacted pack
// replaces an account id in an evidence title as it does everywhere else.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../main/assessment/reads'
import { pdfText } from '../documents/pdf-tools'
import { createTestWorkspace } from '../helpers/workspace'

const catalog = readCatalog()
const specification = catalog.entries.find(entry => entry.kind === 'specification')!
const question = catalog.questions.find(q => q.group !== 'cloud' && q.citations[0] !== specification.citation)!

async function workspaceWithEvidence() {
  const ws = await createTestWorkspace({ now: () => new Date('2026-12-07T12:00:00Z') })
  const file = path.join(ws.dir, 'access-review.csv')
  fs.writeFileSync(file, 'user,role\nalice,admin\n')
  const attached = await ws.call('evidence.addFile', {
    target: { kind: 'answer', id: question.id },
    path: file,
    title: 'Quarterly access review',
    effectiveAsOf: '2026-10-01',
    expiresOn: '2027-01-01'
  })
  await ws.call('evidence.addLink', {
    target: { kind: 'decision', id: specification.citation },
    url: 'https://wiki.example/pen-test',
    title: 'Penetration test for account 123456789012',
    effectiveAsOf: '2025-09-01',
    expiresOn: '2026-09-01'
  })
  return { ws, sha256: attached!.sha256! }
}

describe('evidence in the documents', () => {
  it('the pack lists evidence by specification with dates and staleness, and attached files in the appendix', async () => {
    const { ws, sha256 } = await workspaceWithEvidence()
    const file = path.join(ws.dir, 'pack.pdf')
    await ws.call('documents.generatePack', { path: file, sections: ['attached-evidence', 'appendix'], unsigned: true })
    const text = pdfText(file)
    expect(text).toContain('Evidence by specification')
    expect(text).toContain(`${specification.citation} ${specification.title}`)
    expect(text).toMatch(/Penetration test for account 123456789012.*Decision.*Stale/)
    expect(text).toMatch(/Quarterly access review \(access-review\.csv\).*Answer.*Current/)
    expect(text).toContain('2 pieces of evidence in all, 1 stale piece.')
    // The appendix's narrow column wraps the fingerprint (and pdftotext interleaves the wrapped kind): its first line is whole.
    expect(text).toMatch(/Appendix: evidence files.*access-review\.csv Evidence \(answer/)
    expect(text.replace(/\s/g, '')).toContain(sha256.slice(0, 40))
  })

  it('the redacted pack replaces identifying values in evidence titles', async () => {
    const { ws } = await workspaceWithEvidence()
    const file = path.join(ws.dir, 'redacted.pdf')
    await ws.call('documents.generatePack', { path: file, sections: ['attached-evidence'], redact: true, unsigned: true })
    const text = pdfText(file)
    expect(text).toContain('Penetration test for account')
    expect(text).not.toContain('123456789012')
  })

  it('the annual review has the same section', async () => {
    const { ws } = await workspaceWithEvidence()
    const file = path.join(ws.dir, 'review.pdf')
    await ws.call('documents.generateReview', { path: file, unsigned: true })
    const text = pdfText(file)
    expect(text).toContain('Evidence by specification')
    expect(text).toMatch(/Penetration test for account 123456789012.*Stale/)
  })
})
