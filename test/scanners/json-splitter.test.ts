import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JsonSplitter, SplitError, type PathKey, type SplitHandler } from '../../main/scanners/read/json-splitter'

// Splits a root array into its elements; returns the parsed elements.
function splitArray(text: string, chunkSizes: number[]): unknown[] {
  const out: unknown[] = []
  const handler: SplitHandler = {
    container: (path: readonly PathKey[]) => (path.length === 0 ? 'split' : 'capture'),
    value: (_p, v) => out.push(v),
    closed: () => {},
    stray: () => {},
    irregular: () => {},
    truncated: () => {
      throw new Error('truncated')
    }
  }
  const splitter = new JsonSplitter(handler, { maxDepth: 1000, maxRecordBytes: 1 << 20 })
  const bytes = Buffer.from(text)
  let at = 0
  let i = 0
  while (at < bytes.length) {
    const size = Math.max(1, chunkSizes[i++ % chunkSizes.length] ?? 1)
    splitter.push(Buffer.from(bytes.subarray(at, at + size)))
    at += size
  }
  splitter.end()
  return out
}

describe('JsonSplitter', () => {
  it('yields the same elements as JSON.parse for any JSON array cut at any chunk boundaries', () => {
    fc.assert(
      fc.property(
        // '__proto__' keys are refused by design (tested elsewhere), so none are generated here.
        fc.array(fc.jsonValue({ maxDepth: 4 }), { maxLength: 8 }).filter(v => !JSON.stringify(v).includes('__proto__')),
        fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (elements, chunkSizes, pretty) => {
          const text = JSON.stringify(elements, null, pretty ? 2 : undefined)
          expect(splitArray(text, chunkSizes)).toEqual(JSON.parse(text))
        }
      ),
      { numRuns: 300 }
    )
  })

  it('parses a pretty-printed chunk far larger than one bulk parse in several, losing and repeating no element', () => {
    const elements = Array.from({ length: 4000 }, (_, n) => ({
      id: n,
      check: `check_${n % 37}`,
      nested: { list: [n, { deep: 'x'.repeat(n % 50) }] }
    }))
    const text = JSON.stringify(elements, null, 2)
    expect(text.length).toBeGreaterThan(4 * 96 * 1024)
    // One chunk holding every element, and chunks cutting through them.
    expect(splitArray(text, [text.length])).toEqual(elements)
    expect(splitArray(text, [200_000, 70_001])).toEqual(elements)
  })

  it('handles escaped quotes and backslashes that straddle chunk ends', () => {
    const elements = [{ a: 'x\\"]}', b: '\\\\' }, 'q\\', { c: ['"', '\\"'] }]
    const text = JSON.stringify(elements)
    for (let size = 1; size <= 8; size++) expect(splitArray(text, [size])).toEqual(elements)
  })

  it('gives the byte offset and index of each element', () => {
    const positions: { offset: number; element: number }[] = []
    const splitter = new JsonSplitter(
      {
        container: p => (p.length === 0 ? 'split' : 'capture'),
        value: (_p, _v, pos) => positions.push(pos),
        closed: () => {},
        stray: () => {},
        irregular: () => {},
        truncated: () => {}
      },
      { maxDepth: 10, maxRecordBytes: 100 },
      7
    )
    splitter.push(Buffer.from('[ {"a":1},\n  {"b":2} ]'))
    splitter.end()
    expect(positions).toEqual([
      { offset: 9, element: 0 },
      { offset: 20, element: 1 }
    ])
  })

  it('refuses a record larger than the limit, naming where it starts', () => {
    expect(() => splitArray(`[{"a":1},{"big":"${'x'.repeat(2 << 20)}"}]`, [65536])).toThrow(SplitError)
    try {
      splitArray(`[{"a":1},{"big":"${'x'.repeat(2 << 20)}"}]`, [65536])
    } catch (err) {
      expect((err as SplitError).kind).toBe('too-large')
      expect((err as SplitError).position).toEqual({ offset: 9, element: 1 })
    }
  })
})
