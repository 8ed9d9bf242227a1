import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const ROOT = path.resolve(__dirname, '../../..')

/**
 * Bundles child.ts once per test file. It lives under node_modules/.cache so
 * the packages it leaves out (SQLite, pdfkit…) resolve from the project.
 */
export async function bundleChild(): Promise<{ script: string; remove(): void }> {
  const folder = path.join(ROOT, 'node_modules', '.cache', 'safeguard-crash-child')
  fs.mkdirSync(folder, { recursive: true })
  const script = path.join(folder, `child-${randomBytes(4).toString('hex')}.cjs`)
  await build({
    entryPoints: [path.join(__dirname, 'child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: script,
    packages: 'external',
    logLevel: 'error'
  })
  return { script, remove: () => fs.rmSync(script, { force: true }) }
}

export interface ChildRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

export interface RunningChild {
  pid: number
  /** Resolves with the first stdout line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<string>
  /** Kills the child's whole process group, as a crash or power cut would (no cleanup runs). */
  killGroup(): void
  finished: Promise<ChildRun>
  stdout(): string
}

/** Starts the child in its own process group. */
export function startChild(script: string, args: string[], env: Record<string, string> = {}): RunningChild {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = []
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
    for (const waiter of [...waiters]) {
      const line = stdout.split('\n').find(candidate => waiter.pattern.test(candidate))
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(line)
      }
    }
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const finished = new Promise<ChildRun>(resolve => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })))
  return {
    pid: child.pid!,
    stdout: () => stdout,
    waitFor: pattern =>
      new Promise<string>((resolve, reject) => {
        const line = stdout.split('\n').find(candidate => pattern.test(candidate))
        if (line !== undefined) return resolve(line)
        waiters.push({ pattern, resolve })
        void finished.then(run => reject(new Error(`the child ended (${run.code ?? run.signal}) before ${pattern}: ${run.stderr}`)))
      }),
    killGroup: () => {
      try {
        process.kill(-child.pid!, 'SIGKILL')
      } catch {
        // Already gone.
      }
    },
    finished
  }
}

export function runChild(script: string, args: string[], env: Record<string, string> = {}): Promise<ChildRun> {
  return startChild(script, args, env).finished
}
