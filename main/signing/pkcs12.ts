import crypto from 'node:crypto'
import forge from 'node-forge'

/** The key and certificates read from a PKCS #12 (.p12 / .pfx) file. */
export interface Pkcs12Contents {
  privateKey: crypto.KeyObject
  /** The certificate the private key belongs to (DER). */
  certificate: Buffer
  /** The other certificates in the file, issuer first where that can be told (DER). */
  chain: Buffer[]
}

export class Pkcs12Error extends Error {
  constructor(
    readonly reason: 'wrong-password' | 'unreadable' | 'no-key' | 'no-certificate',
    message: string
  ) {
    super(message)
  }
}

const derOf = (node: forge.asn1.Asn1): Buffer => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary')

/**
 * Reads a PKCS #12 file with node-forge, which decrypts both what OpenSSL 3 writes (PBES2, AES-256, HMAC-SHA-256)
 * and the older 3DES/RC2 files Windows and Keychain still export. Keys come out as Node key objects.
 */
export function readPkcs12(bytes: Buffer, password: string): Pkcs12Contents {
  let p12: forge.pkcs12.Pkcs12Pfx
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')), false)
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password)
  } catch (error) {
    const message = (error as Error).message ?? ''
    if (/password|MAC|decrypt/i.test(message)) throw new Pkcs12Error('wrong-password', 'The password does not open this PKCS #12 file')
    throw new Pkcs12Error('unreadable', `The file is not a PKCS #12 file that can be read (${message || 'unknown structure'})`)
  }
  const keys: crypto.KeyObject[] = []
  const certificates: Buffer[] = []
  for (const bagType of [forge.pki.oids.pkcs8ShroudedKeyBag!, forge.pki.oids.keyBag!, forge.pki.oids.certBag!]) {
    for (const bag of p12.getBags({ bagType })[bagType] ?? []) {
      // forge decodes RSA keys and certificates; others (ECDSA) it leaves as ASN.1, which Node reads.
      const raw = bag as forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 }
      if (bagType === forge.pki.oids.certBag) {
        if (raw.cert) certificates.push(derOf(forge.pki.certificateToAsn1(raw.cert)))
        else if (raw.asn1) certificates.push(derOf(raw.asn1))
      } else if (raw.key) {
        keys.push(crypto.createPrivateKey(forge.pki.privateKeyToPem(raw.key)))
      } else if (raw.asn1) {
        keys.push(crypto.createPrivateKey({ key: derOf(raw.asn1), format: 'der', type: 'pkcs8' }))
      }
    }
  }
  if (keys.length === 0) throw new Pkcs12Error('no-key', 'The PKCS #12 file holds no private key')
  for (const key of keys) {
    const own = certificates.find(der => new crypto.X509Certificate(der).checkPrivateKey(key))
    if (own)
      return {
        privateKey: key,
        certificate: own,
        chain: orderChain(
          own,
          certificates.filter(der => der !== own)
        )
      }
  }
  throw new Pkcs12Error('no-certificate', 'The PKCS #12 file holds no certificate for its private key')
}

/** Issuer after subject, as far as the certificates given allow; the rest after, in file order. */
function orderChain(own: Buffer, others: Buffer[]): Buffer[] {
  const ordered: Buffer[] = []
  const left = [...others]
  let current = new crypto.X509Certificate(own)
  for (;;) {
    const index = left.findIndex(der => current.checkIssued(new crypto.X509Certificate(der)))
    if (index < 0 || current.subject === current.issuer) break
    const [issuer] = left.splice(index, 1)
    ordered.push(issuer!)
    current = new crypto.X509Certificate(issuer!)
  }
  return [...ordered, ...left]
}
