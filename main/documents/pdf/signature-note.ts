import type { PdfWriter } from './pdf-writer'
import { COLOR } from './theme'

/** The certificate a pack is signed with, as the attestation page prints it. */
export type SignatureNote = {
  /** Who the certificate names (its common name and organisation). */
  signer: string
  /** SHA-256 of the certificate (DER), 64 hexadecimal digits. */
  fingerprintSha256: string
}

/** The fingerprint as Settings, `safeguard signing show` and `safeguard verify` print it: upper-case pairs joined by colons. */
export function colonFingerprint(hex: string): string {
  return (hex.toUpperCase().match(/../g) ?? []).join(':')
}

/** The fingerprint as people compare it by eye on the page: the colon form, over two lines. */
export function formatFingerprint(hex: string): string {
  const pairs = colonFingerprint(hex).split(':')
  return `${pairs.slice(0, 16).join(':')}\n${pairs.slice(16).join(':')}`
}

/** How a recipient checks the digital signature of this document, with the certificate's fingerprint. */
export function signatureNote(w: PdfWriter, note: SignatureNote): void {
  w.space(18)
  w.heading('Digital signature', 3, { contents: false })
  w.paragraph(
    `This PDF is digitally signed by ${note.signer}. A change to any byte after signing breaks the signature. The signature identifies this certificate (SHA-256 fingerprint):`,
    { after: 4 }
  )
  w.paragraph(formatFingerprint(note.fingerprintSha256), { font: 'semibold', after: 6 })
  w.paragraph(
    'To check it: run “safeguard verify <this file>” (or Documents → Verify a pack… in Safeguard), which needs no secret and no network, and compare the fingerprint it reports with the one above and with the certificate the organisation gave you separately (pin that certificate in your PDF reader). A self-signed certificate proves who signed only as far as you trust how you received it.',
    { color: COLOR.muted }
  )
}
