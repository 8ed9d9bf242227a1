/**
 * Import benchmark (`npm run bench -- import`). Generates Prowler JSON-OCSF files of
 * 100k findings (pretty-printed, ~370 MB) and 1M findings in bench/.data/ (git-ignored,
 * reused between runs), then prints for each: findings/s, MB/s and peak RSS of the
 * streaming parse and of the full import, and a bare JSON.parse of the same bytes
 * where V8 can hold them, as a throughput ratio. Figures are printed, never asserted.
 * Each measurement runs bundled in its own process (bench/lib/measure.ts).
 */
import fs from 'node:fs'
import path from 'node:path'
import { generateProwlerOcsf } from './lib/generate-ocsf'
import { measureInChild, type Measurement } from './lib/measure'

const DATA_DIR = path.join(__dirname, '.data')
const SIZES = [100_000, 1_000_000]

/** The generated file of `count` findings in bench/.data/, made on first use. */
export async function ensureFile(count: number): Promise<{ file: string; bytes: number }> {
  fs.mkdirSync(DATA_DIR, { recursive: true })
  const file = path.join(DATA_DIR, `prowler-ocsf-${count}.json`)
  const done = `${file}.complete`
  if (!fs.existsSync(done)) {
    const t0 = performance.now()
    process.stdout.write(`generating ${path.basename(file)} ... `)
    const bytes = await generateProwlerOcsf(file, count)
    fs.writeFileSync(done, String(bytes))
    console.log(`${(bytes / 1e6).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  }
  return { file, bytes: fs.statSync(file).size }
}

function row(label: string, m: Measurement, bytes: number, reference: Measurement | null): string {
  if (!Number.isFinite(m.seconds)) return `  ${label.padEnd(12)} not measured: ${m.note ?? 'failed'}`
  const mbps = bytes / 1e6 / m.seconds
  // Two references: JSON.parse of an already decoded string, and reading + decoding + JSON.parse.
  const ratio =
    reference && Number.isFinite(reference.seconds)
      ? ` | ${((reference.seconds / m.seconds) * 100).toFixed(0)}% of JSON.parse throughput` +
        (reference.readSeconds !== undefined
          ? `, ${(((reference.seconds + reference.readSeconds) / m.seconds) * 100).toFixed(0)}% of read+decode+JSON.parse`
          : '')
      : ''
  const extra = m.readSeconds !== undefined ? ` (+${m.readSeconds.toFixed(2)} s to read and decode)` : ''
  return `  ${label.padEnd(12)} ${m.seconds.toFixed(2)} s${extra} | ${Math.round(m.findings / m.seconds).toLocaleString('en')} findings/s | ${mbps.toFixed(0)} MB/s | peak RSS ${m.peakRssMb.toFixed(0)} MB${ratio}`
}

export async function runImportBench(modes: string[] = ['json-parse', 'parse', 'import']): Promise<void> {
  const sizes = process.env.IMPORT_BENCH_SIZES ? process.env.IMPORT_BENCH_SIZES.split(',').map(Number) : SIZES
  for (const count of sizes) {
    const { file, bytes } = await ensureFile(count)
    console.log(`\n${count.toLocaleString('en')} findings, ${(bytes / 1e6).toFixed(0)} MB (${path.relative(process.cwd(), file)})`)
    const reference = modes.includes('json-parse') ? measureInChild('json-parse', file) : null
    if (reference) console.log(row('JSON.parse', reference, bytes, null))
    for (const mode of modes.filter(m => m !== 'json-parse')) {
      console.log(row(mode === 'parse' ? 'stream parse' : 'full import', measureInChild(mode, file), bytes, reference))
    }
  }
}

if (require.main === module) {
  runImportBench(process.argv.slice(2).length ? process.argv.slice(2) : undefined).catch((err: unknown) => {
    console.error(err)
    process.exitCode = 1
  })
}
