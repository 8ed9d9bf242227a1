// Vitest global setup: bundles the `safeguard` command once per run, with its worker threads beside it as the
// app bundles them, so each of the ~150 CLI runs in the tests starts in a fraction of the second that compiling
// TypeScript through tsx takes (bin/safeguard.js). The bundle runs the same runCli; one test still runs the
// real bin/safeguard.js (test/cli/bin.test.ts). It lives in out/ (ignored by git) so the packages it leaves
// out, templates/ and package.json resolve from the project.
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'
import { CLI_BUNDLE_ENV } from '../helpers/cli'

const ROOT = path.resolve(__dirname, '../..')

const WORKERS: Record<string, string> = {
  'scan-parse-worker': 'main/scanners/read/parse-worker.ts',
  'incident-import-worker': 'main/breach/import-worker.ts',
  'baa-import-worker': 'main/baas/import-worker.ts',
  'map-layout-worker': 'main/map/drawing/elk-worker.ts'
}

export default async function setup(): Promise<() => void> {
  // Two levels below the project, as out/main is: the CLI reads ../../package.json for its version.
  const folder = path.join(ROOT, 'out', `test-cli-${process.pid}`)
  fs.mkdirSync(folder, { recursive: true })
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'error' } as const
  await build({ ...common, entryPoints: [path.join(ROOT, 'test/setup/cli-entry.ts')], outfile: path.join(folder, 'safeguard.cjs') })
  await build({
    ...common,
    entryPoints: Object.fromEntries(Object.entries(WORKERS).map(([name, entry]) => [name, path.join(ROOT, entry)])),
    outdir: folder
  })
  process.env[CLI_BUNDLE_ENV] = path.join(folder, 'safeguard.cjs')
  return () => fs.rmSync(folder, { recursive: true, force: true })
}
