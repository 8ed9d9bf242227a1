import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readInfrastructureFile, readInfrastructureText } from '../../../main/map/formats'
import { asset, edges, keyOf, ownFixture, zone, zoneNames } from './infrastructure-helpers'

describe('CloudFormation JSON template', () => {
  const file = ownFixture('cloudformation_web-app.template.json')

  it('reads the load balancer chain, the upload notification and the SNS subscriptions', async () => {
    const map = await readInfrastructureFile(file)
    expect(map.format).toBe('cloudformation')
    expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([11, 3, 9])
    expect(edges(map)).toEqual([
      'Alerts -> Notifier (subscription)',
      'Alerts -> email subscribers (subscription)',
      'AppServer -> Uploads (reference)',
      'Internet -> LoadBalancer (network)',
      'LoadBalancer -> AppServer (load-balancer-target)',
      'LoadBalancer -> AppServer (network)',
      'Scanner -> Alerts (reference)',
      'Uploads -> Scanner (event-notification)',
      'Uploads -> UploadsKey (reference)'
    ])
    expect(map.flows.find(f => f.kind === 'event-notification')?.label).toBe('s3:ObjectCreated:Put (prefix incoming/, suffix .pdf)')
    expect(map.flows.find(f => f.fromKey === 'internet')).toMatchObject({ label: 'tcp/80', encryptedInTransit: false })
    expect(asset(map, 'LoadBalancer')).toMatchObject({ publicAccess: true, zoneKeys: [keyOf(map, 'PublicSubnets (list)')] })
    expect(asset(map, 'Uploads').encryptedAtRest).toBe(true)
  })

  it('parameters typed as VPC and subnet ids, or named so, become placeholder zones; a CIDR parameter does not', async () => {
    const map = await readInfrastructureFile(file)
    expect(map.zones.map(z => [z.key, z.kind, z.placeholder])).toEqual([
      ['cfn:param:VpcId', 'vpc', true],
      ['cfn:param:PublicSubnets', 'subnet', true],
      ['cfn:param:AppSubnet', 'subnet', true]
    ])
    expect(zone(map, 'AppSubnet').parentKey).toBe('cfn:param:VpcId')
  })

  it('keeps a conditional resource with its condition, skips custom resources, and keeps no environment value', async () => {
    const map = await readInfrastructureFile(file)
    expect(asset(map, 'Notifier').attributes.condition).toBe('IsProd')
    expect(map.assets.some(a => a.name === 'Cleanup' || a.name === 'ScanPermission')).toBe(false)
    const text = JSON.stringify(map)
    expect(text).not.toContain('tok-cfn-json-secret-789')
    expect(text).not.toContain('privacy-officer@example.org')
  })
})

describe('CloudFormation YAML with short tags', () => {
  const file = ownFixture('cloudformation_short-tags.yaml')

  it('reads every short tag: references through !GetAtt, !Sub, !If, !Select and !Cidr; an ARN built with pseudo parameters', async () => {
    const map = await readInfrastructureFile(file)
    expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([6, 2, 4])
    expect(edges(map)).toEqual([
      'Jobs -> DeadLetters (reference)',
      'Jobs -> QueueKey (reference)',
      'Jobs -> archiver (event-source-mapping)',
      'Worker -> Jobs (reference)'
    ])
    expect(zone(map, 'Private').parentKey).toBe(keyOf(map, 'Network'))
    expect(zoneNames(map, 'Worker')).toEqual(['Private'])
    // KmsMasterKeyId under !If: a key may be set, so it counts; the dead-letter queue turns managed encryption off.
    expect(asset(map, 'Jobs').encryptedAtRest).toBe(true)
    expect(asset(map, 'DeadLetters').encryptedAtRest).toBe(false)
    expect(asset(map, 'archiver')).toMatchObject({ kind: 'function', serviceId: 'aws-lambda', resourceType: 'AWS::Lambda::Function' })
    expect(asset(map, 'Archive').attributes.condition).toBe('IsTest')
    expect(map.warnings.some(w => w.includes('Fn::ImportValue'))).toBe(true)
  })

  it('turns each short tag into its long form', async () => {
    const { parseInfrastructureDocument } = await import('../../../main/map/formats')
    const doc = parseInfrastructureDocument('tags.yaml', fs.readFileSync(file, 'utf8'))
    const root = doc.root as Record<string, Record<string, Record<string, unknown>>>
    expect(root.Conditions).toEqual({
      IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] },
      IsTest: { 'Fn::Not': [{ Condition: 'IsProd' }] },
      WantsKms: { 'Fn::Equals': [{ Ref: 'UseKms' }, 'yes'] },
      ProdWithKms: { 'Fn::And': [{ Condition: 'IsProd' }, { Condition: 'WantsKms' }] },
      AnyKms: { 'Fn::Or': [{ Condition: 'WantsKms' }, { Condition: 'ProdWithKms' }] }
    })
    const properties = (name: string) => (root.Resources?.[name] as { Properties: Record<string, unknown> }).Properties
    expect(properties('Private')).toEqual({
      VpcId: { Ref: 'Network' },
      CidrBlock: { 'Fn::Select': [0, { 'Fn::Cidr': [{ 'Fn::GetAtt': ['Network', 'CidrBlock'] }, 4, 8] }] },
      AvailabilityZone: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }
    })
    expect(properties('Jobs').QueueName).toEqual({ 'Fn::Join': ['-', [{ Ref: 'Stage' }, 'jobs']] })
    expect(properties('Jobs').KmsMasterKeyId).toEqual({ 'Fn::If': ['AnyKms', { Ref: 'QueueKey' }, { Ref: 'AWS::NoValue' }] })
    expect(properties('DeadLetters').Tags).toEqual([{ Key: 'parts', Value: { 'Fn::Select': [1, { 'Fn::Split': ['-', 'a-b-c'] }] } }])
    expect(properties('Worker').InstanceType).toEqual({ 'Fn::FindInMap': ['Sizes', { Ref: 'Stage' }, 'Instance'] })
    expect(Object.keys(properties('Worker').UserData as object)).toEqual(['Fn::Base64'])
    expect(properties('Archive').SubnetId).toEqual({ 'Fn::ImportValue': { 'Fn::Sub': '${SharedNetworkStack}-PrivateSubnet' } })
    // Line 58 is the Worker's first property: messages about a map can point at it.
    expect(doc.lineOf(properties('Worker'))).toEqual({ line: 58, column: 7 })
  })
})

describe('AWS SAM template', () => {
  it('reads each event type, the implicit HTTP API and policy templates in the direction data moves', async () => {
    const map = await readInfrastructureFile(ownFixture('sam_events-policies.yaml'))
    expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([8, 0, 9])
    expect(edges(map)).toEqual([
      'Api -> Handler (invocation)',
      'Changes -> Handler (subscription)',
      'Handler -> Outbox (reference)',
      'Handler -> Reports (reference)',
      'Intake -> Handler (event-notification)',
      'Outbox -> Handler (event-source-mapping)',
      'Reports -> Handler (reference)',
      'ServerlessHttpApi -> Handler (invocation)',
      'Stream -> Handler (event-source-mapping)'
    ])
    expect(map.flows.find(f => f.kind === 'event-notification')?.label).toBe('s3:ObjectCreated:* (suffix .hl7)')
    expect(map.flows.filter(f => f.kind === 'invocation').map(f => [f.label, f.encryptedInTransit])).toEqual([
      ['get /reports/{id}', true],
      ['get /health', true]
    ])
    expect(asset(map, 'Reports')).toMatchObject({ kind: 'database', serviceId: 'aws-dynamodb', encryptedAtRest: true })
    expect(asset(map, 'ServerlessHttpApi')).toMatchObject({ key: 'cfn:ServerlessHttpApi', kind: 'api', serviceId: 'aws-api-gateway' })
    expect(JSON.stringify(map)).not.toContain('sam-signing-secret-321')
  })
})

describe('transit gateway topology', () => {
  it('joins a PHI VPC and a general VPC through attachments and routes each way; the PHI database is unencrypted', async () => {
    const map = await readInfrastructureFile(ownFixture('cloudformation_transit-gateway.yaml'))
    expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([3, 5, 4])
    expect(edges(map)).toEqual([
      'GeneralSubnet -> Hub (transit-gateway)',
      'Hub -> GeneralVpc (transit-gateway)',
      'Hub -> PhiVpc (transit-gateway)',
      'PhiSubnet -> Hub (transit-gateway)'
    ])
    expect(map.flows.find(f => f.fromKey === keyOf(map, 'PhiSubnet'))?.label).toBe('10.2.0.0/16')
    expect(map.flows.find(f => f.toKey === keyOf(map, 'GeneralVpc'))?.label).toBe('attachment GeneralAttachment')
    expect(asset(map, 'Hub')).toMatchObject({ kind: 'gateway', resourceType: 'AWS::EC2::TransitGateway' })
    expect(asset(map, 'Records')).toMatchObject({ kind: 'database', encryptedAtRest: false })
    expect(zoneNames(map, 'Records')).toEqual(['PhiSubnet', 'PhiSubnetB'])
  })
})

describe('CloudFormation details', () => {
  it('accepts a resource named like an Object method and a JSON template the same as YAML', async () => {
    const template = {
      Resources: {
        constructor: {
          Type: 'AWS::S3::Bucket',
          Properties: {
            NotificationConfiguration: { QueueConfigurations: [{ Event: 's3:ObjectCreated:*', Queue: { 'Fn::GetAtt': ['toString', 'Arn'] } }] }
          }
        },
        toString: { Type: 'AWS::SQS::Queue' }
      }
    }
    const fromJson = await readInfrastructureText(JSON.stringify(template), 'names.json')
    const fromYaml = await readInfrastructureText(
      'Resources:\n  constructor:\n    Type: AWS::S3::Bucket\n    Properties:\n      NotificationConfiguration:\n        QueueConfigurations:\n          - Event: s3:ObjectCreated:*\n            Queue: !GetAtt toString.Arn\n  toString:\n    Type: AWS::SQS::Queue\n',
      'names.yaml'
    )
    for (const map of [fromJson, fromYaml]) expect(edges(map)).toEqual(['constructor -> toString (event-notification)'])
  })

  it('refuses a resource without a Type, naming the resource and its line', async () => {
    const error = await readInfrastructureText(
      'Resources:\n  Good:\n    Type: AWS::SQS::Queue\n  Broken:\n    Properties: {}\n',
      'broken.yaml'
    ).catch(e => e)
    expect(error).toMatchObject({ code: 'malformed', file: 'broken.yaml', place: { path: 'Resources.Broken', line: 5 } })
    expect(error.message).toMatch(/no Type/)
  })

  it('reads a multi-line quoted value continued at its key’s indentation, as CloudFormation does', async () => {
    const text =
      "Parameters:\n  Region:\n    Description: 'first line\n    second line'\n    Type: String\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n"
    const map = await readInfrastructureText(text, 'lenient.yaml')
    expect(map.assets.map(a => a.name)).toEqual(['Q'])
  })

  it('a flow wired by a conditional resource says under which condition it exists', async () => {
    const text = [
      'Conditions:',
      '  IsProd: !Equals [!Ref AWS::StackName, prod]',
      'Resources:',
      '  Jobs:',
      '    Type: AWS::SQS::Queue',
      '  Worker:',
      '    Type: AWS::Lambda::Function',
      '  Mapping:',
      '    Type: AWS::Lambda::EventSourceMapping',
      '    Condition: IsProd',
      '    Properties:',
      '      EventSourceArn: !GetAtt Jobs.Arn',
      '      FunctionName: !Ref Worker',
      ''
    ].join('\n')
    const map = await readInfrastructureText(text, 'conditional.yaml')
    expect(map.flows.map(f => [f.kind, f.label])).toEqual([['event-source-mapping', '(if IsProd)']])
  })
})
