// What an infrastructure file says, once read: the assets it describes, the
// boundaries they sit in (account → VPC → subnet) and what sends data to what.
// Every infrastructure format reads into this shape; the store and the rules
// never see a format's own spelling. Keys are stable across re-imports of a
// newer file so what a person said about an asset survives.

/** What an asset is, for drawing and for the rules (a PHI store, a pipe, an orchestrator). */
export const ASSET_KINDS = [
  'database',
  'bucket',
  'file-system',
  'function',
  'queue',
  'topic',
  'stream',
  'load-balancer',
  'instance',
  'group',
  'container',
  'api',
  'gateway',
  'cache',
  'search',
  'key',
  'secret',
  'log',
  'identity',
  'security-group',
  'external',
  'internet',
  'other'
] as const
export type AssetKind = (typeof ASSET_KINDS)[number]

export const ZONE_KINDS = ['account', 'vpc', 'subnet'] as const
export type ZoneKind = (typeof ZONE_KINDS)[number]

/**
 * How data moves along a flow. `network` is reachability (security groups,
 * routes), the others are wiring that passes data or events.
 */
export const FLOW_KINDS = [
  'event-notification',
  'subscription',
  'event-source-mapping',
  'load-balancer-target',
  'network',
  'route',
  'peering',
  'transit-gateway',
  'reference',
  'logging',
  'invocation'
] as const
export type FlowKind = (typeof FLOW_KINDS)[number]

export interface ParsedZone {
  /** Stable identity: `aws:vpc:vpc-0990dc6d`, `tf:aws_vpc.web_vpc`, `cfn:param:pProductionVPC`. */
  key: string
  kind: ZoneKind
  /** What a person reads: the resource address, logical id or real id. */
  name: string
  parentKey: string | null
  cidr: string | null
  /** A VPC or subnet the file only receives (a CloudFormation parameter, a Terraform data source). */
  placeholder: boolean
  provider: string
  account: string | null
  region: string | null
}

export interface ParsedAsset {
  /**
   * Stable identity, same rules as zones: `aws:ec2:<id>` for anything with an EC2 id
   * (i-, sg-, vol-, igw-, nat-, tgw-… with or without an ARN, so Config, state files and
   * Security Hub meet), else the ARN where one is known, else what the file names it by
   * (`tf:<address>`, `cfn:<logical id>`, `cfn:param:<name>`, `config:<type>:<id>`; these are
   * local to one description). `internet` and `external:<host>` for the ends outside AWS.
   * See main/map/read/keys.ts.
   */
  key: string
  /** Resource address (`module.db.aws_db_instance.this[0]`), logical id or real id. */
  name: string
  /** The provider's type as written: `aws_db_instance`, `AWS::RDS::DBInstance`. */
  resourceType: string
  kind: AssetKind
  /** Cloud service id from templates/assessment/cloud-services.json (`aws-rds`), or null if none fits. */
  serviceId: string | null
  /** The innermost zone(s) the asset sits in (subnets, else the VPC, else the account). */
  zoneKeys: string[]
  arn: string | null
  account: string | null
  region: string | null
  /** Encrypted at rest according to the resource's own settings; null when the file does not say. */
  encryptedAtRest: boolean | null
  /** Reachable from the internet according to its settings (public bucket/database, internet-facing LB). */
  publicAccess: boolean | null
  /** A few non-secret facts worth showing (engine, CIDR, listener protocol). Never values marked sensitive. */
  attributes: Record<string, string>
}

export interface ParsedFlow {
  /** An asset's or a zone's key: routes, peering and transit gateways lead from and to zones; flow logs leave a VPC. */
  fromKey: string
  toKey: string
  kind: FlowKind
  /** Short human text: "s3:ObjectCreated:* (suffix .log)", "tcp/3306". */
  label: string
  /** Encrypted in transit according to the wiring (HTTPS listener, TLS); null when unknown. */
  encryptedInTransit: boolean | null
}

export interface ParsedInfrastructure {
  format: InfrastructureFormatId
  assets: ParsedAsset[]
  zones: ParsedZone[]
  flows: ParsedFlow[]
  /** What a reader should know: unresolved parameters, dangling references, skipped secrets. */
  warnings: string[]
}

export type InfrastructureFormatId =
  'terraform-plan' | 'terraform-show-state' | 'terraform-tfstate' | 'cloudformation' | 'aws-config' | 'scanner-resources'
