#!/usr/bin/env node
// The `safeguard` command. It runs the bundle in out/cli/ (scripts/build-cli.mjs), which starts in a fraction of
// the time compiling the TypeScript sources takes. `npm install` and `npm run build` write the bundle; when a source
// file changed since (the bundle's inputs.json lists them), it is rebuilt here first, in a second or two, so the
// command never runs older code than the sources. Where it cannot be built (an install without dev dependencies, a
// read-only folder) the command runs from its sources through tsx, as slowly as before but the same.
// SAFEGUARD_FROM_SOURCE=1 runs the sources through tsx whatever the bundle (a debugger sees the TypeScript).
const crypto = require('node:crypto')
const fs = require('node:fs')
const Module = require('node:module')
const path = require('node:path')
const vm = require('node:vm')

const ROOT = path.resolve(__dirname, '..')
// The same folder and file names as scripts/build-cli.mjs.
const OUT_DIR = path.join(ROOT, 'out', 'cli')
const BUNDLE = path.join(OUT_DIR, 'safeguard.cjs')
const CODE_CACHE = `${BUNDLE}.cache`

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

/**
 * Runs the bundle as require() would, but with V8's code cache for it: compiling two megabytes of JavaScript is a
 * good share of the start-up, and Node 20 keeps no cache of its own. The cache is written after the first run (and
 * after a rebuild) and holds the SHA-1 of the source it was made from: V8 checks only a source's length, so a cache
 * is never given to another source.
 */
function runBundle() {
  const source = fs.readFileSync(BUNDLE)
  const key = crypto.createHash('sha1').update(source).digest()
  let cachedData
  try {
    const cache = fs.readFileSync(CODE_CACHE)
    if (cache.subarray(0, key.length).equals(key)) cachedData = cache.subarray(key.length)
  } catch {
    // No cache yet: this run writes it.
  }
  const script = new vm.Script(Module.wrap(source.toString('utf8')), {
    filename: BUNDLE,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
  })
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => writeCodeCache(key, script))
  const bundle = { exports: {}, id: BUNDLE, filename: BUNDLE, loaded: false }
  script.runInThisContext().call(bundle.exports, bundle.exports, Module.createRequire(BUNDLE), bundle, BUNDLE, OUT_DIR)
}

function writeCodeCache(key, script) {
  const temporary = `${CODE_CACHE}.${process.pid}.tmp`
  try {
    // After the run, so the functions it compiled are in the cache too.
    fs.writeFileSync(temporary, Buffer.concat([key, script.createCachedData()]))
    fs.renameSync(temporary, CODE_CACHE)
  } catch {
    fs.rmSync(temporary, { force: true })
  }
}

async function start() {
  if (process.env.SAFEGUARD_FROM_SOURCE !== '1' && (bundleIsCurrent() || (await rebuild()))) {
    runBundle()
  } else {
    require('tsx/cjs/api').register()
    require('../main/cli/run.ts')
  }
}

void start()
