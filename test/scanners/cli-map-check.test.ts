import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'
import { ownFixture } from './fixture-paths'

describe('safeguard import / findings map-check', () => {
  it('prints the one summary and the unmapped checks with why, maps a check, and lists its findings under the specification', async () => {
    const ws = path.join(tempDir(), 'clinic.safeguard')
    expect((await runSafeguard(['init', ws, '--org', 'Lakeside Dental', '--unencrypted'])).code).toBe(0)
    const imported = await runSafeguard(['import', ws, ownFixture('scoutsuite_results_gcp-clinic-prod-4411.js'), '--json'])
    expect(imported.code).toBe(0)
    const [report] = JSON.parse(imported.stdout)
    const firewall = 'computeengine-firewall-rule-allows-internal-traffic'
    expect(report.unmappedChecks.map((u: { checkId: string }) => u.checkId)).toEqual([firewall])
    // The text output prints the same summary as the JSON (and the app and the pack, which read it from the scan).
    const list = await runSafeguard(['import', ws, ownFixture('scoutsuite_results_azure-7d1e0c2a.js')])
    expect(list.code).toBe(0)
    expect(list.stdout).toMatch(
      /^ {2}\d+ checked items from \d+ checks \(passed = checked - flagged, as ScoutSuite counts them\): \d+ passed, \d+ failed/m
    )
    expect(list.stdout).toMatch(
      /1 check tied to no specification[^\n]*\n {4}ScoutSuite's output carries no HIPAA mapping[^\n]*:\n {6}appservice-authentication-disabled \(1 finding\)\n/
    )

    const mapped = await runSafeguard([
      'findings',
      'map-check',
      ws,
      'scoutsuite',
      firewall,
      '--to',
      '164.312(a)(1),164.308(a)(1)(ii)(B)',
      '--by',
      'Dana Reyes'
    ])
    expect(mapped.stderr).toBe('')
    expect(mapped.code).toBe(0)
    expect(mapped.stdout).toContain(`scoutsuite check ${firewall} mapped to 164.308(a)(1)(ii)(B), 164.312(a)(1) by Dana Reyes.`)

    const found = await runSafeguard(['findings', ws, '--spec', '164.312(a)(1)', '--scan', String(report.scanId), '--json'])
    const page = JSON.parse(found.stdout)
    expect(page.total).toBeGreaterThan(0)
    expect(page.findings.every((f: { checkId: string; citationSource: string }) => f.checkId === firewall && f.citationSource === 'user')).toBe(true)

    const refused = await runSafeguard(['findings', 'map-check', ws, 'scoutsuite', firewall, '--to', '164.999(a)'])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toMatch(/citation looks like|not a Security Rule/)
  })
})
