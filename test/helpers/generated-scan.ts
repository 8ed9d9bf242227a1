import fs from 'node:fs'
import path from 'node:path'

/**
 * Writes a Prowler 2 JSON-lines file of `count` findings, each on its own bucket, to `dir`, and returns its path.
 * `failed` of them fail (the first ones); the rest pass. Counts large enough to need a thousands separator.
 */
export function writeProwlerLines(dir: string, count: number, failed = count): string {
  const lines: string[] = []
  for (let i = 0; i < count; i++) {
    lines.push(
      JSON.stringify({
        Profile: 'default',
        'Account Number': '111122223333',
        Control: '[extra73] Ensure there are no S3 buckets open to everyone',
        Message: `Bucket bucket-${i} checked`,
        Severity: 'High',
        Status: i < failed ? 'FAIL' : 'PASS',
        Scored: 'Not Scored',
        Level: 'Extra',
        'Control ID': 'extra73',
        Region: 'us-east-1',
        Timestamp: '2026-03-04T10:11:12Z',
        Compliance: 'hipaa-164_312_a_1',
        Service: 's3',
        'CAF Epic': 'Data Protection',
        Risk: '',
        Remediation: 'Block public access.',
        'Doc link': 'https://example.org/s3',
        'Resource ID': `arn:aws:s3:::bucket-${i}`
      })
    )
  }
  const file = path.join(dir, `prowler-${count}.ndjson`)
  fs.writeFileSync(file, `${lines.join('\n')}\n`)
  return file
}
