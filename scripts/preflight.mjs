// What `npm start` and `npm run dist` need before the slow steps, and one plain
// message when something is missing. The checks are pure functions of facts
// (Node version, environment, what exists on disk) so they are unit-tested;
// `collectFacts()` gathers those facts for the scripts.
//
// How node_modules/electron finds its binary (electron 42, index.js and install.js):
// - ELECTRON_OVERRIDE_DIST_PATH set: it runs <that folder>/<path.txt or "electron"> and never downloads.
// - otherwise path.txt names the executable under dist/; when path.txt or that file is missing it runs
//   install.js, which downloads electron-v<version>-<platform>-<arch>.zip with @electron/get (Node 22.12+,
//   the package's engines field) from ELECTRON_MIRROR or github.com, unless the zip is already in
//   Electron's cache (<cache root>/<sha256 of the download folder URL>/<zip>), checks it against
//   checksums.json and unpacks it into dist/.
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const ELECTRON_RELEASES = 'https://github.com/electron/electron/releases/download/'

/** '>= 22.12.0', '>=20.19', '^20.19.0 || >=22.12.0' → the lowest version named ('22.12.0', '20.19.0'), or null. */
export function minimumVersion(range) {
  if (typeof range !== 'string') return null
  const versions = [...range.matchAll(/(\d+)\.(\d+)(?:\.(\d+))?/g)].map(m => `${m[1]}.${m[2]}.${m[3] ?? 0}`)
  return versions.sort(compareVersions)[0] ?? null
}

/** Compares 'x.y.z' versions (a leading 'v' and anything after a '-' are ignored). */
export function compareVersions(a, b) {
  const parts = v =>
    String(v)
      .replace(/^v/, '')
      .split('-')[0]
      .split('.')
      .map(n => Number.parseInt(n, 10) || 0)
  const [x, y] = [parts(a), parts(b)]
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0)
    if (d !== 0) return d < 0 ? -1 : 1
  }
  return 0
}

const pathFor = platform => (platform === 'win32' ? path.win32 : path.posix)

/** The executable inside an Electron zip, as install.js writes it to path.txt. */
export function electronPlatformPath(platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

/**
 * Which Electron executable `npm start` would run, the way node_modules/electron/index.js picks it.
 * `pathTxt` is the content of node_modules/electron/path.txt (null when absent); `exists(file)` tells
 * whether a file exists.
 */
export function locateElectron({ electronDir, pathTxt, env, platform, exists }) {
  const p = pathFor(platform)
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  if (override) {
    const executable = p.join(override, pathTxt || 'electron')
    return { executable, present: exists(executable), override }
  }
  const executable = p.join(electronDir, 'dist', pathTxt || electronPlatformPath(platform))
  return { executable, present: Boolean(pathTxt) && exists(executable), override: null }
}

// @electron/get reads its mirror settings from npm config, package.json config or ELECTRON_* variables.
function mirrorSetting(env, name) {
  const snake = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()
  return (
    env[`npm_config_electron_${name.toLowerCase()}`] ||
    env[`NPM_CONFIG_ELECTRON_${snake.toUpperCase()}`] ||
    env[`npm_config_electron_${snake}`] ||
    env[`npm_package_config_electron_${name}`] ||
    env[`npm_package_config_electron_${snake}`] ||
    env[`ELECTRON_${snake.toUpperCase()}`] ||
    null
  )
}

/**
 * Where Electron's own cache keeps the zip for this version, so that a zip copied there is used
 * instead of a download (same rules as @electron/get: cache root from electron_config_cache or the
 * platform's cache folder, then the sha256 of the download folder URL).
 */
export function electronCache({ version, platform, arch, env, home }) {
  const p = pathFor(platform)
  const installPlatform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || platform
  const installArch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || arch
  const tag = `v${String(version).replace(/^v/, '')}`
  const file = mirrorSetting(env, 'customFilename') || `electron-${tag}-${installPlatform}-${installArch}.zip`
  const folder = (mirrorSetting(env, 'customDir') || tag).replace('{{ version }}', tag.slice(1))
  const mirror = mirrorSetting(env, 'mirror')
  let hash = '<sha256 of the download folder URL>'
  try {
    const url = new URL(`${mirror || ELECTRON_RELEASES}${folder}/${file}`)
    url.hash = ''
    url.search = ''
    url.pathname = path.posix.dirname(url.pathname)
    hash = crypto.createHash('sha256').update(url.toString()).digest('hex')
  } catch {
    // A mirror that is not a URL: @electron/get will say so when it tries.
  }
  const root =
    env.electron_config_cache ||
    (platform === 'darwin'
      ? p.join(home, 'Library', 'Caches', 'electron')
      : platform === 'win32'
        ? p.join(env.LOCALAPPDATA || p.join(home, 'AppData', 'Local'), 'electron', 'Cache')
        : p.join(env.XDG_CACHE_HOME || p.join(home, '.cache'), 'electron'))
  const dir = p.join(root, hash)
  return { file, dir, path: p.join(dir, file), mirror }
}

/** The facts the checks below take, read from this machine. */
export function collectFacts({
  root,
  env = process.env,
  nodeVersion = process.versions.node,
  platform = process.platform,
  arch = process.arch,
  home = os.homedir()
}) {
  const readJson = file => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'))
    } catch {
      return {}
    }
  }
  const electronDir = path.join(root, 'node_modules', 'electron')
  const electronPackage = readJson(path.join(electronDir, 'package.json'))
  const projectPackage = readJson(path.join(root, 'package.json'))
  let pathTxt = null
  try {
    pathTxt = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8')
  } catch {
    // Not downloaded yet.
  }
  const electronVersion = electronPackage.version ?? 'unknown'
  return {
    nodeVersion,
    // Electron's own engines field: what its first-launch download needs.
    requiredNode: minimumVersion(electronPackage.engines?.node) ?? '22.12.0',
    // What @electron/rebuild (the SQLite build for Electron) asks for.
    rebuildNode: minimumVersion(readJson(path.join(root, 'node_modules', '@electron', 'rebuild', 'package.json')).engines?.node) ?? '22.12.0',
    // What the CLI and tests need (this project's engines field).
    cliNode: minimumVersion(projectPackage.engines?.node) ?? '20.19.0',
    electronVersion,
    platform,
    electron: locateElectron({ electronDir, pathTxt, env, platform, exists: file => fs.existsSync(file) }),
    cache: electronCache({ version: electronVersion, platform, arch, env, home })
  }
}

const nodeTooOld = (facts, required = facts.requiredNode) => compareVersions(facts.nodeVersion, required) < 0

function withoutElectron(facts) {
  const header =
    compareVersions(facts.nodeVersion, facts.cliNode) < 0
      ? `Everything else works without Electron, on Node.js ${shortVersion(facts.cliNode)} or newer:`
      : 'Everything else works without Electron:'
  return [header, '  npx safeguard demo ./demo   makes the demo workspace and all its documents', '  npx safeguard --help        lists every command']
}

/** '22.12.0' → '22.12' for messages. */
export function shortVersion(version) {
  return String(version)
    .replace(/^v/, '')
    .replace(/^(\d+\.\d+)\.0$/, '$1')
}

function electronMessage(facts, problem) {
  const v = facts.electronVersion
  const required = shortVersion(facts.requiredNode)
  let ways
  if (facts.electron.override) {
    ways = [
      'To go on, either:',
      `  - point ELECTRON_OVERRIDE_DIST_PATH at the folder that holds Electron ${v}'s executable;`,
      '  - or unset it, and `npm start` downloads Electron once. That needs Node.js ' + required + ' or newer',
      `    (this is ${facts.nodeVersion}) and github.com, or ELECTRON_MIRROR set to a mirror of Electron's`,
      `    releases, or ${facts.cache.file} copied into Electron's cache:`,
      `    ${facts.cache.dir}`
    ]
  } else if (nodeTooOld(facts)) {
    ways = [
      'To go on, either:',
      `  - use Node.js ${required} or newer and run \`npm start\` again. It downloads Electron once`,
      "    from github.com (or ELECTRON_MIRROR, a mirror of Electron's releases), or takes",
      `    ${facts.cache.file} from Electron's cache if you copy it into`,
      `    ${facts.cache.dir}`,
      `  - or set ELECTRON_OVERRIDE_DIST_PATH to the folder of an Electron ${v} already on this`,
      '    machine: Electron is not downloaded then, and this Node.js will do.'
    ]
  } else {
    ways = [
      'To go on, any one of:',
      '  - run `npm start` again where github.com can be reached (once; later starts work offline);',
      "  - set ELECTRON_MIRROR to a mirror of Electron's releases that you can reach;",
      `  - copy ${facts.cache.file} into Electron's cache:`,
      `    ${facts.cache.dir}`,
      `  - set ELECTRON_OVERRIDE_DIST_PATH to the folder of an Electron ${v} already on this machine.`
    ]
  }
  return [`Safeguard cannot start: ${problem}`, '', ...ways, '', ...withoutElectron(facts)].join('\n')
}

/** Before `npm start` builds anything: null when Electron can be run or downloaded, else the message. */
export function startPreflight(facts) {
  const { electron } = facts
  if (electron.override && !electron.present) {
    return electronMessage(
      facts,
      `ELECTRON_OVERRIDE_DIST_PATH is ${electron.override},\nbut there is no Electron executable at ${electron.executable}.`
    )
  }
  if (electron.present) return null
  if (nodeTooOld(facts)) {
    return electronMessage(
      facts,
      `Electron ${facts.electronVersion} is not downloaded yet, and downloading it\n` +
        `needs Node.js ${shortVersion(facts.requiredNode)} or newer. This is Node.js ${facts.nodeVersion}.`
    )
  }
  return null
}

/** The first line of a failed download's error output, without its stack ("fetch failed"). */
export function downloadFailureReason(stderr, status) {
  const line = String(stderr ?? '')
    .split(/\r?\n/)
    .map(l => l.trim())
    .find(l => l && !l.startsWith('at '))
  if (!line) return `the download exited with code ${status ?? 'unknown'}`
  return line.replace(/^[A-Za-z]*Error:\s*/, '')
}

/** After node_modules/electron/install.js failed at launch time. */
export function downloadFailedMessage(facts, reason) {
  const where = facts.cache.mirror ? `from ${facts.cache.mirror}` : 'from github.com'
  return electronMessage(facts, `Electron ${facts.electronVersion} could not be downloaded ${where} (${reason}).`)
}

// What a failed node-gyp or prebuild download prints when there is no network.
const NETWORK_FAILURE =
  /network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|fetch failed|getaddrinfo|socket hang up/i

/** Whether a failed native build's output says the network was the problem. */
export function isNetworkFailure(output) {
  return NETWORK_FAILURE.test(String(output ?? ''))
}

/** After scripts/build-electron-native.mjs could not build SQLite for Electron's ABI. */
export function sqliteBuildFailedMessage(facts, { network, log }) {
  const v = facts.electronVersion
  const cause = network ? "no network: Electron's headers could not be downloaded" : `the build failed; its output is in ${log}`
  const lines = [
    `SQLite could not be built for Electron ${v} (${cause}).`,
    '',
    'This happens once, into .electron-native/; later starts work offline. It needs the network',
    '(a prebuilt binary from github.com, or the Electron headers from electronjs.org, kept in',
    '~/.electron-gyp) and a C++ toolchain (Python 3, make and a C++ compiler, or Visual Studio).'
  ]
  if (nodeTooOld(facts, facts.rebuildNode)) {
    lines.push(`@electron/rebuild, which builds it, supports Node.js ${shortVersion(facts.rebuildNode)} or newer; this is ${facts.nodeVersion}.`)
  }
  if (network && log) lines.push(`Full output: ${log}`)
  lines.push('The SQLite build that the CLI and `npm test` use is not affected.', '', ...withoutElectron(facts))
  return lines.join('\n')
}

function distWays(facts) {
  const v = facts.electronVersion
  return [
    `Packaging needs the network once: Electron ${v} and electron-builder's tools are downloaded into`,
    'their caches, and SQLite is built for Electron. Without github.com: ELECTRON_MIRROR (a mirror of',
    "Electron's releases) and ELECTRON_BUILDER_BINARIES_MIRROR, or Electron given directly:",
    `  npm run dist -- -c.electronDist=<${facts.cache.file} or an unpacked Electron folder>`
  ]
}

/** Before `npm run dist` builds anything. */
export function distPreflight(facts) {
  if (!nodeTooOld(facts, facts.rebuildNode)) return null
  const required = shortVersion(facts.rebuildNode)
  return [
    `npm run dist cannot build the installers: this is Node.js ${facts.nodeVersion}, and packaging`,
    `needs Node.js ${required} or newer (@electron/rebuild, which builds SQLite for Electron, asks for it).`,
    '',
    `To go on, use Node.js ${required} or newer and run \`npm run dist\` again.`,
    ...distWays(facts),
    '',
    ...withoutElectron(facts)
  ].join('\n')
}

/** After electron-builder failed (its own output is above this message). */
export function distFailedMessage(facts, status) {
  return [
    `npm run dist stopped: electron-builder exited with code ${status} (its output is above).`,
    '',
    ...distWays(facts),
    '',
    ...withoutElectron(facts)
  ].join('\n')
}
