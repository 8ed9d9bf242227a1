#!/usr/bin/env node
// `npm start`: build the app, make sure SQLite is built for Electron (kept
// apart from the Node build that tests use), then launch Electron on the
// user's data folder. Electron 42+ downloads its binary on first launch,
// which needs the network and Node 22 once.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const bin = name => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

run(bin('electron-vite'), ['build'])
run(process.execPath, [path.join(root, 'scripts', 'build-electron-native.mjs')])
run(bin('electron'), ['.', ...process.argv.slice(2)])
