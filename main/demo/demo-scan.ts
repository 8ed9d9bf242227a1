import fs from 'node:fs'

/**
 * Writes a small synthetic Prowler JSON-OCSF scan (the format Prowler 4 and 5 write), so the demo
 * imports scanner output the way a user would. Accounts and resources are invented.
 */

const ACCOUNT = '210987654321'

const CHECKS: Array<{
  code: string
  title: string
  hipaa: string[]
  severity: [number, string]
  resource: (i: number) => { uid: string; name: string; type: string }
}> = [
  {
    code: 's3_bucket_default_encryption',
    title: 'Check S3 bucket default encryption',
    hipaa: ['164_308_a_1_ii_b', '164_312_a_2_iv', '164_312_c_1'],
    severity: [3, 'Medium'],
    resource: i => ({ uid: `arn:aws:s3:::juniper-ridge-data-${i}`, name: `juniper-ridge-data-${i}`, type: 'AwsS3Bucket' })
  },
  {
    code: 's3_bucket_public_access',
    title: 'Ensure S3 buckets block public access',
    hipaa: ['164_308_a_3_i', '164_312_a_1'],
    severity: [5, 'Critical'],
    resource: i => ({ uid: `arn:aws:s3:::juniper-ridge-exports-${i}`, name: `juniper-ridge-exports-${i}`, type: 'AwsS3Bucket' })
  },
  {
    code: 'ec2_ebs_volume_encryption',
    title: 'Ensure EBS volumes are encrypted',
    hipaa: ['164_312_a_2_iv', '164_312_e_2_ii'],
    severity: [4, 'High'],
    resource: i => ({
      uid: `arn:aws:ec2:us-east-1:${ACCOUNT}:volume/vol-0d${String(i).padStart(6, '0')}`,
      name: `vol-0d${String(i).padStart(6, '0')}`,
      type: 'AwsEc2Volume'
    })
  },
  {
    code: 'cloudtrail_s3_dataevents_read_enabled',
    title: 'Ensure CloudTrail records S3 data read events',
    hipaa: ['164_308_a_1_ii_d', '164_312_b'],
    severity: [3, 'Medium'],
    resource: i => ({ uid: `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/main-${i}`, name: `main-${i}`, type: 'AwsCloudTrailTrail' })
  },
  {
    code: 'iam_user_mfa_enabled_console_access',
    title: 'Ensure MFA is enabled for IAM users with console access',
    hipaa: ['164_308_a_3_ii_a', '164_312_d'],
    severity: [4, 'High'],
    resource: i => ({ uid: `arn:aws:iam::${ACCOUNT}:user/staff-${i}`, name: `staff-${i}`, type: 'AwsIamUser' })
  },
  {
    code: 'rds_instance_no_public_access',
    title: 'Ensure RDS instances are not publicly accessible',
    hipaa: ['164_308_a_3_i', '164_312_e_1'],
    severity: [5, 'Critical'],
    resource: i => ({ uid: `arn:aws:rds:us-east-1:${ACCOUNT}:db:records-${i}`, name: `records-${i}`, type: 'AwsRdsDbInstance' })
  },
  {
    code: 'rds_instance_backup_enabled',
    title: 'Ensure RDS instances have backups enabled',
    hipaa: ['164_308_a_7_i', '164_308_a_7_ii_a'],
    severity: [3, 'Medium'],
    resource: i => ({ uid: `arn:aws:rds:us-east-1:${ACCOUNT}:db:scheduling-${i}`, name: `scheduling-${i}`, type: 'AwsRdsDbInstance' })
  },
  {
    code: 'vpc_flow_logs_enabled',
    title: 'Ensure VPC flow logging is enabled',
    hipaa: ['164_308_a_1_ii_d', '164_312_b'],
    severity: [3, 'Medium'],
    resource: i => ({ uid: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/vpc-0a${i}`, name: `vpc-0a${i}`, type: 'AwsEc2Vpc' })
  },
  {
    code: 'elbv2_insecure_ssl_ciphers',
    title: 'Ensure load balancers use secure TLS policies',
    hipaa: ['164_312_e_1', '164_312_e_2_i', '164_312_e_2_ii'],
    severity: [4, 'High'],
    resource: i => ({
      uid: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:loadbalancer/app/portal-${i}`,
      name: `portal-${i}`,
      type: 'AwsElbv2LoadBalancer'
    })
  },
  {
    code: 'kms_cmk_rotation_enabled',
    title: 'Ensure rotation of customer managed KMS keys is enabled',
    hipaa: ['164_312_a_2_iv', '164_312_e_2_ii'],
    severity: [2, 'Low'],
    resource: i => ({ uid: `arn:aws:kms:us-east-1:${ACCOUNT}:key/1f0c${i}`, name: `1f0c${i}`, type: 'AwsKmsKey' })
  }
]

function random(seed: number): () => number {
  let state = seed * 7919 + 17
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648
    return state / 2147483648
  }
}

export function writeProwlerOcsfScan(file: string, options: { date: string; seed: number; failShare: number; count?: number }): string {
  const next = random(options.seed)
  const time = Math.floor(Date.parse(`${options.date}T09:30:00Z`) / 1000)
  const records = Array.from({ length: options.count ?? 240 }, (_, i) => {
    const check = CHECKS[i % CHECKS.length]!
    const resource = check.resource(Math.floor(i / CHECKS.length))
    const failed = next() < options.failShare
    const region = i % 3 === 0 ? 'us-west-2' : 'us-east-1'
    return {
      message: `${check.code} result for ${resource.uid}`,
      metadata: { event_code: check.code, product: { name: 'Prowler', uid: 'prowler', vendor_name: 'Prowler', version: '5.3.0' }, version: '1.4.0' },
      severity_id: check.severity[0],
      severity: check.severity[1],
      status: 'New',
      status_code: failed ? 'FAIL' : 'PASS',
      status_detail: `${resource.name} ${failed ? 'does not meet' : 'meets'} ${check.code}.`,
      status_id: 1,
      unmapped: { compliance: { HIPAA: check.hipaa } },
      finding_info: {
        created_time: time,
        created_time_dt: `${options.date}T09:30:00`,
        desc: check.title,
        title: check.title,
        uid: `prowler-aws-${check.code}-${ACCOUNT}-${region}-${resource.name}`
      },
      resources: [
        {
          cloud_partition: 'aws',
          region,
          data: { details: '' },
          group: { name: check.code.split('_')[0] },
          labels: [],
          name: resource.name,
          type: resource.type,
          uid: resource.uid
        }
      ],
      category_name: 'Findings',
      category_uid: 2,
      class_name: 'Detection Finding',
      class_uid: 2004,
      cloud: {
        account: { name: 'juniper-ridge-prod', type: 'AWS Account', type_id: 10, uid: ACCOUNT },
        org: { name: '', uid: '' },
        provider: 'aws',
        region
      },
      remediation: { desc: `Apply the fix for ${check.code}.`, references: [] },
      risk_details: 'Protected health information could be exposed.',
      type_uid: 200401,
      type_name: 'Detection Finding: Create',
      time,
      time_dt: `${options.date}T09:30:00`
    }
  })
  fs.writeFileSync(file, JSON.stringify(records, null, 2))
  return file
}
