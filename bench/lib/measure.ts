// Each measurement runs in its own Node process so peak RSS (maxRSS) belongs to it alone.
// The child runs bundled, as the app's code does (no TypeScript loader in the process),
// with the scanner-reading worker bundled beside it where the import looks for it.

import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { buildSync, type BuildOptions } from 'esbuild'
import { PARSE_WORKER_BUNDLE } from '../../main/scanners/read/worker-scan-reader'

export interface Measurement {
  mode: string
  seconds: number
  findings: number
  peakRssMb: number
  /** JSON.parse only: seconds spent reading and decoding the file before parsing. */
  readSeconds?: number
  note?: string
}

const BUILD_DIR = path.join(__dirname, '../.data/build')
let built: string | null = null

function bundledChild(): string {
  if (built) return built
  fs.rmSync(BUILD_DIR, { recursive: true, force: true })
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'error',
    external: ['better-sqlite3-multiple-ciphers']
  }
  buildSync({ ...common, entryPoints: [path.join(__dirname, 'measure-child.ts')], outfile: path.join(BUILD_DIR, 'measure-child.cjs') })
  buildSync({
    ...common,
    entryPoints: [path.join(__dirname, '../../main/scanners/read/parse-worker.ts')],
    outfile: path.join(BUILD_DIR, PARSE_WORKER_BUNDLE)
  })
  built = path.join(BUILD_DIR, 'measure-child.cjs')
  return built
}

export function measureInChild(mode: string, file: string): Measurement {
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', bundledChild(), mode, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20
  })
  const line = run.stdout.trim().split('\n').pop() ?? ''
  if (run.status !== 0 || !line.startsWith('{')) {
    return { mode, seconds: NaN, findings: 0, peakRssMb: NaN, note: (run.stderr || run.stdout).trim().split('\n').slice(-3).join(' ') }
  }
  return JSON.parse(line) as Measurement
}
