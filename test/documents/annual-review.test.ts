import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { composeAnnualReview, REVIEW_SECTIONS } from '../../main/documents/annual-review/compose'
import { sampleReviewData } from '../fixtures/documents/sample-review-data'
import { pdfFonts, pdfInfo, pdfText, qpdfCheck } from './pdf-tools'

describe('the annual review report', () => {
  const data = sampleReviewData()
  let file: string
  let text: string

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-review-'))
    file = path.join(dir, 'review.pdf')
    fs.writeFileSync(file, (await composeAnnualReview(data)).buffer)
    text = pdfText(file)
  })

  it('is a sound, tagged PDF with every font embedded', () => {
    expect(qpdfCheck(file).status).toBe(0)
    expect(pdfInfo(file)).toMatch(/Tagged:\s+yes/)
    expect(pdfFonts(file).every(f => f.embedded)).toBe(true)
  })

  it('has every section, listed in the contents', () => {
    for (const { title } of REVIEW_SECTIONS) expect(text.split(title).length - 1, title).toBeGreaterThanOrEqual(2)
  })

  it('compares the two periods: changed answers, gaps, risks, remediation, scans, agreements, incidents', () => {
    for (const change of data.answerChanges!) expect(text).toContain(change.citation)
    expect(text).toContain('14 gaps are open now, against 17 at the end of the previous period')
    expect(text).toContain('Console users without MFA')
    expect(text).toContain('Enable pgaudit on the patient database')
    expect(text).toContain('Failing scanner checks went from 212 (6 October 2025) to 121 (3 October 2026), 91 fewer.')
    expect(text).toContain('Clearwater Shredding Co.')
    expect(text).toContain('INC-2026-02')
  })

  it('shows each family’s sign-off, and the missing one', () => {
    expect(text).toContain('Organizational requirements (164.314) Not signed off')
    expect(text).toContain('Dr. Lena Park')
  })

  it('describes its charts in alternative text', () => {
    const raw = fs.readFileSync(file, 'latin1')
    expect(raw).toMatch(/\/Alt \(Column chart of open risks by level\. Critical: 1 before, 1 now/)
    expect(raw).toMatch(/\/Alt \(Column chart of failing scanner checks per scan\./)
  })

  it('handles a first period with nothing to compare with', async () => {
    const first = {
      ...data,
      previous: null,
      answerChanges: null,
      gaps: null,
      risks: null,
      findingsTrend: [],
      businessAssociates: null,
      incidents: []
    }
    const { buffer } = await composeAnnualReview(first)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-review-'))
    const out = path.join(dir, 'first.pdf')
    fs.writeFileSync(out, buffer)
    const firstText = pdfText(out)
    expect(firstText).toContain('the first period recorded')
    expect(firstText).toContain('Not recorded in this workspace.')
    expect(firstText).toContain('No security incident was recorded in the period.')
  })
})
