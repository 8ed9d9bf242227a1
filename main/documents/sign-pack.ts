import crypto from 'node:crypto'
import type { Db } from '../db/driver'
import { identityNames } from '../signing/identity'
import { ensureSigningIdentity, loadPdfSigner, signPdf, type PdfSigner } from '../signing/reads'
import type { SignatureNote } from './pdf/signature-note'

/** The workspace's signing identity (created on first use) and what the attestation page prints of it. */
export type PackSigning = { signer: PdfSigner; note: SignatureNote }

/** Reads (or on first use creates) the workspace's signing identity, before the pack is composed: its page prints the fingerprint. */
export function packSigning(db: Db, now: Date): PackSigning {
  const signer = ensureSigningIdentity(db, { now })
  return { signer, note: noteFor(signer) }
}

/**
 * The note a signed pack would print, without creating an identity (a preview of the pack's pages): the identity in use,
 * or the names a created one would carry, with a placeholder fingerprint of the same length.
 */
export function previewSignatureNote(db: Db): SignatureNote {
  const signer = loadPdfSigner(db)
  if (signer) return noteFor(signer)
  const names = identityNames(db)
  return { signer: joinNames(names.commonName, names.organization), fingerprintSha256: '0'.repeat(64) }
}

function noteFor(signer: PdfSigner): SignatureNote {
  const certificate = new crypto.X509Certificate(signer.certificate)
  return { signer: signerNameOf(certificate.subject), fingerprintSha256: crypto.createHash('sha256').update(signer.certificate).digest('hex') }
}

/** The organisation once: the common name often has it already ("Security Official, Harbor Family Practice"). */
function joinNames(commonName: string, organization: string | undefined): string {
  return organization && !commonName.includes(organization) ? `${commonName}, ${organization}` : commonName
}

/** "CN=Dana Reyes\nO=Harbor Family Practice" → "Dana Reyes, Harbor Family Practice". */
function signerNameOf(subject: string): string {
  const fields = new Map(subject.split('\n').map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]))
  const [commonName, organization] = [fields.get('CN'), fields.get('O')]
  return commonName ? joinNames(commonName, organization) : (organization ?? subject)
}

/** Signs the finished, reproducible bytes: an incremental update, so the unsigned PDF stays an exact prefix. */
export function signPack(pdf: Buffer, signing: PackSigning, options: { signedAt: Date; reason: string }): Buffer {
  return signPdf(pdf, signing.signer, { signedAt: options.signedAt, reason: options.reason, signerName: signing.note.signer })
}
