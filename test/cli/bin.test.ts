import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'

// The other CLI tests run a bundle built for the test run (test/setup/cli-bundle.ts); this one runs the command as
// installed: the bundle in out/cli/, rebuilt first when a source changed since.
describe('bin/safeguard.js', () => {
  it('runs the command as installed: version, a new workspace and its profile', { timeout: 60_000 }, async () => {
    const version = await runSafeguard(['--version'], { viaBin: true })
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toBe(JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')).version)
    const workspace = path.join(tempDir(), 'clinic.safeguard')
    expect((await runSafeguard(['init', workspace, '--org', 'Harbor Clinic', '--unencrypted'], { viaBin: true })).code).toBe(0)
    const status = await runSafeguard(['info', workspace, '--json'], { viaBin: true })
    expect(status.code).toBe(0)
    expect(JSON.parse(status.stdout).organization.name).toBe('Harbor Clinic')
    // `verify` loads pdf.js (ES modules) from the bundle; Node 20 lost import() in a script run from V8's code cache,
    // so every run after the first failed. Two runs: the second starts from the cache the first wrote.
    const pack = path.join(path.dirname(workspace), 'pack.pdf')
    expect((await runSafeguard(['pack', workspace, '--out', pack, '--unsigned'], { viaBin: true })).code).toBe(0)
    for (const run of [1, 2]) {
      const verified = await runSafeguard(['verify', pack], { viaBin: true })
      expect(verified.stdout, `run ${run}: ${verified.stderr}`).toMatch(/^Manifest: .*Harbor Clinic/m)
      expect(verified.stderr).not.toMatch(/dynamic import|ExperimentalWarning/)
    }
    // Where no bundle can be built (no esbuild), or asked to, it runs the TypeScript sources through tsx.
    const fromSource = await runSafeguard(['--version'], { viaBin: true, env: { SAFEGUARD_FROM_SOURCE: '1' } })
    expect(fromSource).toMatchObject({ code: 0, stdout: version.stdout })
  })
})
