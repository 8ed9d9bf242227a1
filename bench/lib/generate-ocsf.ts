// Writes a synthetic Prowler v5 JSON-OCSF file the way Prowler does: "[", then each
// finding pretty-printed and followed by ",", then "]". Records vary in check,
// status, account, region and resource so the import has real work to do.

import fs from 'node:fs'
import prowlerChecks from '../../templates/scanner-mappings/prowler-checks.json'

const CHECKS = Object.keys(prowlerChecks.aws)
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2']
const SEVERITIES = ['Critical', 'High', 'Medium', 'Low', 'Informational']
const STATUSES = ['FAIL', 'PASS', 'PASS', 'MANUAL']

function finding(i: number): unknown {
  const check = CHECKS[i % CHECKS.length] as string
  const account = String(100000000000 + (i % 7))
  const region = REGIONS[i % REGIONS.length] as string
  const resource = `arn:aws:s3:::bucket-${i}`
  const hipaa =
    (prowlerChecks.aws as Record<string, string[]>)[check]?.map(c => c.replace(/[().]/g, '_').replace(/__/g, '_').replace(/_$/, '').toLowerCase()) ??
    []
  const time = 1739539623 + (i % 3600)
  return {
    message: `Resource ${resource} evaluated by ${check}.`,
    metadata: {
      event_code: check,
      product: { name: 'Prowler', uid: 'prowler', vendor_name: 'Prowler', version: '5.3.0' },
      profiles: ['cloud', 'datetime'],
      tenant_uid: '',
      version: '1.4.0'
    },
    severity_id: (i % 5) + 1,
    severity: SEVERITIES[i % SEVERITIES.length],
    status: i % 50 === 0 ? 'Suppressed' : 'New',
    status_code: STATUSES[i % STATUSES.length],
    status_detail: `Resource ${resource} evaluated by ${check} in ${region}.`,
    status_id: 1,
    unmapped: {
      related_url: `https://docs.example.org/${check}`,
      categories: ['encryption'],
      depends_on: [],
      related_to: [],
      additional_urls: [`https://docs.example.org/${check}/more`],
      notes: '',
      compliance: { 'CIS-3.0': ['2.1.1'], SOC2: ['cc_6_1', 'cc_6_7'], HIPAA: hipaa, 'ISO27001-2013': ['A.10.1'] }
    },
    activity_name: 'Create',
    activity_id: 1,
    finding_info: {
      created_time: time,
      created_time_dt: '2025-02-14T14:27:03.913874',
      desc: `Synthetic description of what ${check} verifies, long enough to resemble the real text written by the scanner for each of its checks.`,
      product_uid: 'prowler',
      title: `Synthetic title for ${check}`,
      types: ['Data Protection'],
      uid: `prowler-aws-${check}-${account}-${region}-bucket-${i}`
    },
    resources: [
      {
        cloud_partition: 'aws',
        region,
        data: {
          details: '',
          metadata: {
            arn: resource,
            name: `bucket-${i}`,
            encryption: i % 2 === 0 ? 'AES256' : null,
            versioning: i % 3 === 0,
            tags: [{ Key: 'env', Value: 'prod' }]
          }
        },
        group: { name: check.split('_')[0] },
        labels: [],
        name: `bucket-${i}`,
        type: 'AwsS3Bucket',
        uid: resource
      }
    ],
    category_name: 'Findings',
    category_uid: 2,
    class_name: 'Detection Finding',
    class_uid: 2004,
    cloud: {
      account: { name: 'bench', type: 'AWS Account', type_id: 10, uid: account, labels: [] },
      org: { name: '', uid: '' },
      provider: 'aws',
      region
    },
    remediation: {
      desc: `Synthetic remediation advice for ${check}: change the setting, then run the scan again to confirm the result changed as expected.`,
      references: [`aws s3api put-bucket-encryption --bucket bucket-${i}`, `https://docs.example.org/${check}/fix`]
    },
    risk_details: `Synthetic risk statement for ${check}: without this control an attacker could read or change protected health information stored in the resource.`,
    time,
    time_dt: '2025-02-14T14:27:03.913874',
    type_uid: 200401,
    type_name: 'Detection Finding: Create'
  }
}

/** Writes `count` findings to `file`; returns its size in bytes. */
export async function generateProwlerOcsf(file: string, count: number): Promise<number> {
  const out = fs.createWriteStream(file)
  const write = (text: string): Promise<void> | void => {
    if (!out.write(text)) return new Promise(resolve => out.once('drain', () => resolve()))
  }
  await write('[\n')
  let pending = ''
  for (let i = 0; i < count; i++) {
    const text = JSON.stringify(finding(i), null, 2).replace(/\n/g, '\n  ')
    pending += '  ' + text + (i < count - 1 ? ',\n' : '\n')
    if (pending.length > 1 << 20) {
      await write(pending)
      pending = ''
    }
  }
  await write(pending + ']\n')
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())))
  return fs.statSync(file).size
}
