import fs from 'node:fs'
import path from 'node:path'

// Free of test-runner imports: used by the Playwright smoke test, the fuse check script and their Vitest tests.

/** The folders `electron-builder --dir` writes per platform and arch, and the executable inside each. */
const UNPACKED_FOLDERS = ['linux-unpacked', 'linux-arm64-unpacked', 'win-unpacked', 'win-arm64-unpacked', 'mac', 'mac-arm64', 'mac-universal']
const EXECUTABLES = [
  path.join('Safeguard.app', 'Contents', 'MacOS', 'Safeguard'),
  'Safeguard.exe',
  // Linux: electron-builder names the executable after package.json "name".
  'safeguard'
]

/**
 * The packaged app's executable, given either that executable, the app folder (`dist/linux-unpacked`,
 * `Safeguard.app`) or the output folder electron-builder wrote (`dist`, `dist/smoke-test`).
 * Throws naming every place it looked when there is none.
 */
export function findPackagedApp(given: string): string {
  const start = path.resolve(given)
  if (!fs.existsSync(start)) throw new Error(`No packaged app at ${start}: nothing is there.`)
  if (fs.statSync(start).isFile()) return start
  const folders = [start, ...UNPACKED_FOLDERS.map(folder => path.join(start, folder))]
  const candidates = [
    ...(start.endsWith('.app') ? [path.join(start, 'Contents', 'MacOS', 'Safeguard')] : []),
    ...folders.flatMap(folder => EXECUTABLES.map(executable => path.join(folder, executable)))
  ]
  const found = candidates.find(candidate => fs.existsSync(candidate) && fs.statSync(candidate).isFile())
  if (found) return found
  throw new Error(`No packaged Safeguard executable under ${start}. Looked for:\n${candidates.map(candidate => `  ${candidate}`).join('\n')}`)
}

export type AppChoice = { executable: string } | { error: string } | { skip: string }

/**
 * The packaged app a test drives: the one named by the environment variable `variable`, else the one in `fallback`
 * when it has been packaged. Named but holding no app is an error, never a skip (CI must not skip quietly).
 */
export function chooseApp(variable: string, fallback: string, skipReason: string): AppChoice {
  const named = process.env[variable]
  try {
    return { executable: findPackagedApp(named || fallback) }
  } catch (error) {
    if (named) return { error: `${variable}=${named}: ${(error as Error).message}` }
    return { skip: skipReason }
  }
}
