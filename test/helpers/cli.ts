import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'

const BIN = path.resolve(__dirname, '../../bin/safeguard.js')

/** Runs the real `safeguard` command in a child process. */
export async function runSafeguard(
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
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
