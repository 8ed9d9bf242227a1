import crypto from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { OID } from './cms'
import { decodePdfText, parsePdfDate, PdfReader, type PdfValue } from './pdf-syntax'

/** What an offline check of a PDF's signature found; `problems` is empty only when everything checks. */
export interface PdfSignatureReport {
  found: boolean
  /** The signed bytes match the signature's digest and the signature verifies with the certificate's public key. */
  intact: boolean
  /** The signature covers every byte of the file except its own Contents. */
  coversWholeFile: boolean
  signer: { commonName: string; organization: string | null } | null
  /** SHA-256 of the signer's DER certificate, colon-separated upper-case hex (as `openssl x509 -fingerprint -sha256`). */
  certificateFingerprintSha256: string | null
  /** ISO timestamp from the signature dictionary's /M (else the CMS signing-time attribute). */
  signedAt: string | null
  subFilter: string | null
  problems: string[]
}

const MAX_SIGNATURES = 64
const MAX_SIGNATURE_DICTIONARY_BYTES = 1024 * 1024
const DIGESTS: Record<string, string> = { [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' }
const SIGNATURE_ALGORITHMS = new Set<string>([
  OID.rsaEncryption,
  OID.sha256WithRsa,
  OID.sha384WithRsa,
  OID.sha512WithRsa,
  OID.ecdsaWithSha256,
  OID.ecdsaWithSha384,
  OID.ecdsaWithSha512
])

interface FoundSignature {
  byteRange: [number, number, number, number]
  dict: Map<string, PdfValue> | null
}

const toArrayBuffer = (bytes: Buffer): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

/**
 * Checks a PDF's (last) signature offline, with no secrets: the ByteRange covers the whole file but the signature,
 * the digest of those bytes matches the CMS message-digest, the signature over the signed attributes verifies with the
 * certificate's public key, and the certificate is the one the signing-certificate-v2 attribute names. Hostile input
 * gives problems, never an exception.
 */
export function verifyPdfSignature(pdf: Buffer): PdfSignatureReport {
  const report: PdfSignatureReport = {
    found: false,
    intact: false,
    coversWholeFile: false,
    signer: null,
    certificateFingerprintSha256: null,
    signedAt: null,
    subFilter: null,
    problems: []
  }
  try {
    check(pdf, report)
  } catch (error) {
    report.intact = false
    report.problems.push(`The signature could not be read: ${(error as Error).message}`)
  }
  return report
}

function check(pdf: Buffer, report: PdfSignatureReport): void {
  if (pdf.subarray(0, 1024).indexOf('%PDF-') < 0) {
    report.problems.push('The file is not a PDF (no "%PDF-" header)')
    return
  }
  const signatures = findSignatures(pdf)
  if (signatures.length === 0) {
    report.problems.push('The file has no digital signature')
    return
  }
  report.found = true
  // The signature that covers the most is the last one made.
  const signature = signatures.reduce((a, b) => (b.byteRange[2] + b.byteRange[3] > a.byteRange[2] + a.byteRange[3] ? b : a))
  if (signatures.length > 1) report.problems.push(`The file has ${signatures.length} signatures; this report is about the last one`)

  const subFilter = signature.dict?.get('SubFilter')
  report.subFilter = subFilter?.kind === 'name' ? subFilter.value : null
  const when = signature.dict?.get('M')
  report.signedAt = when?.kind === 'string' ? parsePdfDate(decodePdfText(when.bytes)) : null

  const [start1, length1, start2, length2] = signature.byteRange
  const signedEnd = start2 + length2
  if (signedEnd > pdf.length) {
    report.problems.push(
      `The signature covers bytes 0–${signedEnd - 1} but the file is only ${pdf.length} bytes long: the file was cut short after signing`
    )
    return
  }
  const gapOk = start1 === 0 && length1 > 0 && start2 > length1 + 1 && signedEnd <= pdf.length && pdf[length1] === 0x3c && pdf[start2 - 1] === 0x3e
  if (!gapOk) {
    report.problems.push(
      `The signature's ByteRange [${signature.byteRange.join(' ')}] does not describe this file: it must start at 0 and leave out exactly the signature's Contents`
    )
    return
  }
  report.coversWholeFile = signedEnd === pdf.length
  if (!report.coversWholeFile) {
    report.problems.push(
      `The signature covers bytes 0–${signedEnd - 1} but the file is ${pdf.length} bytes long: something was appended after signing (${pdf.length - signedEnd} bytes)`
    )
  }
  const hex = pdf.toString('latin1', length1 + 1, start2 - 1).replace(/[\0\t\n\f\r ]/g, '')
  if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length < 4) {
    report.problems.push("The signature's Contents are not a hex string")
    return
  }
  const cms = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')
  checkCms(pdf, signature.byteRange, cms, report)
}

/** Every signature dictionary found by its /ByteRange key (objects in compressed object streams are not found). */
function findSignatures(pdf: Buffer): FoundSignature[] {
  const found: FoundSignature[] = []
  let at = pdf.indexOf('/ByteRange')
  while (at >= 0 && found.length < MAX_SIGNATURES) {
    const range = readByteRange(pdf, at + '/ByteRange'.length)
    if (range) found.push({ byteRange: range, dict: enclosingDictionary(pdf, at) })
    at = pdf.indexOf('/ByteRange', at + 1)
  }
  return found
}

function readByteRange(pdf: Buffer, at: number): [number, number, number, number] | null {
  try {
    // Four numbers fit in far less than this; a hostile file's endless array is not read past it.
    const value = new PdfReader(pdf.subarray(at, at + 256), 0).value()
    if (value.kind !== 'array' || value.items.length !== 4) return null
    const numbers = value.items.map(item => (item.kind === 'number' ? Number(item.text) : NaN))
    return numbers.every(n => Number.isSafeInteger(n) && n >= 0) ? (numbers as [number, number, number, number]) : null
  } catch {
    return null
  }
}

/**
 * The dictionary of the indirect object holding a key, found by the nearest "N G obj" before it (within a megabyte:
 * other signers may write a long /Contents before /ByteRange). Hex and the keys between hold no "obj" of their own.
 */
function enclosingDictionary(pdf: Buffer, at: number): Map<string, PdfValue> | null {
  const earliest = Math.max(0, at - MAX_SIGNATURE_DICTIONARY_BYTES)
  let searchFrom = at
  for (let tries = 0; tries < 64; tries++) {
    const objAt = pdf.lastIndexOf('obj', searchFrom)
    if (objAt < earliest || objAt < 0) return null
    const header = /(\d+)\s+(\d+)\s+$/.exec(pdf.toString('latin1', Math.max(0, objAt - 32), objAt))
    if (header) {
      try {
        // A signature dictionary with its Contents fits in a megabyte; nothing beyond is read.
        const reader = new PdfReader(pdf.subarray(0, Math.min(pdf.length, at + MAX_SIGNATURE_DICTIONARY_BYTES)), objAt - header[0].length)
        reader.objectHeader()
        const value = reader.value()
        return value.kind === 'dict' ? value.entries : null
      } catch {
        return null
      }
    }
    searchFrom = objAt - 1
  }
  return null
}

function checkCms(pdf: Buffer, byteRange: [number, number, number, number], cms: Buffer, report: PdfSignatureReport): void {
  const parsed = asn1js.fromBER(toArrayBuffer(cms))
  if (parsed.offset === -1) {
    report.problems.push("The signature's Contents are not a readable CMS signature (bad DER encoding)")
    return
  }
  let signedData: pkijs.SignedData
  try {
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result })
    if (contentInfo.contentType !== OID.signedData) throw new Error('not SignedData')
    signedData = new pkijs.SignedData({ schema: contentInfo.content })
  } catch {
    report.problems.push("The signature's Contents are not a CMS SignedData structure")
    return
  }
  if (signedData.signerInfos.length !== 1) {
    report.problems.push(`The CMS signature has ${signedData.signerInfos.length} signers; exactly one was expected`)
    return
  }
  const signerInfo = signedData.signerInfos[0]!
  const certificates = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
  const certificate = signerCertificate(signerInfo, certificates)
  if (!certificate) {
    report.problems.push("The signer's certificate is not included in the signature")
    return
  }
  const certificateDer = Buffer.from(certificate.toSchema().toBER(false))
  let x509: crypto.X509Certificate
  try {
    x509 = new crypto.X509Certificate(certificateDer)
  } catch {
    report.problems.push("The signer's certificate cannot be read")
    return
  }
  report.certificateFingerprintSha256 = x509.fingerprint256
  report.signer = { commonName: nameValue(certificate.subject, OID.commonName) ?? '', organization: nameValue(certificate.subject, OID.organization) }

  const digestName = DIGESTS[signerInfo.digestAlgorithm.algorithmId]
  if (!digestName) {
    report.problems.push(`The signature uses a digest algorithm this verifier does not support (${signerInfo.digestAlgorithm.algorithmId})`)
    return
  }
  const attributes = signerInfo.signedAttrs?.attributes ?? []
  if (!signerInfo.signedAttrs || attributes.length === 0) {
    report.problems.push('The CMS signature has no signed attributes (PAdES requires them)')
    return
  }
  const attribute = (type: string) => attributes.find(a => a.type === type)?.values[0]
  const messageDigest = attribute(OID.messageDigest)
  const contentType = attribute(OID.contentType)
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.data) {
    report.problems.push('The signed content-type attribute is missing or is not "data"')
  }
  const [start1, length1, start2, length2] = byteRange
  const digest = crypto
    .createHash(digestName)
    .update(pdf.subarray(start1, start1 + length1))
    .update(pdf.subarray(start2, start2 + length2))
    .digest()
  const digestMatches = messageDigest instanceof asn1js.OctetString && Buffer.from(messageDigest.valueBlock.valueHexView).equals(digest)
  if (!(messageDigest instanceof asn1js.OctetString)) report.problems.push('The signature has no message-digest attribute')
  else if (!digestMatches) report.problems.push("The file was changed after it was signed: the signed bytes no longer match the signature's digest")

  const signatureAlgorithm = signerInfo.signatureAlgorithm.algorithmId
  let signatureVerifies = false
  if (!SIGNATURE_ALGORITHMS.has(signatureAlgorithm)) {
    report.problems.push(`The signature uses an algorithm this verifier does not support (${signatureAlgorithm})`)
  } else {
    const signedBytes = Buffer.from(signerInfo.signedAttrs.encodedValue)
    signedBytes[0] = 0x31
    try {
      signatureVerifies = crypto.verify(digestName, signedBytes, x509.publicKey, Buffer.from(signerInfo.signature.valueBlock.valueHexView))
    } catch {
      signatureVerifies = false
    }
    if (!signatureVerifies)
      report.problems.push("The signature does not verify with the certificate's public key: the signed attributes or the signature were altered")
  }
  checkSigningCertificateAttribute(attribute(OID.signingCertificateV2), certificateDer, report)

  if (!report.signedAt) {
    const signingTime = attribute(OID.signingTime)
    if (signingTime instanceof asn1js.UTCTime || signingTime instanceof asn1js.GeneralizedTime) report.signedAt = signingTime.toDate().toISOString()
  }
  if (report.signedAt) {
    const at = new Date(report.signedAt)
    if (at < new Date(x509.validFrom) || at > new Date(x509.validTo)) {
      report.problems.push(
        `The certificate was not valid when the file says it was signed (${report.signedAt}; valid ${new Date(x509.validFrom).toISOString()} to ${new Date(x509.validTo).toISOString()})`
      )
    }
  }
  report.intact = digestMatches && signatureVerifies
}

function checkSigningCertificateAttribute(value: unknown, certificateDer: Buffer, report: PdfSignatureReport): void {
  if (value === undefined) {
    if (report.subFilter === 'ETSI.CAdES.detached')
      report.problems.push('The signature lacks the signing-certificate-v2 attribute that PAdES requires')
    return
  }
  try {
    const certs = (value as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence
    const first = certs.valueBlock.value[0] as asn1js.Sequence
    const parts = first.valueBlock.value
    // hashAlgorithm is optional (default SHA-256); certHash is the first OCTET STRING.
    const algorithm = parts[0] instanceof asn1js.Sequence ? new pkijs.AlgorithmIdentifier({ schema: parts[0] }).algorithmId : OID.sha256
    const hash = parts.find((part): part is asn1js.OctetString => part instanceof asn1js.OctetString)
    const digestName = DIGESTS[algorithm]
    if (!hash || !digestName) throw new Error('unreadable')
    if (!Buffer.from(hash.valueBlock.valueHexView).equals(crypto.createHash(digestName).update(certificateDer).digest())) {
      report.problems.push('The signing-certificate-v2 attribute names a different certificate from the one included')
    }
  } catch {
    report.problems.push('The signing-certificate-v2 attribute cannot be read')
  }
}

function signerCertificate(signerInfo: pkijs.SignerInfo, certificates: pkijs.Certificate[]): pkijs.Certificate | null {
  const sid: unknown = signerInfo.sid
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certificates.find(c => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null
  }
  // subjectKeyIdentifier [0]: match the certificate's extension.
  if (sid instanceof asn1js.BaseBlock) {
    const keyId = Buffer.from((sid as asn1js.OctetString).valueBlock.valueHexView ?? new Uint8Array())
    return (
      certificates.find(c => {
        const extension = c.extensions?.find(e => e.extnID === '2.5.29.14')
        const parsed = extension?.parsedValue as asn1js.OctetString | undefined
        return parsed !== undefined && Buffer.from(parsed.valueBlock.valueHexView).equals(keyId)
      }) ?? null
    )
  }
  return null
}

function nameValue(name: pkijs.RelativeDistinguishedNames, type: string): string | null {
  const entry = name.typesAndValues.find(t => t.type === type)
  const value = entry?.value.valueBlock as { value?: unknown } | undefined
  return typeof value?.value === 'string' ? value.value : null
}
