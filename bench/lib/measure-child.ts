// Child process of measure.ts: runs one measurement and prints it as one JSON line.

import fs from 'node:fs'
import { constants as bufferConstants } from 'node:buffer'
import { ScanFileReader } from '../../main/scanners/read/scan-reader'

async function main(): Promise<void> {
  const [mode, file] = process.argv.slice(2)
  if (!mode || !file) throw new Error('usage: measure-child <mode> <file>')
  let result: Record<string, unknown>
  if (mode === 'json-parse') {
    const size = fs.statSync(file).size
    if (size >= bufferConstants.MAX_STRING_LENGTH) {
      result = { mode, seconds: NaN, findings: 0, note: `file of ${size} bytes exceeds V8's string limit` }
    } else {
      const t0 = performance.now()
      const text = fs.readFileSync(file).toString('utf8')
      const t1 = performance.now()
      const value = JSON.parse(text) as unknown[]
      const t2 = performance.now()
      result = { mode, seconds: (t2 - t1) / 1000, readSeconds: (t1 - t0) / 1000, findings: value.length }
    }
  } else if (mode === 'parse') {
    const t0 = performance.now()
    const reader = new ScanFileReader(file)
    let findings = 0
    for await (const batch of reader.batches()) findings += batch.length
    result = { mode, seconds: (performance.now() - t0) / 1000, findings }
  } else {
    const { runImportMeasurement } = await import('./import-measurement')
    result = { mode, ...(await runImportMeasurement(file)) }
  }
  result.peakRssMb = process.resourceUsage().maxRSS / 1024
  process.stdout.write(JSON.stringify(result) + '\n')
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
