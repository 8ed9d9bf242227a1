import type { NormalizedFinding } from '../../main/scanners/finding.types'

/** A failing Prowler finding on one S3 bucket, for tests that need a finding as the reader gives it. */
export function normalizedFinding(bucket = 'a', overrides: Partial<NormalizedFinding> = {}): NormalizedFinding {
  return {
    format: 'prowler-ocsf',
    scanner: 'prowler',
    scannerVersion: '5.0.0',
    checkId: 's3_bucket_default_encryption',
    title: 'S3 default encryption',
    status: 'failed',
    muted: false,
    severity: 'high',
    statusDetail: 'not encrypted',
    resourceId: `arn:aws:s3:::${bucket}`,
    resourceName: bucket,
    resourceType: 'AwsS3Bucket',
    account: '111122223333',
    region: 'us-east-1',
    remediationText: null,
    remediationUrl: null,
    observedAt: null,
    itemCount: 1,
    findingKey: `prowler|111122223333|us-east-1|s3_bucket_default_encryption|arn:aws:s3:::${bucket}`,
    citations: ['164.312(a)(2)(iv)'],
    citationSource: 'file',
    ...overrides
  }
}
