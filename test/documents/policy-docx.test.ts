import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderPolicyDocx } from '../../main/documents/docx/render-policy'
import type { PolicyFillData } from '../../main/documents/policies/fill'
import { loadBuiltInPolicies } from '../../main/documents/policies/load'

const fillData: PolicyFillData = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/documents/policy-fill-data.json'), 'utf8'))
const policies = loadBuiltInPolicies()
const accessControl = policies.find(p => p.id === 'access-control')!
const related = policies.map(p => ({ id: p.id, number: p.number, title: p.title }))

function part(file: string, name: string): string {
  return execFileSync('unzip', ['-p', file, name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

describe('a policy rendered as DOCX', () => {
  let dir: string
  let file: string

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-docx-'))
    file = path.join(dir, 'POL-15.docx')
    fs.writeFileSync(file, await renderPolicyDocx(accessControl, fillData, { relatedDocuments: related }))
  })

  it('is a sound zip archive', () => {
    expect(spawnSync('unzip', ['-tq', file]).status).toBe(0)
  })

  it('uses Word heading styles, numbered sections and a table of contents field', () => {
    const xml = part(file, 'word/document.xml')
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>/)
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/)
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>/)
    expect(xml).toMatch(/<w:numPr>/)
    expect(xml).toMatch(/<w:instrText[^>]*>\s*TOC /)
  })

  it('marks table header rows so they repeat and are announced', () => {
    const xml = part(file, 'word/document.xml')
    const tables = xml.match(/<w:tbl>/g) ?? []
    const headerRows = xml.match(/<w:tblHeader\/>/g) ?? []
    expect(tables.length).toBeGreaterThanOrEqual(4)
    expect(headerRows.length).toBe(tables.length)
  })

  it('puts page numbers in the footer', () => {
    const footers = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
      .split('\n')
      .filter(name => /^word\/footer\d+\.xml$/.test(name))
    const xml = footers.map(name => part(file, name)).join('')
    expect(xml).toMatch(/PAGE/)
    expect(xml).toMatch(/NUMPAGES/)
  })

  it('sets the title and the language', () => {
    expect(part(file, 'docProps/core.xml')).toContain('<dc:title>POL-15 Access Control, Authentication and Automatic Logoff Policy</dc:title>')
    expect(part(file, 'word/styles.xml')).toMatch(/<w:lang w:val="en-US"/)
  })

  it('fills the placeholders from the workspace and leaves none behind', () => {
    const xml = part(file, 'word/document.xml')
    expect(xml).not.toContain('{{')
    expect(xml).toContain('Juniper Ridge Family Practice')
    expect(xml).toContain('after 15 minutes of inactivity')
  })

  it('shows the document control table and the recorded Addressable decision over the default', () => {
    const xml = part(file, 'word/document.xml')
    for (const text of ['Version', 'Owner', 'Approved by', 'Effective', 'Next review', '1 March 2027']) {
      expect(xml).toContain(text)
    }
    expect(xml).toContain('Equivalent alternative implemented')
    expect(xml).toContain('The scheduling kiosk cannot log off automatically')
  })

  it('cites every specification it implements', () => {
    const xml = part(file, 'word/document.xml')
    for (const citation of accessControl.implements) expect(xml).toContain(citation)
  })

  // LibreOffice is installed by .ci/run; a developer machine without it skips only this check.
  it.skipIf(!fs.existsSync('/usr/bin/soffice'))('converts to PDF with LibreOffice headless', () => {
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
      { encoding: 'utf8', timeout: 60_000 }
    )
    expect(result.status, result.stderr).toBe(0)
    const pdf = path.join(dir, 'POL-15.pdf')
    expect(fs.existsSync(pdf)).toBe(true)
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('Access Control, Authentication and Automatic')
    expect(text).toMatch(/Page 1 of \d/)
  })
})

describe('the whole policy set', () => {
  it('renders every document without an unknown placeholder', async () => {
    // Two documents with the most placeholders are rendered fully; the rest are checked by filling,
    // which is where an unknown placeholder would throw.
    const { fillPolicy } = await import('../../main/documents/policies/fill')
    for (const p of policies) expect(() => fillPolicy(p, fillData)).not.toThrow()
    const buffer = await renderPolicyDocx(
      policies.find(p => p.id === 'breach-notification')!,
      fillData
    )
    expect(buffer.subarray(0, 2).toString()).toBe('PK')
  })
})
