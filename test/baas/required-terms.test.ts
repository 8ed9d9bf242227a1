import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadRequiredTerms, parseRequiredTerms } from '../../main/baas/required-terms'

const filePath = path.resolve(__dirname, '../../templates/baa/required-terms.json')
const raw = () => JSON.parse(fs.readFileSync(filePath, 'utf8')) as { terms: Record<string, unknown>[] }

describe('templates/baa/required-terms.json', () => {
  const file = loadRequiredTerms()

  it('lists every required term of 164.504(e)(2) and 164.314(a)(2), in order', () => {
    const privacy = ['(i)', ...'ABCDEFGHIJ'.split('').map(letter => `(ii)(${letter})`), '(iii)'].map(item => `45 CFR 164.504(e)(2)${item}`)
    const security = ['(i)(A)', '(i)(B)', '(i)(C)', '(ii)', '(iii)'].map(item => `45 CFR 164.314(a)(2)${item}`)
    expect(file.terms.map(term => term.citation)).toEqual([...privacy, ...security])
    expect(file.terms.filter(term => term.rule === 'security').map(term => term.citation)).toEqual(security)
  })

  it('gives each term a plain description and a certainty, and says to check with counsel', () => {
    for (const term of file.terms) {
      expect(term.description.length, term.id).toBeGreaterThan(40)
      expect(['confirmed', 'secondary', 'unconfirmed']).toContain(term.certainty)
    }
    expect(file.disclaimer).toMatch(/^Check with counsel/)
  })

  it('rejects a term without a citation or certainty, a malformed citation, and duplicates', () => {
    const noCitation = raw()
    delete noCitation.terms[3]!.citation
    expect(() => parseRequiredTerms(noCitation)).toThrow(/terms\.3\.citation/)
    const noCertainty = raw()
    delete noCertainty.terms[0]!.certainty
    expect(() => parseRequiredTerms(noCertainty)).toThrow(/terms\.0\.certainty/)
    const badCitation = raw()
    badCitation.terms[0]!.citation = '164.504(e)(2)(i)'
    expect(() => parseRequiredTerms(badCitation)).toThrow(/terms\.0\.citation/)
    const duplicate = raw()
    duplicate.terms.push(duplicate.terms[0]!)
    expect(() => parseRequiredTerms(duplicate)).toThrow(/duplicate term id/)
  })
})
