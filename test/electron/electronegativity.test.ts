import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/workspace'

const SCRIPT = path.resolve(__dirname, '../../scripts/electronegativity.mjs')
const ALLOW_LIST = path.resolve(__dirname, '../../scripts/electronegativity-allow.json')

async function runScan(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SCRIPT, ...args], { timeout: 150_000 })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

// Electronegativity takes several seconds (it waits for the network it does not get), so each scan runs once.
describe('Electronegativity static scan', () => {
  it('finds nothing in the Electron shell beyond the reviewed allow-list', { timeout: 160_000 }, async () => {
    const result = await runScan([])
    expect(result.stderr).not.toMatch(/electronegativity: /)
    expect(result.code).toBe(0)
    const summary = JSON.parse(result.stdout) as { findings: number; allowed: number; unexpected: unknown[] }
    expect(summary.unexpected).toEqual([])
    expect(summary.allowed).toBe(summary.findings)
  })

  it('fails the run on an unsafe window that is not allow-listed', { timeout: 160_000 }, async () => {
    const sample = tempDir()
    fs.writeFileSync(
      path.join(sample, 'main.js'),
      "const { BrowserWindow } = require('electron')\n" +
        'const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } })\n' +
        "win.loadURL('http://example.com')\n"
    )
    const result = await runScan([sample, ALLOW_LIST])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/CONTEXT_ISOLATION_JS_CHECK in main\.js/)
    expect(result.stderr).toMatch(/SANDBOX_JS_CHECK in main\.js/)
    expect(result.stderr).toMatch(/HTTP_RESOURCES_JS_CHECK in main\.js/)
    // The shell's own navigation and permission handlers are what keep these global checks quiet for it.
    expect(result.stderr).toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK/)
    expect(result.stderr).toMatch(/PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK/)
  })

  it('has a reason for every allow-list entry', () => {
    const entries = JSON.parse(fs.readFileSync(ALLOW_LIST, 'utf8')) as { ruleId: string; file: string; reason: string }[]
    expect(entries.length).toBeGreaterThan(0)
    for (const entry of entries) {
      expect(entry.ruleId).toMatch(/^[A-Z_]+$/)
      expect(entry.reason.length).toBeGreaterThan(40)
    }
  })
})
