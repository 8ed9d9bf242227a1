/**
 * The Findings view bench: a workspace with 100,000 findings in the latest scan (over 200 checks, 7 accounts)
 * and an older, superseded scan of 20,000, imported as Prowler 2 JSON lines; then the grouped view, each sort,
 * a group expanded, the view without grouping, a question card's summary and the CSV and Excel exports, timed.
 * Printed, never asserted. Run with `npm run bench -- findings-view` (SAFEGUARD_BENCH_FINDINGS sets another count).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCallContext } from '../main/api/call-context'
import type { CallName, InputOf, OutputOf } from '../main/api/contract'
import { callHandler } from '../main/api/dispatch'
import { headlessHost } from '../main/api/host'
import type { FindingSort } from '../main/scanners/contract'
import { Session } from '../main/workspace/session'

type Call = <K extends CallName>(name: K, input: InputOf<K>) => Promise<OutputOf<K>>

const CHECKS = 200
const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Informational']
const COMPLIANCE = ['hipaa-164_312_a_1', 'hipaa-164_312_a_2_iv', 'hipaa-164_312_b', 'hipaa-164_308_a_1_ii_d', 'hipaa-164_312_e_1']
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1']

/** Prowler 2 JSON lines: each line a finding on its own bucket, varied in check, status, severity, account and region. */
function writeScan(file: string, count: number, timestamp: string, seed: number): void {
  const out = fs.openSync(file, 'w')
  try {
    let lines: string[] = []
    for (let i = 0; i < count; i++) {
      const n = i + seed
      const check = `extra${n % CHECKS}`
      lines.push(
        JSON.stringify({
          Profile: 'default',
          'Account Number': String(100000000000 + (n % 7)),
          Control: `[${check}] Check number ${n % CHECKS}`,
          Message: `Bucket bucket-${i} checked by ${check}`,
          Severity: SEVERITIES[n % SEVERITIES.length],
          Status: n % 3 === 0 ? 'PASS' : 'FAIL',
          Scored: 'Not Scored',
          Level: 'Extra',
          'Control ID': check,
          Region: REGIONS[n % REGIONS.length],
          Timestamp: timestamp,
          Compliance: COMPLIANCE[(n >> 3) % COMPLIANCE.length],
          Service: 's3',
          'CAF Epic': 'Data Protection',
          Risk: '',
          Remediation: `Fix ${check}.`,
          'Doc link': 'https://example.org/s3',
          'Resource ID': `arn:aws:s3:::bucket-${i}`
        })
      )
      if (lines.length === 5000) {
        fs.writeSync(out, `${lines.join('\n')}\n`)
        lines = []
      }
    }
    if (lines.length) fs.writeSync(out, `${lines.join('\n')}\n`)
  } finally {
    fs.closeSync(out)
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = process.hrtime.bigint()
  const value = await work()
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 }
}

/** The median of three runs, so one slow garbage collection does not decide the figure. */
async function median<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const runs = [await timed(work), await timed(work), await timed(work)].sort((a, b) => a.ms - b.ms)
  return runs[1]!
}

export async function runFindingsViewBench(): Promise<void> {
  const count = Number(process.env.SAFEGUARD_BENCH_FINDINGS ?? 100_000)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-findings-view-bench-'))
  const session = new Session({ dataDir: null, appVersion: 'bench', now: () => new Date('2026-03-01T12:00:00Z') })
  const call: Call = async (name, input) => (await callHandler(name, input, createCallContext(session, { host: headlessHost }))) as never
  const ms = (value: number) => `${value.toFixed(0)} ms`
  try {
    await call('workspace.create', {
      path: path.join(dir, 'bench.safeguard'),
      organization: { name: 'Bench Clinic', role: 'covered-entity', contactName: 'Bench Official', cloudProvider: 'aws' }
    })
    const older = path.join(dir, 'older.ndjson')
    const latest = path.join(dir, 'latest.ndjson')
    writeScan(older, Math.round(count / 5), '2026-01-04T10:00:00Z', 1)
    writeScan(latest, count, '2026-02-04T10:00:00Z', 0)
    const imported = await timed(() => call('scans.import', { paths: [older, latest] }))
    const n = count.toLocaleString('en-US')
    console.log(
      `${n} findings in the latest scan and ${Math.round(count / 5).toLocaleString('en-US')} in a superseded one: import ${(imported.ms / 1000).toFixed(1)} s (setup)`
    )

    for (const sort of ['severity', 'specification', 'resource', 'age'] as FindingSort[]) {
      const grouped = await median(() => call('findings.view', { groupBy: 'check', sort, limit: 100 }))
      const flat = await median(() => call('findings.view', { groupBy: 'none', sort, limit: 100 }))
      console.log(
        `sort by ${sort}: grouped by check (${grouped.value.total} checks) ${ms(grouped.ms)}, one finding per row (${flat.value.total.toLocaleString('en-US')}) ${ms(flat.ms)}`
      )
    }
    const all = await median(() => call('findings.view', { groupBy: 'check', scope: 'all', limit: 100 }))
    console.log(`grouped, superseded scans too (${all.value.total} checks): ${ms(all.ms)}`)
    const first = await call('findings.view', { groupBy: 'check', limit: 1 })
    if (first.groupBy === 'check' && first.groups[0]) {
      const group = first.groups[0]
      const expand = await median(() =>
        call('findings.view', { groupBy: 'none', check: { scanner: group.scanner, checkId: group.checkId }, limit: 50 })
      )
      console.log(`expanding a check (${expand.value.total.toLocaleString('en-US')} findings, first 50): ${ms(expand.ms)}`)
      const page = await call('findings.view', { groupBy: 'none', limit: 1 })
      if (page.groupBy === 'none' && page.findings[0]) {
        const detail = await median(() => call('findings.detail', { id: page.findings[0]!.id }))
        console.log(`a finding's detail (first and last seen): ${ms(detail.ms)}`)
      }
    }
    // A section of the questionnaire: a dozen cards, asked for in one call.
    const section = [['164.312(a)(1)'], ['164.312(a)(2)(iv)'], ['164.312(b)'], ['164.308(a)(1)(ii)(D)'], ['164.312(e)(1)'], ['164.312(c)(1)']]
    const summary = await median(() => call('findings.specificationSummaries', { items: [...section, ...section] }))
    console.log(`a section's question cards (12) with their evidence: ${ms(summary.ms)}`)
    for (const format of ['csv', 'xlsx'] as const) {
      const file = path.join(dir, `findings.${format}`)
      const exported = await timed(() => call('findings.export', { path: file }))
      const size = fs.statSync(file).size / 1e6
      console.log(
        `export to ${format.toUpperCase()} (${exported.value?.rows.toLocaleString('en-US')} rows, ${size.toFixed(0)} MB): ${(exported.ms / 1000).toFixed(1)} s`
      )
    }
  } finally {
    session.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
