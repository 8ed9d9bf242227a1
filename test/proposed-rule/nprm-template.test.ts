import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getCatalog } from '../../main/assessment/catalog'
import { loadCalendarDefinitions } from '../../main/calendar/definitions'
import { loadNprm } from '../../main/proposed-rule/nprm'
import { parseNprmFile, type ProposedSection } from '../../main/proposed-rule/nprm-schema'
import { proposedRuleStatusText } from '../../main/proposed-rule/reads'

const TEMPLATE = path.join(__dirname, '../../templates/proposed-rule/nprm-2025.json')
const raw = () => JSON.parse(fs.readFileSync(TEMPLATE, 'utf8')) as Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

describe('templates/proposed-rule/nprm-2025.json', () => {
  it('names the proposal as the Federal Register does, and keeps it a proposal with its status date', () => {
    const nprm = loadNprm()
    expect(nprm).toMatchObject({ citation: '90 FR 898', publishedOn: '2025-01-06', rin: '0945-AA22', frDocument: '2024-30983' })
    expect(nprm.status).toMatchObject({ stage: 'proposed', certainty: 'secondary', checkWithCounsel: true })
    // The newest evidence: moved to Long-Term Actions with final action 07/2027, not withdrawn, from secondary sources.
    const newest = nprm.status.evidence.at(-2)!
    expect(newest.event).toMatch(/Long-Term Actions/)
    expect(newest.event).toMatch(/07\/2027/)
    expect(newest.event).toMatch(/not withdrawn/)
    expect(newest.certainty).toBe('secondary')
    expect(nprm.status.summary).toMatch(/not final and not withdrawn/)
    expect(nprm.status.evidence.map(e => e.on)).toEqual([...nprm.status.evidence.map(e => e.on)].sort())
    expect(nprm.status.evidence.at(-1)!.on).toBe(nprm.status.statusAsOf)
  })

  it('lists only specifications the catalog has, and every change cites a listed source', () => {
    const catalog = getCatalog()
    const nprm = loadNprm()
    for (const specification of nprm.specifications) {
      expect(catalog.entry(specification.citation), specification.citation).toBeDefined()
      for (const change of specification.changes)
        for (const source of change.sources) expect(nprm.sources[source], `${change.id}: ${source}`).toBeDefined()
    }
  })

  it('holds no current status of its own: the required/addressable status comes from the catalog', () => {
    const text = fs.readFileSync(TEMPLATE, 'utf8')
    expect(text).not.toMatch(/"(requirement|currentRequirement|current|currentStatus)"\s*:/)
  })

  it('says for every change where the proposed text would put it, or explicitly that it was not found', () => {
    const nprm = loadNprm()
    // The schema gives no default, so every entry below was written in the file.
    const changes: [string, ProposedSection][] = [
      ['addressableBecomesRequired', nprm.addressableBecomesRequired.proposedSection],
      ...nprm.specifications.flatMap(specification =>
        specification.changes.map(change => [change.id, change.proposedSection] as [string, ProposedSection])
      )
    ]
    expect(changes.length).toBeGreaterThan(10)
    for (const [id, section] of changes) {
      if (!section.found) continue
      expect(section.section, id).toMatch(/^164\.3\d\d(\([0-9A-Za-z]+\))*$/)
      expect(nprm.sources[section.readIn], id).toBeDefined()
      if (section.frPage !== null) expect(section.frPage, id).toSatisfy((page: number) => page >= 898 && page <= 1022)
      // Confirmed only when read in the proposed regulatory text itself, on a page of 90 FR 898.
      if (section.certainty === 'confirmed') expect(section.frPage, id).toEqual(expect.any(Number))
    }
    expect(nprm.proposedSections.note).toMatch(/check with counsel/)
    // Looked for in the published notice, so on a day after it appeared.
    expect(nprm.proposedSections.checkedOn > nprm.publishedOn).toBe(true)
  })

  it('refuses a section number without its source, a confirmed one without its page, and a change that says nothing', () => {
    const silent = raw()
    delete silent.specifications[0].changes[0].proposedSection
    expect(() => parseNprmFile(silent)).toThrow(/specifications\.0\.changes\.0\.proposedSection/)
    const unsourced = raw()
    unsourced.specifications[1].changes[0].proposedSection = {
      found: true,
      section: '164.308(a)(9)',
      readIn: 'nowhere',
      frPage: null,
      certainty: 'secondary'
    }
    expect(() => parseNprmFile(unsourced)).toThrow(/specifications\.1\.changes\.0\.proposedSection\.readIn: source "nowhere" is not listed/)
    const pageless = raw()
    pageless.specifications[1].changes[0].proposedSection = {
      found: true,
      section: '164.308(a)(9)',
      readIn: 'FS',
      frPage: null,
      certainty: 'confirmed'
    }
    expect(() => parseNprmFile(pageless)).toThrow(
      /specifications\.1\.changes\.0\.proposedSection\.frPage: a confirmed section number must give the Federal Register page/
    )
    const outside = raw()
    outside.specifications[1].changes[0].proposedSection = {
      found: true,
      section: '164.308(a)(9)',
      readIn: 'FS',
      frPage: 1100,
      certainty: 'confirmed'
    }
    expect(() => parseNprmFile(outside)).toThrow(/specifications\.1\.changes\.0\.proposedSection\.frPage/)
    const halfFound = raw()
    halfFound.addressableBecomesRequired.proposedSection = { found: false, section: '164.306(c)' }
    expect(() => parseNprmFile(halfFound)).toThrow(/addressableBecomesRequired\.proposedSection/)
    const confirmedOnPage = raw()
    confirmedOnPage.specifications[1].changes[0].proposedSection = {
      found: true,
      section: '164.308(a)(9)',
      readIn: 'FS',
      frPage: 1005,
      certainty: 'confirmed'
    }
    expect(parseNprmFile(confirmedOnPage).specifications[1]!.changes[0]!.proposedSection).toMatchObject({ found: true, frPage: 1005 })
  })

  it('refuses a bad file, naming it and the place', () => {
    const unknownSource = raw()
    unknownSource.specifications[1].changes[0].sources = ['nowhere']
    expect(() => parseNprmFile(unknownSource)).toThrow(/nprm-2025\.json is invalid:\nspecifications\.1\.changes\.0\.sources\.0: source "nowhere"/)
    const final = raw()
    final.status.stage = 'final'
    expect(() => parseNprmFile(final)).toThrow(/status\.stage/)
    const unknownCitation = raw()
    unknownCitation.specifications[0].citation = '45 CFR 164.308'
    expect(() => parseNprmFile(unknownCitation)).toThrow(/specifications\.0\.citation/)
    const late = raw()
    late.status.evidence[0].on = '2027-01'
    expect(() => parseNprmFile(late)).toThrow(/status\.evidence: no evidence may be dated after statusAsOf/)
  })
})

describe('the calendar disclaimer gives the proposal status from the same file', () => {
  it('dates the status with statusAsOf, and the calendar file holds no status date of its own', () => {
    const { statusAsOf } = loadNprm().status
    const text = proposedRuleStatusText()
    expect(text).toContain(`status as of ${statusAsOf}`)
    expect(text).toMatch(/not in force/)
    expect(text).toMatch(/Check with counsel/)
    const calendarFile = fs.readFileSync(path.join(__dirname, '../../templates/calendar/recurring-obligations.json'), 'utf8')
    // The stale wording must not come back: the status lives in templates/proposed-rule only.
    expect(calendarFile).not.toMatch(/as of June 2026/)
    expect(loadCalendarDefinitions().disclaimer).not.toMatch(/\bas of\b|\b20\d\d\b/)
  })

  it('no other content or screen dates the proposal status on its own (the old "as of June 2026" wording)', () => {
    const root = path.join(__dirname, '../..')
    const files = ['templates', 'main', 'renderer/src'].flatMap(dir =>
      (fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' }) as string[])
        .filter(file => /\.(json|ts|tsx)$/.test(file))
        .map(file => path.join(dir, file))
    )
    expect(files.length).toBeGreaterThan(100)
    const stale = files.filter(file => /as of June 2026/.test(fs.readFileSync(path.join(root, file), 'utf8')))
    expect(stale).toEqual([])
  })
})
