/**
 * The renderer's Content-Security-Policy, sent as a header by the app://
 * protocol and repeated in index.html. Scripts only from the bundle, no
 * eval, no network: connect-src allows only the app's own origin.
 * style-src allows inline styles because the accessible primitives (Radix)
 * inject small <style> elements for scroll locking; styles cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ')
