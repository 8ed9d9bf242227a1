/**
 * The risk register bench: a workspace with 5,000 risks on 50 assets (stored through the
 * register import, as a consultant's spreadsheet would be), then the register loaded, sorted
 * and filtered as the screen asks for it, the overview and the Excel export, timed. Printed,
 * never asserted. Run with `npm run bench -- risks` (SAFEGUARD_BENCH_RISKS sets another count).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { createCallContext } from '../main/api/call-context'
import type { CallName, InputOf, OutputOf } from '../main/api/contract'
import { callHandler } from '../main/api/dispatch'
import { headlessHost } from '../main/api/host'
import { getRiskCatalog } from '../main/risks/catalog'
import { Session } from '../main/workspace/session'

type Call = <K extends CallName>(name: K, input: InputOf<K>) => Promise<OutputOf<K>>

const ASSETS = 50
const STEPS = ['', 'Low', 'Medium', 'High'] as const
const OWNERS = ['Dana', 'Marcus', 'Lena', 'IT contractor', '']

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint()
  const value = await work()
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 }
}

/** The median of three runs, so one slow garbage collection does not decide the figure. */
async function median<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const runs = [await timed(work), await timed(work), await timed(work)].sort((a, b) => a.seconds - b.seconds)
  return runs[1]!
}

function registerCsv(count: number, assetNames: string[]): string {
  const threats = getRiskCatalog().view.threats
  const rows = Array.from({ length: count }, (_, i) => {
    const threat = threats[i % threats.length]!
    return [
      `Risk ${i}`,
      assetNames[i % assetNames.length]!,
      threat.id,
      STEPS[i % 4]!,
      STEPS[(i >> 2) % 4]!,
      i % 3 === 0 ? 'mitigate' : '',
      OWNERS[i % OWNERS.length]!,
      '2026-01-15',
      i % 5 === 0 ? '2026-09-30' : ''
    ]
  })
  return stringify([['Title', 'Assets', 'Threat', 'Likelihood', 'Impact', 'Treatment', 'Owner', 'Found on', 'Due on'], ...rows])
}

export async function runRisksBench(): Promise<void> {
  const count = Number(process.env.SAFEGUARD_BENCH_RISKS ?? 5000)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-risks-bench-'))
  const session = new Session({ dataDir: null, appVersion: 'bench', now: () => new Date('2026-03-01T12:00:00Z') })
  const call: Call = async (name, input) => (await callHandler(name, input, createCallContext(session, { host: headlessHost }))) as never
  try {
    await call('workspace.create', {
      path: path.join(dir, 'bench.safeguard'),
      organization: { name: 'Bench Clinic', role: 'covered-entity', contactName: 'Bench Official', cloudProvider: 'aws' }
    })
    const assetNames: string[] = []
    for (let i = 0; i < ASSETS; i++) {
      const name = `Asset ${i}`
      await call('map.addAsset', { name, kind: i % 2 ? 'database' : 'workstation', phi: 'phi' })
      assetNames.push(name)
    }
    const file = path.join(dir, 'register.csv')
    fs.writeFileSync(file, registerCsv(count, assetNames))
    const imported = await timed(() => call('risks.import', { path: file }))
    const n = count.toLocaleString('en-US')
    console.log(`${n} risks on ${ASSETS} assets: import of the CSV register ${imported.seconds.toFixed(2)} s (setup)`)

    const load = await median(() => call('risks.list', {}))
    console.log(`register load, highest first (${load.value.total} rows): ${(load.seconds * 1000).toFixed(0)} ms`)
    const byOwner = await median(() => call('risks.list', { filter: { owner: 'Dana' }, sort: 'due' }))
    console.log(`filter by owner, sorted by due date (${byOwner.value.total} rows): ${(byOwner.seconds * 1000).toFixed(0)} ms`)
    const byLevel = await median(() => call('risks.list', { filter: { level: 'critical', treatment: 'none' } }))
    console.log(`filter by level and treatment (${byLevel.value.total} rows): ${(byLevel.seconds * 1000).toFixed(0)} ms`)
    const search = await median(() => call('risks.list', { filter: { search: 'asset 7' }, limit: 100 }))
    console.log(`search, first page of 100 (${search.value.total} matches): ${(search.seconds * 1000).toFixed(0)} ms`)
    const overview = await median(() => call('risks.overview', {}))
    console.log(`overview (heat maps, by asset, threat, owner): ${(overview.seconds * 1000).toFixed(0)} ms`)
    const one = await median(() => call('risks.get', { id: load.value.rows[0]!.id }))
    console.log(`one risk whole: ${(one.seconds * 1000).toFixed(0)} ms`)
    const excel = await timed(() => call('risks.export', { path: path.join(dir, 'register.xlsx') }))
    console.log(`Excel export: ${excel.seconds.toFixed(2)} s (${(fs.statSync(path.join(dir, 'register.xlsx')).size / 1024).toFixed(0)} KB)`)
  } finally {
    session.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) void runRisksBench()
