// One Terraform resource (from a plan, a shown state or a raw state file) as a
// source record: its identity, a few safe settings, and its wiring read from
// attribute names that mean the same in every AWS resource (vpc_id, subnet_ids,
// vpc_security_group_ids...) plus the few types whose wiring is their purpose.

import { shownAttributes } from '../attributes'
import { asList, asMap, asText, isMap, own, type JsonMap } from '../document'
import { parseArn } from '../keys'
import { resourceTypes } from '../resource-types'
import { evaluateChecks, valuesAt, type SettingsView } from '../settings'
import { newRecord, type Fact, type Ref, type SourceRecord } from '../source-record'
import { externalSubscriber, ingressLabel, notificationLabel, routeVia } from '../wiring-labels'

export interface TerraformResourceView {
  handle: string
  moduleAddress: string
  mode: 'managed' | 'data'
  type: string
  name: string
  values: JsonMap
  /** Plan: the handles each attribute path's references lead to. State: empty. */
  references: Map<string, string[]>
  /** Top-level attribute names the file marks sensitive. */
  sensitive: Set<string>
  /** Plan: top-level attribute names whose value is known only after apply. */
  unknown: Set<string>
  /** State: handles this resource depends on (`dependencies`, `depends_on`). */
  dependencies: string[]
}

const PLACEMENT = [
  'vpc_id',
  'subnet_id',
  'subnet_ids',
  'subnets',
  'vpc_zone_identifier',
  'vpc_config.subnet_ids',
  'network_configuration.subnets',
  'vpc_options.subnet_ids',
  'network_interfaces.subnet_id'
]
const SECURITY_GROUPS = [
  'vpc_security_group_ids',
  'security_group_ids',
  'security_groups',
  'vpc_config.security_group_ids',
  'network_configuration.security_groups',
  'vpc_options.security_group_ids',
  'network_interfaces.security_groups'
]
const HAS_PART = [
  'db_subnet_group_name',
  'subnet_group_name',
  'cluster_subnet_group_name',
  'launch_configuration',
  'launch_template.id',
  'launch_template.name',
  'mixed_instances_policy.launch_template.launch_template_specification.launch_template_id',
  'network_interface.network_interface_id',
  'task_definition'
]
const KEYS = [
  'kms_key_id',
  'kms_key_arn',
  'kms_master_key_id',
  'server_side_encryption_configuration.rule.apply_server_side_encryption_by_default.kms_master_key_id',
  'encrypt_at_rest.kms_key_id'
]
/** Attributes whose references are wiring read above, not data passed: never drawn as references. */
const NOT_REFERENCES = new Set([
  ...PLACEMENT,
  ...SECURITY_GROUPS,
  ...HAS_PART,
  'tags',
  'tags_all',
  'role',
  'role_arn',
  'execution_role_arn',
  'iam_instance_profile'
])
const IDENTITY_ATTRIBUTES = ['id', 'arn', 'name', 'bucket', 'function_name', 'identifier', 'cluster_identifier', 'domain_name', 'url', 'dns_name']
const ZONE_DATA_SOURCES = new Set(['aws_vpc', 'aws_subnet', 'aws_default_vpc'])
const ASSET_DATA_SOURCES = new Set(['aws_security_group'])

export function terraformRecord(view: TerraformResourceView): SourceRecord | null {
  // Of data sources, only the VPCs, subnets and security groups a configuration looks up are drawn (as placeholders).
  if (view.mode === 'data' && !ZONE_DATA_SOURCES.has(view.type) && !ASSET_DATA_SOURCES.has(view.type)) return null
  const entry = resourceTypes().byName('terraform', view.type)
  const record = newRecord({ handle: view.handle, name: view.handle, resourceType: view.type, entry })
  const values = view.values
  // Some resources (an ECS service) have no arn attribute: their id is the ARN.
  const arn = asText(own(values, 'arn')) ?? asText(own(values, 'id'))
  record.arn = arn && parseArn(arn) ? arn : null
  record.realIds = identityOf(values)
  const parsedArn = record.arn ? parseArn(record.arn) : null
  record.account = parsedArn?.account || null
  record.region = parsedArn?.region || asText(own(values, 'region')) || null
  record.placeholder = view.mode === 'data'
  record.cidr = asText(own(values, 'cidr_block')) ?? null
  record.attributes = shownAttributes(values, name => view.sensitive.has(name))
  const settings = settingsOf(view)
  const encryption = entry?.row.encryptedAtRest
  record.encryptedAtRest = encryption && 'always' in encryption ? true : evaluateChecks(encryption?.terraform, settings)
  record.publicAccess = evaluateChecks(entry?.row.publicAccess?.terraform, settings)
  record.facts = new TerraformWiring(view, entry?.row.parent?.terraform).facts()
  record.secretsSeen = countSecrets(values)
  if (view.type === 'aws_lb_target_group' || view.type === 'aws_alb_target_group') {
    const protocol = asText(own(values, 'protocol'))
    const port = asText(own(values, 'port'))
    if (protocol) record.attributes.protocol = protocol
    if (port) record.attributes.port = port
  }
  return record
}

const HOLDS_SECRETS =
  /pass(word)?$|^password|secret_string|secret_key|_secret$|^secret$|token|private_key|credential|^environment$|^user_data$|^container_definitions$/

/** Settings that can hold secrets and have a value here: counted for a warning, never read further. */
function countSecrets(values: JsonMap): number {
  let count = 0
  for (const name of Object.keys(values)) {
    const value = values[name]
    if (HOLDS_SECRETS.test(name) && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) count++
  }
  return count
}

function identityOf(values: JsonMap): string[] {
  const ids = new Set<string>()
  for (const name of IDENTITY_ATTRIBUTES) {
    const value = own(values, name)
    if (typeof value === 'string' && value && value.length <= 2048) ids.add(value)
  }
  return [...ids]
}

function settingsOf(view: TerraformResourceView): SettingsView {
  return {
    values: path => valuesAt(view.values, path),
    referenced: path =>
      view.unknown.has(path.split('.')[0] as string) || view.references.has(path) || [...view.references.keys()].some(k => k.startsWith(`${path}.`))
  }
}

class TerraformWiring {
  private readonly out: Fact[] = []

  constructor(
    private readonly view: TerraformResourceView,
    private readonly parentAttribute: string | undefined
  ) {}

  /** References (plan) and literal values (state, or constants in a plan) at a path, as ends of facts. */
  private targets(path: string): Ref[] {
    const seen = new Set<string>()
    for (const [refPath, handles] of this.view.references)
      if (refPath === path || refPath.startsWith(`${path}.`)) for (const h of handles) seen.add(h)
    for (const value of valuesAt(this.view.values, path).flat(2)) if (typeof value === 'string' && value) seen.add(value)
    return [...seen].map(to => ({ to }))
  }

  private first(path: string): Ref | undefined {
    return this.targets(path)[0]
  }

  private blocks(path: string): JsonMap[] {
    return valuesAt(this.view.values, path).flat(2).filter(isMap)
  }

  private add(fact: Fact): void {
    this.out.push(fact)
  }

  facts(): Fact[] {
    const { type } = this.view
    for (const path of PLACEMENT) for (const ref of this.targets(path)) this.add({ fact: 'in', ref })
    const groups = SECURITY_GROUPS.flatMap(path => this.targets(path))
    if (type !== 'aws_security_group') for (const ref of groups) this.add({ fact: 'security-group', ref })
    for (const path of HAS_PART) for (const ref of this.targets(path)) this.add({ fact: 'has-part', ref })
    for (const path of KEYS) for (const ref of this.targets(path)) this.add({ fact: 'reference', ref, label: 'encryption key' })
    if (this.parentAttribute) for (const ref of this.targets(this.parentAttribute)) this.add({ fact: 'part-of', ref })
    this.typeWiring()
    // Generic references: what a plan's expressions name (user data naming a database, an environment variable naming a bucket).
    for (const [path, handles] of this.view.references) {
      const top = path.split('.')[0] as string
      if (NOT_REFERENCES.has(path) || NOT_REFERENCES.has(top) || KEYS.includes(path)) continue
      for (const to of handles) this.add({ fact: 'reference', ref: { to }, label: top })
    }
    for (const to of this.view.dependencies) {
      // A state that keeps only dependencies (inframap's trimmed files) attaches security groups that way.
      if (type !== 'aws_security_group' && groups.length === 0 && /(^|\.)aws_(default_)?security_group\./.test(to))
        this.add({ fact: 'security-group', ref: { to } })
      else this.add({ fact: 'reference', ref: { to }, label: 'depends on' })
    }
    return this.out
  }

  private typeWiring(): void {
    const v = this.view.values
    switch (this.view.type) {
      case 'aws_security_group':
        return this.inlineIngress()
      case 'aws_security_group_rule': {
        if (asText(own(v, 'type')) !== 'ingress') return
        const group = this.first('security_group_id')
        if (!group) return
        const label = ingressLabel(own(v, 'protocol'), own(v, 'from_port'), own(v, 'to_port'))
        for (const from of this.targets('source_security_group_id')) this.add({ fact: 'ingress', group, from, cidr: null, label })
        for (const cidr of [...this.targets('cidr_blocks'), ...this.targets('ipv6_cidr_blocks')]) this.ingressFromCidr(group, cidr, label)
        return
      }
      case 'aws_vpc_security_group_ingress_rule': {
        const group = this.first('security_group_id')
        if (!group) return
        const label = ingressLabel(own(v, 'ip_protocol'), own(v, 'from_port'), own(v, 'to_port'))
        for (const from of this.targets('referenced_security_group_id')) this.add({ fact: 'ingress', group, from, cidr: null, label })
        for (const cidr of [...this.targets('cidr_ipv4'), ...this.targets('cidr_ipv6')]) this.ingressFromCidr(group, cidr, label)
        return
      }
      case 'aws_elb':
        return this.classicLoadBalancer()
      case 'aws_lb':
      case 'aws_alb':
        for (const bucket of this.targets('access_logs.bucket'))
          this.add({ fact: 'flow', from: 'self', to: bucket, kind: 'logging', label: 'access logs', encrypted: null, endKind: 'bucket' })
        return
      case 'aws_lb_listener':
      case 'aws_alb_listener': {
        const protocol = asText(own(v, 'protocol'))
        if (protocol) this.add({ fact: 'listener', protocol })
        for (const group of [...this.targets('default_action.target_group_arn'), ...this.targets('default_action.forward.target_group.arn')]) {
          this.add({ fact: 'forward', lb: 'self', group, protocol: null })
        }
        return
      }
      case 'aws_lb_listener_rule':
      case 'aws_alb_listener_rule':
        for (const group of [...this.targets('action.target_group_arn'), ...this.targets('action.forward.target_group.arn')])
          this.add({ fact: 'forward', lb: 'self', group, protocol: null })
        return
      case 'aws_lb_target_group_attachment':
      case 'aws_alb_target_group_attachment': {
        const group = this.first('target_group_arn')
        for (const target of this.targets('target_id')) if (group) this.add({ fact: 'target', group, target })
        return
      }
      case 'aws_autoscaling_group':
        for (const group of this.targets('target_group_arns')) this.add({ fact: 'target', group, target: 'self' })
        for (const lb of this.targets('load_balancers'))
          this.add({ fact: 'flow', from: lb, to: 'self', kind: 'load-balancer-target', label: '', encrypted: null })
        return
      case 'aws_autoscaling_attachment': {
        const asg = this.first('autoscaling_group_name')
        if (!asg) return
        for (const group of [...this.targets('lb_target_group_arn'), ...this.targets('alb_target_group_arn')])
          this.add({ fact: 'target', group, target: asg })
        for (const lb of this.targets('elb')) this.add({ fact: 'flow', from: lb, to: asg, kind: 'load-balancer-target', label: '', encrypted: null })
        return
      }
      case 'aws_elb_attachment': {
        const lb = this.first('elb')
        for (const instance of this.targets('instance'))
          if (lb) this.add({ fact: 'flow', from: lb, to: instance, kind: 'load-balancer-target', label: '', encrypted: null })
        return
      }
      case 'aws_ecs_service':
        for (const group of this.targets('load_balancer.target_group_arn')) this.add({ fact: 'target', group, target: 'self' })
        for (const lb of this.targets('load_balancer.elb_name'))
          this.add({ fact: 'flow', from: lb, to: 'self', kind: 'load-balancer-target', label: '', encrypted: null })
        return
      case 'aws_s3_bucket':
        this.bucketLogging('logging.target_bucket')
        for (const to of this.targets('replication_configuration.rules.destination.bucket')) {
          this.add({ fact: 'flow', from: 'self', to, kind: 'reference', label: 'replication', encrypted: null, endKind: 'bucket' })
        }
        return
      case 'aws_s3_bucket_logging':
        return this.bucketLogging('target_bucket')
      case 'aws_s3_bucket_replication_configuration':
        for (const to of this.targets('rule.destination.bucket'))
          this.add({ fact: 'flow', from: 'self', to, kind: 'reference', label: 'replication', encrypted: null, endKind: 'bucket' })
        return
      case 'aws_s3_bucket_server_side_encryption_configuration':
        this.add({ fact: 'encrypts-parent' })
        for (const ref of this.targets('rule.apply_server_side_encryption_by_default.kms_master_key_id'))
          this.add({ fact: 'reference', ref, label: 'encryption key' })
        return
      case 'aws_s3_bucket_notification':
        return this.bucketNotifications()
      case 'aws_lambda_event_source_mapping': {
        const fn = this.first('function_name')
        for (const source of this.targets('event_source_arn'))
          if (fn) this.add({ fact: 'flow', from: source, to: fn, kind: 'event-source-mapping', label: '', encrypted: null, endKind: 'function' })
        return
      }
      case 'aws_sns_topic_subscription':
        return this.subscription()
      case 'aws_cloudwatch_log_subscription_filter': {
        const group = this.first('log_group_name')
        for (const to of this.targets('destination_arn'))
          if (group) this.add({ fact: 'flow', from: group, to, kind: 'subscription', label: 'log subscription', encrypted: null })
        return
      }
      case 'aws_cloudwatch_event_target':
        for (const to of this.targets('arn'))
          this.add({ fact: 'flow', from: 'self', to, kind: 'invocation', label: 'event rule target', encrypted: null })
        return
      case 'aws_api_gateway_integration':
      case 'aws_apigatewayv2_integration':
        return this.apiIntegration()
      case 'aws_flow_log': {
        const sources = [...this.targets('vpc_id'), ...this.targets('subnet_id')]
        const destinations = [...this.targets('log_destination'), ...this.targets('log_group_name')]
        for (const from of sources)
          for (const to of destinations) this.add({ fact: 'flow', from, to, kind: 'logging', label: 'flow logs', encrypted: null, endKind: 'log' })
        return
      }
      case 'aws_cloudtrail':
        for (const to of this.targets('s3_bucket_name'))
          this.add({ fact: 'flow', from: 'self', to, kind: 'logging', label: 'trail logs', encrypted: null, endKind: 'bucket' })
        for (const to of this.targets('cloud_watch_logs_group_arn'))
          this.add({ fact: 'flow', from: 'self', to, kind: 'logging', label: 'trail logs', encrypted: null, endKind: 'log' })
        return
      case 'aws_volume_attachment': {
        const instance = this.first('instance_id')
        for (const volume of this.targets('volume_id'))
          if (instance) this.add({ fact: 'flow', from: instance, to: volume, kind: 'reference', label: 'attached volume', encrypted: null })
        return
      }
      case 'aws_network_interface':
        for (const ref of this.targets('attachment.instance')) this.add({ fact: 'part-of', ref })
        return
      case 'aws_internet_gateway_attachment': {
        const gateway = this.first('internet_gateway_id')
        for (const vpc of this.targets('vpc_id')) if (gateway) this.add({ fact: 'places', what: gateway, in: vpc })
        return
      }
      case 'aws_route_table':
      case 'aws_default_route_table':
        for (const route of this.blocks('route')) this.route('self', route)
        return
      case 'aws_route': {
        const table = this.first('route_table_id')
        if (table) this.route(table, v)
        return
      }
      case 'aws_route_table_association': {
        const table = this.first('route_table_id')
        for (const subnet of this.targets('subnet_id')) if (table) this.add({ fact: 'route-association', table, subnet })
        return
      }
      case 'aws_vpc_peering_connection': {
        const vpc = this.first('vpc_id')
        const peer = this.first('peer_vpc_id')
        if (vpc && peer) this.add({ fact: 'peering', vpc, peer })
        return
      }
      case 'aws_ec2_transit_gateway_vpc_attachment': {
        const gateway = this.first('transit_gateway_id')
        if (gateway)
          this.add({ fact: 'attachment', gateway, vpc: this.first('vpc_id') ?? null, subnets: this.targets('subnet_ids'), label: 'attachment' })
        return
      }
      case 'aws_db_instance':
        for (const ref of this.targets('replicate_source_db'))
          this.add({ fact: 'flow', from: ref, to: 'self', kind: 'reference', label: 'replica', encrypted: null })
        return
      case 'aws_sqs_queue':
        return this.deadLetterQueue()
      case 'aws_lambda_function':
        for (const ref of this.targets('dead_letter_config.target_arn'))
          this.add({ fact: 'flow', from: 'self', to: ref, kind: 'reference', label: 'dead-letter target', encrypted: null })
        return
    }
  }

  private ingressFromCidr(group: Ref | 'self', cidr: Ref, label: string): void {
    // A CIDR literal, or (in a plan) a reference to the VPC or subnet whose CIDR it is.
    if (/^[0-9a-f.:]+\/\d+$/i.test(cidr.to)) this.add({ fact: 'ingress', group, from: null, cidr: cidr.to, label })
    else this.add({ fact: 'ingress', group, from: cidr, cidr: null, label })
  }

  private inlineIngress(): void {
    const blocks = this.blocks('ingress')
    // `self` (traffic among the group's own members) crosses no boundary and is not drawn; the other sources are.
    for (const block of blocks) {
      const label = ingressLabel(own(block, 'protocol'), own(block, 'from_port'), own(block, 'to_port'))
      for (const from of asList(own(block, 'security_groups')))
        if (typeof from === 'string') this.add({ fact: 'ingress', group: 'self', from: { to: from }, cidr: null, label })
      for (const cidr of [...asList(own(block, 'cidr_blocks')), ...asList(own(block, 'ipv6_cidr_blocks'))]) {
        if (typeof cidr === 'string') this.add({ fact: 'ingress', group: 'self', from: null, cidr, label })
      }
    }
    // A plan: sources known only as references (another group, a VPC's CIDR).
    const label =
      blocks.length === 1 && blocks[0] ? ingressLabel(own(blocks[0], 'protocol'), own(blocks[0], 'from_port'), own(blocks[0], 'to_port')) : ''
    for (const path of ['ingress.security_groups', 'ingress.cidr_blocks']) {
      for (const to of this.view.references.get(path) ?? []) this.add({ fact: 'ingress', group: 'self', from: { to }, cidr: null, label })
    }
  }

  private classicLoadBalancer(): void {
    const listeners = this.blocks('listener')
    const backend = listeners.map(l => asText(own(l, 'instance_protocol'))).filter((p): p is string => !!p)
    for (const listener of listeners) {
      const protocol = asText(own(listener, 'lb_protocol'))
      const backend = asText(own(listener, 'instance_protocol'))
      const backendPort = asText(own(listener, 'instance_port'))
      if (protocol) this.add({ fact: 'listener', protocol, ...(backend ? { backend } : {}), ...(backendPort ? { backendPort } : {}) })
    }
    const encrypted = backend.length && backend.every(p => /^(https|ssl)$/i.test(p)) ? true : backend.some(p => /^http$/i.test(p)) ? false : null
    const label = [
      ...new Set(listeners.map(l => `${asText(own(l, 'instance_protocol')) ?? ''} ${asText(own(l, 'instance_port')) ?? ''}`.trim().toUpperCase()))
    ].join(', ')
    for (const instance of this.targets('instances'))
      this.add({ fact: 'flow', from: 'self', to: instance, kind: 'load-balancer-target', label, encrypted })
    for (const bucket of this.targets('access_logs.bucket'))
      this.add({ fact: 'flow', from: 'self', to: bucket, kind: 'logging', label: 'access logs', encrypted: null, endKind: 'bucket' })
  }

  private bucketLogging(path: string): void {
    for (const to of this.targets(path))
      this.add({ fact: 'flow', from: 'self', to, kind: 'logging', label: 'access logs', encrypted: null, endKind: 'bucket' })
  }

  private bucketNotifications(): void {
    const kinds = [
      { block: 'lambda_function', arn: 'lambda_function_arn', endKind: 'function' as const },
      { block: 'queue', arn: 'queue_arn', endKind: 'queue' as const },
      { block: 'topic', arn: 'topic_arn', endKind: 'topic' as const }
    ]
    for (const { block, arn, endKind } of kinds) {
      const blocks = this.blocks(block)
      for (const item of blocks) {
        const label = notificationLabel(asList(own(item, 'events')), asText(own(item, 'filter_prefix')), asText(own(item, 'filter_suffix')))
        const target = asText(own(item, arn))
        if (target) this.add({ fact: 'flow', from: 'self', to: { to: target }, kind: 'event-notification', label, encrypted: null, endKind })
      }
      // A plan: the target's ARN is unknown until apply, the reference names it.
      for (const to of this.view.references.get(`${block}.${arn}`) ?? []) {
        const label =
          blocks.length === 1 && blocks[0]
            ? notificationLabel(asList(own(blocks[0], 'events')), asText(own(blocks[0], 'filter_prefix')), asText(own(blocks[0], 'filter_suffix')))
            : 'S3 event'
        this.add({ fact: 'flow', from: 'self', to: { to }, kind: 'event-notification', label, encrypted: null, endKind })
      }
    }
  }

  private subscription(): void {
    const topic = this.first('topic_arn')
    const protocol = asText(own(this.view.values, 'protocol')) ?? ''
    if (!topic) return
    const encrypted = protocol === 'https' ? true : protocol === 'http' ? false : null
    for (const endpoint of this.targets('endpoint')) {
      const external = !endpoint.to.startsWith('arn:') && !this.view.references.has('endpoint')
      const to: Ref = external ? { to: endpoint.to, orElse: externalSubscriber(protocol, endpoint.to) } : endpoint
      this.add({ fact: 'flow', from: topic, to, kind: 'subscription', label: protocol, encrypted, endKind: external ? 'external' : undefined })
    }
  }

  private apiIntegration(): void {
    for (const ref of this.targets('api_id')) this.add({ fact: 'part-of', ref })
    for (const path of ['uri', 'integration_uri']) {
      for (const ref of this.targets(path)) {
        const lambda = /(arn:[^:]+:lambda:[^/]+:function:[^/]+?)(\/invocations)?$/.exec(ref.to.replace(/\/invocations$/, ''))
        const to = lambda?.[1] ?? (this.view.references.get(path)?.includes(ref.to) ? ref.to : null)
        if (to)
          this.add({ fact: 'flow', from: 'self', to: { to }, kind: 'invocation', label: 'API integration', encrypted: null, endKind: 'function' })
      }
    }
  }

  private deadLetterQueue(): void {
    const policy = asText(own(this.view.values, 'redrive_policy'))
    if (!policy) return
    try {
      const target = own(asMap(JSON.parse(policy)), 'deadLetterTargetArn')
      if (typeof target === 'string')
        this.add({ fact: 'flow', from: 'self', to: { to: target }, kind: 'reference', label: 'dead-letter queue', encrypted: null, endKind: 'queue' })
    } catch {
      // A redrive policy that is not JSON names no queue.
    }
  }

  private route(table: Ref | 'self', route: JsonMap): void {
    const destination =
      asText(own(route, 'cidr_block')) ||
      asText(own(route, 'destination_cidr_block')) ||
      asText(own(route, 'ipv6_cidr_block')) ||
      asText(own(route, 'destination_ipv6_cidr_block')) ||
      null
    const targets: [string, ReturnType<typeof routeVia>][] = [
      ['gateway_id', 'internet-gateway'],
      ['egress_only_gateway_id', 'internet-gateway'],
      ['nat_gateway_id', 'nat'],
      ['transit_gateway_id', 'transit-gateway'],
      ['vpc_peering_connection_id', 'peering'],
      ['vpc_endpoint_id', 'endpoint'],
      ['network_interface_id', 'instance'],
      ['instance_id', 'instance']
    ]
    const refBase = table === 'self' ? 'route.' : ''
    for (const [attribute, via] of targets) {
      const literal = asText(own(route, attribute))
      const refs = this.view.references.get(`${refBase}${attribute}`) ?? []
      for (const to of literal ? [literal] : refs) this.add({ fact: 'route', table, destination, target: { to }, via: routeVia(attribute, to, via) })
    }
  }
}
