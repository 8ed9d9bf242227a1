import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { writeProwlerLines } from '../helpers/generated-scan'
import { tempDir } from '../helpers/workspace'
import path from 'node:path'

describe('counts in the command line output', () => {
  it('are grouped by thousands: the import summary and the findings list', async () => {
    const dir = tempDir()
    const ws = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', ws, '--org', 'Lakeside Dental', '--unencrypted'])).code).toBe(0)
    const scan = writeProwlerLines(dir, 1234, 1001)

    const imported = await runSafeguard(['import', ws, scan])
    expect(imported.stderr).toBe('')
    expect(imported.stdout).toMatch(/^ {2}1,234 check results from [\d,]+ checks?: 233 passed, 1,001 failed$/m)
    expect(imported.stdout).toContain('  failed by severity: critical 0, high 1,001, medium 0, low 0')

    const listed = await runSafeguard(['findings', ws, '--limit', '5'])
    expect(listed.code).toBe(0)
    expect(listed.stdout).toContain('5 of 1,234 findings shown.')
  })
})
