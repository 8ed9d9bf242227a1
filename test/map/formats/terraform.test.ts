import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readInfrastructureFile, readInfrastructureText } from '../../../main/map/formats'
import { asset, edges, keyOf, ownFixture, zone, zoneNames } from './infrastructure-helpers'

describe('Terraform plan (terraform show -json)', () => {
  const file = ownFixture('terraform-plan_modules-for-each.json')

  it('follows references through module outputs, module inputs and for_each instances (0.13+ spelling)', async () => {
    const map = await readInfrastructureFile(file)
    expect(map.format).toBe('terraform-plan')
    expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([8, 3, 5])
    expect(edges(map)).toEqual([
      'aws_lambda_function.ingest -> aws_db_instance.records (network)',
      'aws_s3_bucket.records -> aws_lambda_function.ingest (event-notification)',
      'module.queue["audit"].aws_sqs_queue.this -> aws_kms_key.main (reference)',
      'module.queue["intake"].aws_sqs_queue.this -> aws_kms_key.main (reference)',
      'module.queue["intake"].aws_sqs_queue.this -> aws_lambda_function.ingest (event-source-mapping)'
    ])
    // module.network's outputs lead to the VPC and both count instances of the subnet.
    expect(zone(map, 'module.network.aws_subnet.private[1]')).toMatchObject({
      parentKey: keyOf(map, 'module.network.aws_vpc.phi'),
      cidr: '10.20.2.0/24'
    })
    expect(zoneNames(map, 'aws_lambda_function.ingest')).toEqual(['module.network.aws_subnet.private[0]', 'module.network.aws_subnet.private[1]'])
    expect(zoneNames(map, 'aws_db_instance.records')).toEqual(['module.network.aws_subnet.private[0]', 'module.network.aws_subnet.private[1]'])
    expect(asset(map, 'aws_security_group.db').zoneKeys).toEqual([keyOf(map, 'module.network.aws_vpc.phi')])
    expect(map.flows.find(f => f.kind === 'event-notification')?.label).toBe('s3:ObjectCreated:* (prefix incoming/)')
    expect(map.flows.find(f => f.kind === 'network')?.label).toBe('tcp/5432')
  })

  it('reads encryption from settings: a separate SSE resource, a queue key given through a module input, an unencrypted database', async () => {
    const map = await readInfrastructureFile(file)
    expect(asset(map, 'aws_s3_bucket.records').encryptedAtRest).toBe(true)
    expect(asset(map, 'module.queue["intake"].aws_sqs_queue.this').encryptedAtRest).toBe(true)
    expect(asset(map, 'aws_db_instance.records')).toMatchObject({
      encryptedAtRest: false,
      publicAccess: false,
      attributes: { engine: 'postgres', engineVersion: '15.4' }
    })
  })

  it('never copies a sensitive value or an environment variable, and says so', async () => {
    const source = fs.readFileSync(file, 'utf8')
    const map = await readInfrastructureFile(file)
    const text = JSON.stringify(map)
    for (const secret of ['plan-db-password-123', 'hunter2-plan-secret']) {
      expect(source).toContain(secret)
      expect(text).not.toContain(secret)
    }
    expect(map.warnings).toContain('1 value Terraform marks sensitive was not read or kept.')
    expect(map.warnings.some(w => w.startsWith('2 settings that can hold secrets'))).toBe(true)
  })

  it('keys what only a plan names by its address, so a later plan of the same configuration keys it the same', async () => {
    const first = await readInfrastructureFile(file)
    const second = await readInfrastructureText(fs.readFileSync(file, 'utf8'), 'renamed-copy.json')
    expect(second.assets.map(a => a.key)).toEqual(first.assets.map(a => a.key))
    expect(asset(first, 'aws_db_instance.records').key).toBe('tf:aws_db_instance.records')
  })
})

describe('terraform.tfstate v4', () => {
  const file = ownFixture('terraform_modules-count-for-each_v4.tfstate')

  it('joins by real ids: load balancer → target group → Auto Scaling group, security groups, subnet group, routes and peering', async () => {
    const map = await readInfrastructureFile(file)
    expect(map.format).toBe('terraform-tfstate')
    expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([13, 5, 10])
    expect(edges(map)).toEqual([
      'Internet -> aws_lb.web (network)',
      'aws_autoscaling_group.app -> aws_db_instance.main[0] (network)',
      'aws_lb.web -> aws_autoscaling_group.app (load-balancer-target)',
      'aws_lb.web -> aws_autoscaling_group.app (network)',
      'aws_sns_topic.alerts -> email subscribers (subscription)',
      'aws_sns_topic.alerts -> hooks.example.net (subscription)',
      'aws_sqs_queue.jobs -> worker (event-source-mapping)',
      'module.vpc.aws_internet_gateway.this -> Internet (route)',
      'module.vpc.aws_subnet.private[0] -> vpc-0b2c3d4e (peering)',
      'module.vpc.aws_subnet.public["a"] -> module.vpc.aws_internet_gateway.this (route)'
    ])
    // HTTPS in front, plain HTTP to the targets.
    expect(map.flows.find(f => f.fromKey === 'internet' && f.kind === 'network')).toMatchObject({ label: 'tcp/443', encryptedInTransit: true })
    expect(map.flows.find(f => f.kind === 'load-balancer-target')).toMatchObject({ label: 'HTTP 8080', encryptedInTransit: false })
    expect(map.flows.find(f => f.kind === 'peering')?.label).toBe('10.1.0.0/16 via aws_vpc_peering_connection.to_shared')
    expect(map.flows.find(f => f.label === 'https')?.encryptedInTransit).toBe(true)
  })

  it('names count and for_each instances by index_key and places them', async () => {
    const map = await readInfrastructureFile(file)
    expect(zone(map, 'module.vpc.aws_subnet.public["a"]')).toMatchObject({ key: 'aws:subnet:subnet-0b2c3d4e', parentKey: 'aws:vpc:vpc-0a1b2c3d' })
    expect(zone(map, 'vpc-0b2c3d4e')).toMatchObject({ placeholder: true, kind: 'vpc' })
    expect(asset(map, 'aws_db_instance.main[0]')).toMatchObject({
      key: 'arn:aws:rds:us-east-1:111122223333:db:clinic-main',
      encryptedAtRest: true,
      zoneKeys: ['aws:subnet:subnet-0a1b2c3d']
    })
    // The launch template is part of the group that launches from it: its security group is the group's.
    expect(map.assets.some(a => a.name === 'aws_launch_template.app')).toBe(false)
    expect(asset(map, 'aws_sqs_queue.jobs').encryptedAtRest).toBe(false)
  })

  it('draws a function the file only names by ARN, and never keeps a subscriber address or a password', async () => {
    const map = await readInfrastructureFile(file)
    expect(asset(map, 'worker')).toMatchObject({
      key: 'arn:aws:lambda:us-east-1:111122223333:function:worker',
      kind: 'function',
      account: '111122223333'
    })
    const text = JSON.stringify(map)
    for (const secret of ['nurse@example.org', 'token=abc123', 'state-db-password-456']) expect(text).not.toContain(secret)
    expect(asset(map, 'email subscribers').kind).toBe('external')
  })
})

describe('Terraform state (terraform show -json)', () => {
  const file = ownFixture('terraform-show-state_fargate-efs.json')

  it('a Fargate service behind a load balancer, its file system reached through security groups, module resources with for_each keys', async () => {
    const map = await readInfrastructureFile(file)
    expect(map.format).toBe('terraform-show-state')
    expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([8, 5, 4])
    expect(edges(map)).toEqual([
      'Internet -> aws_lb.portal (network)',
      'aws_ecs_service.portal -> aws_efs_file_system.scans (network)',
      'aws_lb.portal -> aws_ecs_service.portal (load-balancer-target)',
      'aws_lb.portal -> aws_ecs_service.portal (network)'
    ])
    expect(zoneNames(map, 'aws_lb.portal')).toEqual(['module.network.aws_subnet.public["a"]', 'module.network.aws_subnet.public["b"]'])
    // The mount target is part of the file system: it places it and gives it its security group.
    expect(asset(map, 'aws_efs_file_system.scans')).toMatchObject({ encryptedAtRest: false, zoneKeys: ['aws:subnet:subnet-0ee55ff6'] })
    expect(asset(map, 'aws_ecs_service.portal').key).toBe('arn:aws:ecs:eu-central-1:777788889999:service/clinic/portal')
    expect(zone(map, 'module.network.aws_vpc.main').parentKey).toBe('aws:account:777788889999')
  })

  it('keeps neither the secret string Terraform marks sensitive nor a task definition’s environment', async () => {
    const text = JSON.stringify(await readInfrastructureFile(file))
    expect(fs.readFileSync(file, 'utf8')).toContain('show-state-secret-string')
    for (const secret of ['show-state-secret-string', 'show-state-task-secret']) expect(text).not.toContain(secret)
  })
})

describe('Terraform state details', () => {
  it('a separate security group rule joins the groups by real ids (source_security_group_id)', async () => {
    const resource = (type: string, name: string, attributes: object) => ({
      mode: 'managed',
      type,
      name,
      instances: [{ schema_version: 0, attributes }]
    })
    const text = JSON.stringify({
      version: 4,
      terraform_version: '1.5.7',
      serial: 1,
      lineage: 'l',
      outputs: {},
      resources: [
        resource('aws_instance', 'app', { id: 'i-0123456789abcdef0', vpc_security_group_ids: ['sg-0a0a0a0a'] }),
        resource('aws_db_instance', 'db', {
          id: 'db',
          arn: 'arn:aws:rds:us-east-1:111122223333:db:db',
          vpc_security_group_ids: ['sg-0b0b0b0b'],
          storage_encrypted: false
        }),
        resource('aws_security_group', 'app', { id: 'sg-0a0a0a0a', ingress: [] }),
        resource('aws_security_group', 'db', { id: 'sg-0b0b0b0b', ingress: [] }),
        resource('aws_security_group_rule', 'db_from_app', {
          type: 'ingress',
          security_group_id: 'sg-0b0b0b0b',
          source_security_group_id: 'sg-0a0a0a0a',
          protocol: 'tcp',
          from_port: 5432,
          to_port: 5432
        }),
        resource('aws_security_group_rule', 'app_out', {
          type: 'egress',
          security_group_id: 'sg-0a0a0a0a',
          cidr_blocks: ['0.0.0.0/0'],
          protocol: '-1',
          from_port: 0,
          to_port: 0
        })
      ]
    })
    const map = await readInfrastructureText(text, 'rules.tfstate')
    expect(edges(map)).toEqual(['aws_instance.app -> aws_db_instance.db (network)'])
    expect(map.flows[0]?.label).toBe('tcp/5432')
  })
})
