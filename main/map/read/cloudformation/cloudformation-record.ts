// One CloudFormation (or SAM) resource as a source record. Property names that
// mean the same on every resource type (VpcId, SubnetIds, SecurityGroupIds...)
// give placement; the types whose purpose is wiring (notifications,
// subscriptions, event source mappings, routes, listeners) give flows.

import { isSecretName, shownAttributes } from '../attributes'
import { asList, asMap, asText, isMap, own, type JsonMap } from '../document'
import { resourceTypes, type ResourceTypeEntry } from '../resource-types'
import { evaluateChecks, valuesAt, type SettingsView } from '../settings'
import { newRecord, type Fact, type Ref, type RouteVia, type SourceRecord } from '../source-record'
import { externalSubscriber, ingressLabel, notificationLabel, routeVia } from '../wiring-labels'
import { endsOf, intrinsicOf, refsIn, symbolOf, textOf, type TemplateNames } from './intrinsics'

const PLACEMENT = [
  'VpcId',
  'SubnetId',
  'SubnetIds',
  'Subnets',
  'VPCZoneIdentifier',
  'VpcConfig.SubnetIds',
  'NetworkConfiguration.AwsvpcConfiguration.Subnets',
  'VPCOptions.SubnetIds',
  'NetworkInterfaces.SubnetId',
  'SubnetMappings.SubnetId'
]
const SECURITY_GROUPS = [
  'SecurityGroupIds',
  'SecurityGroups',
  'VPCSecurityGroups',
  'VpcSecurityGroupIds',
  'GroupSet',
  'VpcConfig.SecurityGroupIds',
  'NetworkConfiguration.AwsvpcConfiguration.SecurityGroups',
  'VPCOptions.SecurityGroupIds',
  'NetworkInterfaces.GroupSet'
]
const HAS_PART = [
  'DBSubnetGroupName',
  'CacheSubnetGroupName',
  'LaunchConfigurationName',
  'LaunchTemplate.LaunchTemplateId',
  'LaunchTemplate.LaunchTemplateName',
  'NetworkInterfaces.NetworkInterfaceId',
  'TaskDefinition'
]
const KEYS = [
  'KmsKeyId',
  'KMSMasterKeyID',
  'KmsMasterKeyId',
  'KMSKeyArn',
  'BucketEncryption.ServerSideEncryptionConfiguration.ServerSideEncryptionByDefault.KMSMasterKeyID'
]
/** Properties read as wiring above or that name no data path: never drawn as references. */
const NOT_REFERENCES = new Set([
  ...PLACEMENT.map(p => p.split('.')[0] as string),
  ...SECURITY_GROUPS.map(p => p.split('.')[0] as string),
  ...HAS_PART.map(p => p.split('.')[0] as string),
  ...KEYS.map(p => p.split('.')[0] as string),
  'Tags',
  'Role',
  'IamInstanceProfile',
  'Policies',
  'ManagedPolicyArns',
  'Events',
  'NotificationConfiguration',
  'LoggingConfiguration',
  'AccessLoggingPolicy',
  'DeliverLogsPermissionArn',
  'LoadBalancerNames',
  'TargetGroupARNs',
  'Layers',
  'CodeUri',
  'AvailabilityZone',
  'AvailabilityZones'
])
const NAME_PROPERTIES = [
  'BucketName',
  'QueueName',
  'TopicName',
  'FunctionName',
  'DBInstanceIdentifier',
  'DBClusterIdentifier',
  'TableName',
  'LogGroupName',
  'Name',
  'StreamName',
  'DomainName',
  'LoadBalancerName',
  'ClusterName'
]
const HOLDS_SECRETS = /password|secret|token|privatekey|credential|^environment$|^userdata$/i

/** SAM policy templates: which way data moves between the function and the resource the policy names. */
const SAM_POLICIES: Record<
  string,
  { property: string; reads: boolean; writes: boolean; endKind: 'bucket' | 'database' | 'queue' | 'topic' | 'stream' }
> = {
  S3ReadPolicy: { property: 'BucketName', reads: true, writes: false, endKind: 'bucket' },
  S3WritePolicy: { property: 'BucketName', reads: false, writes: true, endKind: 'bucket' },
  S3CrudPolicy: { property: 'BucketName', reads: true, writes: true, endKind: 'bucket' },
  S3FullAccessPolicy: { property: 'BucketName', reads: true, writes: true, endKind: 'bucket' },
  DynamoDBReadPolicy: { property: 'TableName', reads: true, writes: false, endKind: 'database' },
  DynamoDBWritePolicy: { property: 'TableName', reads: false, writes: true, endKind: 'database' },
  DynamoDBCrudPolicy: { property: 'TableName', reads: true, writes: true, endKind: 'database' },
  SQSPollerPolicy: { property: 'QueueName', reads: true, writes: false, endKind: 'queue' },
  SQSSendMessagePolicy: { property: 'QueueName', reads: false, writes: true, endKind: 'queue' },
  SNSPublishMessagePolicy: { property: 'TopicName', reads: false, writes: true, endKind: 'topic' },
  KinesisStreamReadPolicy: { property: 'StreamName', reads: true, writes: false, endKind: 'stream' },
  KinesisCrudPolicy: { property: 'StreamName', reads: true, writes: true, endKind: 'stream' }
}

export interface TemplateResource {
  logicalId: string
  type: string
  properties: JsonMap
  condition: string | null
  /** Metadata AWS::CloudFormation::Init: files and commands cfn-init applies on the instance, like user data. */
  init: unknown
}

export function cloudFormationRecord(resource: TemplateResource, names: TemplateNames, all: ReadonlyMap<string, TemplateResource>): SourceRecord {
  const entry = entryOf(resource.type)
  const record = newRecord({ handle: resource.logicalId, name: resource.logicalId, resourceType: resource.type, entry })
  const properties = resource.properties
  record.realIds = NAME_PROPERTIES.map(p => symbolOf(own(properties, p), names)).filter((s): s is string => !!s)
  record.cidr = textOf(own(properties, 'CidrBlock'), names)
  record.condition = resource.condition
  record.attributes = shownAttributes(properties)
  if (resource.condition) record.attributes.condition = resource.condition
  const settings = settingsOf(properties)
  const encryption = entry?.row.encryptedAtRest
  record.encryptedAtRest = encryption && 'always' in encryption ? true : evaluateChecks(encryption?.cloudformation, settings)
  record.publicAccess = evaluateChecks(entry?.row.publicAccess?.cloudformation, settings)
  record.secretsSeen = Object.keys(properties).filter(p => HOLDS_SECRETS.test(p) || (isSecretName(p) && p !== 'Environment')).length
  if (resource.type === 'AWS::ElasticLoadBalancingV2::TargetGroup') {
    const protocol = textOf(own(properties, 'Protocol'), names)
    const port = textOf(own(properties, 'Port'), names)
    if (protocol) record.attributes.protocol = protocol
    if (port) record.attributes.port = port
  }
  record.facts = new CloudFormationWiring(resource, names, all, entry?.row.parent?.cloudformation).facts()
  return record
}

function entryOf(type: string): ResourceTypeEntry | undefined {
  const entry = resourceTypes().byName('cloudformation', type)
  if (entry || !type.startsWith('Custom::')) return entry
  // A custom resource runs a function at deploy time; it holds nothing itself.
  return resourceTypes().byName('cloudformation', 'AWS::CloudFormation::CustomResource')
}

function settingsOf(properties: JsonMap): SettingsView {
  return {
    values: path => valuesAt(properties, path).filter(v => intrinsicOf(v) === undefined),
    referenced: path => valuesAt(properties, path).some(v => intrinsicOf(v) !== undefined)
  }
}

class CloudFormationWiring {
  private readonly out: Fact[] = []
  private readonly properties: JsonMap

  constructor(
    private readonly resource: TemplateResource,
    private readonly names: TemplateNames,
    private readonly all: ReadonlyMap<string, TemplateResource>,
    private readonly parentProperty: string | undefined
  ) {
    this.properties = resource.properties
  }

  private ends(path: string, root: unknown = this.properties): Ref[] {
    return valuesAt(root, path).flatMap(v => endsOf(v, this.names))
  }

  private first(path: string, root?: unknown): Ref | undefined {
    return this.ends(path, root)[0]
  }

  private list(path: string, root: unknown = this.properties): JsonMap[] {
    return valuesAt(root, path)
      .flatMap(v => (Array.isArray(v) ? v : [v]))
      .filter(v => isMap(v) && intrinsicOf(v) === undefined) as JsonMap[]
  }

  private text(value: unknown): string | null {
    return textOf(value, this.names)
  }

  private add(fact: Fact): void {
    this.out.push(fact)
  }

  facts(): Fact[] {
    const { type } = this.resource
    for (const path of PLACEMENT) for (const ref of this.ends(path)) this.add({ fact: 'in', ref })
    if (type !== 'AWS::EC2::SecurityGroup')
      for (const path of SECURITY_GROUPS) for (const ref of this.ends(path)) this.add({ fact: 'security-group', ref })
    for (const path of HAS_PART) for (const ref of this.ends(path)) this.add({ fact: 'has-part', ref })
    for (const path of KEYS) for (const ref of this.ends(path)) this.add({ fact: 'reference', ref, label: 'encryption key' })
    if (this.parentProperty) for (const ref of this.ends(this.parentProperty)) this.add({ fact: 'part-of', ref })
    this.typeWiring()
    // Nested stacks pass values between templates, not data between resources.
    if (type !== 'AWS::CloudFormation::Stack' && type !== 'AWS::Serverless::Application') {
      const sources: [string, unknown][] = [
        ...Object.keys(this.properties).map(k => [k, this.properties[k]] as [string, unknown]),
        ['cfn-init', this.resource.init]
      ]
      for (const [property, value] of sources) {
        if (NOT_REFERENCES.has(property) || value === undefined) continue
        for (const name of new Set(refsIn(value, this.names))) {
          for (const ref of endsOf({ Ref: name }, this.names)) this.add({ fact: 'reference', ref: { to: ref.to }, label: property })
        }
      }
    }
    return this.out
  }

  private typeWiring(): void {
    const p = this.properties
    switch (this.resource.type) {
      case 'AWS::EC2::SecurityGroup':
        for (const rule of this.list('SecurityGroupIngress')) this.ingress('self', rule)
        return
      case 'AWS::EC2::SecurityGroupIngress': {
        const group = this.first('GroupId')
        if (group) this.ingress(group, p)
        return
      }
      case 'AWS::ElasticLoadBalancing::LoadBalancer':
        for (const listener of this.list('Listeners')) {
          const protocol = this.text(own(listener, 'Protocol'))
          const backend = this.text(own(listener, 'InstanceProtocol')) ?? protocol
          const backendPort = this.text(own(listener, 'InstancePort'))
          if (protocol) this.add({ fact: 'listener', protocol, ...(backend ? { backend } : {}), ...(backendPort ? { backendPort } : {}) })
        }
        for (const instance of this.ends('Instances'))
          this.add({ fact: 'flow', from: 'self', to: instance, kind: 'load-balancer-target', label: '', encrypted: null })
        for (const bucket of this.ends('AccessLoggingPolicy.S3BucketName')) this.logging(bucket, 'access logs', 'bucket')
        return
      case 'AWS::ElasticLoadBalancingV2::Listener':
      case 'AWS::ElasticLoadBalancingV2::ListenerRule': {
        const protocol = this.text(own(p, 'Protocol'))
        if (protocol) this.add({ fact: 'listener', protocol })
        const actions = [...this.list('DefaultActions'), ...this.list('Actions')]
        for (const group of [
          ...actions.flatMap(a => this.ends('TargetGroupArn', a)),
          ...actions.flatMap(a => this.ends('ForwardConfig.TargetGroups.TargetGroupArn', a))
        ]) {
          this.add({ fact: 'forward', lb: 'self', group, protocol: null })
        }
        return
      }
      case 'AWS::ElasticLoadBalancingV2::TargetGroup':
        for (const target of this.ends('Targets.Id')) this.add({ fact: 'target', group: { to: this.resource.logicalId }, target })
        return
      case 'AWS::AutoScaling::AutoScalingGroup':
        for (const group of this.ends('TargetGroupARNs')) this.add({ fact: 'target', group, target: 'self' })
        for (const lb of this.ends('LoadBalancerNames'))
          this.add({ fact: 'flow', from: lb, to: 'self', kind: 'load-balancer-target', label: '', encrypted: null })
        return
      case 'AWS::ECS::Service':
        for (const balancer of this.list('LoadBalancers')) {
          for (const group of this.ends('TargetGroupArn', balancer)) this.add({ fact: 'target', group, target: 'self' })
          for (const lb of this.ends('LoadBalancerName', balancer))
            this.add({ fact: 'flow', from: lb, to: 'self', kind: 'load-balancer-target', label: '', encrypted: null })
        }
        return
      case 'AWS::S3::Bucket':
        return this.bucket()
      case 'AWS::SNS::Topic':
        for (const subscription of this.list('Subscription')) this.subscription('self', subscription)
        return
      case 'AWS::SNS::Subscription': {
        const topic = this.first('TopicArn')
        if (topic) this.subscription(topic, p)
        return
      }
      case 'AWS::Lambda::EventSourceMapping': {
        const fn = this.first('FunctionName')
        for (const source of this.ends('EventSourceArn'))
          if (fn) this.add({ fact: 'flow', from: source, to: fn, kind: 'event-source-mapping', label: '', encrypted: null, endKind: 'function' })
        return
      }
      case 'AWS::Serverless::Function':
        this.samEvents()
        this.samPolicies()
        for (const ref of this.ends('DeadLetterQueue.TargetArn'))
          this.add({ fact: 'flow', from: 'self', to: ref, kind: 'reference', label: 'dead-letter target', encrypted: null })
        return
      case 'AWS::Lambda::Function':
        for (const ref of this.ends('DeadLetterConfig.TargetArn'))
          this.add({ fact: 'flow', from: 'self', to: ref, kind: 'reference', label: 'dead-letter target', encrypted: null })
        return
      case 'AWS::SQS::Queue':
        for (const ref of this.ends('RedrivePolicy.deadLetterTargetArn'))
          this.add({ fact: 'flow', from: 'self', to: ref, kind: 'reference', label: 'dead-letter queue', encrypted: null, endKind: 'queue' })
        return
      case 'AWS::Logs::SubscriptionFilter': {
        const group = this.first('LogGroupName')
        for (const to of this.ends('DestinationArn'))
          if (group) this.add({ fact: 'flow', from: group, to, kind: 'subscription', label: 'log subscription', encrypted: null })
        return
      }
      case 'AWS::Events::Rule':
        for (const to of this.ends('Targets.Arn'))
          this.add({ fact: 'flow', from: 'self', to, kind: 'invocation', label: 'event rule target', encrypted: null })
        return
      case 'AWS::ApiGateway::Method':
        for (const fn of this.ends('Integration.Uri'))
          this.add({ fact: 'flow', from: 'self', to: fn, kind: 'invocation', label: 'API integration', encrypted: null, endKind: 'function' })
        return
      case 'AWS::ApiGatewayV2::Integration':
        for (const api of this.ends('ApiId')) this.add({ fact: 'part-of', ref: api })
        for (const fn of this.ends('IntegrationUri'))
          this.add({ fact: 'flow', from: 'self', to: fn, kind: 'invocation', label: 'API integration', encrypted: null, endKind: 'function' })
        return
      case 'AWS::EC2::FlowLog': {
        const source = this.first('ResourceId')
        const s3 = this.text(own(p, 'LogDestinationType')) === 's3'
        for (const to of [...this.ends('LogDestination'), ...this.ends('LogGroupName')])
          if (source)
            this.add({ fact: 'flow', from: source, to, kind: 'logging', label: 'flow logs', encrypted: null, endKind: s3 ? 'bucket' : 'log' })
        return
      }
      case 'AWS::CloudTrail::Trail':
        for (const bucket of this.ends('S3BucketName')) this.logging(bucket, 'trail logs', 'bucket')
        for (const group of this.ends('CloudWatchLogsLogGroupArn')) this.logging(group, 'trail logs', 'log')
        return
      case 'AWS::EC2::VolumeAttachment': {
        const instance = this.first('InstanceId')
        for (const volume of this.ends('VolumeId'))
          if (instance) this.add({ fact: 'flow', from: instance, to: volume, kind: 'reference', label: 'attached volume', encrypted: null })
        return
      }
      case 'AWS::EC2::VPCGatewayAttachment': {
        const vpc = this.first('VpcId')
        for (const gateway of [...this.ends('InternetGatewayId'), ...this.ends('VpnGatewayId')])
          if (vpc) this.add({ fact: 'places', what: gateway, in: vpc })
        return
      }
      case 'AWS::EC2::Route':
        return this.route()
      case 'AWS::EC2::SubnetRouteTableAssociation': {
        const table = this.first('RouteTableId')
        for (const subnet of this.ends('SubnetId')) if (table) this.add({ fact: 'route-association', table, subnet })
        return
      }
      case 'AWS::EC2::VPCPeeringConnection': {
        const vpc = this.first('VpcId')
        const peer = this.first('PeerVpcId')
        if (vpc && peer) this.add({ fact: 'peering', vpc, peer })
        return
      }
      case 'AWS::EC2::TransitGatewayAttachment':
      case 'AWS::EC2::TransitGatewayVpcAttachment': {
        const gateway = this.first('TransitGatewayId')
        if (gateway)
          this.add({
            fact: 'attachment',
            gateway,
            vpc: this.first('VpcId') ?? null,
            subnets: this.ends('SubnetIds'),
            label: `attachment ${this.resource.logicalId}`
          })
        return
      }
      case 'AWS::RDS::DBInstance':
        for (const source of this.ends('SourceDBInstanceIdentifier'))
          this.add({ fact: 'flow', from: source, to: 'self', kind: 'reference', label: 'replica', encrypted: null })
        return
    }
  }

  private ingress(group: Ref | 'self', rule: JsonMap): void {
    const label = ingressLabel(this.text(own(rule, 'IpProtocol')), this.text(own(rule, 'FromPort')), this.text(own(rule, 'ToPort')))
    for (const from of [...this.ends('SourceSecurityGroupId', rule), ...this.ends('SourceSecurityGroupName', rule)])
      this.add({ fact: 'ingress', group, from, cidr: null, label })
    for (const property of ['CidrIp', 'CidrIpv6']) {
      const value = own(rule, property)
      if (value === undefined) continue
      const cidr = this.text(value)
      if (cidr) this.add({ fact: 'ingress', group, from: null, cidr, label })
    }
  }

  private logging(to: Ref, label: string, endKind: 'bucket' | 'log'): void {
    this.add({ fact: 'flow', from: 'self', to, kind: 'logging', label, encrypted: null, endKind })
  }

  private bucket(): void {
    const kinds = [
      { list: 'NotificationConfiguration.LambdaConfigurations', target: 'Function', endKind: 'function' as const },
      { list: 'NotificationConfiguration.QueueConfigurations', target: 'Queue', endKind: 'queue' as const },
      { list: 'NotificationConfiguration.TopicConfigurations', target: 'Topic', endKind: 'topic' as const }
    ]
    for (const { list, target, endKind } of kinds) {
      for (const item of this.list(list)) {
        const rules = this.list('Filter.S3Key.Rules', item)
        const rule = (name: string) =>
          this.text(
            own(
              rules.find(r => String(this.text(own(r, 'Name'))).toLowerCase() === name),
              'Value'
            )
          )
        const label = notificationLabel([this.text(own(item, 'Event'))], rule('prefix'), rule('suffix'))
        for (const to of this.ends(target, item))
          this.add({ fact: 'flow', from: 'self', to, kind: 'event-notification', label, encrypted: null, endKind })
      }
    }
    for (const bucket of this.ends('LoggingConfiguration.DestinationBucketName')) this.logging(bucket, 'access logs', 'bucket')
    for (const to of this.ends('ReplicationConfiguration.Rules.Destination.Bucket'))
      this.add({ fact: 'flow', from: 'self', to, kind: 'reference', label: 'replication', encrypted: null, endKind: 'bucket' })
  }

  private subscription(topic: Ref | 'self', subscription: JsonMap): void {
    const protocol = (this.text(own(subscription, 'Protocol')) ?? '').toLowerCase()
    const encrypted = protocol === 'https' ? true : protocol === 'http' ? false : null
    const endpoint = own(subscription, 'Endpoint')
    const literal = typeof endpoint === 'string' && !endpoint.startsWith('arn:')
    // An address is personal data: email, SMS and web endpoints are drawn by protocol (and host) only.
    const ends: Ref[] = literal
      ? [{ to: `external:${protocol}`, orElse: externalSubscriber(protocol, endpoint) }]
      : this.ends('Endpoint', subscription)
    for (const to of ends)
      this.add({ fact: 'flow', from: topic, to, kind: 'subscription', label: protocol, encrypted, endKind: literal ? 'external' : undefined })
  }

  private samEvents(): void {
    const events = asMap(own(this.properties, 'Events'))
    if (!events) return
    for (const name of Object.keys(events)) {
      const event = asMap(events[name])
      const type = asText(own(event, 'Type'))
      const props = asMap(own(event, 'Properties')) ?? (Object.create(null) as JsonMap)
      switch (type) {
        case 'SQS':
          for (const queue of this.ends('Queue', props))
            this.add({ fact: 'flow', from: queue, to: 'self', kind: 'event-source-mapping', label: name, encrypted: null, endKind: 'queue' })
          break
        case 'Kinesis':
        case 'DynamoDB':
        case 'MSK':
          for (const stream of this.ends('Stream', props))
            this.add({ fact: 'flow', from: stream, to: 'self', kind: 'event-source-mapping', label: name, encrypted: null, endKind: 'stream' })
          break
        case 'S3': {
          const rules = this.list('Filter.S3Key.Rules', props)
          const rule = (n: string) =>
            this.text(
              own(
                rules.find(r => String(this.text(own(r, 'Name'))).toLowerCase() === n),
                'Value'
              )
            )
          const label = notificationLabel(
            [own(props, 'Events')].flat().map(e => this.text(e)),
            rule('prefix'),
            rule('suffix')
          )
          for (const bucket of this.ends('Bucket', props))
            this.add({ fact: 'flow', from: bucket, to: 'self', kind: 'event-notification', label, encrypted: null, endKind: 'bucket' })
          break
        }
        case 'SNS':
          for (const topic of this.ends('Topic', props))
            this.add({ fact: 'flow', from: topic, to: 'self', kind: 'subscription', label: name, encrypted: null, endKind: 'topic' })
          break
        case 'Api':
        case 'HttpApi': {
          // Without RestApiId/ApiId, SAM creates the implicit ServerlessRestApi (or ServerlessHttpApi).
          const implicit = type === 'Api' ? 'ServerlessRestApi' : 'ServerlessHttpApi'
          const apis = [...this.ends('RestApiId', props), ...this.ends('ApiId', props)]
          const ends: Ref[] = apis.length
            ? apis
            : [
                {
                  to: implicit,
                  orElse: {
                    key: `cfn:${implicit}`,
                    name: implicit,
                    resourceType: type === 'Api' ? 'AWS::Serverless::Api' : 'AWS::Serverless::HttpApi'
                  }
                }
              ]
          const route = [this.text(own(props, 'Method')), this.text(own(props, 'Path'))].filter(Boolean).join(' ')
          for (const api of ends)
            this.add({ fact: 'flow', from: api, to: 'self', kind: 'invocation', label: route || name, encrypted: true, endKind: 'api' })
          break
        }
      }
    }
  }

  private samPolicies(): void {
    for (const policy of asList(own(this.properties, 'Policies'))) {
      const map = asMap(policy)
      if (!map) continue
      for (const name of Object.keys(map)) {
        const template = SAM_POLICIES[name]
        if (!template) continue
        for (const end of this.ends(template.property, map[name])) {
          if (template.reads)
            this.add({ fact: 'flow', from: end, to: 'self', kind: 'reference', label: name, encrypted: null, endKind: template.endKind })
          if (template.writes)
            this.add({ fact: 'flow', from: 'self', to: end, kind: 'reference', label: name, encrypted: null, endKind: template.endKind })
        }
      }
    }
  }

  private route(): void {
    const p = this.properties
    const table = this.first('RouteTableId')
    if (!table) return
    const written = ['DestinationCidrBlock', 'DestinationIpv6CidrBlock', 'DestinationPrefixListId'].map(k => own(p, k)).find(v => v !== undefined)
    // A parameter without a default is shown as CloudFormation writes it: ${pProductionCIDR}.
    const parameter = intrinsicOf(written)?.name === 'Ref' ? `\${${String(intrinsicOf(written)?.argument)}}` : null
    const destination = this.text(written) ?? parameter
    const targets: [string, RouteVia][] = [
      ['GatewayId', 'internet-gateway'],
      ['EgressOnlyInternetGatewayId', 'internet-gateway'],
      ['NatGatewayId', 'nat'],
      ['TransitGatewayId', 'transit-gateway'],
      ['VpcPeeringConnectionId', 'peering'],
      ['VpcEndpointId', 'endpoint'],
      ['InstanceId', 'instance'],
      ['NetworkInterfaceId', 'instance']
    ]
    for (const [property, fallback] of targets) {
      for (const target of this.ends(property)) {
        // GatewayId also takes virtual private gateways: the target's own type tells.
        const targetType = this.all.get(target.to)?.type
        const via: RouteVia = targetType === 'AWS::EC2::VPNGateway' ? 'vpn' : routeVia(property, target.to, fallback)
        this.add({ fact: 'route', table, destination, target, via })
      }
    }
  }
}
