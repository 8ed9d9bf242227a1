#!/usr/bin/env node
// The `safeguard` command. It runs the bundle in out/cli/ (scripts/build-cli.mjs), which starts in a fraction of
// the time compiling the TypeScript sources takes. `npm install` and `npm run build` write the bundle; when a source
// file changed since (the bundle's inputs.json lists them), it is rebuilt here first, in about a second, so the
// command never runs older code than the sources. Where it cannot be built (an install without dev dependencies, a
// read-only folder) the command runs from its sources through tsx, as slowly as before but the same.
// SAFEGUARD_FROM_SOURCE=1 runs the sources through tsx whatever the bundle (a debugger sees the TypeScript).
const fs = require('node:fs')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..')
// The same folder and file names as scripts/build-cli.mjs.
const OUT_DIR = path.join(ROOT, 'out', 'cli')
const BUNDLE = path.join(OUT_DIR, 'safeguard.cjs')

function bundleIsCurrent() {
  try {
    const { startedAt, inputs } = JSON.parse(fs.readFileSync(path.join(OUT_DIR, 'inputs.json'), 'utf8'))
    return fs.existsSync(BUNDLE) && inputs.every(input => fs.statSync(path.join(ROOT, input)).mtimeMs <= startedAt)
  } catch {
    return false
  }
}

async function rebuild() {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs')
    await buildCli(OUT_DIR)
    return true
  } catch {
    return false
  }
}

async function start() {
  if (process.env.SAFEGUARD_FROM_SOURCE !== '1' && (bundleIsCurrent() || (await rebuild()))) {
    require(BUNDLE)
  } else {
    require('tsx/cjs/api').register()
    require('../main/cli/run.ts')
  }
}

void start()
