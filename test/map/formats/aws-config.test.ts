import { describe, expect, it } from 'vitest'
import { readInfrastructureFile } from '../../../main/map/formats'
import { asset, edges, ownFixture, zone, zoneNames } from './infrastructure-helpers'

describe('AWS Config', () => {
  it('one item as a Config rule receives it: RDS placed from configuration.dBSubnetGroup, a relationship name with a trailing space', async () => {
    const map = await readInfrastructureFile(ownFixture('aws-config_item_rds.json'))
    expect(map.format).toBe('aws-config')
    expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([2, 4, 0])
    expect(asset(map, 'intake-db')).toMatchObject({
      key: 'arn:aws:rds:us-west-2:444455556666:db:intake-db',
      kind: 'database',
      serviceId: 'aws-rds',
      encryptedAtRest: false,
      publicAccess: false,
      account: '444455556666',
      region: 'us-west-2'
    })
    expect(zoneNames(map, 'intake-db')).toEqual(['subnet-0c1d2e3f', 'subnet-0d2e3f4a'])
    expect(zone(map, 'subnet-0c1d2e3f').parentKey).toBe('aws:vpc:vpc-0c1d2e3f')
    expect(asset(map, 'sg-0d1e2f3a').kind).toBe('security-group')
  })

  it('a delivered snapshot (ARN, awsAccountId, name + direction, AWS::EC2::SUBNET): groups, routes and what the VPC contains', async () => {
    const map = await readInfrastructureFile(ownFixture('aws-config_snapshot.json'))
    expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([5, 4, 3])
    expect(edges(map)).toEqual([
      'Internet -> i-0a1b2c3d4e5f60718 (network)',
      'igw-0e1f2a3b -> Internet (route)',
      'subnet-0d2e3f4a -> igw-0e1f2a3b (route)'
    ])
    expect(zone(map, 'vpc-0c1d2e3f')).toMatchObject({ placeholder: false, cidr: '10.40.0.0/16', parentKey: 'aws:account:444455556666' })
    expect(zone(map, 'subnet-0c1d2e3f')).toMatchObject({ placeholder: false, cidr: '10.40.1.0/24', parentKey: 'aws:vpc:vpc-0c1d2e3f' })
    // Known only from "Contains Subnet": a placeholder, in its VPC all the same.
    expect(zone(map, 'subnet-0d2e3f4a')).toMatchObject({ placeholder: true, parentKey: 'aws:vpc:vpc-0c1d2e3f' })
    expect(asset(map, 'igw-0e1f2a3b').zoneKeys).toEqual(['aws:vpc:vpc-0c1d2e3f'])
    expect(asset(map, 'i-0a1b2c3d4e5f60718')).toMatchObject({ publicAccess: true, zoneKeys: ['aws:subnet:subnet-0d2e3f4a'] })
  })

  it('get-resource-config-history: configuration as JSON strings, the newest version of each resource, deleted ones left out', async () => {
    const map = await readInfrastructureFile(ownFixture('aws-config_history.json'))
    expect(map.assets.map(a => [a.name, a.encryptedAtRest])).toEqual([['clinic-scans', true]])
    expect(map.warnings).toContain('1 resource was recorded as deleted and is left out.')
  })

  it('batch-get-resource-config: no relationships, so placement comes from the configuration', async () => {
    const map = await readInfrastructureFile(ownFixture('aws-config_batch-get.json'))
    expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([3, 4, 0])
    expect(zoneNames(map, 'hl7-parser')).toEqual(['subnet-0c1d2e3f'])
    expect(zoneNames(map, 'internal-api')).toEqual(['subnet-0c1d2e3f', 'subnet-0d2e3f4a'])
    expect(zone(map, 'subnet-0d2e3f4a').parentKey).toBe('aws:vpc:vpc-0c1d2e3f')
    expect(asset(map, 'internal-api').publicAccess).toBe(false)
    expect(JSON.stringify(map)).not.toContain('batch-api-key-secret')
  })

  it('a change notification, plain or inside its SNS envelope, gives the same map', async () => {
    const plain = await readInfrastructureFile(ownFixture('aws-config_change-notification.json'))
    const wrapped = await readInfrastructureFile(ownFixture('aws-config_sns-envelope.json'))
    expect(wrapped).toEqual(plain)
    expect([plain.assets.length, plain.zones.length, plain.flows.length]).toEqual([2, 3, 1])
    expect(edges(plain)).toEqual(['i-0b1c2d3e4f5a6b7c8 -> vol-0a9b8c7d6e5f4a3b (reference)'])
    expect(zoneNames(plain, 'i-0b1c2d3e4f5a6b7c8')).toEqual(['subnet-0d2e3f4a'])
  })

  it('refuses a notification that carries no configuration item, saying what to import instead', async () => {
    const error = await readInfrastructureFile(ownFixture('aws-config_delivery-notification.json')).catch(e => e)
    expect(error).toMatchObject({ code: 'malformed', place: { path: 'messageType' } })
    expect(error.message).toMatch(/ConfigurationSnapshotDeliveryCompleted notification, which carries no configuration item/)
  })
})
