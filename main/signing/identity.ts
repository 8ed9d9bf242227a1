import crypto from 'node:crypto'
import * as pkijs from 'pkijs'
import { connectionKey, type Db } from '../db/driver'
import { getWorkspaceProfile } from '../workspace/db/workspace-profile'
import { createSelfSignedCertificate } from './certificate'
import { OID } from './cms'
import { CREATED_CERTIFICATE_YEARS, type SigningIdentitySummary } from './contract'
import { getSigningIdentity, listRetiredFingerprints, putSigningIdentity, type SigningIdentityRecord } from './db/signing-identity'
import { pdfSignerFor, type PdfSigner } from './pdf-signer'
import { readPkcs12 } from './pkcs12'

/**
 * RSA 3072 with PKCS #1 v1.5 and SHA-256: every PDF reader that checks signatures accepts it (Acrobat and Reader of
 * any age, poppler's pdfsig through NSS, pyHanko), where ECDSA P-256 is refused by some older readers; 3072 bits
 * gives the 128-bit strength NIST SP 800-57 asks for use beyond 2030.
 */
const CREATED_KEY = { type: 'rsa', modulusLength: 3072 } as const

const toArrayBuffer = (bytes: Buffer): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

/** SHA-256 of a DER certificate as colon-separated upper-case hex. */
export function certificateFingerprint(der: Buffer): string {
  return new crypto.X509Certificate(der).fingerprint256
}

/** Splits concatenated DER certificates (each a SEQUENCE with its own length). */
export function splitDerSequence(chain: Buffer): Buffer[] {
  const out: Buffer[] = []
  let at = 0
  while (at + 2 <= chain.length) {
    const first = chain[at + 1]!
    const lengthBytes = first & 0x80 ? first & 0x7f : 0
    let length = lengthBytes ? 0 : first
    for (let i = 0; i < lengthBytes; i++) length = length * 256 + chain[at + 2 + i]!
    const end = at + 2 + lengthBytes + length
    out.push(chain.subarray(at, end))
    at = end
  }
  return out
}

function nameValue(name: pkijs.RelativeDistinguishedNames, type: string): string | null {
  const value = name.typesAndValues.find(t => t.type === type)?.value.valueBlock as { value?: unknown } | undefined
  return typeof value?.value === 'string' ? value.value : null
}

function keyAlgorithm(x509: crypto.X509Certificate): string {
  const key = x509.publicKey
  const details = key.asymmetricKeyDetails
  if (key.asymmetricKeyType === 'rsa') return `RSA ${details?.modulusLength ?? ''}`.trim()
  if (key.asymmetricKeyType === 'ec') return `ECDSA ${details?.namedCurve === 'prime256v1' ? 'P-256' : (details?.namedCurve ?? '')}`.trim()
  return key.asymmetricKeyType ?? 'unknown'
}

function summarize(db: Db, record: SigningIdentityRecord): SigningIdentitySummary {
  const x509 = new crypto.X509Certificate(record.certificate)
  const parsed = pkijs.Certificate.fromBER(toArrayBuffer(record.certificate))
  return {
    subject: x509.subject.split('\n').join(', '),
    commonName: nameValue(parsed.subject, OID.commonName) ?? '',
    organization: nameValue(parsed.subject, OID.organization),
    fingerprintSha256: record.fingerprintSha256,
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
    origin: record.origin,
    createdAt: record.createdAt,
    keyAlgorithm: keyAlgorithm(x509),
    selfSigned: x509.subject === x509.issuer && x509.verify(x509.publicKey),
    chainLength: splitDerSequence(record.chain).length,
    keyEncryptedAtRest: connectionKey(db) !== null,
    retired: listRetiredFingerprints(db)
  }
}

/** The identity in use, as shown (never its key), or null before one is created or imported. */
export function readSigningIdentity(db: Db): SigningIdentitySummary | null {
  const record = getSigningIdentity(db)
  return record ? summarize(db, record) : null
}

/** A signer with the identity in use, or null when there is none. */
export function loadPdfSigner(db: Db): PdfSigner | null {
  const record = getSigningIdentity(db)
  if (!record) return null
  const privateKey = crypto.createPrivateKey({ key: record.privateKey, format: 'der', type: 'pkcs8' })
  return pdfSignerFor(privateKey, record.certificate, splitDerSequence(record.chain))
}

/** Who a created certificate names: the organisation (O) and the security official recorded as its contact (CN). */
export function identityNames(db: Db): { organization: string; commonName: string } {
  const profile = getWorkspaceProfile(db)
  const organization = profile?.organization.name.trim() || 'Organisation'
  const official = profile?.organization.contactName.trim()
  return { organization, commonName: official ? official : `Security Official, ${organization}` }
}

/**
 * Creates a key pair and a self-signed certificate valid for CREATED_CERTIFICATE_YEARS from `now`, and puts it in use
 * (retiring any identity before it). The private key is stored as PKCS #8 inside the workspace database only.
 */
export function createSigningIdentity(db: Db, options: { now: Date }): SigningIdentitySummary {
  const { privateKey, publicKey } = crypto.generateKeyPairSync(CREATED_KEY.type, { modulusLength: CREATED_KEY.modulusLength })
  const notBefore = new Date(Math.floor(options.now.getTime() / 1000) * 1000)
  const notAfter = new Date(notBefore)
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + CREATED_CERTIFICATE_YEARS)
  const certificate = createSelfSignedCertificate({ privateKey, publicKey, ...identityNames(db), notBefore, notAfter })
  store(db, 'created', privateKey, certificate, [], options.now)
  return readSigningIdentity(db)!
}

/** Imports a PKCS #12 file's key and certificate chain and puts it in use. Throws `Pkcs12Error` for a wrong password or a bad file. */
export function importSigningIdentity(db: Db, options: { bytes: Buffer; password: string; now: Date }): SigningIdentitySummary {
  const contents = readPkcs12(options.bytes, options.password)
  // Refuse a key the signer cannot use before anything is stored.
  pdfSignerFor(contents.privateKey, contents.certificate, contents.chain)
  store(db, 'imported', contents.privateKey, contents.certificate, contents.chain, options.now)
  return readSigningIdentity(db)!
}

function store(db: Db, origin: 'created' | 'imported', privateKey: crypto.KeyObject, certificate: Buffer, chain: Buffer[], now: Date): void {
  putSigningIdentity(
    db,
    {
      origin,
      certificate,
      chain: Buffer.concat(chain),
      privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }),
      fingerprintSha256: certificateFingerprint(certificate),
      createdAt: now.toISOString()
    },
    now.toISOString()
  )
}

/** The signer in use, creating the identity first when the workspace has none (the first signed pack). */
export function ensureSigningIdentity(db: Db, options: { now: Date }): PdfSigner {
  const existing = loadPdfSigner(db)
  if (existing) return existing
  createSigningIdentity(db, options)
  return loadPdfSigner(db)!
}

/** The certificate in use and the rest of its chain as PEM, for a recipient to pin. Throws when there is none. */
export function exportCertificate(db: Db): string {
  const record = getSigningIdentity(db)
  if (!record) throw new Error('The workspace has no signing identity yet')
  return [record.certificate, ...splitDerSequence(record.chain)].map(der => new crypto.X509Certificate(der).toString()).join('')
}
