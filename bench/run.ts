/**
 * `npm run bench`: prints speed and memory figures for the import and the
 * documents. Figures are printed, never asserted: tests do not time things.
 * `npm run bench -- import` or `-- pack` runs one of them; `-- cli` the command line's start-up and import.
 */
import fs from 'node:fs'
import path from 'node:path'

interface Bench {
  name: string
  file: string
  run: string
}

const BENCHES: Bench[] = [
  { name: 'import', file: 'import-bench.ts', run: 'runImportBench' },
  { name: 'cli', file: 'cli.ts', run: 'runCliBench' },
  { name: 'pack', file: 'pack-bench.ts', run: 'runPackBench' },
  { name: 'risks', file: 'risks.ts', run: 'runRisksBench' },
  { name: 'map', file: 'map.ts', run: 'runMapBench' },
  { name: 'baas', file: 'baas.ts', run: 'runBaasBench' },
  { name: 'findings-view', file: 'findings-view.ts', run: 'runFindingsViewBench' },
  { name: 'portfolio', file: 'portfolio.ts', run: 'runPortfolioBench' }
]

async function main(): Promise<void> {
  const only = process.argv.slice(2)
  for (const bench of BENCHES) {
    if (only.length > 0 && !only.includes(bench.name)) continue
    const file = path.join(__dirname, bench.file)
    if (!fs.existsSync(file)) {
      console.log(`(${bench.name}: no benchmark yet)`)
      continue
    }
    const module = (await import(file)) as Record<string, unknown>
    const run = module[bench.run]
    if (typeof run !== 'function') throw new Error(`${bench.file} does not export ${bench.run}()`)
    console.log(`\n== ${bench.name} ==`)
    await (run as () => Promise<void>)()
  }
}

main().catch(error => {
  console.error(error)
  process.exitCode = 1
})
