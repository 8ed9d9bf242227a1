// Vitest global setup: bundles the `safeguard` command once per run, as `npm install` does (scripts/build-cli.mjs),
// from the sources as they are now, so each of the ~150 CLI runs in the tests starts in a fraction of the second
// compiling TypeScript takes. One test still runs the real bin/safeguard.js (test/cli/bin.test.ts). It lives in out/
// (ignored by git), two folders below the project as out/cli is, so templates/ and package.json resolve from there.
import fs from 'node:fs'
import path from 'node:path'
import { buildCli } from '../../scripts/build-cli.mjs'
import { CLI_BUNDLE_ENV } from '../helpers/cli'

const ROOT = path.resolve(__dirname, '../..')

export default async function setup(): Promise<() => void> {
  const folder = path.join(ROOT, 'out', `test-cli-${process.pid}`)
  process.env[CLI_BUNDLE_ENV] = await buildCli(folder)
  return () => fs.rmSync(folder, { recursive: true, force: true })
}
