import { z } from 'zod'
import { defineCall } from '../api/define-call'
import { filePathSchema } from '../shared/schemas'

/** How long a certificate created in the app is valid for. */
export const CREATED_CERTIFICATE_YEARS = 3
/** The key a created identity gets, in words. */
export const CREATED_KEY_ALGORITHM = 'RSA 3072'

/** The organisation's signing identity as shown and exported: never its private key. */
export interface SigningIdentitySummary {
  /** The certificate's subject, e.g. "O=Harbor Family Practice, CN=Dana Reyes". */
  subject: string
  commonName: string
  organization: string | null
  /** SHA-256 of the DER certificate, colon-separated upper-case hex: what a recipient pins. */
  fingerprintSha256: string
  validFrom: string
  validTo: string
  /** Created in the app (self-signed) or imported from a PKCS #12 file. */
  origin: 'created' | 'imported'
  /** When it was created or imported. */
  createdAt: string
  /** E.g. "RSA 3072" or "ECDSA P-256". */
  keyAlgorithm: string
  selfSigned: boolean
  /** Issuing certificates kept with an imported identity. */
  chainLength: number
  /** False when the workspace file is not encrypted: the private key is then only as safe as the file. */
  keyEncryptedAtRest: boolean
  /** Identities this one replaced; packs signed with them still show their fingerprints. */
  retired: Array<{ fingerprintSha256: string; retiredAt: string }>
}

export interface SigningReplaceResult {
  identity: SigningIdentitySummary
  previousFingerprintSha256: string | null
  /** What replacing means for packs already sent, in words. */
  note: string
}

const Pkcs12Path = filePathSchema('Choose the PKCS #12 (.p12 or .pfx) file')
const Password = z.string().max(1024)

const ReplaceSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('create') }),
  z.strictObject({ kind: z.literal('pkcs12'), path: Pkcs12Path, password: Password })
])

export const signingCalls = {
  /** The identity in use, or null before the first one is created or imported. */
  'signing.identity': defineCall<SigningIdentitySummary | null>()(z.strictObject({})),
  /** Creates a key pair and a self-signed certificate naming the organisation and its security official. Refused if one exists. */
  'signing.create': defineCall<SigningIdentitySummary>()(z.strictObject({})),
  /** Asks for a PKCS #12 file with the open dialog; null when cancelled. */
  'signing.choosePkcs12File': defineCall<string | null>()(z.strictObject({})),
  /** Imports a key and certificate chain from a PKCS #12 file. Refused if an identity exists (see signing.replace). */
  'signing.importPkcs12': defineCall<SigningIdentitySummary>()(z.strictObject({ path: Pkcs12Path, password: Password })),
  /** Writes the certificate as PEM (.crt) where the save dialog says (the CLI and tests name the path). Null when cancelled. */
  'signing.exportCertificate': defineCall<{ path: string } | null>()(z.strictObject({ path: filePathSchema().optional() })),
  /** Replaces the identity in use, after the person confirmed; packs signed earlier keep the old fingerprint. */
  'signing.replace': defineCall<SigningReplaceResult>()(z.strictObject({ confirmed: z.literal(true), source: ReplaceSource }))
}
