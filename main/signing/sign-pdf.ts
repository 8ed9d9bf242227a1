import crypto from 'node:crypto'
import { buildCmsSignature } from './cms'
import type { PdfSigner } from './pdf-signer'
import { readIndirectObject, readPdfStructure, resolveDict, type PdfStructure } from './pdf-structure'
import { PdfSyntaxError, pdfDate, pdfTextString, serializePdfValue, type PdfValue } from './pdf-syntax'

export interface SignPdfOptions {
  /** The signing time, written to the signature dictionary's /M (PAdES keeps it out of the CMS). */
  signedAt: Date
  reason: string
  signerName: string
  location?: string
}

export class PdfSigningError extends Error {}

const BYTE_RANGE_WIDTH = 48
const BYTE_RANGE_MARKER = `/ByteRange [${'#'.repeat(BYTE_RANGE_WIDTH - 2)}]`
const MAX_PAGE_TREE_DEPTH = 32

type Ref = { num: number; gen: number }
const ref = (r: Ref): PdfValue => ({ kind: 'ref', ...r })
const name = (value: string): PdfValue => ({ kind: 'name', value })

/**
 * Signs a finished PDF by appending an incremental update (ISO 32000-1 §7.5.6): a signature field on the first page,
 * its signature dictionary, and new versions of the catalog and that page. The unsigned file stays an exact prefix
 * of the signed one, and the ByteRange covers every byte except the signature's own Contents.
 */
export function signPdf(pdf: Buffer, signer: PdfSigner, options: SignPdfOptions): Buffer {
  let structure: PdfStructure
  try {
    structure = readPdfStructure(pdf)
  } catch (error) {
    throw new PdfSigningError(`The PDF cannot be signed: ${(error as Error).message}`)
  }
  const { trailer } = structure
  if (trailer.has('Encrypt')) throw new PdfSigningError('The PDF cannot be signed: it is encrypted')
  const rootValue = trailer.get('Root')
  const size = trailer.get('Size')
  if (rootValue?.kind !== 'ref' || size?.kind !== 'number') throw new PdfSigningError('The PDF cannot be signed: its trailer lacks /Root or /Size')

  try {
    const catalog = resolveDict(pdf, structure, rootValue, 'document catalog')
    const page = firstPage(pdf, structure, catalog.dict)
    const firstFree = Number(size.text)
    const sigRef = { num: firstFree, gen: 0 }
    const widgetRef = { num: firstFree + 1, gen: 0 }
    const acroFormRef = { num: firstFree + 2, gen: 0 }

    const acroForm = catalog.dict.has('AcroForm')
      ? resolveDict(pdf, structure, catalog.dict.get('AcroForm'), 'form (/AcroForm)').dict
      : new Map<string, PdfValue>()
    const fields = arrayItems(pdf, structure, acroForm.get('Fields'), 'form fields')
    const newAcroForm = new Map(acroForm)
    newAcroForm.set('Fields', { kind: 'array', items: [...fields, ref(widgetRef)] })
    newAcroForm.set('SigFlags', { kind: 'number', text: '3' })

    const newCatalog = new Map(catalog.dict)
    newCatalog.set('AcroForm', ref(acroFormRef))
    declarePadesExtension(pdf, newCatalog)

    const newPage = new Map(page.dict)
    newPage.set('Annots', { kind: 'array', items: [...arrayItems(pdf, structure, page.dict.get('Annots'), 'page annotations'), ref(widgetRef)] })

    const widget = new Map<string, PdfValue>([
      ['Type', name('Annot')],
      ['Subtype', name('Widget')],
      ['FT', name('Sig')],
      ['T', { kind: 'string', bytes: Buffer.from(`Signature${fields.length + 1}`, 'latin1') }],
      ['V', ref(sigRef)],
      // Print (PDF/A wants it) and Locked; the zero rectangle makes the signature invisible on the page.
      ['F', { kind: 'number', text: '132' }],
      ['Rect', { kind: 'array', items: ['0', '0', '0', '0'].map(text => ({ kind: 'number', text }) as const) }],
      ['P', ref(page.ref)]
    ])

    const contentsBytes = buildCmsSignature(Buffer.alloc(32), signer).length + 64
    const signatureDict =
      `<</Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${BYTE_RANGE_MARKER} /Contents <${'0'.repeat(contentsBytes * 2)}>` +
      ` /M ${pdfTextString(pdfDate(options.signedAt))} /Name ${pdfTextString(options.signerName)} /Reason ${pdfTextString(options.reason)}` +
      (options.location ? ` /Location ${pdfTextString(options.location)}` : '') +
      '>>'

    const objects: Array<{ ref: Ref; body: string }> = [
      { ref: sigRef, body: signatureDict },
      { ref: widgetRef, body: serializePdfValue({ kind: 'dict', entries: widget }) },
      { ref: acroFormRef, body: serializePdfValue({ kind: 'dict', entries: newAcroForm }) },
      { ref: catalog.ref!, body: serializePdfValue({ kind: 'dict', entries: newCatalog }) },
      { ref: page.ref, body: serializePdfValue({ kind: 'dict', entries: newPage }) }
    ]
    const update = incrementalUpdate(pdf, structure, objects, firstFree + 3, rootValue)
    return fillSignature(update, pdf.length, signer)
  } catch (error) {
    if (error instanceof PdfSyntaxError) throw new PdfSigningError(`The PDF cannot be signed: ${error.message}`)
    throw error
  }
}

function arrayItems(pdf: Buffer, structure: PdfStructure, value: PdfValue | undefined, what: string): PdfValue[] {
  if (value === undefined) return []
  const resolved = value.kind === 'ref' ? readIndirectObject(pdf, structure, value.num) : value
  if (resolved.kind !== 'array') throw new PdfSyntaxError(`The ${what} are not an array`)
  return resolved.items
}

function firstPage(pdf: Buffer, structure: PdfStructure, catalog: Map<string, PdfValue>): { dict: Map<string, PdfValue>; ref: Ref } {
  let node = catalog.get('Pages')
  for (let depth = 0; depth < MAX_PAGE_TREE_DEPTH; depth++) {
    if (node?.kind !== 'ref') break
    const { dict } = resolveDict(pdf, structure, node, 'page tree node')
    const type = dict.get('Type')
    if (type?.kind === 'name' && type.value === 'Page') return { dict, ref: { num: node.num, gen: node.gen } }
    const kids = dict.get('Kids')
    node = kids?.kind === 'array' ? kids.items[0] : undefined
  }
  throw new PdfSyntaxError('No first page was found in the page tree')
}

/** ETSI.CAdES.detached is an extension of PDF 1.7 (ESIC, ETSI EN 319 142-1 §5.4); declare it unless the file does. */
function declarePadesExtension(pdf: Buffer, catalog: Map<string, PdfValue>): void {
  const extensions = catalog.get('Extensions')
  if (extensions !== undefined && extensions.kind !== 'dict') return
  const entries = new Map(extensions?.entries ?? [])
  if (!entries.has('ESIC')) {
    entries.set('ESIC', {
      kind: 'dict',
      entries: new Map<string, PdfValue>([
        ['BaseVersion', name('1.7')],
        ['ExtensionLevel', { kind: 'number', text: '2' }]
      ])
    })
  }
  catalog.set('Extensions', { kind: 'dict', entries })
  const header = /^%PDF-(\d\.\d)/.exec(pdf.toString('latin1', 0, 16))?.[1]
  const version = catalog.get('Version')
  const declared = version?.kind === 'name' ? version.value : header
  if (!declared || Number(declared) < 1.7) catalog.set('Version', name('1.7'))
}

function incrementalUpdate(
  pdf: Buffer,
  structure: PdfStructure,
  objects: Array<{ ref: Ref; body: string }>,
  newSize: number,
  root: PdfValue
): Buffer {
  const separator = pdf.at(-1) === 0x0a || pdf.at(-1) === 0x0d ? '' : '\n'
  let text = separator
  const offsets = new Map<number, { offset: number; gen: number }>()
  for (const object of objects) {
    offsets.set(object.ref.num, { offset: pdf.length + Buffer.byteLength(text, 'latin1'), gen: object.ref.gen })
    text += `${object.ref.num} ${object.ref.gen} obj\n${object.body}\nendobj\n`
  }
  const xrefOffset = pdf.length + Buffer.byteLength(text, 'latin1')
  text += 'xref\n'
  const numbers = [...offsets.keys()].sort((a, b) => a - b)
  for (let i = 0; i < numbers.length;) {
    let j = i
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++
    text += `${numbers[i]} ${j - i + 1}\n`
    for (let k = i; k <= j; k++) {
      const entry = offsets.get(numbers[k]!)!
      text += `${String(entry.offset).padStart(10, '0')} ${String(entry.gen).padStart(5, '0')} n\r\n`
    }
    i = j + 1
  }
  const trailer = new Map<string, PdfValue>([
    ['Size', { kind: 'number', text: String(newSize) }],
    ['Root', root]
  ])
  for (const key of ['Info', 'ID']) {
    const value = structure.trailer.get(key)
    if (value) trailer.set(key, value)
  }
  trailer.set('Prev', { kind: 'number', text: String(structure.startxref) })
  text += `trailer\n${serializePdfValue({ kind: 'dict', entries: trailer })}\nstartxref\n${xrefOffset}\n%%EOF\n`
  return Buffer.concat([pdf, Buffer.from(text, 'latin1')])
}

/** Writes the ByteRange over the placeholder, hashes what it covers and puts the CMS signature into Contents. */
function fillSignature(file: Buffer, updateStart: number, signer: PdfSigner): Buffer {
  const markerAt = file.indexOf(BYTE_RANGE_MARKER, updateStart, 'latin1')
  const contentsStart = file.indexOf('/Contents <', markerAt, 'latin1') + '/Contents '.length
  const contentsEnd = file.indexOf('>', contentsStart, 'latin1') + 1
  const byteRange = `[0 ${contentsStart} ${contentsEnd} ${file.length - contentsEnd}]`
  const byteRangeText = `/ByteRange ${byteRange.padEnd(BYTE_RANGE_MARKER.length - '/ByteRange '.length, ' ')}`
  file.write(byteRangeText, markerAt, 'latin1')
  const digest = crypto.createHash('sha256').update(file.subarray(0, contentsStart)).update(file.subarray(contentsEnd)).digest()
  const cms = buildCmsSignature(digest, signer).toString('hex')
  const room = contentsEnd - contentsStart - 2
  if (cms.length > room)
    throw new PdfSigningError(`The signature (${cms.length / 2} bytes) does not fit the space reserved for it (${room / 2} bytes)`)
  file.write(cms, contentsStart + 1, 'latin1')
  return file
}
