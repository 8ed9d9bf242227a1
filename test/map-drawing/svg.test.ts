import { describe, expect, it } from 'vitest'
import { renderMapSvg } from '../../main/map/drawing/svg'
import { allElements, parseXml } from './parse-xml'
import { assetOf, flowOf, viewOf, zoneOf } from './views'

const hostile = viewOf({
  zones: [zoneOf(1, 'vpc', null, 'phi', { name: 'vpc <b>"prod"</b> & co' })],
  assets: [assetOf(1, [1], 'phi', { name: '<script>alert(1)</script>' }), assetOf(2, [], 'general', { name: "Tom & Jerry's bucket" })],
  flows: [flowOf(1, 1, 2, 'phi')]
})

describe('renderMapSvg', () => {
  it('writes well-formed XML with a title, a description and a legend', async () => {
    const svg = await renderMapSvg(hostile)
    const root = parseXml(svg)
    expect(root.name).toBe('svg')
    expect(root.attributes.role).toBe('img')
    const title = root.children.find(c => c.name === 'title')!
    const desc = root.children.find(c => c.name === 'desc')!
    expect(title.text).toBe('Data-flow map: where PHI lives and flows')
    expect(desc.text).toContain('2 assets in 1 zones and 1 flows')
    expect(root.attributes['aria-labelledby']).toBe(`${title.attributes.id} ${desc.attributes.id}`)
    const texts = allElements(root)
      .filter(e => e.name === 'text')
      .map(e => e.text)
    expect(texts).toContain('Legend')
    expect(texts).toContain('Holds PHI (hatched, thick border)')
    // PHI is a pattern as well as a colour: the PHI boxes are hatched, the general one is not.
    const hatched = allElements(root).filter(e => e.name === 'rect' && e.attributes.fill === 'url(#pattern-hatch)')
    expect(hatched.length).toBeGreaterThanOrEqual(3) // the zone, the PHI asset, the legend swatch
    expect(allElements(root).filter(e => e.name === 'polyline')).toHaveLength(1)
  })

  it('escapes hostile names so they stay text', async () => {
    const svg = await renderMapSvg(hostile)
    expect(svg).not.toContain('<script>')
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    const elements = allElements(parseXml(svg))
    expect(elements.some(e => e.name === 'script' || e.name === 'b')).toBe(false)
    const texts = elements.filter(e => e.name === 'text' || e.name === 'title').map(e => e.text)
    expect(texts.some(t => t.includes('<script>alert(1)</script>'))).toBe(true)
    expect(texts.some(t => t.includes("Tom & Jerry's bucket"))).toBe(true)
    expect(texts.some(t => t.includes('vpc <b>"prod"</b> & co'))).toBe(true)
  })
})
