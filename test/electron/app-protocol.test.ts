import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveBundleRequest } from '../../main/electron/app-protocol'
import { createAppProtocolHandler } from '../../main/electron/app-protocol-handler'
import { CONTENT_SECURITY_POLICY } from '../../main/electron/content-security-policy'
import { tempDir } from '../helpers/workspace'

function makeBundle() {
  const dir = tempDir()
  const root = path.join(dir, 'renderer')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html>')
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)')
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside the bundle')
  fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'assets', 'link.js'))
  fs.symlinkSync(dir, path.join(root, 'up'))
  // More ways out: an absolute link to a system file, a relative link, a chain of links, a dangling link.
  fs.symlinkSync('/etc/passwd', path.join(root, 'passwd.html'))
  fs.symlinkSync('../../secret.txt', path.join(root, 'assets', 'relative.js'))
  fs.symlinkSync(path.join(root, 'assets', 'link.js'), path.join(root, 'chain.js'))
  fs.symlinkSync(path.join(dir, 'gone.txt'), path.join(root, 'dangling.js'))
  fs.mkdirSync(path.join(dir, 'renderer-evil'))
  fs.writeFileSync(path.join(dir, 'renderer-evil', 'index.html'), 'a sibling folder whose name starts like the bundle')
  return { root, dir }
}

describe('app:// protocol', () => {
  it('serves files inside the bundle with their content type', () => {
    const { root } = makeBundle()
    expect(resolveBundleRequest(root, 'app://bundle/index.html')).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' })
    expect(resolveBundleRequest(root, 'app://bundle/')).toMatchObject({ status: 200, file: fs.realpathSync(path.join(root, 'index.html')) })
    expect(resolveBundleRequest(root, 'app://bundle/assets/app.js')).toMatchObject({ status: 200 })
    expect(resolveBundleRequest(root, 'app://bundle/assets/missing.js')).toEqual({ status: 404 })
  })

  const escapes = [
    'app://bundle/../secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2e%2e%2fsecret.txt',
    'app://bundle/%252e%252e/secret.txt',
    'app://bundle/assets/../../secret.txt',
    'app://bundle/assets/%2e%2e/%2e%2e/secret.txt',
    'app://bundle/..\\secret.txt',
    'app://bundle/%5c..%5csecret.txt',
    'app://bundle/assets%2f..%2f..%2fsecret.txt',
    'app://bundle//etc/passwd',
    'app://bundle/%2fetc%2fpasswd',
    'app://bundle/etc/passwd%00.html',
    'app://bundle/index.html%00',
    'app://bundle/assets/link.js',
    'app://bundle/up/secret.txt',
    'app://bundle/up/renderer/index.html',
    'app://bundle/%',
    'app://bundle/%zz',
    'app://evil/index.html',
    'app://bundle.evil/index.html',
    'app://localhost/index.html',
    'app:///index.html',
    'file:///etc/passwd',
    'http://bundle/index.html',
    'https://example.com/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://bundle/./././../secret.txt',
    'app://bundle/assets/.%2e/.%2e/secret.txt',
    'app://bundle/%c0%ae%c0%ae/secret.txt',
    'app://bundle/\u2025/secret.txt',
    'not a url',
    'app://bundle/passwd.html',
    'app://bundle/assets/relative.js',
    'app://bundle/chain.js',
    'app://bundle/dangling.js',
    'app://bundle/up',
    'app://bundle/up/',
    'app://bundle/../renderer-evil/index.html',
    'app://bundle/%2e%2e/renderer-evil/index.html',
    'app://bundle/..%5crenderer-evil%5cindex.html',
    'app://bundle/%2E%2E/%2E%2E/etc/passwd',
    'app://bundle/.%2E/secret.txt',
    'app://bundle/%2e./secret.txt',
    'app://bundle/%252e%252e%252fsecret.txt',
    'app://bundle/%25%32%65%25%32%65/secret.txt',
    'app://bundle/..%00/secret.txt',
    'app://bundle/%00',
    'app://bundle/assets/..;/..;/secret.txt',
    'app://bundle/C:%5cWindows%5cwin.ini',
    'app://bundle/c:/windows/win.ini',
    'app://bundle/%5c%5cserver%5cshare%5cx',
    'app://bundle/\\\\server\\share\\x',
    'app://bundle/..%c0%afsecret.txt',
    'app://bundle/%e0%80%ae%e0%80%ae/secret.txt',
    'app://bundle/.../secret.txt',
    'app://bundle/assets',
    'app://bundle/assets/',
    'app://bundle@evil/index.html',
    'app://evil@bundle/../secret.txt',
    'app://bundle:80/../secret.txt',
    'APP://BUNDLE/../secret.txt',
    'app://bundle/' + '../'.repeat(40) + 'etc/passwd',
    'app://bundle/' + 'a/'.repeat(2000) + 'index.html'
  ]

  it('tries at least 50 ways out', () => {
    expect(escapes.length).toBeGreaterThanOrEqual(50)
  })

  it.each(escapes)('never serves anything outside the bundle for %s', url => {
    const { root, dir } = makeBundle()
    const result = resolveBundleRequest(root, url)
    if (result.status === 200) {
      // Only a file genuinely inside the bundle may ever be served.
      expect(path.relative(fs.realpathSync(root), result.file).startsWith('..')).toBe(false)
      expect(result.file).not.toBe(fs.realpathSync(path.join(dir, 'secret.txt')))
    } else {
      expect([400, 403, 404]).toContain(result.status)
    }
  })
})

describe('app:// handler responses', () => {
  const urls = [
    'app://bundle/',
    'app://bundle/index.html',
    'app://bundle/assets/app.js',
    'app://bundle/missing.html',
    'app://bundle/../secret.txt',
    'app://evil/index.html',
    'app://bundle/passwd.html'
  ]

  it.each(urls)('%s carries the CSP whatever the answer', async url => {
    const { root } = makeBundle()
    const response = await createAppProtocolHandler(root)(new Request(url))
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
  })

  it('serves HTML with its content type and body, and nothing outside', async () => {
    const { root } = makeBundle()
    const handler = createAppProtocolHandler(root)
    const page = await handler(new Request('app://bundle/index.html'))
    expect(page.status).toBe(200)
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8')
    expect(await page.text()).toBe('<!doctype html>')
    const secret = await handler(new Request('app://bundle/assets/link.js'))
    expect(secret.status).toBe(403)
    expect(await secret.text()).toBe('')
  })

  it('refuses writes and answers 404 when the bundle folder is missing', async () => {
    const { root, dir } = makeBundle()
    expect((await createAppProtocolHandler(root)(new Request('app://bundle/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
    expect((await createAppProtocolHandler(path.join(dir, 'nowhere'))(new Request('app://bundle/index.html'))).status).toBe(404)
  })
})
