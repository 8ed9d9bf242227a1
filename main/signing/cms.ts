import crypto from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import type { PdfSigner } from './pdf-signer'

/** Object identifiers the signature is made of (RFC 5652, RFC 5035, RFC 5754, RFC 8017, RFC 5758). */
export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  sha384WithRsa: '1.2.840.113549.1.1.12',
  sha512WithRsa: '1.2.840.113549.1.1.13',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  ecdsaWithSha384: '1.2.840.10045.4.3.3',
  ecdsaWithSha512: '1.2.840.10045.4.3.4',
  commonName: '2.5.4.3',
  organization: '2.5.4.10'
} as const

const toArrayBuffer = (bytes: Buffer): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

/** ESS signing-certificate-v2 (RFC 5035): the SHA-256 of the signer's certificate (hash algorithm left at its default). */
function signingCertificateV2(certificate: Buffer): asn1js.Sequence {
  const certHash = crypto.createHash('sha256').update(certificate).digest()
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) })] })
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })
}

/** DER requires a SET OF to be sorted by the encodings of its members. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map(attribute => ({ attribute, der: Buffer.from(attribute.toSchema().toBER(false)) }))
  return encoded.sort((a, b) => Buffer.compare(a.der, b.der)).map(entry => entry.attribute)
}

/**
 * A detached CMS SignedData over a digest (PAdES baseline B-B, ETSI EN 319 142-1): signed attributes content-type,
 * message-digest and signing-certificate-v2, no signing-time (PAdES puts the time in the signature dictionary's /M),
 * and the certificate chain.
 */
export function buildCmsSignature(digest: Buffer, signer: PdfSigner): Buffer {
  const certificates = [signer.certificate, ...signer.chain].map(der => pkijs.Certificate.fromBER(toArrayBuffer(der)))
  const own = certificates[0]!
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: derSorted([
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signer.certificate)] })
    ])
  })
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] they are stored under.
  const toSign = Buffer.from(signedAttrs.toSchema().toBER(false))
  toSign[0] = 0x31
  const signature = signer.sign(toSign)
  const sha256 = () => new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: own.issuer, serialNumber: own.serialNumber }),
    digestAlgorithm: sha256(),
    signedAttrs,
    signatureAlgorithm:
      signer.keyType === 'rsa'
        ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() })
        : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 }),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) })
  })
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates,
    signerInfos: [signerInfo]
  })
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) })
  return Buffer.from(contentInfo.toSchema().toBER(false))
}
