import { describe, expect, it } from 'vitest'
import { assetsFromScannerResources } from '../../../main/map/formats/scanner-resources'

describe('assets from scanner resources', () => {
  it('draws each resource once by its type, ARN or EC2 id, in its account, VPC and subnet where the scanner gives them', () => {
    const map = assetsFromScannerResources([
      { resourceId: 'arn:aws:s3:::clinic-intake', resourceType: 'AwsS3Bucket', account: '111122223333', region: 'us-east-1' },
      { resourceId: 'arn:aws:s3:::clinic-intake', resourceType: 'AwsS3Bucket', account: '111122223333', region: 'us-east-1' },
      {
        resourceId: 'arn:aws:rds:us-east-1:111122223333:db:records',
        resourceName: 'records',
        resourceType: 'AWS::RDS::DBInstance',
        account: '111122223333',
        region: 'us-east-1'
      },
      {
        resourceId: 'arn:aws:ec2:us-east-1:111122223333:instance/i-0123456789abcdef0',
        resourceType: 'AwsEc2Instance',
        account: '111122223333',
        region: 'us-east-1',
        vpcId: 'vpc-0a1b2c3d',
        subnetId: 'subnet-0a1b2c3d'
      },
      { resourceId: 'i-0123456789abcdef0', resourceType: null, account: '111122223333', region: 'us-east-1' },
      { resourceId: 'arn:aws:lambda:us-east-1:111122223333:function:notify', resourceType: null, account: null, region: null },
      { resourceId: 'AWS::::Account:111122223333', resourceType: 'AwsAccount', account: '111122223333', region: 'us-east-1' },
      { resourceId: 'mystery-thing', resourceType: 'AwsSomethingNew', account: '111122223333', region: 'us-east-1' },
      { resourceId: null, resourceType: 'AwsS3Bucket', account: null, region: null }
    ])
    expect(map.format).toBe('scanner-resources')
    expect(map.assets.map(a => [a.key, a.kind, a.serviceId, a.name])).toEqual([
      ['arn:aws:s3:::clinic-intake', 'bucket', 'aws-s3', 'clinic-intake'],
      ['arn:aws:rds:us-east-1:111122223333:db:records', 'database', 'aws-rds', 'records'],
      ['aws:ec2:i-0123456789abcdef0', 'instance', 'aws-ec2', 'i-0123456789abcdef0'],
      ['arn:aws:lambda:us-east-1:111122223333:function:notify', 'function', 'aws-lambda', 'notify'],
      ['scanner:mystery-thing', 'other', null, 'mystery-thing']
    ])
    const byKey = new Map(map.assets.map(a => [a.key, a]))
    expect(byKey.get('aws:ec2:i-0123456789abcdef0')?.zoneKeys).toEqual(['aws:subnet:subnet-0a1b2c3d'])
    expect(byKey.get('arn:aws:lambda:us-east-1:111122223333:function:notify')).toMatchObject({ account: '111122223333', region: 'us-east-1' })
    expect(byKey.get('arn:aws:s3:::clinic-intake')?.zoneKeys).toEqual(['aws:account:111122223333'])
    expect(map.zones.map(z => [z.key, z.parentKey])).toEqual([
      ['aws:vpc:vpc-0a1b2c3d', 'aws:account:111122223333'],
      ['aws:subnet:subnet-0a1b2c3d', 'aws:vpc:vpc-0a1b2c3d'],
      ['aws:account:111122223333', null]
    ])
    expect(map.flows).toEqual([])
    expect(map.warnings).toEqual(["1 resource type is not in the resource table and drawn as 'other': AwsSomethingNew."])
  })

  it('an empty list gives an empty map', () => {
    expect(assetsFromScannerResources([])).toEqual({ format: 'scanner-resources', assets: [], zones: [], flows: [], warnings: [] })
  })
})
