/**
 * The documents bench: a workspace holding a scan of N findings (imported through the scans
 * feature, as a user would), then the evidence pack and the whole policy set, timed. Printed,
 * never asserted. Run with `npm run bench -- pack`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCallContext } from '../main/api/call-context'
import type { CallName, InputOf, OutputOf } from '../main/api/contract'
import { callHandler } from '../main/api/dispatch'
import { headlessHost } from '../main/api/host'
import { writeProwlerOcsfScan } from '../main/demo/demo-scan'
import { Session } from '../main/workspace/session'

type Call = <K extends CallName>(name: K, input: InputOf<K>) => Promise<OutputOf<K>>

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint()
  const value = await work()
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 }
}

async function benchWorkspace(dir: string, findings: number): Promise<void> {
  const session = new Session({ dataDir: null, appVersion: 'bench' })
  const call: Call = async (name, input) => (await callHandler(name, input, createCallContext(session, { host: headlessHost }))) as never
  try {
    await call('workspace.create', {
      path: path.join(dir, `bench-${findings}.safeguard`),
      organization: { name: 'Bench Clinic', role: 'covered-entity', contactName: 'Bench Official', cloudProvider: 'aws' }
    })
    const scanFile = writeProwlerOcsfScan(path.join(dir, `scan-${findings}.json`), { date: '2026-10-01', seed: 7, failShare: 0.3, count: findings })
    const imported = await timed(() => call('scans.import', { paths: [scanFile] }))
    fs.rmSync(scanFile)
    const pack = await timed(() => call('documents.generatePack', { path: path.join(dir, `pack-${findings}.pdf`) }))
    console.log(
      `${findings.toLocaleString('en-US').padStart(8)} findings: import ${imported.seconds.toFixed(1)} s (setup); ` +
        `evidence pack ${pack.value!.pages} pages in ${pack.seconds.toFixed(2)} s (${(pack.value!.bytes / 1024).toFixed(0)} KB)`
    )
  } finally {
    session.close()
  }
}

export async function runPackBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-pack-bench-'))
  try {
    // Two sizes, to show the time grows no faster than the findings (the pack summarises them).
    for (const findings of [10_000, 100_000]) await benchWorkspace(dir, findings)

    const session = new Session({ dataDir: null, appVersion: 'bench' })
    const call: Call = async (name, input) => (await callHandler(name, input, createCallContext(session, { host: headlessHost }))) as never
    try {
      await call('workspace.open', { path: path.join(dir, 'bench-100000.safeguard') })
      const out = path.join(dir, 'policies')
      fs.mkdirSync(out)
      const policies = await timed(() => call('documents.generatePolicies', { dir: out }))
      console.log(`policy set: ${policies.value!.files.length} Word documents in ${policies.seconds.toFixed(2)} s`)
      const review = await timed(() => call('documents.generateReview', { path: path.join(dir, 'review.pdf') }))
      console.log(`annual review: ${review.value!.pages} pages in ${review.seconds.toFixed(2)} s`)
    } finally {
      session.close()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) void runPackBench()
