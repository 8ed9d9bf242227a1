#!/usr/bin/env node
// Bundles the `safeguard` command into out/cli/: one CommonJS file for the command and one per worker thread
// beside it, where the code looks for them (as the app's bundle has them in out/main/). Packages but commander and
// zod stay outside the command's bundle and are required on first use (see deferPackages); templates/ and
// package.json are read from the project at run time, two folders up, as from out/main/.
// Run by `npm install` (prepare), `npm run build`, and by bin/safeguard.js when a source changed since.
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const requireFromRoot = createRequire(path.join(ROOT, 'package.json'))

export const CLI_OUT_DIR = path.join(ROOT, 'out', 'cli')
export const CLI_BUNDLE = 'safeguard.cjs'
/** What the bundle was built from, `{ startedAt, inputs }`: bin/safeguard.js rebuilds it once an input is newer. */
export const CLI_MANIFEST = 'inputs.json'

const ENTRY = 'main/cli/run.ts'
/** The worker threads and their bundle names: the same entries as electron.vite.config.ts (a test compares them). */
export const CLI_WORKERS = {
  'scan-parse-worker': 'main/scanners/read/parse-worker.ts',
  'incident-import-worker': 'main/breach/import-worker.ts',
  'baa-import-worker': 'main/baas/import-worker.ts',
  'map-layout-worker': 'main/map/drawing/elk-worker.ts'
}

/**
 * Packages every command uses as it starts (its options are zod schemas): bundled, so that they are read and compiled
 * with the command in one file (and its code cache, see bin/safeguard.js) rather than from dozens of files.
 */
const BUNDLED = new Set(['commander', 'zod'])
const DEFERRED = 'deferred-package'
/** The kinds of import a stand-in serves (a dynamic import() of a package gets one too, and needs no ES module loader). */
const STOOD_IN_FOR = ['import-statement', 'require-call', 'dynamic-import']

/** What the stand-in needs to know of a package (main/cli/deferred-package.ts), seen by loading it here; null if it cannot load here. */
function packageShape(name) {
  let value
  try {
    value = requireFromRoot(name)
  } catch {
    return null
  }
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return null
  const keys = Object.getOwnPropertyNames(value)
  return {
    callable: typeof value === 'function',
    esModule: Boolean(value.__esModule),
    keys,
    enumerable: keys.filter(key => Object.getOwnPropertyDescriptor(value, key)?.enumerable)
  }
}

/**
 * Each package (and Node built-in) the command's modules import, but the BUNDLED ones, becomes a stand-in that
 * requires it on first use (main/cli/deferred-package.ts): every feature is in the one bundle, and loading the PDF,
 * Word, Excel, YAML, layout and SQLite packages as it starts would cost even `safeguard --version` most of a second.
 */
const deferPackages = {
  name: 'defer-packages',
  setup(build) {
    const packageName = name =>
      name
        .split('/')
        .slice(0, name.startsWith('@') ? 2 : 1)
        .join('/')
    const shapes = new Map()
    build.onResolve({ filter: /^[^./]/ }, args => {
      if (path.isAbsolute(args.path)) return undefined
      // The stand-in's own require of the package, and whatever cannot be stood in for (require.resolve), stay outside.
      if (args.namespace === DEFERRED || !STOOD_IN_FOR.includes(args.kind)) return { path: args.path, external: true }
      if (BUNDLED.has(packageName(args.path))) return undefined
      if (!shapes.has(args.path)) shapes.set(args.path, packageShape(args.path))
      return shapes.get(args.path) ? { path: args.path, namespace: DEFERRED } : { path: args.path, external: true }
    })
    build.onLoad({ filter: /.*/, namespace: DEFERRED }, args => ({
      contents:
        `const { deferredPackage } = require(${JSON.stringify(path.join(ROOT, 'main/cli/deferred-package.ts'))})\n` +
        `module.exports = deferredPackage(() => require(${JSON.stringify(args.path)}), ${JSON.stringify(shapes.get(args.path))})\n`,
      loader: 'js',
      resolveDir: ROOT
    }))
  }
}

/**
 * Builds the command and its workers into `outDir` and returns the bundle's path. Each file is written under a
 * temporary name and renamed into place, the manifest last, so a command started meanwhile runs a whole build.
 */
export async function buildCli(outDir = CLI_OUT_DIR) {
  const { build } = await import('esbuild')
  const startedAt = Date.now()
  fs.mkdirSync(outDir, { recursive: true })
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    absWorkingDir: ROOT,
    metafile: true,
    write: false
  }
  const results = await Promise.all([
    build({
      ...common,
      entryPoints: { [path.basename(CLI_BUNDLE, '.cjs')]: ENTRY },
      outdir: outDir,
      outExtension: { '.js': '.cjs' },
      plugins: [deferPackages]
    }),
    build({ ...common, entryPoints: CLI_WORKERS, outdir: outDir, packages: 'external' })
  ])
  const outputs = results.flatMap(result => result.outputFiles)
  const suffix = `.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`
  // The command last, so it never runs beside workers older than itself.
  outputs.sort((a, b) => Number(a.path.endsWith(CLI_BUNDLE)) - Number(b.path.endsWith(CLI_BUNDLE)))
  for (const output of outputs) {
    fs.writeFileSync(output.path + suffix, output.contents)
    fs.renameSync(output.path + suffix, output.path)
  }
  const files = [...new Set(results.flatMap(result => Object.keys(result.metafile.inputs)))].filter(input => !input.includes(':'))
  // Bundled packages change only with an install, which rewrites npm's record of node_modules: one file to check
  // rather than a hundred (each file where there is no such record).
  const installRecord = 'node_modules/.package-lock.json'
  const packageFiles = files.filter(file => file.startsWith('node_modules/'))
  const inputs = [
    ...files.filter(file => !file.startsWith('node_modules/')),
    ...(fs.existsSync(path.join(ROOT, installRecord)) ? [installRecord] : packageFiles)
  ].sort()
  const manifest = path.join(outDir, CLI_MANIFEST)
  fs.writeFileSync(manifest + suffix, JSON.stringify({ startedAt, inputs }))
  fs.renameSync(manifest + suffix, manifest)
  return path.join(outDir, CLI_BUNDLE)
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await import('esbuild')
  } catch {
    // An install without dev dependencies: bin/safeguard.js runs the sources through tsx instead.
    console.log('safeguard: esbuild is not installed; the command will run from its TypeScript sources (slower to start).')
    process.exit(0)
  }
  const t0 = performance.now()
  const bundle = await buildCli()
  console.log(`Built ${path.relative(ROOT, bundle)} in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}
