import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import noticeContentJson from '../../templates/breach/notice-content.json'
import { DRAFT_HEADER } from '../../main/documents/incident/render-letter'
import { createBreachWorkspace } from '../breach/workspace'
import { BARE_THEFT, LAPTOP_THEFT, VENDOR_BREACH } from './incidents'

const PYTHON = '/usr/bin/python3'
const hasPythonDocx = spawnSync(PYTHON, ['-c', 'import docx'], { stdio: 'ignore' }).status === 0
const hasSoffice = fs.existsSync('/usr/bin/soffice')
const now = () => new Date('2026-03-20T12:00:00.000Z')

interface DocxReading {
  header: string[]
  paragraphs: { style: string; text: string }[]
  highlighted: string[]
}

/** Reads a DOCX with python-docx, a reader that is not ours: the page header, each paragraph with its style, the highlighted runs. */
function readDocx(file: string): DocxReading {
  const script = `
import docx, json, sys
d = docx.Document(sys.argv[1])
print(json.dumps({
  'header': [p.text for p in d.sections[0].header.paragraphs],
  'paragraphs': [{'style': p.style.name, 'text': p.text} for p in d.paragraphs],
  'highlighted': [r.text for p in d.paragraphs for r in p.runs if r.font.highlight_color is not None],
}))`
  return JSON.parse(execFileSync(PYTHON, ['-c', script, file], { encoding: 'utf8' })) as DocxReading
}

const headings = (reading: DocxReading) => reading.paragraphs.filter(p => p.style === 'Heading 1').map(p => p.text)
const templateHeadings = (id: string) =>
  noticeContentJson.notices.find(n => n.id === id)!.elements!.flatMap(e => ('letterHeading' in e ? [e.letterHeading] : []))

async function workspaceWith(incident: typeof LAPTOP_THEFT) {
  const ws = await createBreachWorkspace({ now })
  const { incident: created } = await ws.call('incidents.create', { incident })
  return { ws, id: created.id }
}

describe('letter drafts (documents.incidentLetter)', () => {
  it.skipIf(!hasPythonDocx)(
    'fills the letter to individuals from the incident, each gap highlighted and listed (read back with python-docx)',
    async () => {
      const { ws, id } = await workspaceWith(LAPTOP_THEFT)
      const file = path.join(ws.dir, 'letter.docx')
      const result = await ws.call('documents.incidentLetter', { id, kind: 'individual', path: file })
      expect(result).toMatchObject({ kind: 'individual', path: file, bytes: fs.statSync(file).size })
      const reading = readDocx(file)
      expect(reading.header).toEqual([DRAFT_HEADER])
      // One section per element of 164.404(c)(1) the template gives a letter heading, in its order.
      expect(headings(reading)).toEqual(templateHeadings('individuals'))
      const text = reading.paragraphs.map(p => p.text).join('\n')
      expect(text).toContain(LAPTOP_THEFT.description)
      expect(text).toContain('The breach happened on 7 March 2026 and was discovered on 10 March 2026.')
      expect(text).toContain('Full name, Date of birth, Appointment dates, Diagnosis codes')
      expect(text).toContain('security@harbor.example')
      expect(text).toContain('Dana Reyes')
      // Every gap is highlighted, bracketed, and in the result, in reading order.
      expect(reading.highlighted).toEqual(result!.toComplete.map(gap => `[to complete: ${gap}]`))
      expect(result!.toComplete).toEqual(expect.arrayContaining(['a toll-free telephone number', "the individual's name"]))
      expect(result!.toComplete.join(' ')).not.toMatch(/description of what happened|types of information/)
    }
  )

  it.skipIf(!hasPythonDocx)('marks what a bare incident does not say, and addresses the media notice to the states over 500', async () => {
    const { ws, id } = await workspaceWith(BARE_THEFT)
    const letter = await ws.call('documents.incidentLetter', { id, kind: 'individual', path: path.join(ws.dir, 'bare.docx') })
    expect(letter!.toComplete).toEqual(
      expect.arrayContaining([
        'a brief, plain description of what happened',
        'on the date of the breach, or say that the date is not known',
        'the types of information involved, such as name, date of birth, diagnosis',
        'what is being done to investigate the breach and limit harm'
      ])
    )
    const media = await ws.call('documents.incidentLetter', { id, kind: 'media', path: path.join(ws.dir, 'media.docx') })
    const text = readDocx(media!.path).paragraphs.map(p => p.text)
    expect(text).toContain('To: Prominent media outlets serving California')
    expect(text.join('\n')).toContain('Harbor Family Practice is notifying 860 people')
  })

  it.skipIf(!hasPythonDocx)("drafts a business associate's notice to the covered entity with the 164.410(c) sections", async () => {
    const { ws, id } = await workspaceWith(VENDOR_BREACH)
    const result = await ws.call('documents.incidentLetter', { id, kind: 'covered-entity', path: path.join(ws.dir, 'ce.docx') })
    const reading = readDocx(result!.path)
    expect(headings(reading)).toEqual(templateHeadings('covered-entity'))
    const text = reading.paragraphs.map(p => p.text).join('\n')
    expect(text).toContain('The breach affects 42 individuals (GA 42).')
    expect(text).toContain('Our contact for this breach: Dana Reyes, security@harbor.example, 555-0100')
    expect(result!.toComplete[0]).toBe('the covered entity and its contact')
  })

  it('offers only the letters the incident calls for, and refuses another, writing nothing', async () => {
    const { ws, id } = await workspaceWith(LAPTOP_THEFT)
    const vendor = (await ws.call('incidents.create', { incident: VENDOR_BREACH })).incident.id
    expect(await ws.call('documents.incidentLetterKinds', { id })).toEqual([
      { kind: 'individual', label: 'Letter to individuals', citation: '45 CFR 164.404' },
      { kind: 'media', label: 'Media notice', citation: '45 CFR 164.406' }
    ])
    expect((await ws.call('documents.incidentLetterKinds', { id: vendor })).map(letter => letter.kind)).toEqual(['covered-entity'])
    const target = path.join(ws.dir, 'refused.docx')
    await expect(ws.call('documents.incidentLetter', { id, kind: 'covered-entity', path: target })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/business associate's \(45 CFR 164\.410\)/)
    })
    await expect(ws.call('documents.incidentLetter', { id: vendor, kind: 'media', path: target })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/requires no media notice/)
    })
    await expect(ws.call('documents.incidentLetter', { id: vendor, kind: 'individual', path: target })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/requires no notice to individuals from us/)
    })
    await expect(ws.call('documents.incidentLetter', { id: 999, kind: 'individual', path: target })).rejects.toMatchObject({ code: 'not-found' })
    expect(fs.existsSync(target)).toBe(false)
  })

  // LibreOffice is installed by .ci/run; a machine without it skips only this check.
  it.skipIf(!hasSoffice)('converts to PDF with LibreOffice headless, the draft line on the page', async () => {
    const { ws, id } = await workspaceWith(LAPTOP_THEFT)
    const file = path.join(ws.dir, 'letter.docx')
    await ws.call('documents.incidentLetter', { id, kind: 'individual', path: file })
    const result = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${ws.dir}/lo-profile`, '--headless', '--convert-to', 'pdf', '--outdir', ws.dir, file],
      { encoding: 'utf8', timeout: 60_000 }
    )
    expect(result.status, result.stderr).toBe(0)
    const text = execFileSync('pdftotext', [path.join(ws.dir, 'letter.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain(DRAFT_HEADER)
    expect(text).toContain('Notice of a data breach')
    expect(text).toContain('[to complete: a toll-free telephone number]')
  })
})
