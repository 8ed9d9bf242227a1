/**
 * The business-associate register bench: a 10,000-row register in one deep subcontractor chain
 * (each party below the next, the top last in the file) imported through the API, then the deepest
 * party read with its whole chain, and a 20 MB file of `{}` rows refused by its count. Printed,
 * never asserted. Run with `npm run bench -- baas` (SAFEGUARD_BENCH_BAAS sets another count).
 * Run from source, the import's worker thread loads through tsx: its start is part of the figure.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCallContext } from '../main/api/call-context'
import type { CallName, InputOf, OutputOf } from '../main/api/contract'
import { callHandler } from '../main/api/dispatch'
import { headlessHost } from '../main/api/host'
import { MAX_IMPORT_BYTES } from '../main/shared/tabular-file'
import { Session } from '../main/workspace/session'

type Call = <K extends CallName>(name: K, input: InputOf<K>) => Promise<OutputOf<K>>

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint()
  const value = await work()
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 }
}

export async function runBaasBench(): Promise<void> {
  const count = Number(process.env.SAFEGUARD_BENCH_BAAS ?? 10_000)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-baas-bench-'))
  const session = new Session({ dataDir: null, appVersion: 'bench', now: () => new Date('2026-03-01T12:00:00Z') })
  const call: Call = async (name, input) => (await callHandler(name, input, createCallContext(session, { host: headlessHost }))) as never
  try {
    await call('workspace.create', {
      path: path.join(dir, 'bench.safeguard'),
      organization: { name: 'Bench Clinic', role: 'covered-entity', contactName: 'Bench Official', cloudProvider: 'aws' }
    })
    const file = path.join(dir, 'register.json')
    const register = Array.from({ length: count }, (_, i) => ({
      name: `Party ${i}`,
      ...(i + 1 < count ? { parent: `Party ${i + 1}`, relationship: 'subcontractor' } : {}),
      services: 'Hosting',
      baaStatus: 'signed',
      effectiveOn: '2025-01-01'
    }))
    fs.writeFileSync(file, JSON.stringify({ businessAssociates: register }))
    const n = count.toLocaleString('en-US')
    const imported = await timed(() => call('baas.importFile', { path: file }))
    console.log(`${n}-row register in one chain: import ${imported.seconds.toFixed(2)} s (${imported.value?.imported ?? 0} stored)`)

    const list = await call('baas.list', { expiringWithinDays: 60 })
    const deepest = list.find(a => a.name === 'Party 0')!
    const detail = await timed(() => call('baas.get', { id: deepest.id, expiringWithinDays: 60 }))
    console.log(`deepest party with its chain (${detail.value.ancestors.length} above it): ${(detail.seconds * 1000).toFixed(0)} ms`)

    const empty = path.join(dir, 'empty-objects.json')
    const tiny = Math.floor((MAX_IMPORT_BYTES - 2) / 3)
    fs.writeFileSync(empty, `[${Array(tiny).fill('{}').join(',')}]`)
    const refused = await timed(() =>
      call('baas.importFile', { path: empty }).then(
        () => 'imported',
        (err: unknown) => (err as Error).message
      )
    )
    console.log(`20 MB of {} rows refused in ${refused.seconds.toFixed(2)} s: ${refused.value}`)
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
  } finally {
    session.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) void runBaasBench()
