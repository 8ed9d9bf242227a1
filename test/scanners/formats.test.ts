import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { NormalizedFinding } from '../../main/scanners/finding.types'
import { readScanFile } from '../../main/scanners/read/scan-reader'
import { ownFixture } from './fixture-paths'

async function read(name: string) {
  return readScanFile(ownFixture(name))
}

function byCheck(findings: NormalizedFinding[], checkId: string): NormalizedFinding {
  const f = findings.find(x => x.checkId === checkId)
  if (!f) throw new Error(`no finding for ${checkId}`)
  return f
}

describe('Prowler JSON-OCSF', () => {
  it('reads v5 (class 2004, epoch times) with the HIPAA ids the file carries', async () => {
    const { findings, summary } = await read('prowler-v5.ocsf.json')
    expect(summary.format).toBe('prowler-ocsf')
    expect(summary.scannerVersion).toBe('5.3.0')
    expect(summary.findings).toBe(4)
    expect([summary.passed, summary.failed]).toEqual([1, 2])
    const failed = findings[0] as NormalizedFinding
    expect(failed).toMatchObject({
      checkId: 's3_bucket_default_encryption',
      status: 'failed',
      severity: 'medium',
      account: '111122223333',
      region: 'us-east-1',
      resourceId: 'arn:aws:s3:::patient-scans',
      resourceType: 'AwsS3Bucket',
      remediationUrl: 'https://example.org/fix/s3_bucket_default_encryption',
      observedAt: '2025-02-14T13:27:03.000Z',
      citations: ['164.308(a)(1)(ii)(B)', '164.312(a)(2)(iv)', '164.312(c)(1)'],
      citationSource: 'file'
    })
    expect(byCheck(findings, 'account_maintain_current_contact_details').status).toBe('manual')
    // A suppressed finding is kept but marked muted; without HIPAA in the file the table supplies citations.
    const muted = byCheck(findings, 'cloudtrail_multi_region_enabled')
    expect(muted.muted).toBe(true)
    expect(muted.citationSource).toBe('table')
    expect(muted.citations).toContain('164.312(b)')
  })

  it('reads v4 ISO times (event_time, created_time strings) as naive ISO', async () => {
    const { findings } = await read('prowler-v4-iso-times.ocsf.json')
    expect(findings[0]).toMatchObject({
      checkId: 'iam_root_mfa_enabled',
      severity: 'critical',
      observedAt: '2024-06-03T14:15:19.382',
      citations: ['164.312(d)']
    })
  })

  it('reads v3 class 2001 (check id in metadata.product.feature, requirements as a Python list string)', async () => {
    const { findings, summary } = await read('prowler-v3-class2001.ocsf.json')
    expect(summary.format).toBe('prowler-ocsf')
    expect(findings[0]).toMatchObject({
      checkId: 'rds_instance_storage_encrypted',
      status: 'failed',
      account: '111122223333',
      region: 'us-west-2',
      remediationUrl: 'https://example.org/rds-encryption',
      citations: ['164.308(a)(1)(ii)(B)', '164.312(a)(2)(iv)'],
      citationSource: 'file'
    })
  })

  it('imports the whole records of a file cut short and says what was dropped', async () => {
    const { summary } = await read('prowler-ocsf-truncated.json')
    expect(summary.findings).toBe(2)
    expect(summary.skipped).toEqual([
      { reason: 'incomplete record at the end of a cut-short file', count: 1, examples: [expect.stringMatching(/^record 2 at byte \d+$/)] }
    ])
  })

  it('accepts a trailing comma with no closing bracket', async () => {
    const { summary } = await read('prowler-ocsf-trailing-comma.json')
    expect(summary.findings).toBe(2)
    expect(summary.warnings.join(' ')).toMatch(/closing bracket/)
  })

  it('reads records joined by "}]{" after the array closed', async () => {
    const { findings, summary } = await read('prowler-ocsf-joined.json')
    expect(findings.map(f => f.status)).toEqual(['failed', 'passed', 'failed'])
    expect(summary.warnings.join(' ')).toMatch(/after the closing bracket/)
  })
})

describe('Prowler v2, v3 JSON, ASFF and CSV', () => {
  it('reads v3 JSON with Compliance.HIPAA, falling back to the table when absent', async () => {
    const { findings, summary } = await read('prowler-v3.json')
    expect(summary.format).toBe('prowler-v3-json')
    expect(byCheck(findings, 'ec2_ebs_volume_encryption')).toMatchObject({
      status: 'failed',
      severity: 'high',
      resourceId: 'arn:aws:ec2:eu-west-1:111122223333:volume/vol-0a1',
      resourceName: 'vol-0a1',
      observedAt: '2023-04-25T23:49:42.744',
      remediationText: 'Encrypt the volume.',
      citations: ['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'],
      citationSource: 'file'
    })
    expect(byCheck(findings, 'guardduty_is_enabled')).toMatchObject({ status: 'info', citationSource: 'table' })
  })

  it('reads v2 NDJSON, taking HIPAA ids from the Compliance text', async () => {
    const { findings, summary } = await read('prowler-v2.ndjson')
    expect(summary.format).toBe('prowler-v2-ndjson')
    expect(findings.map(f => [f.checkId, f.status, f.severity])).toEqual([
      ['2.1', 'passed', 'high'],
      ['extra72', 'failed', 'critical']
    ])
    expect(findings[0]?.citations).toEqual(['164.308(a)(1)(ii)(D)', '164.312(b)'])
    expect(findings[1]?.citationSource).toBe('none')
  })

  it('re-derives ASFF citations from the check id, never from the cut requirement strings', async () => {
    const { findings, summary } = await read('prowler-asff.json')
    expect(summary.format).toBe('prowler-asff')
    const trail = byCheck(findings, 'cloudtrail_multi_region_enabled')
    expect(trail.citationSource).toBe('table')
    expect(trail.citations).not.toContain('164.312')
    expect(trail.citations).toContain('164.312(b)')
    expect(byCheck(findings, 'iam_root_mfa_enabled')).toMatchObject({ status: 'failed', muted: true, severity: 'critical' })
    expect(trail.scannerVersion).toBe('3.3.0')
  })

  it('reads the v5 CSV (LF, quoted ";") with the HIPAA part of COMPLIANCE', async () => {
    const { findings, summary } = await read('prowler-v5.csv')
    expect(summary.format).toBe('prowler-csv')
    expect(findings).toHaveLength(3)
    expect(findings[0]).toMatchObject({
      checkId: 's3_bucket_default_encryption',
      citations: ['164.308(a)(1)(ii)(B)', '164.312(a)(2)(iv)'],
      observedAt: '2025-02-14T14:27:03.913'
    })
    expect(findings[1]?.title).toBe('Check multi-region trail; all regions')
    expect(findings[2]).toMatchObject({ status: 'manual', muted: true })
  })

  it('reads the Prowler 2 (shell) CSV: comma-separated, TITLE_ID as check id, HIPAA ids from the compliance column', async () => {
    const { findings, summary } = await read('prowler-v2.csv')
    expect(summary.format).toBe('prowler-v2-csv')
    expect(summary.scanner).toBe('prowler')
    expect(findings.map(f => [f.checkId, f.status, f.severity, f.account, f.region])).toEqual([
      ['2.1', 'passed', 'high', '111122223333', 'us-east-1'],
      ['extra72', 'failed', 'critical', '111122223333', 'us-east-2'],
      ['1.20', 'info', 'medium', '111122223333', 'us-east-1'],
      ['extra7100', 'failed', 'critical', '444455556666', 'eu-west-1'],
      ['2.2', 'passed', 'medium', '444455556666', 'eu-west-1']
    ])
    expect([summary.findings, summary.passed, summary.failed, summary.failedBySeverity.critical]).toEqual([5, 2, 2, 2])
    expect(summary.accounts).toEqual(['111122223333', '444455556666'])
    expect(findings.map(f => [f.citations, f.citationSource])).toEqual([
      [['164.308(a)(1)(ii)(D)', '164.312(b)'], 'file'],
      [[], 'none'],
      [[], 'none'],
      [['164.308(a)(3)(ii)(A)', '164.312(a)(1)'], 'file'],
      [[], 'none']
    ])
    expect(summary.citations).toEqual(['164.308(a)(1)(ii)(D)', '164.308(a)(3)(ii)(A)', '164.312(a)(1)', '164.312(b)'])
    expect(findings[1]).toMatchObject({
      title: '[extra72] Ensure there are no EBS Snapshots set as Public',
      statusDetail: 'Snapshot snap-1 is public, shared with all accounts',
      resourceId: 'snap-1',
      resourceType: 'AwsEc2Snapshot',
      remediationText: 'Make the snapshot private.',
      remediationUrl: 'https://example.org/ebs',
      observedAt: '2021-03-04T10:11:12.000Z'
    })
    expect(findings[2]?.resourceId).toBeNull()
    expect(findings[3]?.statusDetail).toBe('Policy "assume-all" allows sts:AssumeRole on *')
  })

  it('keys a Prowler 2 CSV finding like the same finding in Prowler 2 JSON lines, so scans compare across the two', async () => {
    const csv = await read('prowler-v2.csv')
    const ndjson = await read('prowler-v2.ndjson')
    const fromCsv = byCheck(csv.findings, '2.1')
    const fromJson = byCheck(ndjson.findings, '2.1')
    expect(fromCsv.findingKey).toBe(fromJson.findingKey)
    expect([fromCsv.status, fromCsv.citations]).toEqual([fromJson.status, fromJson.citations])
  })

  it('reads a v3 CSV with CRLF line ends and the older column names', async () => {
    const { findings } = await read('prowler-v3-crlf.csv')
    expect(findings.map(f => [f.checkId, f.account, f.region, f.resourceId])).toEqual([
      ['iam_root_mfa_enabled', '111122223333', 'us-east-1', 'arn:aws:iam::111122223333:root'],
      ['ec2_ebs_default_encryption', '111122223333', 'eu-west-1', 'arn:aws:ec2:eu-west-1:111122223333:ebs']
    ])
    expect(findings[0]?.citations).toEqual(['164.312(d)'])
  })
})

describe('Security Hub', () => {
  it('reads get-findings output: one finding per resource, archived skipped, suppressed muted, control ids mapped', async () => {
    const { findings, summary } = await read('securityhub-get-findings-page1.json')
    expect(summary.format).toBe('securityhub-asff')
    expect(findings.map(f => f.resourceId)).toEqual([
      'arn:aws:s3:::lab-results',
      'arn:aws:s3:::imaging',
      'arn:aws:cloudtrail:us-east-2:444455556666:trail/org',
      'AWS::::Account:444455556666'
    ])
    expect(summary.skipped[0]).toMatchObject({ reason: expect.stringMatching(/ARCHIVED/), count: 1 })
    expect(byCheck(findings, 'IAM.6')).toMatchObject({ muted: true, severity: 'critical' })
    expect(findings[0]?.citations).toContain('164.312(a)(2)(iv)')
    expect(findings[0]?.findingKey).not.toBe(findings[1]?.findingKey)
  })

  it('accepts a lowercase "findings" key and GuardDuty findings without a Compliance block', async () => {
    const { findings } = await read('securityhub-get-findings-page2-lowercase.json')
    expect(findings[0]).toMatchObject({
      checkId: 'TTPs/Discovery/Recon:EC2-PortProbeUnprotectedPort',
      status: 'failed',
      citationSource: 'none',
      severity: 'low'
    })
    expect(findings[1]).toMatchObject({ checkId: 'RDS.3', account: '777788889999' })
  })

  it('reads the OCSF NDJSON export (epoch milliseconds)', async () => {
    const { findings, summary } = await read('securityhub-ocsf-export.ndjson')
    expect(summary.format).toBe('securityhub-ocsf')
    expect(findings[0]).toMatchObject({
      checkId: 'S3.5',
      status: 'failed',
      severity: 'high',
      observedAt: '2024-05-03T10:00:00.000Z',
      resourceId: 'arn:aws:s3:::claims-archive'
    })
    expect(findings[0]?.citations.length).toBeGreaterThan(0)
    expect(findings[1]).toMatchObject({ status: 'failed', checkId: 'UnauthorizedAccess:IAMUser/MaliciousIPCaller' })
    expect(summary.skipped[0]?.count).toBe(1)
  })
})

/** Sum of checked_items (or flagged_items, if larger) over every rule of a ScoutSuite results file, read independently of the reader. */
async function scoutCheckedItems(file: string): Promise<number> {
  const text = await readFile(file, 'utf8')
  const results = JSON.parse(text.slice(text.indexOf('\n') + 1)) as {
    services: Record<string, { findings?: Record<string, { checked_items: number; flagged_items: number }> }>
  }
  let total = 0
  for (const service of Object.values(results.services))
    for (const rule of Object.values(service.findings ?? {})) total += Math.max(rule.checked_items, rule.flagged_items)
  return total
}

describe('ScoutSuite', () => {
  it('resolves flagged items through the services tree and counts passes as checked − flagged', async () => {
    const { findings, summary } = await read('scoutsuite_results_aws-555566667777.js')
    expect(summary.format).toBe('scoutsuite')
    expect(summary.scannerVersion).toBe('5.14.0')
    const bucket = findings.find(f => f.checkId === 's3-bucket-no-default-encryption' && f.status === 'failed')
    expect(bucket).toMatchObject({
      resourceId: 'arn:aws:s3:::phi-intake',
      resourceName: 'phi-intake',
      region: 'us-east-1',
      account: '555566667777',
      observedAt: '2024-02-03T08:15:00.000Z'
    })
    expect(findings.find(f => f.checkId === 'cloudtrail-not-configured' && f.status === 'failed')?.region).toBe('eu-west-1')
    // Ingress and egress paths of one security group are one finding, standing for both flagged items.
    const sg = findings.filter(f => f.checkId === 'ec2-default-security-group-with-rules')
    expect(sg.map(f => [f.status, f.resourceId, f.itemCount])).toEqual([
      ['failed', 'arn:aws:ec2:us-east-1:555566667777:security-group/sg-7', 2],
      ['passed', null, 1]
    ])
    expect(summary.passed).toBe(1 + 1 + 1)
    // Everything is counted in checked items: the parts add up to ScoutSuite's own checked counts.
    expect(summary.tally.unit.many).toBe('checked items')
    expect(summary.tally.total).toBe(await scoutCheckedItems(ownFixture('scoutsuite_results_aws-555566667777.js')))
    expect(summary.tally.byStatus.passed + summary.tally.byStatus.failed).toBe(summary.tally.total)
    expect(summary.tally.records).toBe(findings.length)
    expect(summary.skipped[0]).toMatchObject({ reason: 'ScoutSuite rule checked no resources', count: 1 })
  })
})

describe('AWS Config', () => {
  it('reads describe-compliance-by-config-rule with capped counts', async () => {
    const { findings, summary } = await read('awsconfig-describe-compliance-by-config-rule.json')
    expect(summary.format).toBe('awsconfig-rule-compliance')
    expect(findings[0]).toMatchObject({ checkId: 's3-bucket-server-side-encryption-enabled', status: 'failed', itemCount: 4 })
    expect(summary.failed).toBe(4)
    expect(findings[0]?.citations).toContain('164.312(a)(2)(iv)')
    expect(summary.skipped[0]?.reason).toMatch(/INSUFFICIENT_DATA/)
  })

  it('reads evaluation results with epoch-float times', async () => {
    const { findings } = await read('awsconfig-get-compliance-details-by-config-rule.json')
    expect(findings.map(f => [f.resourceId, f.status, f.observedAt])).toEqual([
      ['vol-11', 'failed', '2015-12-17T01:10:45.261Z'],
      ['vol-12', 'passed', '2015-12-17T01:10:45.180Z']
    ])
  })

  it('matches deployed conformance-pack rule names by prefix, with ISO times', async () => {
    const { findings, summary } = await read('awsconfig-get-conformance-pack-compliance-details.json')
    expect(summary.format).toBe('awsconfig-conformance-pack')
    expect(findings[0]).toMatchObject({
      status: 'failed',
      statusDetail: 'Port 22 open to the world',
      observedAt: '2024-07-01T12:00:00.000Z',
      title: expect.stringContaining('hipaa-pack')
    })
    expect(findings[0]?.citations.length).toBeGreaterThan(0)
    expect(findings[2]?.citations).toEqual(['164.308(a)(1)(ii)(A)'])
  })
})

describe('Powerpipe benchmark export', () => {
  it('takes the specification from the parent group and merges a control listed under several items', async () => {
    const { findings, summary } = await read('powerpipe-hipaa-benchmark.json')
    expect(summary.format).toBe('powerpipe-hipaa')
    const records = findings.find(f => f.resourceId === 'arn:aws:s3:::records')
    expect(records).toMatchObject({ status: 'failed', severity: 'high', account: '888899990000', region: 'us-east-1', citationSource: 'file' })
    expect(records?.citations).toEqual(['164.312(a)(2)(iv)', '164.312(e)(2)(ii)'])
    // 164.312(b) group has no item tag: its title names it.
    const trail = findings.filter(f => f.checkId === 'cloudtrail_trail_enabled')
    expect(trail.map(f => f.citations)).toEqual([['164.312(b)'], ['164.312(b)']])
    // The skipped result is kept with its own status and Powerpipe's reason.
    expect(trail.find(f => f.resourceId === 'x')).toMatchObject({ status: 'skipped', statusDetail: 'x is skip' })
    expect(summary.skipped).toEqual([])
    expect(summary.warnings).toEqual([])
    expect(summary.unmappedChecks).toEqual([])
    expect(findings).toHaveLength(4)
    expect(summary.tally.byStatus.skipped).toBe(1)
  })

  it('keeps every result of a benchmark other than HIPAA and says which tie to no specification and why', async () => {
    const { findings, summary } = await read('powerpipe-cis-benchmark.json')
    expect(summary.format).toBe('powerpipe-hipaa')
    expect(findings).toHaveLength(21)
    const byStatus = (status: NormalizedFinding['status']) => findings.filter(f => f.status === status).length
    // 5 alarm, 10 ok, 3 info, 1 skip, 2 error: each under its own status.
    expect([byStatus('failed'), byStatus('passed'), byStatus('info'), byStatus('skipped'), byStatus('error'), byStatus('manual')]).toEqual([
      5, 10, 3, 1, 2, 0
    ])
    expect([summary.findings, summary.passed, summary.failed]).toEqual([21, 10, 5])
    expect(summary.tally).toMatchObject({ total: 21, records: 21, byStatus: { passed: 10, failed: 5, info: 3, skipped: 1, error: 2, manual: 0 } })
    expect(summary.skipped).toEqual([])
    expect(findings.filter(f => f.status === 'skipped').map(f => f.resourceId)).toEqual(['arn:aws:rds:us-east-1:123456789012:db:legacy'])
    expect(findings.every(f => f.citations.length === 0 && f.citationSource === 'none')).toBe(true)
    expect(summary.citations).toEqual([])
    expect(findings.find(f => f.resourceId === 'arn:aws:accessanalyzer:eu-west-1:123456789012')).toMatchObject({
      checkId: 'cis_v300_1_20',
      status: 'error',
      account: '123456789012',
      region: 'eu-west-1'
    })
    const controls = new Set(findings.map(f => f.checkId)).size
    expect(summary.warnings).toEqual([
      `21 results of ${controls} controls are not tied to a HIPAA specification: benchmark aws_compliance.benchmark.cis_v300 is not the HIPAA benchmark; its controls have no mapping (none is in Safeguard's Steampipe HIPAA control table); they were kept`
    ])
    // The import report lists each control with its reason, and the findings add up to every result.
    expect(summary.unmappedChecks.map(u => u.checkId).sort()).toEqual([...new Set(findings.map(f => f.checkId))].sort())
    expect(summary.unmappedChecks.reduce((n, u) => n + u.findings, 0)).toBe(21)
    expect(summary.unmappedChecks.every(u => u.reason.startsWith('benchmark aws_compliance.benchmark.cis_v300 is not the HIPAA benchmark'))).toBe(
      true
    )
  })

  it('says so when an export holds no control results at all', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'powerpipe-'))
    const file = path.join(dir, 'empty-benchmark.json')
    await writeFile(file, JSON.stringify({ group_id: 'aws_compliance.benchmark.cis_v300', title: 'CIS v3.0.0', groups: [], controls: null }))
    const { summary } = await readScanFile(file)
    expect(summary.findings).toBe(0)
    expect(summary.warnings).toEqual(['the benchmark export holds no control results (no control ran, or every control has an empty result list)'])
  })

  it('keeps a control that could not run as one error finding', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'powerpipe-'))
    const file = path.join(dir, 'run-error.json')
    const control = {
      control_id: 'aws_compliance.control.cis_v300_3_1',
      title: '3.1 CloudTrail',
      results: null,
      run_status: 8,
      run_error: 'access denied'
    }
    await writeFile(file, JSON.stringify({ group_id: 'aws_compliance.benchmark.cis_v300', title: 'CIS v3.0.0', groups: [], controls: [control] }))
    const { findings, summary } = await readScanFile(file)
    expect(findings.map(f => [f.checkId, f.status, f.statusDetail, f.resourceId])).toEqual([
      ['cis_v300_3_1', 'error', 'Powerpipe could not run the control: access denied', null]
    ])
    expect(summary.warnings).toEqual([
      "1 result of 1 control is not tied to a HIPAA specification: benchmark aws_compliance.benchmark.cis_v300 is not the HIPAA benchmark; its controls have no mapping (none is in Safeguard's Steampipe HIPAA control table); it was kept"
    ])
    expect(summary.tally).toMatchObject({ total: 1, byStatus: { error: 1 } })
  })
})
