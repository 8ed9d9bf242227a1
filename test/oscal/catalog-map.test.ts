import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readCatalog } from '../../main/assessment/reads'
import { controlsFor, mappedCitations, OSCAL_CONTROLS, statementFor } from '../../main/oscal/catalog-map'

const CATALOG = path.resolve(__dirname, '../../../shared/reference/oscal/catalogs/hipaa-2.0.0/catalog.json')

/** "164.308(b)(1)" → "164.308(b)": a standard's paragraph, under which all its specifications are cited. */
const paragraphOf = (standard: string) => standard.replace(/\(1\)$/, '')

describe('the map from 45 CFR citations to the OSCAL HIPAA catalog', () => {
  it('maps every specification of our catalog to controls of its own standard, and nothing else', () => {
    const ours = readCatalog().entries.map(e => e.citation)
    expect(mappedCitations().sort()).toEqual([...ours].sort())
    const byId = new Map(OSCAL_CONTROLS.map(c => [c.id, c]))
    expect(byId.size).toBe(OSCAL_CONTROLS.length)
    for (const citation of ours) {
      const controls = controlsFor(citation)
      expect(controls.length, citation).toBeGreaterThan(0)
      for (const id of controls) {
        const control = byId.get(id)
        expect(control, `${citation} → ${id}`).toBeDefined()
        expect(citation.startsWith(paragraphOf(control!.standard)), `${citation} → ${id} (${control!.standard})`).toBe(true)
      }
      expect(statementFor(citation)).toBe(`${controls[0]}_smt`)
    }
  })

  it.skipIf(!fs.existsSync(CATALOG))('agrees with the catalog it was derived from (skipped: ../shared/reference/oscal is absent)', () => {
    interface Group {
      props?: { name: string; value: string }[]
      controls?: { id: string; title: string; parts?: { id: string }[] }[]
      groups?: Group[]
    }
    const catalog = JSON.parse(fs.readFileSync(CATALOG, 'utf8')).catalog as Group
    const found: { id: string; title: string; standard: string; statement: boolean }[] = []
    const walk = (group: Group, standard: string) => {
      const own = group.props?.find(p => p.name === 'standards-identifiers')?.value ?? standard
      for (const c of group.controls ?? [])
        found.push({ id: c.id, title: c.title.replace(/\s+/g, ' ').trim(), standard: own, statement: !!c.parts?.some(p => p.id === `${c.id}_smt`) })
      for (const g of group.groups ?? []) walk(g, own)
    }
    walk(catalog, '')
    expect(OSCAL_CONTROLS.map(c => ({ ...c, statement: true }))).toEqual(found)
  })
})
