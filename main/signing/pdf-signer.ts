import crypto from 'node:crypto'

/**
 * What signs a PDF: the signer's certificate (DER), the rest of its chain, and a function that signs bytes with
 * SHA-256 under the private key, which stays inside the closure and is never handed out.
 */
export interface PdfSigner {
  readonly certificate: Buffer
  /** Issuing certificates after the signer's own (empty for a self-signed identity). */
  readonly chain: readonly Buffer[]
  readonly keyType: 'rsa' | 'ec'
  sign(data: Buffer): Buffer
}

export class SigningKeyError extends Error {}

/** A signer for a private key and the certificate it belongs to; refuses a key that is not the certificate's. */
export function pdfSignerFor(privateKey: crypto.KeyObject, certificate: Buffer, chain: readonly Buffer[] = []): PdfSigner {
  const keyType = privateKey.asymmetricKeyType
  if (keyType !== 'rsa' && keyType !== 'ec') {
    throw new SigningKeyError(`The private key is ${keyType ?? 'of an unknown type'}; only RSA and ECDSA keys can sign PDFs here`)
  }
  const x509 = new crypto.X509Certificate(certificate)
  if (!x509.checkPrivateKey(privateKey)) throw new SigningKeyError('The private key does not belong to the certificate')
  return {
    certificate,
    chain,
    keyType,
    // RSA: PKCS #1 v1.5 (deterministic, accepted by every PDF reader); ECDSA: the DER form CMS expects.
    sign: data => crypto.sign('sha256', data, privateKey)
  }
}
