import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSafeguard } from '../helpers/cli'
import { tempDir } from '../helpers/workspace'
import { scanFile } from './scan-files'

describe('safeguard findings triage', () => {
  it('lists the latest scan of each account unless --all-scans, triages a finding and a check, shows triage in --json, withdraws', async () => {
    const dir = tempDir()
    const ws = path.join(dir, 'clinic.safeguard')
    expect((await runSafeguard(['init', ws, '--org', 'Lakeside Dental', '--unencrypted'])).code).toBe(0)
    expect(
      (
        await runSafeguard([
          'import',
          ws,
          scanFile(dir, '2026-01-10', { a: 'FAIL', b: 'FAIL' }),
          scanFile(dir, '2026-02-10', { a: 'FAIL', b: 'PASS' })
        ])
      ).code
    ).toBe(0)

    const latest = JSON.parse((await runSafeguard(['findings', ws, '--json'])).stdout)
    expect(latest.total).toBe(2)
    expect(JSON.parse((await runSafeguard(['findings', ws, '--all-scans', '--json'])).stdout).total).toBe(4)
    const a = latest.findings.find((f: { resourceId: string }) => f.resourceId === 'arn:aws:s3:::a')
    expect(a).toMatchObject({ status: 'failed', triage: null })

    const triaged = await runSafeguard([
      'findings',
      'triage',
      ws,
      String(a.id),
      '--as',
      'accepted-risk',
      '--reason',
      'Archive bucket \u001b[2J',
      '--expires',
      '2099-12-31',
      '--by',
      'Dana Reyes'
    ])
    expect(triaged.stderr).toBe('')
    expect(triaged.code).toBe(0)
    // Typed text reaches the terminal with its control characters shown, not obeyed.
    expect(triaged.stdout).toContain('Triaged #1 Accepted risk: finding prowler|999900001111|us-east-1|s3_bucket_default_encryption|arn:aws:s3:::a')
    expect(triaged.stdout).toContain('by Dana Reyes on')
    expect(triaged.stdout).toContain('Archive bucket \\u001b[2J')

    const after = JSON.parse((await runSafeguard(['findings', ws, '--status', 'failed', '--json'])).stdout)
    expect(after.findings[0].triage).toMatchObject({
      active: true,
      triage: { id: 1, status: 'accepted-risk', expiresOn: '2099-12-31', by: 'Dana Reyes' }
    })
    expect((await runSafeguard(['findings', ws, '--status', 'failed'])).stdout).toContain('(triaged #1: Accepted risk until 2099-12-31)')

    // Refusals name what is wrong and exit 1; nothing is recorded.
    const noExpiry = await runSafeguard([
      'findings',
      'triage',
      ws,
      String(a.id),
      '--as',
      'fixed-pending-rescan',
      '--reason',
      'Patched',
      '--by',
      'Sam'
    ])
    expect(noExpiry.code).toBe(1)
    expect(noExpiry.stderr).toMatch(/needs an expiry date/)
    const badStatus = await runSafeguard(['findings', 'triage', ws, String(a.id), '--as', 'ignored', '--reason', 'r', '--by', 'Sam'])
    expect(badStatus.code).toBe(1)
    expect(badStatus.stderr).toMatch(/status/)
    expect(JSON.parse((await runSafeguard(['findings', 'triaged', ws, '--json'])).stdout)).toHaveLength(1)

    // A whole check, by its id; the name defaults to the computer's user and says so.
    const check = await runSafeguard(['findings', 'triage', ws, 's3_bucket_default_encryption', '--as', 'false-positive', '--reason', 'SCP encrypts'])
    expect(check.code).toBe(0)
    expect(check.stdout).toContain("this computer's user name; give --by")
    expect(check.stdout).toContain('check s3_bucket_default_encryption, 1 failing finding(s); no expiry')

    const withdrawn = await runSafeguard(['findings', 'untriage', ws, '2', '--by', 'Dana Reyes', '--json'])
    expect(JSON.parse(withdrawn.stdout)).toMatchObject({ id: 2, state: 'withdrawn' })
    const all = (await runSafeguard(['findings', 'triaged', ws, '--all'])).stdout
    expect(all).toMatch(/#2 False positive: .*\[withdrawn: Withdrawn by Dana Reyes on/)
  })
})
