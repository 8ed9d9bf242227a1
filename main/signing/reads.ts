/**
 * The signing feature's typed functions for other features: the identity as shown, a signer for the identity in
 * use (created on first use), the certificate to pin, and signing and checking a PDF.
 */
export { ensureSigningIdentity, exportCertificate, loadPdfSigner, readSigningIdentity } from './identity'
export type { PdfSigner } from './pdf-signer'
export { signPdf, type SignPdfOptions } from './sign-pdf'
export { verifyPdfSignature, type PdfSignatureReport } from './verify-signature'
