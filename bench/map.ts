/**
 * The data-flow map bench: a generated Terraform state (tfstate v4) of 10,000 resources in
 * 5 VPCs of 8 subnets (instances, databases, buckets, queues, bucket notifications), imported
 * through map.import, then laid out as the screen asks (zones collapsed by default, then all
 * expanded with the drawing cap), and written as SVG. Time and peak memory (RSS, sampled) are
 * printed, never asserted. `npm run bench -- map` (SAFEGUARD_BENCH_MAP sets another count).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createCallContext } from '../main/api/call-context'
import type { CallName, InputOf, OutputOf } from '../main/api/contract'
import { callHandler } from '../main/api/dispatch'
import { headlessHost, type Host } from '../main/api/host'
import { Session } from '../main/workspace/session'

type Call = <K extends CallName>(name: K, input: InputOf<K>, host?: Host) => Promise<OutputOf<K>>

const ACCOUNT = '111122223333'
const VPCS = 5
const SUBNETS_PER_VPC = 8

function resource(type: string, name: string, attributes: Record<string, unknown>, index?: number) {
  return {
    mode: 'managed',
    type,
    name,
    provider: 'provider["registry.terraform.io/hashicorp/aws"]',
    instances: [{ schema_version: 0, ...(index === undefined ? {} : { index_key: index }), attributes }]
  }
}

/** A tfstate v4 with about `count` resources. */
export function generatedTfstate(count: number): string {
  const resources: unknown[] = []
  const subnets: string[] = []
  for (let v = 0; v < VPCS; v++) {
    const vpc = `vpc-${v.toString(16).padStart(8, '0')}`
    resources.push(
      resource('aws_vpc', `vpc_${v}`, {
        id: vpc,
        arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc/${vpc}`,
        cidr_block: `10.${v}.0.0/16`,
        owner_id: ACCOUNT
      })
    )
    for (let s = 0; s < SUBNETS_PER_VPC; s++) {
      const subnet = `subnet-${v}${s.toString().padStart(7, '0')}`
      subnets.push(subnet)
      resources.push(
        resource('aws_subnet', `subnet_${v}_${s}`, {
          id: subnet,
          arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:subnet/${subnet}`,
          vpc_id: vpc,
          cidr_block: `10.${v}.${s}.0/24`,
          owner_id: ACCOUNT
        })
      )
    }
  }
  for (let i = 0; resources.length < count; i++) {
    const subnet = subnets[i % subnets.length]!
    switch (i % 5) {
      case 0:
        resources.push(
          resource('aws_s3_bucket', `bucket_${i}`, { id: `bucket-${i}`, bucket: `bucket-${i}`, arn: `arn:aws:s3:::bucket-${i}`, region: 'us-east-1' })
        )
        break
      case 1:
        resources.push(
          resource('aws_sqs_queue', `queue_${i}`, {
            id: `https://sqs.us-east-1.amazonaws.com/${ACCOUNT}/q${i}`,
            name: `q${i}`,
            arn: `arn:aws:sqs:us-east-1:${ACCOUNT}:q${i}`
          })
        )
        resources.push(
          resource('aws_s3_bucket_notification', `n_${i}`, {
            id: `bucket-${i - 1}`,
            bucket: `bucket-${i - 1}`,
            queue: [{ queue_arn: `arn:aws:sqs:us-east-1:${ACCOUNT}:q${i}`, events: ['s3:ObjectCreated:*'], id: `n${i}` }],
            lambda_function: [],
            topic: []
          })
        )
        break
      default:
        resources.push(
          resource('aws_instance', `app_${i}`, {
            id: `i-${i.toString(16).padStart(17, '0')}`,
            arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-${i.toString(16).padStart(17, '0')}`,
            subnet_id: subnet,
            instance_type: 't3.micro',
            root_block_device: [{ encrypted: i % 2 === 0 }]
          })
        )
    }
  }
  return JSON.stringify({
    version: 4,
    terraform_version: '1.6.0',
    serial: 1,
    lineage: '00000000-0000-4000-8000-000000000000',
    outputs: {},
    resources
  })
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint()
  const value = await work()
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 }
}

export async function runMapBench(): Promise<void> {
  const count = Number(process.env.SAFEGUARD_BENCH_MAP ?? 10_000)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'safeguard-map-bench-'))
  const session = new Session({ dataDir: null, appVersion: 'bench', now: () => new Date('2026-03-01T12:00:00Z') })
  const call: Call = async (name, input, host) =>
    (await callHandler(name, input, createCallContext(session, { host: host ?? headlessHost }))) as never
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
  try {
    await call('workspace.create', {
      path: path.join(dir, 'bench.safeguard'),
      organization: { name: 'Bench Clinic', role: 'covered-entity', contactName: 'Bench Official', cloudProvider: 'aws' }
    })
    const file = path.join(dir, 'generated.tfstate')
    fs.writeFileSync(file, generatedTfstate(count))
    console.log(`generated tfstate: ${count.toLocaleString('en-US')} resources, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB`)

    const imported = await timed(() => call('map.import', { path: file }))
    const r = imported.value
    console.log(`import: ${imported.seconds.toFixed(2)} s (${r.assets} assets, ${r.zones} zones, ${r.flows} flows); peak RSS so far ${mb(peak)}`)
    const view = await timed(() => call('map.view', {}))
    console.log(`map.view (rules included): ${(view.seconds * 1000).toFixed(0)} ms`)

    const collapsed = await timed(() => call('map.layout', {}))
    console.log(
      `layout as the screen opens it (zones collapsed above 300 assets): ${(collapsed.seconds * 1000).toFixed(0)} ms, ` +
        `${collapsed.value.zones.length} boxes, ${collapsed.value.assets.length} assets drawn`
    )
    const again = await timed(() => call('map.layout', {}))
    console.log(`the same layout again (the layout engine warmed up): ${(again.seconds * 1000).toFixed(0)} ms`)
    // The screen asks for other things (the table, an asset's evidence) while a drawing is laid out: how long they wait.
    const during = call('map.layout', {})
    const answered = await timed(() => call('scans.list', {}))
    const duringLayout = await timed(() => during)
    console.log(
      `scans.list asked while that layout runs: answered in ${(answered.seconds * 1000).toFixed(0)} ms ` +
        `(the layout finished ${(duringLayout.seconds * 1000).toFixed(0)} ms later)`
    )
    const account = collapsed.value.zones[0]?.zoneId
    const oneOpen = await timed(() => call('map.layout', { collapsed: collapsed.value.collapsedZoneIds.filter(id => id !== account) }))
    console.log(`layout with the account expanded (VPCs collapsed): ${(oneOpen.seconds * 1000).toFixed(0)} ms, ${oneOpen.value.zones.length} boxes`)
    const expanded = await timed(() => call('map.layout', { collapsed: [] }))
    console.log(
      `layout with every zone expanded (drawing capped at 300 assets): ${expanded.seconds.toFixed(2)} s, ` +
        `${expanded.value.assets.length} assets and ${expanded.value.edges.length} lines drawn, ${expanded.value.counts.omittedAssets} counted in the notice`
    )
    const target = path.join(dir, 'map.svg')
    const svg = await timed(() => call('map.exportSvg', { collapsed: [] }, { ...headlessHost, pickSavePath: async () => target }))
    console.log(`SVG export of the expanded drawing: ${svg.seconds.toFixed(2)} s (${(fs.statSync(target).size / 1024).toFixed(0)} KB)`)
    console.log(`peak RSS: ${mb(peak)}`)
  } finally {
    clearInterval(sampler)
    session.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

if (require.main === module) void runMapBench()
