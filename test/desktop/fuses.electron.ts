import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { chooseApp, type AppChoice } from './packaged-app'
import { SMOKE_COPY_OUTPUT } from './smoke-copy'

// What the shipped app's fuses are for, tried on the binary itself (check-fuses.ts reads them; this watches them
// work): Node's inspector, NODE_OPTIONS and ELECTRON_RUN_AS_NODE get nowhere. Each run starts the app with
// --remote-debugging-port=0, whose "DevTools listening" line says the app is up, gives it a moment, and stops it.

const ROOT = path.resolve(__dirname, '../..')
const SETTLE_MS = 3_000

const shipped = chooseApp(
  'SAFEGUARD_SHIPPED_APP',
  path.join(ROOT, 'dist'),
  'no packaged app as shipped: SAFEGUARD_SHIPPED_APP is not set and dist/ holds none (`npm run dist -- --dir` makes one where Electron can be downloaded).'
)
// The smoke-test copy, built with Node's inspector allowed: the control that shows the inspector check can see an inspector.
const smokeCopy = chooseApp('SAFEGUARD_PACKAGED_APP', path.join(ROOT, SMOKE_COPY_OUTPUT), 'no smoke-test copy')

function executableOf(choice: AppChoice): string {
  if ('executable' in choice) return choice.executable
  throw new Error('error' in choice ? choice.error : choice.skip)
}

/** Removes a temp folder; a file the stopped app's last processes still hold (Windows) only leaves it behind. */
function removeQuietly(dir: string): void {
  try {
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 })
  } catch {
    // Left in the temp folder.
  }
}

interface BriefRun {
  /** Whether Chromium said it listens for DevTools, i.e. the app itself started. */
  started: boolean
  output: string
}

/** Starts the app on a fresh data folder, waits until it is up (at most 60 s) and SETTLE_MS more, then stops it. */
async function startBriefly(executable: string, args: string[], env: Record<string, string> = {}): Promise<BriefRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-fuses-'))
  // The sandbox has nothing to do with fuses; on Linux it would need the setuid helper (see the workflow).
  // On macOS Chromium's mock keychain keeps these runs out of the real Keychain: an item this binary made there would
  // belong to it, and the smoke-test copy (another binary, the same app name) would then be asked for access.
  const platformArgs = process.platform === 'linux' ? ['--no-sandbox'] : process.platform === 'darwin' ? ['--use-mock-keychain'] : []
  const child = spawn(executable, ['--remote-debugging-port=0', ...platformArgs, ...args], {
    env: { ...process.env, SAFEGUARD_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  const started = await new Promise<boolean>(resolve => {
    const timer = setTimeout(() => resolve(false), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (/DevTools listening on ws:\/\//.test(output)) {
        clearTimeout(timer)
        resolve(true)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    void exited.then(() => {
      clearTimeout(timer)
      resolve(false)
    })
  })
  if (started) await new Promise(resolve => setTimeout(resolve, SETTLE_MS))
  if (child.exitCode === null) {
    child.kill()
    const stopped = await Promise.race([exited.then(() => true), new Promise(resolve => setTimeout(() => resolve(false), 10_000))])
    if (!stopped) child.kill('SIGKILL')
    await exited
  }
  removeQuietly(dataDir)
  return { started, output }
}

if ('skip' in shipped) test.skip(true, shipped.skip)

test.describe('the shipped app’s fuses, at work', () => {
  test('Node’s inspector cannot be opened (EnableNodeCliInspectArguments off)', async () => {
    const run = await startBriefly(executableOf(shipped), ['--inspect=0'])
    expect(run.started, run.output).toBe(true)
    expect(run.output).not.toMatch(/Debugger listening on/)
    test.info().annotations.push({ type: 'control', description: 'skip' in smokeCopy ? smokeCopy.skip : 'the smoke-test copy opens it' })
    if ('executable' in smokeCopy) {
      const control = await startBriefly(smokeCopy.executable, ['--inspect=0'])
      expect(control.output, 'the smoke-test copy, which allows the inspector').toMatch(/Debugger listening on ws:\/\//)
    }
  })

  test('NODE_OPTIONS is ignored (EnableNodeOptionsEnvironmentVariable off)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-node-options-'))
    const marker = path.join(dir, 'loaded')
    const script = path.join(dir, 'preload.js')
    fs.writeFileSync(script, `require('fs').writeFileSync(${JSON.stringify(marker)}, 'NODE_OPTIONS ran')\n`)
    const run = await startBriefly(executableOf(shipped), [], { NODE_OPTIONS: `--require ${JSON.stringify(script)}` })
    expect(run.started, run.output).toBe(true)
    expect(fs.existsSync(marker)).toBe(false)
    removeQuietly(dir)
  })

  test('ELECTRON_RUN_AS_NODE does not turn it into Node (RunAsNode off)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-run-as-node-'))
    const marker = path.join(dir, 'ran')
    const run = await startBriefly(executableOf(shipped), ['-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran as Node')`], {
      ELECTRON_RUN_AS_NODE: '1'
    })
    // As Node it would have run the script and exited without starting Chromium.
    expect(run.started, run.output).toBe(true)
    expect(fs.existsSync(marker)).toBe(false)
    removeQuietly(dir)
  })
})
