import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { PARSE_WORKER_BUNDLE } from '../../../main/scanners/read/worker-scan-reader'
import { checkWorkspaceCopy } from '../../../main/backup/check-copy'
import { listBackupFiles } from '../../../main/backup/backup-files'
import type { WorkspaceKey } from '../../../main/db/driver'
import { openWorkspaceDb } from '../../../main/db/open'
import { encryptWorkspace } from '../../../main/security/encrypt-workspace'
import { createWorkspace } from '../../../main/workspace/workspace-files'
import { writeProwlerOcsfFile } from './prowler-ocsf-file'

const ROOT = path.resolve(__dirname, '../../..')

export interface CrashBench {
  dir: string
  childScript: string
  baseWorkspace: string
  scanFile: string
  findings: number
  /** Set when the base workspace is encrypted (with this passphrase). */
  passphrase: string | null
  cleanup(): void
}

function keyOf(bench: CrashBench): WorkspaceKey | null {
  return bench.passphrase ? { kind: 'passphrase', passphrase: bench.passphrase } : null
}

/** Bundles the child (so each start costs ~0.1 s, not a TypeScript compile), writes a base workspace and a scanner file. */
export async function prepareCrashBench(findings: number, options: { passphrase?: string } = {}): Promise<CrashBench> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-crash-'))
  const childScript = path.join(dir, 'child.cjs')
  await build({
    entryPoints: [path.join(__dirname, 'child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: childScript,
    external: ['better-sqlite3-multiple-ciphers'],
    logLevel: 'error'
  })
  // The import reads its file on a worker thread, bundled beside the child as the app bundles it.
  await build({
    entryPoints: [path.join(__dirname, '../../../main/scanners/read/parse-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: path.join(dir, PARSE_WORKER_BUNDLE),
    logLevel: 'error'
  })
  const baseWorkspace = path.join(dir, 'base.safeguard')
  createWorkspace(
    baseWorkspace,
    { name: 'Crash Test Clinic', role: 'covered-entity', contactName: '', contactEmail: '', contactPhone: '', cloudProvider: 'aws' },
    { now: '2026-11-22T00:00:00.000Z' }
  ).close()
  if (options.passphrase) encryptWorkspace(baseWorkspace, { kind: 'passphrase', passphrase: options.passphrase })
  const scanFile = path.join(dir, 'prowler-ocsf.json')
  writeProwlerOcsfFile(scanFile, findings)
  return {
    dir,
    childScript,
    baseWorkspace,
    scanFile,
    findings,
    passphrase: options.passphrase ?? null,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true })
  }
}

export interface ChildRun {
  /** Milliseconds from "started" to exit (or to the kill). */
  elapsedMs: number
  committed: boolean
  killed: boolean
  stderr: string
}

/** Runs the child; `killAfterMs` after it says "started", sends SIGKILL (unless it finished first). */
export function runChild(bench: CrashBench, args: string[], killAfterMs: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bench.childScript, ...args], {
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), CRASH_PASSPHRASE: bench.passphrase ?? '' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let startedAt = 0
    let killed = false
    child.stdout.on('data', chunk => {
      stdout += String(chunk)
      if (!startedAt && stdout.includes('started\n')) {
        startedAt = performance.now()
        if (killAfterMs !== null) {
          setTimeout(() => {
            if (child.exitCode === null && child.signalCode === null) {
              killed = child.kill('SIGKILL')
            }
          }, killAfterMs)
        }
      }
    })
    child.stderr.on('data', chunk => (stderr += String(chunk)))
    child.on('error', reject)
    child.on('close', () =>
      resolve({ elapsedMs: startedAt ? performance.now() - startedAt : 0, committed: stdout.includes('committed'), killed, stderr })
    )
  })
}

export interface WorkspaceState {
  integrity: string
  foreignKeyProblems: number
  scans: number
  findings: number
}

/** Opens the workspace as the app would after a crash (WAL recovery included) and reads what it holds. */
export function inspectWorkspace(file: string, key: WorkspaceKey | null = null): WorkspaceState {
  const db = openWorkspaceDb(file, { key })
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(row => row.integrity_check).join('; ')
    const foreignKeyProblems = (db.pragma('foreign_key_check') as unknown[]).length
    const scans = (db.prepare('SELECT count(*) AS n FROM scan').get() as { n: number }).n
    const findings = (db.prepare('SELECT count(*) AS n FROM finding').get() as { n: number }).n
    return { integrity, foreignKeyProblems, scans, findings }
  } finally {
    db.close()
  }
}

export interface ImportTrial {
  killAfterMs: number
  outcome: 'none' | 'all' | 'partial' | 'damaged'
  state: WorkspaceState
  committed: boolean
}

/** A fresh copy of the base workspace, an import killed `killAfterMs` after it starts, and what is left. */
export async function importTrial(bench: CrashBench, index: number, killAfterMs: number): Promise<ImportTrial> {
  const workspace = path.join(bench.dir, `trial-${index}.safeguard`)
  fs.copyFileSync(bench.baseWorkspace, workspace)
  const run = await runChild(bench, ['import', workspace, bench.scanFile], killAfterMs)
  if (!run.killed && !run.committed) throw new Error(`The import child failed on its own: ${run.stderr}`)
  const state = inspectWorkspace(workspace, keyOf(bench))
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(workspace + suffix, { force: true })
  const whole = state.integrity === 'ok' && state.foreignKeyProblems === 0
  const outcome = !whole
    ? 'damaged'
    : state.scans === 0 && state.findings === 0
      ? 'none'
      : state.scans === 1 && state.findings === bench.findings
        ? 'all'
        : 'partial'
  return { killAfterMs, outcome, state, committed: run.committed }
}

/** Measures one uninterrupted import (from "started" to exit), to spread the kill times over it. */
export async function measureImport(bench: CrashBench): Promise<number> {
  const workspace = path.join(bench.dir, 'measure.safeguard')
  fs.copyFileSync(bench.baseWorkspace, workspace)
  const run = await runChild(bench, ['import', workspace, bench.scanFile], null)
  if (!run.committed) throw new Error(`The import did not complete: ${run.stderr}`)
  const state = inspectWorkspace(workspace, keyOf(bench))
  if (state.findings !== bench.findings) throw new Error(`The import stored ${state.findings} findings, not ${bench.findings}`)
  return run.elapsedMs
}

/** Backups made in a loop and killed: every backup under a final name must still check out. */
export async function backupTrial(bench: CrashBench, workspace: string, killAfterMs: number): Promise<{ backups: number; leftovers: string[] }> {
  await runChild(bench, ['backup', workspace], killAfterMs)
  const backups = listBackupFiles(workspace)
  for (const backup of backups) checkWorkspaceCopy(backup.file, keyOf(bench), `Backup ${backup.name}`)
  const folder = `${workspace}.backups`
  const leftovers = fs.existsSync(folder) ? fs.readdirSync(folder).filter(name => !backups.some(backup => backup.name === name)) : []
  return { backups: backups.length, leftovers }
}

/** Kill times spread evenly over 0..span (with jitter), so both outcomes are exercised every run. */
export function spreadKillTimes(trials: number, spanMs: number, random: () => number = Math.random): number[] {
  return Array.from({ length: trials }, (_, i) => Math.round(((i + random()) / trials) * spanMs))
}
