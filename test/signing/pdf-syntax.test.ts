import { describe, expect, it } from 'vitest'
import { readPdfStructure } from '../../main/signing/pdf-structure'
import { decodePdfText, parsePdfDate, pdfDate, PdfReader, PdfSyntaxError, pdfTextString, serializePdfValue } from '../../main/signing/pdf-syntax'

const parse = (text: string) => new PdfReader(Buffer.from(text, 'latin1'), 0).value()

describe('PDF object syntax', () => {
  it('reads dictionaries, arrays, references, names, numbers and both kinds of string', () => {
    const value = parse('<< /Type /Catalog /Kids [3 0 R 4 0 R] /N -1.5 /A#20B true /S (a\\(b\\)\\n\\101) /H <48 65 6C 6C 6F> /Z null >>')
    expect(value.kind).toBe('dict')
    if (value.kind !== 'dict') return
    expect(value.entries.get('Type')).toEqual({ kind: 'name', value: 'Catalog' })
    expect(value.entries.get('Kids')).toEqual({
      kind: 'array',
      items: [
        { kind: 'ref', num: 3, gen: 0 },
        { kind: 'ref', num: 4, gen: 0 }
      ]
    })
    expect(value.entries.get('N')).toEqual({ kind: 'number', text: '-1.5' })
    expect(value.entries.get('A B')).toEqual({ kind: 'bool', value: true })
    expect(value.entries.get('S')).toEqual({ kind: 'string', bytes: Buffer.from('a(b)\nA') })
    expect(value.entries.get('H')).toEqual({ kind: 'string', bytes: Buffer.from('Hello') })
    expect(value.entries.get('Z')).toEqual({ kind: 'null' })
    // Written back and read again, nothing changes.
    expect(parse(serializePdfValue(value))).toEqual(value)
  })

  it('tells two numbers in an array from a reference', () => {
    expect(parse('[0 0 612 792]')).toEqual({ kind: 'array', items: ['0', '0', '612', '792'].map(text => ({ kind: 'number', text })) })
  })

  it('refuses what is not PDF syntax, and nesting without end, with the byte it stopped at', () => {
    expect(() => parse('<< /A (unterminated')).toThrow(PdfSyntaxError)
    expect(() => parse('[ foo ]')).toThrow(/Unexpected word "foo" at byte/)
    expect(() => parse('['.repeat(10_000))).toThrow(/nested too deeply/)
  })

  it('writes text strings as ASCII literals or UTF-16 and reads them back', () => {
    expect(pdfTextString('Dana (Reyes)')).toBe('(Dana \\(Reyes\\))')
    const zurich = parse(pdfTextString('Zürich – HQ'))
    expect(zurich.kind === 'string' && decodePdfText(zurich.bytes)).toBe('Zürich – HQ')
  })

  it('writes and reads PDF dates in UTC, with or without a zone', () => {
    expect(pdfDate(new Date('2026-12-07T10:20:30Z'))).toBe('D:20261207102030Z')
    expect(parsePdfDate('D:20261207102030Z')).toBe('2026-12-07T10:20:30.000Z')
    expect(parsePdfDate("D:20261207102030+02'00'")).toBe('2026-12-07T08:20:30.000Z')
    expect(parsePdfDate('not a date')).toBeNull()
  })

  it('reads a cross-reference table whose entries end with one byte less than the standard 20', () => {
    const body = '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'
    const xrefAt = body.length
    const pdf = `${body}xref\n0 2\n0000000000 65535 f\n0000000009 00000 n\ntrailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
    const structure = readPdfStructure(Buffer.from(pdf, 'latin1'))
    expect(structure.offsets.get(1)).toEqual({ offset: 9, gen: 0 })
    expect(structure.trailer.get('Root')).toEqual({ kind: 'ref', num: 1, gen: 0 })
  })

  it('refuses a /Prev chain that loops', () => {
    const body = '%PDF-1.4\n'
    const pdf = `${body}xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 /Prev ${body.length} >>\nstartxref\n${body.length}\n%%EOF\n`
    expect(() => readPdfStructure(Buffer.from(pdf, 'latin1'))).toThrow(/loop/)
  })
})
