import fs from 'node:fs'
import path from 'node:path'

/** A Prowler OCSF file of one account: bucket → PASS/FAIL for the S3 encryption check, scanned on `day`. */
export function scanFile(dir: string, day: string, results: Record<string, 'PASS' | 'FAIL'>): string {
  const file = path.join(dir, `scan-${day}.ocsf.json`)
  const time = Date.parse(`${day}T08:00:00Z`) / 1000
  fs.writeFileSync(
    file,
    JSON.stringify(
      Object.entries(results).map(([bucket, status]) => ({
        metadata: { event_code: 's3_bucket_default_encryption', product: { name: 'Prowler', version: '5.0.0' } },
        status_code: status,
        severity: 'High',
        class_uid: 2004,
        time,
        finding_info: { title: 'S3 bucket default encryption' },
        resources: [{ uid: `arn:aws:s3:::${bucket}` }],
        cloud: { account: { uid: '999900001111' }, region: 'us-east-1', provider: 'aws' },
        unmapped: { compliance: { HIPAA: ['164_312_a_2_iv'] } }
      }))
    )
  )
  return file
}
