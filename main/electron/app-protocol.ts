import fs from 'node:fs'
import path from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'bundle'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf'
}

export type BundleResolution = { status: 200; file: string; contentType: string } | { status: 400 | 403 | 404 }

/**
 * Maps an app:// URL to a file inside the built renderer folder, or refuses.
 * Pure except for reading the file system, so the traversal corpus can be
 * tested without Electron. Anything that would leave `root` (dot segments,
 * encoded separators, symlinks pointing out) is refused.
 */
export function resolveBundleRequest(root: string, requestUrl: string): BundleResolution {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return { status: 400 }
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 403 }

  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return { status: 400 }
  }
  // Encoded separators or NULs have no business in a bundle path.
  if (pathname.includes('\0') || pathname.includes('\\') || /%2f|%5c/i.test(url.pathname)) return { status: 400 }
  if (pathname.split('/').some(segment => segment === '..' || segment === '.')) return { status: 403 }

  const relative = pathname.replace(/^\/+/, '') || 'index.html'
  const realRoot = fs.realpathSync(root)
  const candidate = path.resolve(realRoot, relative)
  if (!isInside(realRoot, candidate)) return { status: 403 }

  let real: string
  try {
    real = fs.realpathSync(candidate)
  } catch {
    return { status: 404 }
  }
  if (!isInside(realRoot, real)) return { status: 403 }
  if (!fs.statSync(real).isFile()) return { status: 404 }
  const contentType = CONTENT_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream'
  return { status: 200, file: real, contentType }
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}
