#!/usr/bin/env node
// `npm run dist`: installers for the current platform. Needs the network
// (Electron download, SQLite headers). The Node build in node_modules is not touched.
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
run(bin('electron-builder'), ['--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)])
