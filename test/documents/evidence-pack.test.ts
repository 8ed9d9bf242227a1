import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { composeEvidencePack } from '../../main/documents/evidence-pack/compose'
import { baaAnswer, minimumNecessaryAnswer, phiServicesAnswer } from '../../main/documents/evidence-pack/procurement-answers'
import { PACK_SECTION_IDS } from '../../main/documents/evidence-pack/sections'
import { SAMPLE_ACCOUNT_IDS, samplePackData } from '../fixtures/documents/sample-pack-data'
import { pdfFonts, pdfInfo, pdfText, qpdfCheck } from './pdf-tools'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-pack-'))
const data = samplePackData()

async function write(name: string, ...args: Parameters<typeof composeEvidencePack>): Promise<{ file: string; pages: number }> {
  const { buffer, pages } = await composeEvidencePack(...args)
  const file = path.join(dir, name)
  fs.writeFileSync(file, buffer)
  return { file, pages }
}

describe('the evidence pack', () => {
  let file: string
  let text: string

  beforeAll(async () => {
    file = (await write('pack.pdf', data)).file
    text = pdfText(file)
  })

  it('passes qpdf --check', () => {
    const { status, output } = qpdfCheck(file)
    expect(status, output).toBe(0)
    expect(output).toContain('No syntax or stream encoding errors')
  })

  it('is a tagged PDF 1.7 with its title, language and PDF/A-3a (it carries its manifest as an associated file) and PDF/UA-1 identification', () => {
    const info = pdfInfo(file)
    expect(info).toMatch(/Tagged:\s+yes/)
    expect(info).toMatch(/PDF version:\s+1\.7/)
    expect(info).toContain('Juniper Ridge Family Practice: HIPAA Security Evidence Pack, 2026')
    const meta = pdfInfo(file, '-meta')
    expect(meta).toMatch(/<pdfaid:part>3<\/pdfaid:part>/)
    expect(meta).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/)
    expect(meta).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/)
    const raw = fs.readFileSync(file, 'latin1')
    expect(raw).toMatch(/\/Lang \(en-US\)/)
    expect(raw).toMatch(/\/DisplayDocTitle true/)
  })

  it('embeds every font', () => {
    const fonts = pdfFonts(file)
    expect(fonts.length).toBeGreaterThanOrEqual(2)
    expect(fonts.filter(f => !f.embedded)).toEqual([])
  })

  it('has a structure tree with headings, tables with header cells and figures with alternative text', () => {
    const structure = pdfInfo(file, '-struct')
    for (const tag of ['Document', 'H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure', 'TOC', 'TOCI', 'L', 'LI']) {
      expect(structure, tag).toMatch(new RegExp(`^\\s*${tag}\\b`, 'm'))
    }
    const raw = fs.readFileSync(file, 'latin1')
    expect(raw).toMatch(/\/S \/Figure[^>]*\/Alt \(Stacked bar chart of assessment answers/s)
  })

  it('has a bookmark for each section', () => {
    const raw = fs.readFileSync(file, 'latin1')
    expect(raw).toContain('/Outlines')
    for (const title of ['Executive summary', 'Procurement answers', 'Control matrix', 'Attestation']) {
      expect(raw).toContain(`/Title (${title})`)
    }
  })

  it('answers the three procurement questions', () => {
    for (const answer of [baaAnswer(data), phiServicesAnswer(data), minimumNecessaryAnswer(data)]) {
      expect(text).toContain(answer.question)
      expect(text).toContain(answer.answer)
    }
    expect(text).toContain('Yes. Juniper Ridge Family Practice has a signed Business Associate Addendum with Amazon Web Services')
  })

  it('lists every citation of the control matrix', () => {
    const missing = (data.controls ?? []).map(c => c.citation).filter(c => !text.includes(c))
    expect(data.controls).toHaveLength(68)
    expect(missing).toEqual([])
  })

  it('numbers the contents from the pages the sections landed on', () => {
    const contents = text.slice(text.indexOf('Contents'), text.indexOf('Executive summary This pack'))
    const match = /Control matrix (\d+)/.exec(contents)
    expect(match).not.toBeNull()
    const pageOfMatrix = Number(match![1])
    const pageText = pdfTextOfPage(file, pageOfMatrix)
    expect(pageText).toContain('Control matrix')
    expect(pageText).toContain(`Page ${pageOfMatrix} of`)
  })

  it('shows scan dates and file fingerprints, and evidence fingerprints in the appendix', () => {
    for (const scan of data.scans ?? []) expect(text).toContain(scan.sha256.slice(0, 40))
    for (const f of data.evidenceFiles ?? []) expect(text).toContain(f.sha256.slice(0, 40))
    expect(text).toContain('12 Apr 2026')
  })

  it('keeps the account ids in the internal edition', () => {
    for (const id of SAMPLE_ACCOUNT_IDS) expect(text).toContain(id)
    expect(text).toContain('arn:aws:')
  })
})

function pdfTextOfPage(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
}

describe('evidence pack options', () => {
  it('redacts account ids and resource names everywhere', async () => {
    const { file } = await write('redacted.pdf', data, { redact: true })
    const text = pdfText(file)
    for (const id of SAMPLE_ACCOUNT_IDS) expect(text).not.toContain(id)
    expect(text).not.toContain('arn:aws:')
    expect(text).not.toContain('clinic-admin-')
    expect(text).toMatch(/\[account [12]\]/)
    expect(text).toContain('Redacted edition')
    expect(text).toMatch(/Replaced in this edition: 2 cloud account ids and \d+ ARNs\./)
    expect(qpdfCheck(file).status).toBe(0)
  })

  it('leaves out the sections not asked for, in the body and in the contents', async () => {
    const sections = PACK_SECTION_IDS.filter(id => id !== 'controls' && id !== 'appendix')
    const { file } = await write('partial.pdf', data, { sections })
    const text = pdfText(file)
    expect(text).not.toContain('Control matrix')
    expect(text).not.toContain('Appendix: evidence files')
    expect(text).toContain('Procurement answers')
  })

  it('says plainly when the workspace has no data for a section', async () => {
    const empty = {
      ...data,
      procurement: { cloudBaa: null, phiServices: null, minimumNecessary: null },
      families: null,
      controls: null,
      cloudServices: null,
      technicalControls: null,
      scans: null,
      findings: null,
      businessAssociates: null,
      incidents: null,
      remediation: null,
      evidenceFiles: null
    }
    const { file } = await write('empty.pdf', empty)
    const text = pdfText(file)
    expect(text.match(/Not recorded in this workspace\./g)?.length).toBeGreaterThanOrEqual(10)
    expect(qpdfCheck(file).status).toBe(0)
  })

  it('summarises a large scan: counts stay exact, only the worst findings are listed', async () => {
    const large = samplePackData({ findings: 8_000 })
    const { file, pages } = await write('large.pdf', large)
    const small = await composeEvidencePack(data)
    expect(pages).toBeLessThanOrEqual(small.pages + 2)
    const text = pdfText(file)
    expect(large.findings!.total).toBe(8_000)
    expect(text).toContain(`The 25 most severe of ${large.findings!.failed.toLocaleString('en-US')} failing checks are listed.`)
  })

  it('reports progress and stops when cancelled', async () => {
    const phases: string[] = []
    await composeEvidencePack(data, { onProgress: p => phases.push(p.phase) })
    expect(phases[0]).toBe('Contents')
    expect(phases).toContain('Control matrix')
    expect(phases[phases.length - 1]).toBe('Finishing')

    const controller = new AbortController()
    const run = composeEvidencePack(data, {
      signal: controller.signal,
      onProgress: p => {
        if (p.phase === 'Control matrix') controller.abort()
      }
    })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
  })
})
