import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'

const PRELOAD = path.resolve(__dirname, '../helpers/loaded-packages.cjs')
/** Packages only some commands need; each takes tens to hundreds of milliseconds to load. */
const HEAVY = ['pdfkit', 'docx', 'exceljs', 'yaml', 'elkjs', 'csv-parse', 'csv-stringify']

/** Runs the bundled command (as `npm install` builds it) and returns the packages the process loaded. */
async function packagesLoadedBy(args: string[], dir: string): Promise<string[]> {
  const out = path.join(dir, `loaded-${args[0]}.json`)
  const run = await runSafeguard(args, { env: { NODE_OPTIONS: `--require ${JSON.stringify(PRELOAD)}`, SAFEGUARD_TEST_LOADED_PACKAGES: out } })
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(fs.readFileSync(out, 'utf8')) as string[]
}

// The bundle holds every feature; its packages load on first use (scripts/build-cli.mjs, main/cli/deferred-package.ts).
describe('safeguard start-up', () => {
  it('loads no PDF, Word, Excel, YAML or layout package for --version, --help or status, and loads pdfkit when writing a PDF', async () => {
    const dir = tempDir()
    const workspace = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', workspace, '--org', 'Harbor Clinic', '--unencrypted'])).code).toBe(0)

    // commander and zod are inside the bundle; any package loaded is one a command needs.
    expect(await packagesLoadedBy(['--version'], dir)).toEqual([])
    expect(await packagesLoadedBy(['--help'], dir)).toEqual([])
    const status = await packagesLoadedBy(['status', workspace], dir)
    expect(status).toContain('better-sqlite3-multiple-ciphers')
    expect(status.filter(name => HEAVY.includes(name))).toEqual([])

    const pack = await packagesLoadedBy(['pack', workspace, '--out', path.join(dir, 'pack.pdf')], dir)
    expect(pack).toContain('pdfkit')
    expect(fs.readFileSync(path.join(dir, 'pack.pdf')).subarray(0, 5).toString()).toBe('%PDF-')
  })
})
