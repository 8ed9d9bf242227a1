import fs from 'node:fs'
import { resolveBundleRequest } from './app-protocol'
import { CONTENT_SECURITY_POLICY } from './content-security-policy'

/** Headers on every app:// answer, errors included, so no response ever goes out without the CSP. */
const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
}

/**
 * The app:// handler given to `protocol.handle`: serves files of the built
 * renderer and nothing else. No electron import, so tests drive it with
 * real Request objects.
 */
export function createAppProtocolHandler(rendererRoot: string): (request: Request) => Promise<Response> {
  return async request => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: SECURITY_HEADERS })
    let resolved: ReturnType<typeof resolveBundleRequest>
    try {
      resolved = resolveBundleRequest(rendererRoot, request.url)
    } catch {
      // A missing bundle folder or an unreadable path: answer, never crash the main process.
      return new Response(null, { status: 404, headers: SECURITY_HEADERS })
    }
    if (resolved.status !== 200) return new Response(null, { status: resolved.status, headers: SECURITY_HEADERS })
    const body = request.method === 'HEAD' ? null : await fs.promises.readFile(resolved.file)
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': resolved.contentType } })
  }
}
