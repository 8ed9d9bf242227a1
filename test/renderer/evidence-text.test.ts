import { describe, expect, it } from 'vitest'
import type { EvidenceItem } from '../../main/evidence/contract'
import { dayAfter, fileFacts, freshnessText, shortHash, staleSinceText } from '../../renderer/src/evidence/evidence-text'
import { evidenceFieldProblems, urlProblem } from '../../renderer/src/evidence/evidence-form'

// What the Evidence panel and the questionnaire say about evidence: the first stale day, the file line, the freshness line,
// and the problems a person is told about before anything is sent.

const item = (over: Partial<EvidenceItem>): EvidenceItem => ({
  id: 1,
  target: { kind: 'answer', id: 'q-1' },
  periodId: '2026',
  kind: 'file',
  title: 'Scan',
  note: '',
  fileName: 'scan.pdf',
  url: null,
  sha256: 'ab'.repeat(32),
  size: 1_250_000,
  effectiveAsOf: '2026-01-01',
  expiresOn: null,
  addedAt: '2026-01-02T10:00:00.000Z',
  addedBy: 'Dana',
  updatedAt: '2026-01-02T10:00:00.000Z',
  archivedAt: null,
  archivedBy: null,
  archiveReason: null,
  stale: false,
  specificationIds: [],
  ...over
})

describe('evidence text', () => {
  it('counts staleness from the day after the expiry, across month, year and leap-day ends', () => {
    expect(dayAfter('2026-01-31')).toBe('2026-02-01')
    expect(dayAfter('2026-12-31')).toBe('2027-01-01')
    expect(dayAfter('2028-02-28')).toBe('2028-02-29')
    expect(dayAfter('2027-02-28')).toBe('2027-03-01')
    const expected = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 2, 1))
    )
    expect(staleSinceText({ expiresOn: '2026-02-28' })).toBe(`Stale since ${expected}`)
  })

  it('names a file by its name, size and the first 12 hex digits of its SHA-256', () => {
    const sha = '0123456789abcdef'.repeat(4)
    expect(shortHash(sha)).toBe('0123456789ab')
    expect(fileFacts(item({ sha256: sha }))).toBe('scan.pdf · 1.3 MB · SHA-256 0123456789ab…')
    expect(fileFacts(item({ kind: 'link', fileName: null, size: null, sha256: null }))).toBe('')
  })

  it('says how much evidence supports a specification and how much of it is stale', () => {
    expect(freshnessText(undefined)).toBe('none')
    expect(freshnessText({ specificationId: '164.308(a)(1)(i)', count: 0, newestEffectiveAsOf: null, staleCount: 0 })).toBe('none')
    const text = freshnessText({ specificationId: '164.308(a)(1)(i)', count: 2, newestEffectiveAsOf: '2026-10-01', staleCount: 1 })
    expect(text).toMatch(/^2 evidence items, newest effective .+, 1 stale$/)
    expect(freshnessText({ specificationId: 'x', count: 1, newestEffectiveAsOf: '2026-10-01', staleCount: 0 })).toMatch(
      /^1 evidence item, newest effective [^,]+$/
    )
  })
})

describe('evidence form problems', () => {
  const fine = { title: 'Scan', effectiveAsOf: '2026-03-01', expiresOn: '', note: '' }

  it('accepts a title, a past effective date and no expiry', () => {
    expect(evidenceFieldProblems(fine, '2026-03-01', true)).toEqual({ title: null, effectiveAsOf: null, expiresOn: null })
  })

  it('refuses an effective date in the future, a missing or unreal date, and an expiry on or before it', () => {
    expect(evidenceFieldProblems(fine, '2026-02-28', true).effectiveAsOf).toBe('The effective date cannot be in the future.')
    expect(evidenceFieldProblems({ ...fine, effectiveAsOf: '' }, '2026-03-01', true).effectiveAsOf).toMatch(/required/)
    expect(evidenceFieldProblems({ ...fine, effectiveAsOf: '2026-02-30' }, '2026-03-01', true).effectiveAsOf).toMatch(/real date/)
    expect(evidenceFieldProblems({ ...fine, expiresOn: '2026-03-01' }, '2026-03-01', true).expiresOn).toMatch(/after the day/)
    expect(evidenceFieldProblems({ ...fine, expiresOn: '2026-03-02' }, '2026-03-01', true).expiresOn).toBeNull()
  })

  it('needs a title only where the main side has no file name to use', () => {
    expect(evidenceFieldProblems({ ...fine, title: '  ' }, '2026-03-01', true).title).toBe('Give the evidence a title.')
    expect(evidenceFieldProblems({ ...fine, title: '' }, '2026-03-01', false).title).toBeNull()
  })

  it('takes only http and https addresses', () => {
    expect(urlProblem('https://tickets.example.org/SEC-42')).toBeNull()
    expect(urlProblem('http://intranet.example/report')).toBeNull()
    expect(urlProblem('')).toBe('Give the web address.')
    expect(urlProblem('file:///etc/passwd')).toBe('Only http and https addresses can be attached.')
    expect(urlProblem('javascript:alert(1)')).toBe('Only http and https addresses can be attached.')
    expect(urlProblem('tickets/SEC-42')).toMatch(/not a web address/)
  })
})
