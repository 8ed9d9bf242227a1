import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { KNOWN_PLACEHOLDERS, placeholdersIn } from '../../main/documents/policies/fill'
import { loadBuiltInPolicies, loadPolicySet, PolicyTemplateError } from '../../main/documents/policies/load'
import type { PolicyTemplate } from '../../main/documents/policies/template-schema'
import { getCatalog } from '../../main/assessment/catalog'
import { findCitation, RULE_CITATIONS } from '../../main/documents/rule-citations'

const policies = loadBuiltInPolicies()

function allText(p: PolicyTemplate): string[] {
  return [
    p.title,
    p.summary,
    ...p.purpose,
    ...p.scope,
    ...p.statements,
    ...p.procedures.flatMap(s => [s.title, ...s.steps]),
    ...p.roles.flatMap(r => [r.role, r.duties]),
    ...p.addressableDecisions.map(d => d.rationale),
    ...p.enforcement
  ]
}

describe('the built-in policy set', () => {
  it('has at least 18 documents with unique ids and numbers', () => {
    expect(policies.length).toBeGreaterThanOrEqual(18)
    expect(new Set(policies.map(p => p.id)).size).toBe(policies.length)
    expect(new Set(policies.map(p => p.number)).size).toBe(policies.length)
  })

  it('covers the 22 standards, the 46 specifications and the breach notification rule', () => {
    const cited = new Set(policies.flatMap(p => p.implements))
    const standards = RULE_CITATIONS.filter(c => c.kind === 'standard')
    const specifications = RULE_CITATIONS.filter(c => c.kind === 'specification')
    expect(standards).toHaveLength(22)
    expect(specifications).toHaveLength(46)
    const missing = RULE_CITATIONS.filter(c => !cited.has(c.citation)).map(c => c.citation)
    expect(missing).toEqual([])
  })

  it('covers every entry of the assessment catalog, which agrees with the documents’ own citation list', () => {
    const cited = new Set(policies.flatMap(p => p.implements))
    const entries = getCatalog().data.entries
    expect(entries.filter(e => !cited.has(e.citation)).map(e => e.citation)).toEqual([])
    const ours = RULE_CITATIONS.filter(c => c.family !== 'breach-notification')
    expect(entries.map(e => e.citation).sort()).toEqual(ours.map(c => c.citation).sort())
    for (const entry of entries.filter(e => e.kind === 'specification')) {
      expect(findCitation(entry.citation)?.requirement, entry.citation).toBe(entry.requirement)
    }
  })

  it('cites only citations that exist', () => {
    const unknown = policies.flatMap(p => p.implements.filter(c => !findCitation(c)).map(c => `${p.id}: ${c}`))
    expect(unknown).toEqual([])
  })

  it('records a decision for every Addressable specification it implements, and only for those', () => {
    for (const p of policies) {
      const addressable = p.implements.filter(c => findCitation(c)?.requirement === 'addressable')
      expect(p.addressableDecisions.map(d => d.citation).sort(), p.id).toEqual([...addressable].sort())
    }
  })

  it('uses only placeholders the filler knows', () => {
    const known = new Set<string>(KNOWN_PLACEHOLDERS)
    const unknown = policies.flatMap(p =>
      allText(p)
        .flatMap(placeholdersIn)
        .filter(name => !known.has(name))
        .map(name => `${p.id}: {{${name}}}`)
    )
    expect(unknown).toEqual([])
  })

  it('refers only to documents of the set', () => {
    const ids = new Set(policies.map(p => p.id))
    for (const p of policies) for (const r of p.related) expect(ids.has(r), `${p.id} → ${r}`).toBe(true)
  })

  it('refers to other documents by numbers that exist', () => {
    const numbers = new Set(policies.map(p => p.number))
    for (const p of policies) {
      for (const ref of allText(p)
        .join(' ')
        .match(/\b(?:POL|PRO|PLN)-\d{2}\b/g) ?? []) {
        expect(numbers.has(ref), `${p.id} mentions ${ref}`).toBe(true)
      }
    }
  })
})

describe('loading with an override folder', () => {
  it('prefers the edited copy in the override folder', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-policies-'))
    const original = policies.find(p => p.id === 'evaluation')!
    fs.writeFileSync(path.join(dir, 'my-evaluation.json'), JSON.stringify({ ...original, title: 'Our Own Evaluation Policy' }))
    const set = loadPolicySet({ overrideDir: dir })
    const loaded = set.find(p => p.template.id === 'evaluation')!
    expect(loaded.source).toBe('override')
    expect(loaded.template.title).toBe('Our Own Evaluation Policy')
    expect(set).toHaveLength(policies.length)
  })

  it('rejects a broken override naming the file and the field', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-policies-'))
    fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...policies[0], statements: [] }))
    expect(() => loadPolicySet({ overrideDir: dir })).toThrow(PolicyTemplateError)
    expect(() => loadPolicySet({ overrideDir: dir })).toThrow(/bad\.json: statements/)
    fs.writeFileSync(path.join(dir, 'bad.json'), '{ not json')
    expect(() => loadPolicySet({ overrideDir: dir })).toThrow(/bad\.json: not valid JSON/)
  })
})
