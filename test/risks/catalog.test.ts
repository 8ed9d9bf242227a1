import { describe, expect, it } from 'vitest'
import threatsJson from '../../templates/risks/threats.json'
import scaleJson from '../../templates/risks/scale.json'
import { getCatalog } from '../../main/assessment/catalog'
import { MAP_ASSET_KINDS } from '../../main/map/contract'
import { FIVE_POINT_OF_STEP, getRiskCatalog, parseScale, parseThreats } from '../../main/risks/catalog'
import { SCALE_STEPS } from '../../main/risks/contract'

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

describe('threat catalog (templates/risks/threats.json)', () => {
  const catalog = getRiskCatalog().view

  it('validates, with unique ids, a known source on every threat and only map asset kinds', () => {
    expect(() => parseThreats(threatsJson)).not.toThrow()
    const ids = catalog.threats.map(t => t.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const threat of catalog.threats) {
      expect(threat.sources.length, threat.id).toBeGreaterThan(0)
      for (const ref of threat.sources) expect(Object.keys(catalog.sources), threat.id).toContain(ref.source)
      for (const kind of threat.appliesTo) expect(MAP_ASSET_KINDS as readonly string[], threat.id).toContain(kind)
    }
  })

  it('cites only specifications that exist in the Security Rule catalog', () => {
    const citations = new Set(getCatalog().data.entries.map(entry => entry.citation))
    for (const threat of catalog.threats)
      for (const citation of threat.counteredBy) expect(citations.has(citation), `${threat.id}: ${citation}`).toBe(true)
  })

  it('holds the five HICP threats and all four NIST threat source types', () => {
    const hicp = catalog.threats.filter(t => t.sources.some(s => s.source === 'hicp' && /^Threat \d/.test(s.ref)))
    const numbers = new Set(hicp.flatMap(t => t.sources.filter(s => s.source === 'hicp').map(s => s.ref.slice(0, 8))))
    expect([...numbers].sort()).toEqual(['Threat 1', 'Threat 2', 'Threat 3', 'Threat 4', 'Threat 5'])
    expect(new Set(catalog.threats.map(t => t.category))).toEqual(new Set(['adversarial', 'accidental', 'structural', 'environmental']))
    for (const threat of catalog.threats.filter(t => t.sources.some(s => s.source === 'nist-800-30')))
      expect(threat.sources.find(s => s.source === 'nist-800-30')!.ref, threat.id).toMatch(/^Appendix [DE], Table [DE]-\d/)
  })

  it('rejects a duplicate id, an unknown asset kind, a threat without a source and an unknown source', () => {
    const duplicate = copy(threatsJson)
    duplicate.threats[1]!.id = duplicate.threats[0]!.id
    expect(() => parseThreats(duplicate)).toThrow(/threats\.1\.id: duplicate id phishing/)
    const badKind = copy(threatsJson) as { threats: { appliesTo: string[] }[] }
    badKind.threats[0]!.appliesTo = ['laptop']
    expect(() => parseThreats(badKind)).toThrow(/threats\.0\.appliesTo\.0/)
    const noSource = copy(threatsJson)
    noSource.threats[2]!.sources = []
    expect(() => parseThreats(noSource)).toThrow(/threats\.2\.sources: every threat needs a source/)
    const unknownSource = copy(threatsJson)
    unknownSource.threats[3]!.sources[0]!.source = 'blog'
    expect(() => parseThreats(unknownSource)).toThrow(/unknown source blog/)
  })
})

describe('scale (templates/risks/scale.json)', () => {
  const scale = getRiskCatalog().view.scale

  it('uses the SRA Tool level names, states its source and fills every matrix cell', () => {
    expect(scale.likelihood.map(s => s.label)).toEqual(['Low', 'Medium', 'High'])
    expect(scale.impact.map(s => s.label)).toEqual(['Low', 'Medium', 'High'])
    expect(scale.levels.map(l => l.label)).toEqual(['Low', 'Medium', 'High', 'Critical'])
    expect(scale.source).toMatch(/SRA Tool/)
    expect(scale.certainty).toBe('unconfirmed')
    const level = getRiskCatalog().level
    expect(level('high', 'high')).toBe('critical')
    expect(level('low', 'low')).toBe('low')
    expect(level(null, 'high')).toBeNull()
  })

  it('agrees with the 1-5 numbers the earlier register shows for a three-step rating', () => {
    const band = (score: number) => (score >= 20 ? 'critical' : score >= 10 ? 'high' : score >= 5 ? 'medium' : 'low')
    for (const likelihood of SCALE_STEPS)
      for (const impact of SCALE_STEPS)
        expect(band(FIVE_POINT_OF_STEP[likelihood] * FIVE_POINT_OF_STEP[impact]), `${likelihood} × ${impact}`).toBe(scale.matrix[likelihood][impact])
  })

  it('rejects a missing cell or a level out of order', () => {
    const missing = copy(scaleJson) as { matrix: { high: Record<string, string> } }
    delete missing.matrix.high.low
    expect(() => parseScale(missing)).toThrow(/matrix\.high\.low/)
    const reordered = copy(scaleJson)
    reordered.likelihood.reverse()
    expect(() => parseScale(reordered)).toThrow(/likelihood: must list low, medium, high in that order/)
  })
})
