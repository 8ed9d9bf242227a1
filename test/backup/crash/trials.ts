// More crash trials than `npm test` runs: npx tsx test/backup/crash/trials.ts [trials] [findings]
// Prints the outcome of every trial and exits non-zero if any left a damaged or partial workspace.
// Kill times are spread over twice one measured import, since imports run slower when the machine is busy.
import { importTrial, measureImport, prepareCrashBench, spreadKillTimes } from './harness'

async function main(): Promise<void> {
  const trials = Number(process.argv[2] ?? 100)
  const findings = Number(process.argv[3] ?? 20000)
  const bench = await prepareCrashBench(findings)
  try {
    const duration = await measureImport(bench)
    console.log(`import of ${findings} findings takes ${Math.round(duration)} ms; ${trials} trials`)
    const counts: Record<string, number> = {}
    for (const [index, killAfterMs] of spreadKillTimes(trials, duration * 2).entries()) {
      const trial = await importTrial(bench, index, killAfterMs)
      counts[trial.outcome] = (counts[trial.outcome] ?? 0) + 1
      console.log(
        `${String(index + 1).padStart(4)}  kill after ${String(killAfterMs).padStart(6)} ms  ${trial.outcome}  ${JSON.stringify(trial.state)}`
      )
    }
    console.log(JSON.stringify(counts))
    if ((counts.partial ?? 0) + (counts.damaged ?? 0) > 0) process.exitCode = 1
  } finally {
    bench.cleanup()
  }
}

void main()
