#!/usr/bin/env node
// `npm start`: check what the launch needs (scripts/preflight.mjs), download
// Electron if it is not here yet (Electron 42+ does that on first launch, which
// needs the network and Node 22.12 once), build the app, make sure SQLite is
// built for Electron (kept apart from the Node build that tests use), then
// launch Electron on the user's data folder. Anything missing ends in one
// plain message and exit code 1, never a stack trace.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { collectFacts, downloadFailedMessage, downloadFailureReason, startPreflight } from './preflight.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = name => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)

function fail(message) {
  console.error(`\n${message}\n`)
  process.exit(1)
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

let facts = collectFacts({ root })
const problem = startPreflight(facts)
if (problem) fail(problem)

if (!facts.electron.present) {
  // What node_modules/electron/index.js would do on launch, but before the build and with its error kept
  // short: install.js downloads (or takes from Electron's cache) the binary and writes path.txt.
  console.log(`Downloading Electron ${facts.electronVersion} (once; later starts work offline)…`)
  const install = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8'
  })
  facts = collectFacts({ root })
  if (install.status !== 0 || !facts.electron.present) {
    fail(downloadFailedMessage(facts, downloadFailureReason(install.stderr || install.error?.message, install.status)))
  }
}

run(bin('electron-vite'), ['build'])
run(process.execPath, [path.join(root, 'scripts', 'build-electron-native.mjs')])

// Run the executable itself (as node_modules/.bin/electron does), passing signals on.
const child = spawn(facts.electron.executable, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', windowsHide: false })
child.on('error', error => fail(`Safeguard cannot start: ${facts.electron.executable} could not be run (${error.message}).`))
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
