import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveBundleRequest } from '../../main/electron/app-protocol'
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
    'not a url'
  ]

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
