// Each measurement runs in its own Node process so peak RSS (maxRSS) belongs to it alone.

import { spawnSync } from 'node:child_process'
import path from 'node:path'

export interface Measurement {
  mode: string
  seconds: number
  findings: number
  peakRssMb: number
  /** JSON.parse only: seconds spent reading and decoding the file before parsing. */
  readSeconds?: number
  note?: string
}

export function measureInChild(mode: string, file: string): Measurement {
  const child = path.join(__dirname, 'measure-child.ts')
  const run = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', '--import', 'tsx', child, mode, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20
  })
  const line = run.stdout.trim().split('\n').pop() ?? ''
  if (run.status !== 0 || !line.startsWith('{')) {
    return { mode, seconds: NaN, findings: 0, peakRssMb: NaN, note: (run.stderr || run.stdout).trim().split('\n').slice(-3).join(' ') }
  }
  return JSON.parse(line) as Measurement
}
