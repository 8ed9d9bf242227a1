#!/usr/bin/env node
// `npm run dist`: installers for the current platform. Needs the network
// (Electron download, SQLite headers) and Node 22.12+; scripts/preflight.mjs
// says so in one plain message before the build. The Node build in
// node_modules is not touched.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { collectFacts, distFailedMessage, distPreflight } from './preflight.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = name => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)

function run(command, args, onFailure) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.status === 0) return
  if (onFailure) console.error(`\n${onFailure(result.status ?? 1)}\n`)
  process.exit(result.status ?? 1)
}

const problem = distPreflight(collectFacts({ root }))
if (problem) {
  console.error(`\n${problem}\n`)
  process.exit(1)
}

run(bin('electron-vite'), ['build'])
run(process.execPath, [path.join(root, 'scripts', 'build-electron-native.mjs')])
run(bin('electron-builder'), ['--config', 'electron-builder.yml', '--publish', 'never', ...process.argv.slice(2)], status =>
  distFailedMessage(collectFacts({ root }), status)
)
