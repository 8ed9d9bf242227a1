import fs from 'node:fs'

/** Checks the mapping tables know, so the import does its citation work as with real files. */
const CHECKS = [
  'acm_certificates_expiration_check',
  'apigateway_restapi_logging_enabled',
  'awslambda_function_not_publicly_accessible',
  's3_bucket_default_encryption',
  'iam_root_mfa_enabled'
]
const STATUSES = ['FAIL', 'PASS', 'PASS', 'MANUAL']

/** One compact Prowler v5 JSON-OCSF finding (only the fields the importer reads, plus a little text). */
function finding(i: number): string {
  const check = CHECKS[i % CHECKS.length]!
  const resource = `arn:aws:s3:::crash-bucket-${i}`
  return JSON.stringify({
    metadata: { event_code: check, product: { name: 'Prowler', version: '5.3.0' } },
    finding_info: { uid: `prowler-aws-${check}-123456789012-us-east-1-${i}`, title: `Crash test finding ${i}` },
    class_uid: 2004,
    severity: 'High',
    status: 'New',
    status_code: STATUSES[i % STATUSES.length],
    status_detail: `Resource ${resource} evaluated by ${check}.`,
    cloud: { account: { uid: '123456789012' }, region: 'us-east-1', provider: 'aws' },
    resources: [{ uid: resource, name: `crash-bucket-${i}`, type: 'AwsS3Bucket', region: 'us-east-1' }],
    remediation: { desc: `Fix ${check} on ${resource}.`, references: [] },
    time_dt: '2026-11-20T10:00:00Z'
  })
}

/** Writes a Prowler OCSF array of `count` findings to `file` (generated at test time, never committed). */
export function writeProwlerOcsfFile(file: string, count: number): void {
  const handle = fs.openSync(file, 'w')
  try {
    fs.writeSync(handle, '[\n')
    let chunk: string[] = []
    for (let i = 0; i < count; i += 1) {
      chunk.push(finding(i) + (i < count - 1 ? ',' : ''))
      if (chunk.length === 5000) {
        fs.writeSync(handle, `${chunk.join('\n')}\n`)
        chunk = []
      }
    }
    fs.writeSync(handle, `${chunk.join('\n')}\n]\n`)
  } finally {
    fs.closeSync(handle)
  }
}
