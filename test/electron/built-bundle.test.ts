import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../main/electron/content-security-policy'

const ROOT = path.resolve(__dirname, '../..')
const ALLOW_LIST = JSON.parse(fs.readFileSync(path.join(__dirname, 'bundle-url-allow-list.json'), 'utf8')) as {
  prefix: string
  reason: string
}[]
let outDir: string

/** Directive name → sorted sources, so two policies compare regardless of order and spacing. */
function parsePolicy(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map(part => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources.sort()])
  )
}

/** frame-ancestors is ignored in a <meta> policy (CSP3), so only the header can carry it. */
function withoutMetaIgnored(policy: Record<string, string[]>): Record<string, string[]> {
  const { 'frame-ancestors': _ignored, ...rest } = policy
  return rest
}

function metaPolicy(html: string): string {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)
  if (!match) throw new Error('no CSP meta tag')
  return match[1]!
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .map(entry => path.join(entry.parentPath, entry.name))
}

// Builds into a temp folder (about 3 s) so the test checks today's sources and never touches the shared out/.
beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-build-'))
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', outDir, '--logLevel', 'error'],
    {
      cwd: ROOT,
      stdio: 'pipe'
    }
  )
}, 120_000)

afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }))

describe('content security policy in the page', () => {
  it('renderer/index.html repeats the policy the app:// handler sends', () => {
    const source = fs.readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8')
    expect(withoutMetaIgnored(parsePolicy(metaPolicy(source)))).toEqual(withoutMetaIgnored(parsePolicy(CONTENT_SECURITY_POLICY)))
  })

  it('the built page keeps it', () => {
    const built = fs.readFileSync(path.join(outDir, 'renderer/index.html'), 'utf8')
    const policy = parsePolicy(metaPolicy(built))
    expect(withoutMetaIgnored(policy)).toEqual(withoutMetaIgnored(parsePolicy(CONTENT_SECURITY_POLICY)))
    expect(policy['script-src']).toEqual(["'self'"])
  })
})

describe('built bundle', () => {
  it('has the three entry points electron-builder packs', () => {
    for (const file of ['main/index.js', 'preload/index.js', 'renderer/index.html']) expect(fs.existsSync(path.join(outDir, file)), file).toBe(true)
  })

  it('has no inline script or inline event handler in any HTML file', () => {
    const pages = filesUnder(outDir).filter(file => file.endsWith('.html'))
    expect(pages.length).toBeGreaterThan(0)
    for (const page of pages) {
      const html = fs.readFileSync(page, 'utf8')
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
      expect(scripts.length, page).toBeGreaterThan(0)
      for (const [, attributes, body] of scripts) {
        expect(attributes, page).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/)
        expect(body!.trim(), page).toBe('')
      }
      expect(html, page).not.toMatch(/\son[a-z]+\s*=/i)
      expect(html, page).not.toMatch(/javascript:/i)
    }
  })

  it('loads scripts and styles from the bundle only', () => {
    const html = fs.readFileSync(path.join(outDir, 'renderer/index.html'), 'utf8')
    for (const [, url] of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) expect(url).toMatch(/^\.\/assets\//)
  })

  it('names no remote origin except reviewed documentation links and identifiers', () => {
    const hostPattern = /\b(?:https?|wss?|ftp):\/\/(?:localhost|\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:]+\]|[a-z0-9-]+(?:\.[a-z0-9-]+)+)[^\s"'`<>)\\]*/gi
    const unexpected = new Set<string>()
    const used = new Set<string>()
    for (const file of filesUnder(outDir)) {
      for (const [url] of fs.readFileSync(file, 'utf8').matchAll(hostPattern)) {
        const entry = ALLOW_LIST.find(candidate => url.startsWith(candidate.prefix))
        if (entry) used.add(entry.prefix)
        else unexpected.add(`${path.relative(outDir, file)}: ${url}`)
      }
    }
    expect([...unexpected]).toEqual([])
    // A stale entry would let a future remote URL with that prefix slip in unreviewed.
    expect(ALLOW_LIST.map(entry => entry.prefix).filter(prefix => !used.has(prefix))).toEqual([])
  })
})
