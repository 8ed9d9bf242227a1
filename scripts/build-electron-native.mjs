#!/usr/bin/env node
// Builds the SQLite binding for Electron's ABI into .electron-native/, from a
// copy of the package, so node_modules keeps its Node build for `npm test`.
// Needs the network on first run (Electron headers or a prebuilt binary);
// the result is cached by module version, Electron version, platform and arch.
// A failure ends in one plain message (scripts/preflight.mjs) with the build's
// own output kept in .electron-native/build-error.log, never a stack trace.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { collectFacts, isNetworkFailure, sqliteBuildFailedMessage } from './preflight.mjs'

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const moduleName = 'better-sqlite3-multiple-ciphers'
const moduleDir = path.join(root, 'node_modules', moduleName)
const outDir = path.join(root, '.electron-native')
const binary = path.join(outDir, 'better_sqlite3.node')
const stamp = path.join(outDir, 'build-info.json')

const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version
const moduleVersion = JSON.parse(fs.readFileSync(path.join(moduleDir, 'package.json'), 'utf8')).version
const arch = process.env.npm_config_arch || process.arch
const wanted = { moduleVersion, electronVersion, platform: process.platform, arch }

if (fs.existsSync(binary) && fs.existsSync(stamp) && JSON.stringify(JSON.parse(fs.readFileSync(stamp, 'utf8'))) === JSON.stringify(wanted)) {
  console.log(`SQLite for Electron ${electronVersion} is up to date.`)
  process.exit(0)
}

const workDir = path.join(outDir, 'project')
fs.rmSync(workDir, { recursive: true, force: true })
const copy = path.join(workDir, 'node_modules', moduleName)
fs.mkdirSync(path.dirname(copy), { recursive: true })
fs.cpSync(moduleDir, copy, { recursive: true, filter: source => !source.startsWith(path.join(moduleDir, 'build')) })
fs.writeFileSync(
  path.join(workDir, 'package.json'),
  JSON.stringify({ name: 'electron-native', version: '0.0.0', dependencies: { [moduleName]: moduleVersion } })
)

console.log(`Building ${moduleName} ${moduleVersion} for Electron ${electronVersion} (${process.platform}-${arch})…`)
const log = path.join(outDir, 'build-error.log')
function fail(output) {
  fs.rmSync(workDir, { recursive: true, force: true })
  fs.writeFileSync(log, output)
  const message = sqliteBuildFailedMessage(collectFacts({ root }), { network: isNetworkFailure(output), log: path.relative(root, log) })
  console.error(`\n${message}\n`)
  process.exit(1)
}

// @electron/rebuild prints node-gyp's whole output (with stack traces) on failure: keep it for the log.
const output = []
const consoleError = console.error
console.error = (...args) => output.push(args.map(a => (a instanceof Error ? a.stack : String(a))).join(' '))
try {
  const { rebuild } = require('@electron/rebuild')
  await rebuild({ buildPath: workDir, electronVersion, arch, onlyModules: [moduleName], force: true, mode: 'sequential' })
} catch (error) {
  output.push(error instanceof Error ? error.stack : String(error))
  console.error = consoleError
  fail(output.join('\n'))
} finally {
  console.error = consoleError
}

const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node')
if (!fs.existsSync(built)) fail(`${output.join('\n')}\nThe Electron build of ${moduleName} did not produce ${built}.\n`)
fs.copyFileSync(built, binary)
fs.writeFileSync(stamp, JSON.stringify(wanted))
fs.rmSync(workDir, { recursive: true, force: true })
fs.rmSync(log, { force: true })
console.log(`Wrote ${path.relative(root, binary)}.`)
