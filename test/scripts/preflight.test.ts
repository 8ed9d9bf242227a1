// `npm start`, `npm run dist` and the Electron SQLite build: what they check before the slow steps,
// and the one plain message (no stack trace, exit code 1) when Electron cannot be had.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  collectFacts,
  compareVersions,
  distFailedMessage,
  distPreflight,
  downloadFailedMessage,
  downloadFailureReason,
  electronCache,
  type Env,
  type Facts,
  isNetworkFailure,
  locateElectron,
  minimumVersion,
  sqliteBuildFailedMessage,
  startPreflight
} from '../../scripts/preflight.mjs'

const ROOT = path.resolve(__dirname, '../..')
const REAL_MODULES = path.join(ROOT, 'node_modules')
const electronPackage = JSON.parse(fs.readFileSync(path.join(REAL_MODULES, 'electron/package.json'), 'utf8')) as {
  version: string
  engines: { node: string }
}
const ELECTRON_VERSION = electronPackage.version
const REQUIRED = minimumVersion(electronPackage.engines.node)!
const REQUIRED_SHORT = REQUIRED.replace(/\.0$/, '')
const STACK_LINE = /^\s+at /m

const temps: string[] = []
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true })
})
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-preflight-'))
  temps.push(dir)
  return dir
}

/** Facts for the pure checks: this project's real versions, a stubbed Node version, environment and files. */
function factsFor({
  nodeVersion,
  env = {},
  pathTxt = null,
  files = []
}: {
  nodeVersion: string
  env?: Env
  pathTxt?: string | null
  files?: string[]
}): Facts {
  const real = collectFacts({ root: ROOT, env: {}, nodeVersion, platform: 'linux', arch: 'x64', home: '/home/user' })
  const electronDir = '/project/node_modules/electron'
  return {
    ...real,
    electron: locateElectron({ electronDir, pathTxt, env, platform: 'linux', exists: file => files.includes(file) }),
    cache: electronCache({ version: real.electronVersion, platform: 'linux', arch: 'x64', env, home: '/home/user' })
  }
}

describe('startPreflight (pure)', () => {
  it('reads the Node version Electron needs from its own engines field', () => {
    const facts = collectFacts({ root: ROOT, env: {}, nodeVersion: '22.12.0' })
    expect(facts.requiredNode).toBe(REQUIRED)
    expect(facts.electronVersion).toBe(ELECTRON_VERSION)
    expect(compareVersions(facts.requiredNode, '22.0.0')).toBeGreaterThanOrEqual(0)
  })

  it('on Node 20.20 without the Electron binary: says which Node is in use and which is needed, and what works anyway', () => {
    const message = startPreflight(factsFor({ nodeVersion: '20.20.0' }))
    expect(message).not.toBeNull()
    expect(message).toContain('Safeguard cannot start')
    expect(message).toContain(`Electron ${ELECTRON_VERSION} is not downloaded yet`)
    expect(message).toContain('This is Node.js 20.20.0')
    expect(message).toContain(`Node.js ${REQUIRED_SHORT} or newer`)
    // The supported ways around a blocked network.
    expect(message).toContain('ELECTRON_MIRROR')
    expect(message).toContain(`electron-v${ELECTRON_VERSION}-linux-x64.zip`)
    expect(message).toContain(path.posix.join('/home/user/.cache/electron', ''))
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH')
    // Everything else without Electron.
    expect(message).toContain('npx safeguard demo ./demo')
    expect(message).toContain('npx safeguard --help')
    expect(message).not.toMatch(STACK_LINE)
    expect(message!.split('\n').length).toBeLessThanOrEqual(16)
  })

  it('passes on Node 22.12 with the binary present (path.txt and dist/ as install.js leaves them)', () => {
    const facts = factsFor({ nodeVersion: '22.12.0', pathTxt: 'electron', files: ['/project/node_modules/electron/dist/electron'] })
    expect(facts.electron.present).toBe(true)
    expect(startPreflight(facts)).toBeNull()
  })

  it('passes on Node 22.12 without the binary: the launch downloads it', () => {
    expect(startPreflight(factsFor({ nodeVersion: '22.12.0' }))).toBeNull()
  })

  it('passes on Node 20 when the binary is already there: nothing needs downloading', () => {
    expect(
      startPreflight(factsFor({ nodeVersion: '20.20.0', pathTxt: 'electron', files: ['/project/node_modules/electron/dist/electron'] }))
    ).toBeNull()
  })

  it('treats path.txt without its executable as not downloaded, as node_modules/electron/index.js does', () => {
    const facts = factsFor({ nodeVersion: '20.20.0', pathTxt: 'electron' })
    expect(facts.electron.present).toBe(false)
    expect(startPreflight(facts)).toContain('is not downloaded yet')
  })

  it('honours ELECTRON_OVERRIDE_DIST_PATH like index.js: <folder>/<path.txt or "electron">, on any Node', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' }
    expect(startPreflight(factsFor({ nodeVersion: '20.20.0', env, files: ['/opt/electron/electron'] }))).toBeNull()
    const missing = startPreflight(factsFor({ nodeVersion: '20.20.0', env }))
    expect(missing).toContain('ELECTRON_OVERRIDE_DIST_PATH is /opt/electron')
    expect(missing).toContain('no Electron executable at /opt/electron/electron')
    expect(missing).toContain('npx safeguard demo ./demo')
  })

  it('says where Electron’s cache looks for the zip, following electron_config_cache, XDG_CACHE_HOME and the mirror', () => {
    const plain = electronCache({ version: ELECTRON_VERSION, platform: 'linux', arch: 'x64', env: {}, home: '/home/user' })
    expect(path.posix.dirname(plain.dir)).toBe('/home/user/.cache/electron')
    const folderUrl = `https://github.com/electron/electron/releases/download/v${ELECTRON_VERSION}`
    expect(path.posix.basename(plain.dir)).toBe(crypto.createHash('sha256').update(folderUrl).digest('hex'))
    const xdg = electronCache({ version: ELECTRON_VERSION, platform: 'linux', arch: 'x64', env: { XDG_CACHE_HOME: '/xdg' }, home: '/home/user' })
    expect(path.posix.dirname(xdg.dir)).toBe('/xdg/electron')
    const own = electronCache({ version: ELECTRON_VERSION, platform: 'linux', arch: 'x64', env: { electron_config_cache: '/c' }, home: '/home/user' })
    expect(path.posix.dirname(own.dir)).toBe('/c')
    const mirrored = electronCache({
      version: ELECTRON_VERSION,
      platform: 'linux',
      arch: 'x64',
      env: { ELECTRON_MIRROR: 'https://m.example/e/' },
      home: '/home/user'
    })
    expect(mirrored.dir).not.toBe(plain.dir)
    expect(mirrored.mirror).toBe('https://m.example/e/')
    const mac = electronCache({ version: ELECTRON_VERSION, platform: 'darwin', arch: 'arm64', env: {}, home: '/Users/u' })
    expect(mac.file).toBe(`electron-v${ELECTRON_VERSION}-darwin-arm64.zip`)
    expect(path.posix.dirname(mac.dir)).toBe('/Users/u/Library/Caches/electron')
  })
})

describe('failed download, SQLite build and dist messages (pure)', () => {
  it('turns a failed download into the same message, with the reason and no stack', () => {
    const reason = downloadFailureReason('TypeError: fetch failed\n    at node:internal/deps/undici/undici:1:1\n', 1)
    expect(reason).toBe('fetch failed')
    const message = downloadFailedMessage(factsFor({ nodeVersion: '22.12.0' }), reason)
    expect(message).toContain(`Electron ${ELECTRON_VERSION} could not be downloaded from github.com (fetch failed)`)
    expect(message).toContain('ELECTRON_MIRROR')
    expect(message).toContain('ELECTRON_OVERRIDE_DIST_PATH')
    expect(message).toContain('npx safeguard demo ./demo')
    expect(message).not.toMatch(STACK_LINE)
    expect(downloadFailureReason('', 3)).toContain('code 3')
  })

  it('recognises node-gyp’s own no-network error', () => {
    const source = fs.readFileSync(path.join(REAL_MODULES, 'node-gyp/lib/install.js'), 'utf8')
    const nodeGypText = /'(is related to network connectivity[^']*)'/.exec(source)?.[1]
    expect(nodeGypText).toBeTruthy()
    expect(isNetworkFailure(nodeGypText)).toBe(true)
    expect(isNetworkFailure('error: ‘sqlite3_key’ was not declared in this scope')).toBe(false)
  })

  it('explains a failed SQLite build for Electron the same way, mentioning Node only when it is too old', () => {
    const old = sqliteBuildFailedMessage(factsFor({ nodeVersion: '20.20.0' }), { network: true, log: '.electron-native/build-error.log' })
    expect(old).toContain(`SQLite could not be built for Electron ${ELECTRON_VERSION} (no network`)
    expect(old).toContain('this is 20.20.0')
    expect(old).toContain('.electron-native/build-error.log')
    expect(old).toContain('npx safeguard demo ./demo')
    const current = sqliteBuildFailedMessage(factsFor({ nodeVersion: '22.12.0' }), { network: false, log: '.electron-native/build-error.log' })
    expect(current).toContain('the build failed; its output is in .electron-native/build-error.log')
    expect(current).not.toContain('this is 22.12.0')
  })

  it('checks npm run dist the same way', () => {
    const message = distPreflight(factsFor({ nodeVersion: '20.20.0' }))
    expect(message).toContain('npm run dist cannot build the installers: this is Node.js 20.20.0')
    expect(message).toContain('-c.electronDist=')
    expect(message).toContain('npx safeguard demo ./demo')
    expect(distPreflight(factsFor({ nodeVersion: '22.12.0' }))).toBeNull()
    expect(distFailedMessage(factsFor({ nodeVersion: '22.12.0' }), 2)).toContain('electron-builder exited with code 2')
  })
})

// The real scripts, in a copy of the project with a stubbed Node version (process.versions.node set
// before the script runs) and, where a test wants it, the real node_modules/electron/install.js
// downloading from a port nothing listens on.
const stubNode = (version: string) =>
  `data:text/javascript,Object.defineProperty(process.versions,"node",{value:${encodeURIComponent(JSON.stringify(version))}})`

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function runNode(args: string[], env: Env, cwd: string): Promise<Run> {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(electron_|npm_config_electron|npm_package_config_electron|NODE_OPTIONS$|DEBUG$)/i.test(key))
  )
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...clean, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += String(chunk)))
    child.stderr.on('data', chunk => (stderr += String(chunk)))
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}

function writeExecutable(file: string, body: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 })
}

/** A copy of the project's scripts with the real electron package (no binary) and stub build steps. */
function project(): { dir: string; cache: string } {
  const dir = tempDir()
  fs.mkdirSync(path.join(dir, 'scripts'))
  for (const file of ['start-electron.mjs', 'dist.mjs', 'build-electron-native.mjs', 'preflight.mjs']) {
    fs.copyFileSync(path.join(ROOT, 'scripts', file), path.join(dir, 'scripts', file))
  }
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'))
  const electron = path.join(dir, 'node_modules', 'electron')
  fs.mkdirSync(electron, { recursive: true })
  for (const file of ['package.json', 'index.js', 'install.js', 'cli.js', 'checksums.json']) {
    fs.copyFileSync(path.join(REAL_MODULES, 'electron', file), path.join(electron, file))
  }
  // install.js's own dependencies, as installed.
  for (const scope of ['@electron', '@electron-internal']) {
    fs.symlinkSync(path.join(REAL_MODULES, scope), path.join(dir, 'node_modules', scope), 'dir')
  }
  // The build steps after the preflight, stubbed so a passing preflight is visible and fast.
  writeExecutable(path.join(dir, 'node_modules', '.bin', 'electron-vite'), 'echo "electron-vite-stub $*"')
  writeExecutable(path.join(dir, 'node_modules', '.bin', 'electron-builder'), 'echo "electron-builder-stub"; exit 4')
  fs.writeFileSync(path.join(dir, 'scripts', 'build-electron-native.mjs'), 'console.log("sqlite-stub")\n')
  return { dir, cache: path.join(dir, 'electron-cache') }
}

/** A TCP port nothing listens on: a download from it fails at once, as with no network. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise(resolve => server.close(resolve))
  return port
}

function electronCacheDir(message: string, file: string): string {
  const lines = message.split('\n')
  const index = lines.findIndex(line => line.includes(file))
  return lines[index + 1]!.trim()
}

describe.skipIf(process.platform === 'win32')('npm start (scripts/start-electron.mjs in a copy of the project)', () => {
  it('on Node 20.20 without Electron: the message, exit code 1, no stack trace, nothing built or downloaded', async () => {
    const { dir, cache } = project()
    const run = await runNode(['--import', stubNode('20.20.0'), 'scripts/start-electron.mjs'], { electron_config_cache: cache }, dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Safeguard cannot start')
    expect(run.stderr).toContain('This is Node.js 20.20.0')
    expect(run.stderr).toContain(`Node.js ${REQUIRED_SHORT} or newer`)
    expect(run.stderr).toContain('ELECTRON_MIRROR')
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH')
    expect(run.stderr).toContain(path.join(cache, ''))
    expect(run.stderr).toContain('npx safeguard demo ./demo')
    expect(run.stderr).toContain('npx safeguard --help')
    expect(run.stderr).not.toMatch(STACK_LINE)
    expect(run.stdout).not.toContain('Downloading')
    expect(run.stdout).not.toContain('electron-vite-stub')
  })

  it('on Node 22.12 with the download failing: the real install.js fails, the same message follows, before the build', async () => {
    const { dir, cache } = project()
    const mirror = `http://127.0.0.1:${await closedPort()}/`
    const run = await runNode(
      ['--import', stubNode('22.12.0'), 'scripts/start-electron.mjs'],
      { electron_config_cache: cache, ELECTRON_MIRROR: mirror },
      dir
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`Downloading Electron ${ELECTRON_VERSION}`)
    expect(run.stderr).toContain(`Safeguard cannot start: Electron ${ELECTRON_VERSION} could not be downloaded from ${mirror} (fetch failed)`)
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH')
    expect(run.stderr).toContain('npx safeguard demo ./demo')
    expect(run.stderr).not.toMatch(STACK_LINE)
    expect(run.stderr).not.toContain('Electron failed to install correctly')
    expect(run.stdout).not.toContain('electron-vite-stub')

    // The cache folder the message names is where Electron's own download looks.
    const file = `electron-v${ELECTRON_VERSION}-${process.platform}-${process.arch}.zip`
    const folder = electronCacheDir(run.stderr, file)
    expect(folder.startsWith(cache)).toBe(true)
    fs.mkdirSync(folder, { recursive: true })
    fs.writeFileSync(path.join(folder, file), 'not really a zip')
    const install = await runNode(
      [path.join(dir, 'node_modules/electron/install.js')],
      { electron_config_cache: cache, ELECTRON_MIRROR: mirror, DEBUG: '@electron/get:*' },
      dir
    )
    expect(install.code).toBe(1)
    expect(install.stderr).toContain('Cache hit')
  })

  it('on Node 22.12 with the binary present: no message, builds and launches that binary with the arguments', async () => {
    const { dir } = project()
    fs.writeFileSync(path.join(dir, 'node_modules/electron/path.txt'), 'electron')
    writeExecutable(path.join(dir, 'node_modules/electron/dist/electron'), 'echo "electron-stub $*"')
    const run = await runNode(['--import', stubNode('22.12.0'), 'scripts/start-electron.mjs', '--flag'], {}, dir)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('Downloading')
    expect(run.stdout.split('\n').filter(Boolean)).toEqual(['electron-vite-stub build', 'sqlite-stub', 'electron-stub . --flag'])
  })

  it('on Node 20 with ELECTRON_OVERRIDE_DIST_PATH at an Electron on the machine: runs that one', async () => {
    const { dir } = project()
    const local = path.join(dir, 'local-electron')
    writeExecutable(path.join(local, 'electron'), 'echo "local-electron $*"')
    const run = await runNode(['--import', stubNode('20.20.0'), 'scripts/start-electron.mjs'], { ELECTRON_OVERRIDE_DIST_PATH: local }, dir)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('local-electron .')
  })
})

describe.skipIf(process.platform === 'win32')('npm run dist and the SQLite build (real scripts in a copy of the project)', () => {
  it('npm run dist on Node 20.20: the message and exit code 1 before building', async () => {
    const { dir } = project()
    const run = await runNode(['--import', stubNode('20.20.0'), 'scripts/dist.mjs'], {}, dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('npm run dist cannot build the installers: this is Node.js 20.20.0')
    expect(run.stderr).toContain('npx safeguard demo ./demo')
    expect(run.stderr).not.toMatch(STACK_LINE)
    expect(run.stdout).not.toContain('electron-vite-stub')
  })

  it('npm run dist when electron-builder fails: its exit code and the same hints', async () => {
    const { dir } = project()
    const run = await runNode(['--import', stubNode('22.12.0'), 'scripts/dist.mjs'], {}, dir)
    expect(run.stdout).toContain('electron-builder-stub')
    expect(run.code).toBe(4)
    expect(run.stderr).toContain('electron-builder exited with code 4')
    expect(run.stderr).toContain('ELECTRON_MIRROR')
  })

  it('a SQLite build that fails for lack of network: one message, the stack only in the log', async () => {
    const { dir } = project()
    fs.copyFileSync(path.join(ROOT, 'scripts/build-electron-native.mjs'), path.join(dir, 'scripts/build-electron-native.mjs'))
    const sqlite = path.join(dir, 'node_modules/better-sqlite3-multiple-ciphers')
    fs.mkdirSync(sqlite, { recursive: true })
    fs.writeFileSync(path.join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3-multiple-ciphers', version: '0.0.1' }))
    // @electron/rebuild as it behaves when node-gyp cannot fetch Electron's headers: it prints node-gyp's
    // error with its stack, then rejects.
    fs.rmSync(path.join(dir, 'node_modules/@electron'))
    const rebuild = path.join(dir, 'node_modules/@electron/rebuild')
    fs.mkdirSync(rebuild, { recursive: true })
    fs.writeFileSync(
      path.join(rebuild, 'package.json'),
      JSON.stringify({ name: '@electron/rebuild', main: 'index.js', engines: { node: '>=22.12.0' } })
    )
    const nodeGyp = fs.readFileSync(path.join(REAL_MODULES, 'node-gyp/lib/install.js'), 'utf8')
    const networkError = /throw new Error\(('This is most likely[\s\S]*?')\)/.exec(nodeGyp)![1]!
    fs.writeFileSync(
      path.join(rebuild, 'index.js'),
      `exports.rebuild = async () => { console.error(new Error(${networkError})); throw new Error("node-gyp failed to rebuild") }\n`
    )
    const run = await runNode(['--import', stubNode('20.20.0'), 'scripts/build-electron-native.mjs'], {}, dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`SQLite could not be built for Electron ${ELECTRON_VERSION} (no network`)
    expect(run.stderr).toContain('this is 20.20.0')
    expect(run.stderr).toContain('npx safeguard demo ./demo')
    expect(run.stderr).not.toMatch(STACK_LINE)
    const log = fs.readFileSync(path.join(dir, '.electron-native/build-error.log'), 'utf8')
    expect(log).toContain('network connectivity')
    expect(log).toMatch(STACK_LINE)
  })
})
