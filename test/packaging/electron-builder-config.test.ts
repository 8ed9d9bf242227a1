import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PARSE_WORKER_BUNDLE } from '../../main/scanners/read/worker-scan-reader'

const ROOT = path.resolve(__dirname, '../..')
const require = createRequire(__filename)
// js-yaml comes with electron-builder (which reads this file with it); no types are installed, hence the cast.
const yaml = require('js-yaml') as { load(text: string): unknown }
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>
}

interface TargetEntry {
  target: string
  arch?: string[]
}
interface BuilderConfig {
  appId: string
  productName: string
  asar: boolean
  npmRebuild: boolean
  directories: { output: string; buildResources: string }
  files: string[]
  extraResources: { from: string; to: string }[]
  electronFuses: Record<string, boolean>
  win: { icon: string; target: (string | TargetEntry)[] }
  mac: { icon: string; target: (string | TargetEntry)[]; hardenedRuntime: boolean }
  linux: { icon: string; target: (string | TargetEntry)[] }
}

const config = yaml.load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string
  dependencies: Record<string, string>
}

const targetNames = (targets: (string | TargetEntry)[]) => targets.map(target => (typeof target === 'string' ? target : target.target))

/** A `files` glob like out/**\/* as a RegExp over paths relative to the project. */
function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\u0000/g, '(?:.*/)?')
  return new RegExp(`^${pattern}$`)
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined()
  })

  it('names the app and every installer target', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/)
    expect(config.productName).toBe('Safeguard')
    expect(targetNames(config.win.target)).toEqual(['nsis'])
    expect(targetNames(config.mac.target)).toEqual(['dmg'])
    expect(targetNames(config.linux.target).sort()).toEqual(['AppImage', 'deb'])
    expect(config.mac.hardenedRuntime).toBe(true)
  })

  it('points every platform at an icon that exists and is big enough', () => {
    for (const platform of [config.win, config.mac, config.linux]) {
      const icon = path.join(ROOT, platform.icon)
      expect(fs.existsSync(icon), platform.icon).toBe(true)
      const header = fs.readFileSync(icon).subarray(0, 24)
      expect(header.subarray(1, 4).toString('latin1')).toBe('PNG')
      // macOS needs at least 512x512.
      expect(header.readUInt32BE(16)).toBeGreaterThanOrEqual(512)
      expect(header.readUInt32BE(20)).toBeGreaterThanOrEqual(512)
    }
  })

  it('packs into an ASAR archive and never rebuilds native modules in node_modules', () => {
    expect(config.asar).toBe(true)
    expect(config.npmRebuild).toBe(false)
  })

  it('sets exactly the reviewed fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('ships the SQLite binding that scripts/build-electron-native.mjs writes', () => {
    expect(config.extraResources).toEqual([{ from: '.electron-native/better_sqlite3.node', to: 'native/better_sqlite3.node' }])
    const script = fs.readFileSync(path.join(ROOT, 'scripts/build-electron-native.mjs'), 'utf8')
    expect(script).toMatch(/const outDir = path\.join\(root, '\.electron-native'\)/)
    expect(script).toMatch(/const binary = path\.join\(outDir, 'better_sqlite3\.node'\)/)
    expect(script).toMatch(/fs\.copyFileSync\(built, binary\)/)
    // And the shell looks for it where electron-builder puts it.
    const shell = fs.readFileSync(path.join(ROOT, 'main/electron/index.ts'), 'utf8')
    expect(shell).toContain("path.join(process.resourcesPath, 'native', 'better_sqlite3.node')")
    expect(shell).toContain("path.join(app.getAppPath(), '.electron-native', 'better_sqlite3.node')")
  })

  it("keeps the Node build of SQLite, source maps and the command line's bundles out of the package", () => {
    expect(config.files).toContain('!**/*.map')
    expect(config.files).toEqual(expect.arrayContaining(['!out/cli/**/*', '!out/test-cli-*/**/*']))
    expect(config.files).toContain('!node_modules/better-sqlite3-multiple-ciphers/{build,deps,src}/**/*')
  })
})

describe('what electron-builder packs, after a build', () => {
  let outDir: string

  // Built into a temp folder standing in for out/ (same layout), so the shared out/ is never touched.
  beforeAll(() => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-pack-'))
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

  const REQUIRED = ['out/main/index.js', `out/main/${PARSE_WORKER_BUNDLE}`, 'out/preload/index.js', 'out/renderer/index.html']

  it.each(REQUIRED)('%s is produced and matched by the files list', file => {
    expect(fs.existsSync(path.join(outDir, file.replace(/^out\//, ''))), file).toBe(true)
    const included = config.files.filter(glob => !glob.startsWith('!')).some(glob => globToRegExp(glob).test(file))
    const excluded = config.files.filter(glob => glob.startsWith('!')).some(glob => globToRegExp(glob.slice(1)).test(file))
    expect(included && !excluded).toBe(true)
  })

  it('starts from package.json "main", which is one of them', () => {
    expect(REQUIRED).toContain(packageJson.main)
  })

  it('finds the preload and renderer where the shell looks for them', () => {
    const shell = fs.readFileSync(path.join(ROOT, 'main/electron/index.ts'), 'utf8')
    expect(shell).toContain("path.join(__dirname, '../preload/index.js')")
    expect(shell).toContain("path.join(__dirname, '../renderer')")
    // The bundled main process never reaches outside out/ for code.
    const main = fs.readFileSync(path.join(outDir, 'main/index.js'), 'utf8')
    expect(main).not.toMatch(/require\(["']\.\.\/\.\.\//)
  })

  it('finds the scanner-reading worker where the import looks for it (beside the main bundle)', () => {
    const main = fs.readFileSync(path.join(outDir, 'main/index.js'), 'utf8')
    expect(main).toContain(PARSE_WORKER_BUNDLE)
    expect(fs.readFileSync(path.join(outDir, 'main', PARSE_WORKER_BUNDLE), 'utf8')).toMatch(/worker_threads/)
  })

  it('needs at run time only Node built-ins, electron and production dependencies (devDependencies are not packed)', () => {
    // The entry, the scanner-reading worker and the chunks they share.
    const main = fs
      .readdirSync(path.join(outDir, 'main'), { recursive: true, encoding: 'utf8' })
      .filter(file => file.endsWith('.js'))
      .map(file => fs.readFileSync(path.join(outDir, 'main', file), 'utf8'))
      .join('\n')
    const packages = [...main.matchAll(/require\(["']([^"'.][^"']*)["']\)/g)].map(match => match[1]!)
    const packageName = (specifier: string) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/')
    const missing = packages.filter(
      specifier => !specifier.startsWith('node:') && specifier !== 'electron' && !(packageName(specifier) in packageJson.dependencies)
    )
    expect(missing).toEqual([])
    expect(packages).toContain('better-sqlite3-multiple-ciphers')
  })

  it('bundles the preload as one CommonJS file that needs nothing but electron (sandboxed preloads cannot require packages)', () => {
    const preload = fs.readFileSync(path.join(outDir, 'preload/index.js'), 'utf8')
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map(match => match[1])
    expect(required).toEqual(['electron'])
  })
})
