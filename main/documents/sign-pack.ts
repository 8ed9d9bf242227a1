import crypto from 'node:crypto'
import type { Db } from '../db/driver'
import { ensureSigningIdentity, signPdf, type PdfSigner } from '../signing/reads'
import type { SignatureNote } from './pdf/signature-note'

/** The workspace's signing identity (created on first use) and what the attestation page prints of it. */
export type PackSigning = { signer: PdfSigner; note: SignatureNote }

/** Reads (or on first use creates) the workspace's signing identity, before the pack is composed: its page prints the fingerprint. */
export function packSigning(db: Db, now: Date): PackSigning {
  const signer = ensureSigningIdentity(db, { now })
  const certificate = new crypto.X509Certificate(signer.certificate)
  return {
    signer,
    note: { signer: signerNameOf(certificate.subject), fingerprintSha256: crypto.createHash('sha256').update(signer.certificate).digest('hex') }
  }
}

/** "CN=Dana Reyes\nO=Harbor Family Practice" → "Dana Reyes, Harbor Family Practice" (the organisation once, when the common name has it). */
function signerNameOf(subject: string): string {
  const fields = new Map(subject.split('\n').map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]))
  const [commonName, organization] = [fields.get('CN'), fields.get('O')]
  if (!commonName) return organization ?? subject
  return organization && !commonName.includes(organization) ? `${commonName}, ${organization}` : commonName
}

/** Signs the finished, reproducible bytes: an incremental update, so the unsigned PDF stays an exact prefix. */
export function signPack(pdf: Buffer, signing: PackSigning, options: { signedAt: Date; reason: string }): Buffer {
  return signPdf(pdf, signing.signer, { signedAt: options.signedAt, reason: options.reason, signerName: signing.note.signer })
}
