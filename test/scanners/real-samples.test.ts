import { describe, expect, it } from 'vitest'
import { readScanFile } from '../../main/scanners/read/scan-reader'
import { realSample, realSamplesDir, realSamplesPresent } from './fixture-paths'

// The real scanner outputs live in ../shared next to the repository and are never
// copied in; a clone without that folder skips these (our own fixtures cover every format).
describe.skipIf(!realSamplesPresent)(`real scanner samples in ${realSamplesDir}`, () => {
  it('Prowler 3.3 ASFF (731 findings): citations re-derived from GeneratorId', async () => {
    const { findings, summary } = await readScanFile(realSample('prowler/asff_prowler-output.asff.json'))
    expect(summary.format).toBe('prowler-asff')
    expect(summary.findings).toBe(731)
    expect(summary.passed + summary.failed).toBe(731 - findings.filter(f => f.status === 'info' || f.status === 'manual').length)
    // No cut-off id such as "164.312" without a paragraph can come through.
    expect(summary.citations.every(c => /\(/.test(c))).toBe(true)
    expect(summary.citations).toContain('164.312(a)(2)(iv)')
    expect(summary.accounts).toEqual(['123456789012'])
  })

  it('Prowler v3 JSON with Compliance.HIPAA', async () => {
    const { findings, summary } = await readScanFile(realSample('prowler/v3-json_many_vuln.json'))
    expect(summary.format).toBe('prowler-v3-json')
    expect(findings[0]).toMatchObject({
      checkId: 'acm_certificates_expiration_check',
      status: 'failed',
      citations: ['164.308(a)(4)(ii)(A)', '164.312(e)(1)'],
      citationSource: 'file'
    })
  })

  it('Prowler v3 JSON for Azure (subscription as account)', async () => {
    const { findings } = await readScanFile(realSample('prowler/v3-json_azure.json'))
    expect(findings).toHaveLength(4)
    expect(findings[0]?.account).toMatch(/^Example_Subscription/)
  })

  it('Prowler 4.2 OCSF with ISO created_time and 4.5+ time_dt', async () => {
    const { findings, summary } = await readScanFile(realSample('prowler/v4-ocsf_many_vuln_after_4.5.0.ocsf.json'))
    expect(summary.format).toBe('prowler-ocsf')
    expect(findings).toHaveLength(3)
    expect(findings[0]?.observedAt).toMatch(/^2024-06-03T14:15:19/)
  })

  it.each(['prowler/v5-ocsf_example_output_aws.ocsf.json', 'prowler/v5-ocsf_example_output_azure.ocsf.json'])(
    'Prowler v5 OCSF example %s',
    async name => {
      const { summary } = await readScanFile(realSample(name))
      expect(summary.format).toBe('prowler-ocsf')
      expect(summary.findings).toBe(5)
    }
  )

  it('Prowler v5 CSV example agrees with the OCSF example on check ids', async () => {
    const csv = await readScanFile(realSample('prowler/v5-csv_example_output_aws.csv'))
    const ocsf = await readScanFile(realSample('prowler/v5-ocsf_example_output_aws.ocsf.json'))
    expect(csv.findings.map(f => f.checkId)).toEqual(ocsf.findings.slice(0, 4).map(f => f.checkId))
    expect(csv.findings.map(f => f.status)).toEqual(['failed', 'manual', 'failed', 'manual'])
  })

  it('empty Prowler output "[ ]" is a valid scan with no findings', async () => {
    const { summary } = await readScanFile(realSample('prowler/v5-ocsf_zero_findings.json'))
    expect(summary).toMatchObject({ format: 'empty', findings: 0 })
  })

  it('ScoutSuite AWS results: 30 flagged rules resolved to resources', async () => {
    const { findings, summary } = await readScanFile(realSample('scoutsuite/scoutsuite_results_aws_new2.js'))
    expect(summary.format).toBe('scoutsuite')
    expect(summary.accounts).toEqual(['430150006394'])
    const failedRules = new Set(findings.filter(f => f.status === 'failed').map(f => f.checkId))
    expect(failedRules.size).toBe(30)
    const bucket = findings.find(f => f.status === 'failed' && f.checkId.startsWith('s3-') && f.resourceId?.startsWith('arn:aws:s3:::'))
    expect(bucket?.resourceName).toBeTruthy()
  })

  it.each([
    ['securityhub/get-findings_guardduty.json', 4],
    ['securityhub/get-findings_fsbp-config_multiple_resources.json', 5],
    ['securityhub/asff-bare-array_inspector_many_vulns.json', 5],
    ['securityhub/awsdocs_sample-finding-fsbp.json', 1]
  ])('Security Hub %s', async (name, count) => {
    const { summary } = await readScanFile(realSample(name))
    expect(summary.format).toBe('securityhub-asff')
    expect(summary.findings).toBe(count)
  })

  it('the AWS docs sample finding (CloudTrail.2) maps to specifications through the control table', async () => {
    const { findings } = await readScanFile(realSample('securityhub/awsdocs_sample-finding-fsbp.json'))
    expect(findings[0]).toMatchObject({ checkId: 'CloudTrail.2', citationSource: 'table' })
    expect(findings[0]?.citations).toContain('164.312(a)(2)(iv)')
  })

  it('refuses documentation and mapping files as unknown shapes', async () => {
    await expect(readScanFile(realSample('prowler/compliance-mapping_hipaa_aws.json'))).rejects.toMatchObject({ code: 'unknown-format' })
    await expect(readScanFile(realSample('awsconfig/aws-cli-example_describe-compliance-by-config-rule.rst'))).rejects.toMatchObject({
      code: 'not-json'
    })
  })
})
