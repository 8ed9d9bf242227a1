/**
 * The Clients view bench (`npm run bench -- portfolio`): 100 client workspaces made once in a temp folder (a fifth kept
 * by this computer's key, a fifth by a passphrase, the rest in clear, each with an agreement and a few answers), then
 * timed: the Clients view's call (`portfolio.summary`, through the handler as the window calls it), its calendar across
 * clients (`portfolio.calendar`), and `safeguard portfolio <folder> --json` as a person runs it (a new `node
 * bin/safeguard.js` process, spawn to exit; it has no device key store, so the device-key fifth are listed as locked
 * there, and SAFEGUARD_PASSPHRASE opens the passphrase fifth). Medians of 3 runs after one warm-up; printed, never
 * asserted. SAFEGUARD_BENCH_PORTFOLIO sets another count.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCallContext } from '../main/api/call-context'
import type { CallName, InputOf, OutputOf } from '../main/api/contract'
import { callHandler } from '../main/api/dispatch'
import { headlessHost } from '../main/api/host'
import { WorkspaceKeyStore, type SecretWrapper } from '../main/security/key-store'
import { deviceKeyProvider } from '../main/security/device-key-provider'
import { Session } from '../main/workspace/session'

const ROOT = path.resolve(__dirname, '..')
const BIN = path.join(ROOT, 'bin/safeguard.js')
const PASSPHRASE = 'bench passphrase 2026'
const ROUNDS = 3

/** A stand-in for the operating system's secret store (the bench has no Electron): keys wrapped by XOR, never in clear on disk. */
const benchWrapper: SecretWrapper = {
  unavailableReason: () => null,
  wrap: secret => Buffer.from(secret.map(byte => byte ^ 0x5c)),
  unwrap: wrapped => Buffer.from(wrapped.map(byte => byte ^ 0x5c))
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function timedRounds(work: () => Promise<unknown> | unknown): Promise<number[]> {
  await work()
  const seconds: number[] = []
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = process.hrtime.bigint()
    await work()
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9)
  }
  return seconds
}

const describe = (seconds: number[]) =>
  `${(median(seconds) * 1000).toFixed(0)} ms (range ${(Math.min(...seconds) * 1000).toFixed(0)}–${(Math.max(...seconds) * 1000).toFixed(0)})`

export async function runPortfolioBench(): Promise<void> {
  const count = Number(process.env.SAFEGUARD_BENCH_PORTFOLIO ?? 100)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-portfolio-bench-'))
  const folder = path.join(dir, 'clients')
  const dataDir = path.join(dir, 'data')
  fs.mkdirSync(folder)
  const store = new WorkspaceKeyStore(path.join(dataDir, 'workspace-keys.json'), benchWrapper)
  const session = new Session({
    dataDir,
    appVersion: 'bench',
    keyProvider: deviceKeyProvider(store),
    deviceKeyStore: store,
    now: () => new Date('2026-03-01T12:00:00Z')
  })
  type Call = <K extends CallName>(name: K, input: InputOf<K>) => Promise<OutputOf<K>>
  const call: Call = async (name, input) => (await callHandler(name, input, createCallContext(session, { host: headlessHost }))) as never
  try {
    const made = process.hrtime.bigint()
    for (let i = 0; i < count; i += 1) {
      const protection =
        i % 5 === 0 ? { kind: 'device' as const } : i % 5 === 1 ? { kind: 'passphrase' as const, passphrase: PASSPHRASE } : { kind: 'none' as const }
      await call('workspace.create', {
        path: path.join(folder, `client-${String(i).padStart(3, '0')}.safeguard`),
        organization: {
          name: `Client ${i} Family Practice`,
          role: i % 7 === 0 ? 'business-associate' : 'covered-entity',
          contactName: 'Bench Official',
          cloudProvider: 'aws'
        },
        protection
      })
      await call('baas.create', {
        associate: { name: `Billing ${i}`, baaStatus: 'signed', effectiveOn: '2025-04-01', expiresOn: `2026-0${(i % 6) + 3}-15` }
      })
      for (const questionId of ['q-308-a1-i-1', 'q-308-a2-1', 'q-312-a2-iii-1'])
        await call('assessment.setAnswer', { questionId, value: i % 3 === 0 ? 'no' : 'yes' })
    }
    await call('workspace.close', {})
    console.log(`${count} workspaces made in ${(Number(process.hrtime.bigint() - made) / 1e9).toFixed(1)} s (not part of the figures)`)

    const source = { folders: [folder], includeRecent: false }
    let view: OutputOf<'portfolio.summary'> = null
    const summary = await timedRounds(async () => (view = await call('portfolio.summary', source)))
    const entries = view!.entries
    const locked = entries.filter(entry => entry.locked).length
    console.log(`Clients view (portfolio.summary): ${describe(summary)}; ${entries.length - locked} read, ${locked} locked`)
    const calendar = await timedRounds(() => call('portfolio.calendar', source))
    console.log(`Calendar across clients (portfolio.calendar): ${describe(calendar)}`)

    const cli = (env: Record<string, string>) => () => {
      const run = spawnSync(process.execPath, [BIN, 'portfolio', folder, '--json'], {
        encoding: 'utf8',
        maxBuffer: 64 << 20,
        env: { ...process.env, ...env }
      })
      if (run.status !== 0) throw new Error(`safeguard portfolio failed (${run.status}): ${run.stderr.trim().split('\n').slice(-3).join(' ')}`)
    }
    console.log(`safeguard portfolio --json (spawn to exit): ${describe(await timedRounds(cli({})))}`)
    console.log(`  with SAFEGUARD_PASSPHRASE: ${describe(await timedRounds(cli({ SAFEGUARD_PASSPHRASE: PASSPHRASE })))}`)
    console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`)
  } finally {
    session.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) void runPortfolioBench()
