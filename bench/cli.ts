/**
 * The command line as a person runs it (`npm run bench -- cli`): each figure is a new `node bin/safeguard.js`
 * process timed from spawn to exit, start-up included. First the start-up of simple commands; then
 * `safeguard import` of Prowler OCSF files of 10k, 100k and 1M findings (bench/.data/, made on first use) into a new
 * unencrypted workspace, against a bare JSON.parse of the same bytes in a process of its own. Runs are interleaved
 * (one of each per round) so a busy moment of the machine touches both, and medians are printed. Peak RSS is the
 * command process's own (all its threads). Printed, never asserted.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { constants as bufferConstants } from 'node:buffer'
import { ensureFile } from './import-bench'

const ROOT = path.resolve(__dirname, '..')
const BIN = path.join(ROOT, 'bin/safeguard.js')
const RSS_PRELOAD = path.join(__dirname, 'lib/report-peak-rss.cjs')
const SIZES = process.env.CLI_BENCH_SIZES ? process.env.CLI_BENCH_SIZES.split(',').map(Number) : [10_000, 100_000, 1_000_000]
const START_UP_ROUNDS = Number(process.env.CLI_BENCH_START_UP_ROUNDS ?? 10)
/** Rounds per size: fewer for the largest, whose import alone takes half a minute. */
const importRounds = (count: number) => Number(process.env.CLI_BENCH_IMPORT_ROUNDS ?? (count >= 1_000_000 ? 3 : 5))

interface Run {
  seconds: number
  peakRssMb: number
  stdout: string
}

function runSafeguard(args: string[], env: Record<string, string> = {}): Run {
  const rssFile = path.join(os.tmpdir(), `safeguard-bench-rss-${process.pid}`)
  const t0 = performance.now()
  const run = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, NODE_OPTIONS: `--require ${JSON.stringify(RSS_PRELOAD)}`, SAFEGUARD_BENCH_RSS_FILE: rssFile, ...env }
  })
  const seconds = (performance.now() - t0) / 1000
  if (run.status !== 0) throw new Error(`safeguard ${args.join(' ')} failed (${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' ')}`)
  const peakRssMb = Number(fs.readFileSync(rssFile, 'utf8'))
  fs.rmSync(rssFile, { force: true })
  return { seconds, peakRssMb, stdout: run.stdout }
}

/**
 * The bare program: a new Node process that reads the file and JSON.parses it, timed the same way as the command
 * (spawn to exit), with the parse alone timed inside. Null past V8's string limit, where it cannot be done.
 */
function bareJsonParse(file: string, bytes: number): { seconds: number; parseSeconds: number } | null {
  if (bytes >= bufferConstants.MAX_STRING_LENGTH) return null
  const program =
    "const text = require('node:fs').readFileSync(process.argv[1], 'utf8'); const t0 = performance.now(); " +
    'const value = JSON.parse(text); process.stdout.write(String((performance.now() - t0) / 1000) + " " + value.length)'
  const t0 = performance.now()
  const run = spawnSync(process.execPath, ['--max-old-space-size=4096', '-e', program, file], { encoding: 'utf8' })
  const seconds = (performance.now() - t0) / 1000
  if (run.status !== 0) throw new Error(`JSON.parse of ${file} failed: ${run.stderr.trim().split('\n').slice(-2).join(' ')}`)
  return { seconds, parseSeconds: Number(run.stdout.split(' ')[0]) }
}

function timedSpawn(command: string, args: string[], env: Record<string, string> = {}): number {
  const t0 = performance.now()
  const run = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } })
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr.trim()}`)
  return (performance.now() - t0) / 1000
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

const ms = (seconds: number) => `${Math.round(seconds * 1000)} ms`
const range = (values: readonly number[], format: (n: number) => string) => `${format(Math.min(...values))}–${format(Math.max(...values))}`

function newWorkspace(dir: string, name: string): string {
  const file = path.join(dir, `${name}.safeguard`)
  runSafeguard(['init', file, '--org', 'Bench Clinic', '--unencrypted', '--json'])
  return file
}

function startUp(dir: string): void {
  const workspace = newWorkspace(dir, 'start-up')
  const commands: { label: string; time: () => number }[] = [
    { label: 'node -e 0 (Node alone)', time: () => timedSpawn(process.execPath, ['-e', '0']) },
    { label: 'safeguard --version', time: () => runSafeguard(['--version']).seconds },
    { label: 'safeguard --help', time: () => runSafeguard(['--help']).seconds },
    { label: 'safeguard status <workspace>', time: () => runSafeguard(['status', workspace]).seconds },
    {
      label: 'safeguard --version, from sources (tsx)',
      time: () => runSafeguard(['--version'], { SAFEGUARD_FROM_SOURCE: '1' }).seconds
    }
  ]
  const times = commands.map(() => [] as number[])
  for (let round = 0; round < START_UP_ROUNDS; round++) commands.forEach((command, i) => times[i]!.push(command.time()))
  console.log(`\nStart-up: node bin/safeguard.js, spawn to exit, median of ${START_UP_ROUNDS} interleaved runs (range)`)
  commands.forEach((command, i) => console.log(`  ${command.label.padEnd(42)} ${ms(median(times[i]!)).padStart(8)}  (${range(times[i]!, ms)})`))
}

interface SizeResult {
  count: number
  bytes: number
  /** Medians: the bare program spawn to exit, its JSON.parse alone, the command spawn to exit. */
  bareSeconds: number | null
  parseSeconds: number | null
  importSeconds: number
  /** Per round: the bare program's time over the command's (its throughput as a share of the bare program's). */
  ratios: number[]
  peakRssMb: number
}

function importThroughput(dir: string, count: number, file: string, bytes: number): SizeResult {
  const bare: number[] = []
  const parse: number[] = []
  const imports: number[] = []
  const rss: number[] = []
  const ratios: number[] = []
  for (let round = 0; round < importRounds(count); round++) {
    const reference = bareJsonParse(file, bytes)
    const workspace = newWorkspace(dir, `import-${count}-${round}`)
    const run = runSafeguard(['import', workspace, file, '--json'])
    const stored = (JSON.parse(run.stdout) as { findings?: number }[])[0]?.findings
    if (stored !== count) throw new Error(`the import of ${count} findings reported ${String(stored)}`)
    imports.push(run.seconds)
    rss.push(run.peakRssMb)
    if (reference) {
      bare.push(reference.seconds)
      parse.push(reference.parseSeconds)
      ratios.push(reference.seconds / run.seconds)
    }
    fs.rmSync(workspace, { force: true })
    fs.rmSync(`${workspace}.backups`, { recursive: true, force: true })
  }
  return {
    count,
    bytes,
    bareSeconds: bare.length ? median(bare) : null,
    parseSeconds: parse.length ? median(parse) : null,
    importSeconds: median(imports),
    ratios,
    peakRssMb: Math.max(...rss)
  }
}

function printThroughput(results: readonly SizeResult[]): void {
  console.log('\nsafeguard import <new workspace> <Prowler OCSF file>, spawn to exit (start-up, checked backup, parse, store),')
  console.log("against the bare program: a new process reading the file and JSON.parse'ing it, spawn to exit (and its JSON.parse")
  console.log('alone). Medians of interleaved runs; the ratio is throughput, import against the bare program (range per run).')
  console.log('  findings      MB   bare (JSON.parse)      import  findings/s   MB/s   vs bare program       vs JSON.parse alone   peak RSS')
  // Past V8's string limit the bare program cannot run: the largest size it ran at gives the reference MB/s.
  const reference = [...results].reverse().find(r => r.bareSeconds !== null)
  for (const r of results) {
    const mb = r.bytes / 1e6
    const bareText = r.bareSeconds !== null && r.parseSeconds !== null ? `${r.bareSeconds.toFixed(2)} s (${r.parseSeconds.toFixed(2)} s)` : 'cannot*'
    let versusBare = 'n/a'
    let versusParse = 'n/a'
    if (r.bareSeconds !== null && r.parseSeconds !== null) {
      versusBare = `${(r.bareSeconds / r.importSeconds).toFixed(2)}× (${range(r.ratios, n => n.toFixed(2))})`
      versusParse = `${(r.parseSeconds / r.importSeconds).toFixed(2)}×`
    } else if (reference?.bareSeconds && reference.parseSeconds) {
      const mbps = mb / r.importSeconds
      versusBare = `${(mbps / (reference.bytes / 1e6 / reference.bareSeconds)).toFixed(2)}× its MB/s at ${reference.count / 1000}k*`
      versusParse = `${(mbps / (reference.bytes / 1e6 / reference.parseSeconds)).toFixed(2)}× at ${reference.count / 1000}k*`
    }
    console.log(
      `  ${r.count.toLocaleString('en').padStart(9)} ${mb.toFixed(0).padStart(6)}   ${bareText.padEnd(19)} ${`${r.importSeconds.toFixed(2)} s`.padStart(9)} ` +
        `${Math.round(r.count / r.importSeconds)
          .toLocaleString('en')
          .padStart(
            11
          )} ${(mb / r.importSeconds).toFixed(0).padStart(6)}   ${versusBare.padEnd(21)} ${versusParse.padEnd(21)} ${`${r.peakRssMb.toFixed(0)} MB`.padStart(8)}`
    )
  }
  if (results.some(r => r.bareSeconds === null)) console.log("  * past V8's string limit, JSON.parse cannot take the file in one piece")
}

export async function runCliBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-cli-bench-'))
  try {
    console.log(`Machine: ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)} at the start`)
    runSafeguard(['--version']) // builds out/cli/ first if a source changed since
    startUp(dir)
    const results: SizeResult[] = []
    for (const count of SIZES) {
      const { file, bytes } = await ensureFile(count)
      results.push(importThroughput(dir, count, file, bytes))
    }
    printThroughput(results)
    console.log(`Load average ${os.loadavg()[0]!.toFixed(2)} at the end`)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
