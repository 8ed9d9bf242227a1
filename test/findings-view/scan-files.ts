import fs from 'node:fs'
import path from 'node:path'

export interface ScanFinding {
  check: string
  status: 'PASS' | 'FAIL'
  severity: 'critical' | 'high' | 'medium' | 'low'
  resource: string
  /** Prowler's HIPAA requirement ids, e.g. 164_312_a_1. */
  hipaa: string[]
  title?: string
  region?: string
  remediation?: string
}

/** Writes a Prowler 3 JSON file (the format's own field names) for one account, started at `startedAt`. */
export function writeProwlerScan(dir: string, name: string, account: string, startedAt: string, findings: ScanFinding[]): string {
  const records = findings.map(f => ({
    AssessmentStartTime: startedAt,
    FindingUniqueId: `prowler-aws-${f.check}-${account}-${f.region ?? 'eu-west-1'}-${f.resource}`,
    Provider: 'aws',
    CheckID: f.check,
    CheckTitle: f.title ?? `Title of ${f.check}`,
    CheckType: [],
    ServiceName: f.check.split('_')[0],
    SubServiceName: '',
    Status: f.status,
    StatusExtended: `${f.resource} is ${f.status}`,
    Severity: f.severity,
    ResourceType: 'AwsResource',
    ResourceDetails: '',
    Description: 'd',
    Risk: 'r',
    RelatedUrl: '',
    Remediation: { Code: { NativeIaC: '', Terraform: '', CLI: '', Other: '' }, Recommendation: { Text: f.remediation ?? 'Fix it.', Url: '' } },
    Compliance: { HIPAA: f.hipaa },
    Categories: [],
    DependsOn: [],
    RelatedTo: [],
    Notes: '',
    Profile: null,
    AccountId: account,
    OrganizationsInfo: null,
    Region: f.region ?? 'eu-west-1',
    ResourceId: f.resource,
    ResourceArn: `arn:aws:x:eu-west-1:${account}:${f.resource}`,
    ResourceTags: []
  }))
  const file = path.join(dir, name)
  fs.writeFileSync(file, JSON.stringify(records, null, 1))
  return file
}

const S3 = 's3_bucket_public_access'
const EBS = 'ec2_ebs_volume_encryption'
const TRAIL = 'cloudtrail_multi_region_enabled'
const MFA = 'iam_user_mfa_enabled'

export const CHECKS = { S3, EBS, TRAIL, MFA }

/**
 * Three scans: A (account 111, January) superseded by B (account 111, February), and C (account 222, early January).
 * One resource name starts with '=' and one title with '+', as a file could hold.
 */
export function writeThreeScans(dir: string): { a: string; b: string; c: string } {
  const a = writeProwlerScan(dir, 'a.json', '111122223333', '2026-01-10T09:00:00', [
    { check: EBS, status: 'FAIL', severity: 'critical', resource: 'vol-1', hipaa: ['164_312_a_2_iv'] },
    { check: MFA, status: 'FAIL', severity: 'medium', resource: 'user-old', hipaa: ['164_312_d'] },
    { check: S3, status: 'PASS', severity: 'high', resource: 'bucket-b', hipaa: ['164_312_a_1'] }
  ])
  const b = writeProwlerScan(dir, 'b.json', '111122223333', '2026-02-10T09:00:00', [
    { check: S3, status: 'FAIL', severity: 'high', resource: 'bucket-a', hipaa: ['164_312_a_1'] },
    { check: S3, status: 'PASS', severity: 'high', resource: 'bucket-b', hipaa: ['164_312_a_1'] },
    { check: S3, status: 'PASS', severity: 'high', resource: 'bucket-c', hipaa: ['164_312_a_1'] },
    { check: EBS, status: 'FAIL', severity: 'critical', resource: 'vol-1', hipaa: ['164_312_a_2_iv'] },
    { check: EBS, status: 'FAIL', severity: 'critical', resource: '=SUM(1+1)', hipaa: ['164_312_a_2_iv'], remediation: '+Encrypt it' },
    { check: TRAIL, status: 'FAIL', severity: 'low', resource: 'trail-1', hipaa: ['164_312_b'] }
  ])
  const c = writeProwlerScan(dir, 'c.json', '222233334444', '2026-01-05T09:00:00', [
    { check: TRAIL, status: 'FAIL', severity: 'low', resource: 'trail-z', hipaa: ['164_312_b'] }
  ])
  return { a, b, c }
}
