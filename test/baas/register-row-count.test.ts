import { describe, expect, it } from 'vitest'
import { countCsvRows, countJsonRows } from '../../main/shared/register-row-count'

// The counts decide whether an import is refused before anything is parsed, so they must agree with the parsers.
describe('counting the rows of a register before parsing it', () => {
  const jsonCases: [string, string][] = [
    ['an empty array', '[]'],
    ['a bare array', '[{"a": 1}, {"b": [1, 2, {"c": 3}]}, 3]'],
    ['strings holding brackets, commas and escaped quotes', '[{"a": "],[{\\"x\\", ,"}, "\\\\", "{"]'],
    ['a wrapped list after other keys', '{"note": "incidents, [1, 2]", "other": [1, 2, 3], "incidents": [{}, {}], "after": {"incidents": [1]}}'],
    ['nested arrays inside rows', '{"incidents": [[1, [2, 3]], [4], []]}'],
    ['a lone object', '{"title": "one"}'],
    ['whitespace and a byte order mark', '\ufeff [ {} ,\n {} ,\r\n\t{} ] \n']
  ]
  it.each(jsonCases)('JSON: %s, as JSON.parse reads it', (_name, text) => {
    const data = JSON.parse(text.replace(/^\ufeff/, '')) as unknown
    const rows = Array.isArray(data)
      ? data.length
      : Array.isArray((data as { incidents?: unknown }).incidents)
        ? (data as { incidents: unknown[] }).incidents.length
        : 1
    expect(countJsonRows(text, 'incidents')).toBe(rows)
  })

  it('JSON lines: the number of top-level values', () => {
    expect(countJsonRows('{}\n{}\n{"incidents": [1, 2, 3]}\n', 'incidents')).toBe(3)
    expect(countJsonRows('[1]\n[2, 3]', 'incidents')).toBe(2)
  })

  it('CSV: data rows after the header, with quoted line breaks and doubled quotes inside cells and blank lines skipped', () => {
    expect(countCsvRows('name,notes\n')).toBe(0)
    expect(countCsvRows('name,notes\r\nA,"one\r\ntwo"\r\n\r\nB,"say ""hi""\nthere"\n  \nC,x')).toBe(3)
    expect(countCsvRows('')).toBe(0)
  })
})
