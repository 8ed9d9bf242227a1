import { describe, expect, it } from 'vitest'
import { citationFromId, citationsFromIds, citationsInText } from '../../main/scanners/mapping/citation'

describe('citationFromId', () => {
  it.each([
    ['164_308_a_1_ii_a', '164.308(a)(1)(ii)(A)'],
    ['164_308_a_1_ii_d', '164.308(a)(1)(ii)(D)'],
    ['164_312_a_2_iv', '164.312(a)(2)(iv)'],
    ['164_308_a_3_i', '164.308(a)(3)(i)'],
    ['164_312_b', '164.312(b)'],
    ['164_308_b_1', '164.308(b)(1)'],
    ['164_310_d_2_iv', '164.310(d)(2)(iv)'],
    ['164_312_e_2_ii', '164.312(e)(2)(ii)'],
    ['164.312(a)(2)(iv)', '164.312(a)(2)(iv)']
  ])('%s → %s', (id, expected) => {
    expect(citationFromId(id)).toBe(expected)
  })

  it('refuses what is not a Security Rule id', () => {
    expect(citationFromId('cc_6_1')).toBeNull()
    expect(citationFromId('164_530_c')).toBeNull()
    expect(citationFromId('')).toBeNull()
  })
})

describe('citationsInText', () => {
  it('reads the Python-list form of Prowler 3 OCSF requirements', () => {
    expect(citationsInText("HIPAA: ['164_308_a_4_ii_a', '164_312_e_1']")).toEqual(['164.308(a)(4)(ii)(A)', '164.312(e)(1)'])
  })
  it('reads the comma form and ignores other frameworks', () => {
    expect(citationsInText('HIPAA: 164_308_a_1_ii_b, 164_312_b')).toEqual(['164.308(a)(1)(ii)(B)', '164.312(b)'])
  })
  it('deduplicates and drops non-strings', () => {
    expect(citationsFromIds(['164_312_b', '164_312_b', 7, null])).toEqual(['164.312(b)'])
  })
})
