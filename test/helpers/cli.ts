import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

export const BIN = path.resolve(__dirname, '../../bin/safeguard.js')
/** Set by the Vitest global setup (test/setup/cli-bundle.ts) to the bundled command. */
export const CLI_BUNDLE_ENV = 'SAFEGUARD_TEST_CLI_BUNDLE'

/**
 * Runs the `safeguard` command in a child process: the bundle of the same code the test run built, or
 * bin/safeguard.js itself (`viaBin`, or when no bundle was built).
 */
export async function runSafeguard(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; viaBin?: boolean } = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = (!options.viaBin && process.env[CLI_BUNDLE_ENV]) || BIN
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], {
      cwd: options.cwd,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      maxBuffer: 64 * 1024 * 1024
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}
