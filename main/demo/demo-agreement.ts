import fs from 'node:fs'
import { formatLongDate } from '../documents/format'
import { PdfWriter } from '../documents/pdf/pdf-writer'

/** A one-page synthetic record of accepting the cloud provider's BAA, to attach in the demo. */
export async function writeAgreementRecord(file: string, acceptedOn: string): Promise<string> {
  const w = new PdfWriter({
    title: 'Business Associate Addendum acceptance record (demo)',
    subject: 'Synthetic demo document',
    author: 'Safeguard demo',
    header: { left: 'Juniper Ridge Family Practice', right: 'Demo document' },
    footer: { left: 'Synthetic data for the Safeguard demo' }
  })
  w.newPage()
  w.heading('Business Associate Addendum acceptance record', 1, { contents: false })
  w.paragraph(
    'This is a synthetic document created by the Safeguard demo. It stands in for the record a cloud provider gives when its business associate addendum is accepted.'
  )
  w.keyValues([
    ['Organisation', 'Juniper Ridge Family Practice (fictitious)'],
    ['Provider', 'Amazon Web Services'],
    ['Account', '210987654321 (invented)'],
    ['Accepted on', formatLongDate(acceptedOn)],
    ['Accepted by', 'Dana Whitfield, Security Official (fictitious)']
  ])
  const { buffer } = await w.finish()
  fs.writeFileSync(file, buffer)
  return file
}
