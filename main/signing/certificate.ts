import crypto from 'node:crypto'
import * as asn1js from 'asn1js'
import * as pkijs from 'pkijs'
import { OID } from './cms'

const toArrayBuffer = (bytes: Buffer): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer

export interface SelfSignedCertificateOptions {
  privateKey: crypto.KeyObject
  publicKey: crypto.KeyObject
  commonName: string
  organization: string
  notBefore: Date
  notAfter: Date
}

/** O then CN, each its own relative distinguished name (pkijs would put values given together into one multi-valued RDN). */
function distinguishedName(commonName: string, organization: string): pkijs.RelativeDistinguishedNames {
  const rdn = (type: string, value: string) =>
    new asn1js.Set({ value: [new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: type }), new asn1js.Utf8String({ value })] })] })
  const name = new asn1js.Sequence({ value: [rdn(OID.organization, organization), rdn(OID.commonName, commonName)] })
  return pkijs.RelativeDistinguishedNames.fromBER(name.toBER(false))
}

/** UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
const timeOf = (date: Date) => new pkijs.Time({ type: date.getUTCFullYear() < 2050 ? 0 : 1, value: date })

/**
 * A self-signed X.509 v3 certificate for signing documents: key usage digitalSignature and nonRepudiation
 * (contentCommitment), not a CA, no extended key usage (Acrobat accepts a certificate without one for signing).
 */
export function createSelfSignedCertificate(options: SelfSignedCertificateOptions): Buffer {
  const certificate = new pkijs.Certificate()
  certificate.version = 2
  const serial = crypto.randomBytes(16)
  serial[0] = (serial[0]! & 0x7f) | 0x40 // positive, and no leading zero byte to strip
  certificate.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) })
  certificate.subject = distinguishedName(options.commonName, options.organization)
  certificate.issuer = distinguishedName(options.commonName, options.organization)
  certificate.notBefore = timeOf(options.notBefore)
  certificate.notAfter = timeOf(options.notAfter)
  const spki = options.publicKey.export({ type: 'spki', format: 'der' })
  certificate.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(toArrayBuffer(spki))
  const keyIdentifier = crypto
    .createHash('sha1')
    .update(Buffer.from(certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView))
    .digest()
  // digitalSignature (bit 0) and nonRepudiation (bit 1): the DER bit string 03 02 06 C0.
  const keyUsage = new asn1js.BitString({ valueHex: new Uint8Array([0xc0]).buffer, unusedBits: 6 })
  certificate.extensions = [
    new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA: false }).toSchema().toBER(false) }),
    new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: keyUsage.toBER(false) }),
    new pkijs.Extension({ extnID: '2.5.29.14', extnValue: new asn1js.OctetString({ valueHex: toArrayBuffer(keyIdentifier) }).toBER(false) })
  ]
  const rsa = options.privateKey.asymmetricKeyType === 'rsa'
  const algorithm = () =>
    rsa
      ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() })
      : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 })
  certificate.signature = algorithm()
  certificate.signatureAlgorithm = algorithm()
  const tbs = Buffer.from(certificate.encodeTBS().toBER(false))
  certificate.tbsView = new Uint8Array(tbs)
  const signature = crypto.sign('sha256', tbs, options.privateKey)
  certificate.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(signature) })
  return Buffer.from(certificate.toSchema(false).toBER(false))
}
