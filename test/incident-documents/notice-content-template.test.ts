import { describe, expect, it } from 'vitest'
import noticeContentJson from '../../templates/breach/notice-content.json'
import { INCIDENT_FACT_IDS } from '../../main/breach/documents/incident-facts'
import { loadNoticeContent, noticeContentTemplateSchema } from '../../main/breach/documents/notice-content-template'

/** The template as data, deep-copied so a test can spoil one part of it. */
const copy = () =>
  JSON.parse(JSON.stringify(noticeContentJson)) as {
    notices: { id: string; citation: string; asAsked?: string; elements?: { id: string; citation: string; facts: string[] }[] }[]
  }
const firstIssue = (data: unknown) => {
  const parsed = noticeContentTemplateSchema.safeParse(data)
  return parsed.success ? null : `${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`
}

describe('templates/breach/notice-content.json', () => {
  const { notices } = loadNoticeContent()
  const notice = (id: string) => notices.find(n => n.id === id)!

  it('validates, with every notice once', () => {
    expect(firstIssue(noticeContentJson)).toBeNull()
    expect(notices.map(n => n.id)).toEqual(['individuals', 'media', 'covered-entity', 'hhs-portal'])
  })

  it('gives 164.404(c)(1)(A)–(E) and the plain-language rule (c)(2), each element citing its own paragraph', () => {
    expect(notice('individuals').elements.map(e => e.citation)).toEqual([
      '45 CFR 164.404(c)(1)(A)',
      '45 CFR 164.404(c)(1)(B)',
      '45 CFR 164.404(c)(1)(C)',
      '45 CFR 164.404(c)(1)(D)',
      '45 CFR 164.404(c)(1)(E)',
      '45 CFR 164.404(c)(2)'
    ])
    const whatHappened = notice('individuals').elements[0]!
    expect(whatHappened.facts).toEqual(expect.arrayContaining(['breach-date', 'discovery-date']))
    expect(notice('individuals').elements[4]!.label).toMatch(/toll-free telephone number, an email address, website or postal address/)
  })

  it('gives the media notice the content of 164.404(c), cited through 164.406(c)', () => {
    expect(notice('media').citation).toBe('45 CFR 164.406(c)')
    expect(notice('media').elements.map(e => e.id)).toEqual(notice('individuals').elements.map(e => e.id))
    expect(notice('media').elements[0]!.citation).toBe('45 CFR 164.406(c), as 45 CFR 164.404(c)(1)(A)')
  })

  it('gives the business associate notice of 164.410(c): each individual identified, other information as available', () => {
    const elements = notice('covered-entity').elements
    expect(elements.map(e => e.citation)).toEqual(['45 CFR 164.410(c)(1)', '45 CFR 164.410(c)(2)', '45 CFR 164.410(c)(2)'])
    expect(elements[0]!.label).toMatch(/each individual/)
    expect(elements[2]!.label).toMatch(/promptly as it becomes available/)
  })

  it('labels the portal fields with the date of their source and tells the person to check the portal', () => {
    const portal = notice('hhs-portal')
    expect(portal.asAsked).toMatch(/^As the HHS breach portal asked in January 2022 .*check the portal/)
    expect(portal.certainty).toBe('secondary')
    expect(portal.obligationKinds).toEqual(['hhs', 'hhs-annual-log'])
  })

  it('names only facts the incident can give', () => {
    for (const n of notices) for (const e of n.elements) for (const fact of e.facts) expect(INCIDENT_FACT_IDS).toContain(fact)
  })

  it('refuses a bad edit, naming where: a citation outside 164.400–414, an unknown fact, a repeated element, a missing notice', () => {
    const badCitation = copy()
    badCitation.notices[0]!.elements![1]!.citation = '164.404(c)(1)(B)'
    expect(firstIssue(badCitation)).toMatch(/^notices\.0\.elements\.1\.citation: a 45 CFR 164\.400–414 citation/)

    const unknownFact = copy()
    unknownFact.notices[0]!.elements![0]!.facts = ['patient-names']
    expect(firstIssue(unknownFact)).toMatch(/^notices\.0\.elements\.0\.facts\.0/)

    const repeated = copy()
    repeated.notices[2]!.elements![1]!.id = repeated.notices[2]!.elements![0]!.id
    expect(firstIssue(repeated)).toMatch(/^notices\.2\.elements\.1\.id: "individuals-identified" appears twice/)

    const missing = copy()
    missing.notices = missing.notices.filter(n => n.id !== 'media')
    expect(firstIssue(missing)).toMatch(/the notice "media" is missing/)
  })
})
