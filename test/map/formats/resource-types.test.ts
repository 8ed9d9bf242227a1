import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseResourceTypeTable, resourceTypes } from '../../../main/map/read/resource-types'

const tablePath = path.resolve(__dirname, '../../../templates/infrastructure/resource-types.json')
const table = JSON.parse(fs.readFileSync(tablePath, 'utf8')) as { note: string; types: Record<string, unknown>[] }
const serviceIds = new Set(
  (
    JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../templates/assessment/cloud-services.json'), 'utf8')) as {
      services: { id: string }[]
    }
  ).services.map(s => s.id)
)

describe('templates/infrastructure/resource-types.json', () => {
  it('is valid: known kinds, no type spelled twice', () => {
    expect(() => parseResourceTypeTable(table)).not.toThrow()
    expect(resourceTypes().rows.length).toBe(table.types.length)
  })

  it('names only cloud services of templates/assessment/cloud-services.json', () => {
    const used = table.types.map(t => t.service).filter((s): s is string => typeof s === 'string')
    expect(used.length).toBeGreaterThan(20)
    for (const id of used) expect(serviceIds.has(id), id).toBe(true)
  })

  it('gives every row a spelling, and every drawn row a kind and a service (null when none fits)', () => {
    for (const row of table.types) {
      expect(
        ['terraform', 'cloudformation', 'config', 'asff', 'arn'].some(f => Array.isArray(row[f])),
        JSON.stringify(row)
      ).toBe(true)
      if (row.role === 'asset' || row.standalone) expect('service' in row && 'kind' in row, JSON.stringify(row)).toBe(true)
    }
  })

  it('one row answers for a resource however each format spells it', () => {
    const types = resourceTypes()
    const rds = [
      types.byName('terraform', 'aws_db_instance'),
      types.byName('cloudformation', 'AWS::RDS::DBInstance'),
      types.byName('config', 'AWS::RDS::DBInstance'),
      types.byName('asff', 'AwsRdsDbInstance'),
      types.byArn('rds', 'db')
    ]
    for (const entry of rds) expect(entry).toMatchObject({ role: 'asset', assetKind: 'database', serviceId: 'aws-rds' })
    expect(new Set(rds).size).toBe(1)
    expect(types.byName('config', 'AWS::EC2::SUBNET')).toMatchObject({ role: 'zone', zoneKind: 'subnet' })
    expect(types.byArn('sqs', null)).toMatchObject({ assetKind: 'queue', serviceId: 'aws-sqs' })
    expect(types.byArn('lambda', 'function')).toMatchObject({ assetKind: 'function', serviceId: 'aws-lambda' })
    expect(types.byArn('lambda', 'layer')).toMatchObject({ role: 'part' })
    expect(types.byName('terraform', 'aws_s3_bucket_notification')).toMatchObject({ role: 'part', row: { parent: { terraform: 'bucket' } } })
    expect(types.byName('terraform', 'aws_launch_template')).toMatchObject({ role: 'part', standalone: true, assetKind: 'instance' })
    expect(types.byName('terraform', 'aws_no_such_thing')).toBeUndefined()
  })

  it('encryption and public access are read from each format’s own setting names', () => {
    const types = resourceTypes()
    expect(types.byName('terraform', 'aws_dynamodb_table')?.row.encryptedAtRest).toEqual({ always: true })
    expect(types.byName('cloudformation', 'AWS::RDS::DBInstance')?.row.encryptedAtRest).toMatchObject({
      cloudformation: [{ path: 'StorageEncrypted' }]
    })
    expect(types.byName('terraform', 'aws_lb')?.row.publicAccess).toMatchObject({ terraform: [{ path: 'internal', invert: true, absent: true }] })
  })

  it('refuses a table with an unknown kind, a type listed twice, a zone drawn as an asset, or a drawn row without a service', () => {
    const bad = (types: unknown[]) => () => parseResourceTypeTable({ note: 'n', types })
    expect(bad([{ role: 'asset', kind: 'spaceship', service: null, terraform: ['aws_x'] }])).toThrow(/types\.0\.kind/)
    expect(
      bad([
        { role: 'asset', kind: 'bucket', service: 'aws-s3', terraform: ['aws_x'] },
        { role: 'part', terraform: ['aws_x'] }
      ])
    ).toThrow(/terraform aws_x is listed twice/)
    expect(bad([{ role: 'zone', kind: 'bucket', terraform: ['aws_x'] }])).toThrow(/zones \(and only zones\)/)
    expect(bad([{ role: 'asset', kind: 'bucket', terraform: ['aws_x'] }])).toThrow(/needs a kind and a service/)
  })
})
