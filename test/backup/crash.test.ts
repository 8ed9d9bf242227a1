import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  backupTrial,
  importTrial,
  measureImport,
  prepareCrashBench,
  runChild,
  spreadKillTimes,
  type CrashBench,
  type ImportTrial
} from './crash/harness'

// Kept small so `npm test` stays fast on a busy 2-core machine; `npx tsx test/backup/crash/trials.ts` runs many more, bigger.
const FINDINGS = 2000
const TRIALS = 20

let bench: CrashBench
beforeAll(async () => {
  bench = await prepareCrashBench(FINDINGS)
}, 60_000)
afterAll(() => bench?.cleanup())

describe('SIGKILL during an import', () => {
  it(`leaves a whole workspace holding all of the import or none of it (${TRIALS} trials)`, { timeout: 180_000 }, async () => {
    const duration = await measureImport(bench)
    // Most kills land while the import runs; the last two come long after it must have committed.
    const killTimes = [...spreadKillTimes(TRIALS - 2, duration * 1.2), duration * 3, duration * 3]
    const trials: ImportTrial[] = []
    for (const [index, killAfterMs] of killTimes.entries()) trials.push(await importTrial(bench, index, killAfterMs))

    for (const trial of trials) {
      expect(trial.state.integrity, `kill after ${trial.killAfterMs} ms`).toBe('ok')
      expect(trial.state.foreignKeyProblems, `kill after ${trial.killAfterMs} ms`).toBe(0)
      expect(['none', 'all'], `kill after ${trial.killAfterMs} ms left ${JSON.stringify(trial.state)}`).toContain(trial.outcome)
      // Whatever the child reported as committed must be there.
      if (trial.committed) expect(trial.outcome).toBe('all')
    }
    const outcomes = trials.map(trial => trial.outcome)
    expect(outcomes).toContain('none')
    expect(outcomes).toContain('all')
  })
})

describe('SIGKILL during backups', () => {
  it('never leaves an unchecked or partial file under a final backup name (12 trials)', { timeout: 120_000 }, async () => {
    // A workspace holding a whole import, so each VACUUM INTO takes long enough to be interrupted.
    const workspace = path.join(bench.dir, 'backed-up.safeguard')
    fs.copyFileSync(bench.baseWorkspace, workspace)
    await runChild(bench, ['import', workspace, bench.scanFile], null)
    let backups = 0
    let interrupted = 0
    for (const killAfterMs of spreadKillTimes(12, 1200)) {
      // backupTrial opens and checks every backup under a final name (throws on a bad one).
      const trial = await backupTrial(bench, workspace, killAfterMs)
      backups = trial.backups
      if (trial.leftovers.length > 0) interrupted += 1
      // Anything else in the folder is the interrupted backup's partial file (and its journal), which the next backup removes.
      if (process.env.CRASH_REPORT)
        console.log(`kill after ${killAfterMs} ms: ${trial.backups} backups, leftovers ${JSON.stringify(trial.leftovers)}`)
      for (const name of trial.leftovers) expect(name).toMatch(/^\..*\.partial-[0-9a-f]+(-journal|-wal|-shm)?$/)
    }
    expect(backups).toBeGreaterThan(0)
    // Most kills land in the middle of a VACUUM INTO (the partial file is the proof); at least one must have.
    expect(interrupted).toBeGreaterThan(0)
  })
})

describe('SIGKILL during an import into an encrypted workspace', () => {
  let encrypted: CrashBench
  beforeAll(async () => {
    encrypted = await prepareCrashBench(FINDINGS / 2, { passphrase: 'crash test passphrase' })
  }, 60_000)
  afterAll(() => encrypted?.cleanup())

  it('leaves it whole and encrypted, with all of the import or none (4 trials)', { timeout: 120_000 }, async () => {
    const duration = await measureImport(encrypted)
    for (const [index, killAfterMs] of [...spreadKillTimes(3, duration), duration * 3].entries()) {
      const trial = await importTrial(encrypted, index, killAfterMs)
      expect(trial.state.integrity).toBe('ok')
      expect(trial.state.foreignKeyProblems).toBe(0)
      expect(['none', 'all'], `kill after ${killAfterMs} ms left ${JSON.stringify(trial.state)}`).toContain(trial.outcome)
    }
  })
})
