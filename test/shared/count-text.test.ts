import { describe, expect, it } from 'vitest'
import { formatCount, plural } from '../../main/shared/count-text'

describe('formatCount', () => {
  it('groups thousands with commas, as en-US does, whatever the locale of the machine', () => {
    expect(formatCount(0)).toBe('0')
    expect(formatCount(999)).toBe('999')
    expect(formatCount(1000)).toBe('1,000')
    expect(formatCount(100000)).toBe('100,000')
    expect(formatCount(1234567)).toBe('1,234,567')
  })
})

describe('plural', () => {
  it('puts the noun in the right number after a grouped count', () => {
    expect(plural(1, 'finding')).toBe('1 finding')
    expect(plural(0, 'finding')).toBe('0 findings')
    expect(plural(100000, 'finding')).toBe('100,000 findings')
    expect(plural(2, 'policy', 'policies')).toBe('2 policies')
  })
})
