import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readInfrastructureFile, type ReadProgress } from '../../../main/map/formats'
import { tempDir } from '../../helpers/workspace'

/**
 * A `terraform show -json` plan of exactly 10,000 resources, counted as real
 * configurations count them: 20 subnets, 2,000 buckets each notifying its own
 * function, 1,990 queues, 1,989 of them mapped to a function.
 */
function generatePlan(): string {
  const counts = { subnet: 20, bucket: 2000, fn: 2000, notification: 2000, queue: 1990, mapping: 1989 }
  const planned: object[] = []
  const changes: object[] = []
  const add = (type: string, name: string, index: number | null, values: object) => {
    const address = `${type}.${name}${index === null ? '' : `[${index}]`}`
    planned.push({
      address,
      mode: 'managed',
      type,
      name,
      ...(index === null ? {} : { index }),
      provider_name: 'registry.terraform.io/hashicorp/aws',
      values,
      sensitive_values: {}
    })
    changes.push({
      address,
      mode: 'managed',
      type,
      name,
      change: { actions: ['create'], before: null, after: values, after_unknown: { arn: true, id: true } }
    })
  }
  add('aws_vpc', 'main', null, { cidr_block: '10.0.0.0/16' })
  for (let i = 0; i < counts.subnet; i++) add('aws_subnet', 'private', i, { cidr_block: `10.0.${i}.0/24` })
  for (let i = 0; i < counts.bucket; i++) add('aws_s3_bucket', 'b', i, { bucket: `bucket-${i}` })
  for (let i = 0; i < counts.fn; i++) add('aws_lambda_function', 'f', i, { function_name: `fn-${i}`, runtime: 'python3.12', vpc_config: [{}] })
  for (let i = 0; i < counts.notification; i++) add('aws_s3_bucket_notification', 'n', i, { lambda_function: [{ events: ['s3:ObjectCreated:*'] }] })
  for (let i = 0; i < counts.queue; i++) add('aws_sqs_queue', 'q', i, { name: `queue-${i}`, sqs_managed_sse_enabled: true })
  for (let i = 0; i < counts.mapping; i++) add('aws_lambda_event_source_mapping', 'm', i, { batch_size: 10 })
  const refs = (...r: string[]) => ({ references: r })
  const resource = (type: string, name: string, expressions: object, count?: number) => ({
    address: `${type}.${name}`,
    mode: 'managed',
    type,
    name,
    provider_config_key: 'aws',
    expressions,
    schema_version: 0,
    ...(count ? { count_expression: { constant_value: count } } : {})
  })
  const configuration = {
    root_module: {
      resources: [
        resource('aws_vpc', 'main', { cidr_block: { constant_value: '10.0.0.0/16' } }),
        resource('aws_subnet', 'private', { vpc_id: refs('aws_vpc.main.id', 'aws_vpc.main') }, counts.subnet),
        resource('aws_s3_bucket', 'b', {}, counts.bucket),
        resource('aws_lambda_function', 'f', { vpc_config: [{ subnet_ids: refs('aws_subnet.private') }] }, counts.fn),
        resource(
          'aws_s3_bucket_notification',
          'n',
          {
            bucket: refs('aws_s3_bucket.b', 'count.index'),
            lambda_function: [{ lambda_function_arn: refs('aws_lambda_function.f', 'count.index') }]
          },
          counts.notification
        ),
        resource('aws_sqs_queue', 'q', {}, counts.queue),
        resource(
          'aws_lambda_event_source_mapping',
          'm',
          { event_source_arn: refs('aws_sqs_queue.q', 'count.index'), function_name: refs('aws_lambda_function.f', 'count.index') },
          counts.mapping
        )
      ]
    }
  }
  expect(planned).toHaveLength(10_000)
  return JSON.stringify({
    format_version: '1.2',
    terraform_version: '1.7.0',
    planned_values: { root_module: { resources: planned } },
    resource_changes: changes,
    configuration
  })
}

describe('a generated plan of 10,000 resources', () => {
  it('reads in reasonable time, pairs counted instances by index, and reports resources as it goes', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'large-plan.json')
    fs.writeFileSync(file, generatePlan())
    const updates: ReadProgress[] = []
    const started = performance.now()
    const map = await readInfrastructureFile(file, { onProgress: p => updates.push({ ...p }) })
    const seconds = (performance.now() - started) / 1000
    // Generous for a shared 2-core machine; it takes about a second on an idle one.
    expect(seconds).toBeLessThan(20)
    expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([2000 + 2000 + 1990, 21, 2000 + 1989])
    const names = new Map(map.assets.map(a => [a.key, a.name]))
    const notification = map.flows.find(f => names.get(f.fromKey) === 'aws_s3_bucket.b[1234]')
    expect(notification).toMatchObject({ kind: 'event-notification' })
    expect(names.get(notification?.toKey ?? '')).toBe('aws_lambda_function.f[1234]')
    expect(map.assets.find(a => a.name === 'aws_lambda_function.f[7]')?.zoneKeys).toHaveLength(20)
    const counted = updates.filter(u => u.phase === 'resources').map(u => u.resources)
    expect(counted.length).toBeGreaterThanOrEqual(49)
    expect(counted).toEqual([...counted].sort((a, b) => a - b))
    expect(counted.at(-1)).toBe(10_000)
  })

  it('stops between resources when cancelled, with nothing returned', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'large-plan.json')
    fs.writeFileSync(file, generatePlan())
    const controller = new AbortController()
    let seen = 0
    const error = await readInfrastructureFile(file, {
      signal: controller.signal,
      onProgress: p => {
        if (p.phase !== 'resources') return
        seen = p.resources
        controller.abort()
      }
    }).catch(e => e)
    expect(error).toMatchObject({ code: 'cancelled', file })
    // Stopped right after the first report, long before the last resource.
    expect(seen).toBe(200)
  })
})
