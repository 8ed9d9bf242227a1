import resourceTypesJson from '../../templates/infrastructure/resource-types.json'
import type { MapAssetKind, MapZone } from '../map/contract'

/**
 * The kinds of identifying value a redacted document replaces, each with the word its placeholders
 * use (`[bucket 3]`) and the noun the document counts them with ("22 bucket names"). Listed in the
 * order the document lists them.
 */
export const REDACTION_KINDS = {
  account: { placeholder: 'account', one: 'cloud account id', many: 'cloud account ids' },
  arn: { placeholder: 'ARN', one: 'ARN', many: 'ARNs' },
  ip: { placeholder: 'IP', one: 'IP address', many: 'IP addresses' },
  email: { placeholder: 'e-mail', one: 'e-mail address', many: 'e-mail addresses' },
  vpc: { placeholder: 'VPC', one: 'VPC name', many: 'VPC names' },
  subnet: { placeholder: 'subnet', one: 'subnet name', many: 'subnet names' },
  bucket: { placeholder: 'bucket', one: 'bucket name', many: 'bucket names' },
  database: { placeholder: 'database', one: 'database name', many: 'database names' },
  'file-system': { placeholder: 'volume', one: 'volume or file system name', many: 'volume and file system names' },
  function: { placeholder: 'function', one: 'function name', many: 'function names' },
  queue: { placeholder: 'queue', one: 'queue name', many: 'queue names' },
  topic: { placeholder: 'topic', one: 'topic name', many: 'topic names' },
  stream: { placeholder: 'stream', one: 'stream name', many: 'stream names' },
  'load-balancer': { placeholder: 'load balancer', one: 'load balancer name', many: 'load balancer names' },
  instance: { placeholder: 'instance', one: 'instance name', many: 'instance names' },
  group: { placeholder: 'group', one: 'instance group name', many: 'instance group names' },
  container: { placeholder: 'container', one: 'container service name', many: 'container service names' },
  api: { placeholder: 'API', one: 'API name', many: 'API names' },
  gateway: { placeholder: 'gateway', one: 'gateway name', many: 'gateway names' },
  cache: { placeholder: 'cache', one: 'cache name', many: 'cache names' },
  search: { placeholder: 'search domain', one: 'search domain name', many: 'search domain names' },
  key: { placeholder: 'key', one: 'encryption key id', many: 'encryption key ids' },
  secret: { placeholder: 'secret', one: 'secret name', many: 'secret names' },
  log: { placeholder: 'log', one: 'log or trail name', many: 'log and trail names' },
  identity: { placeholder: 'identity', one: 'user, role or group name', many: 'user, role and group names' },
  'security-group': { placeholder: 'security group', one: 'security group id', many: 'security group ids' },
  resource: { placeholder: 'resource', one: 'other resource name', many: 'other resource names' }
} as const

export type RedactionKind = keyof typeof REDACTION_KINDS

/** The map's asset kinds as redaction kinds; a kind the map reads from no file is `null`: people name those, not clouds. */
const ASSET_KIND_REDACTION: Record<MapAssetKind, RedactionKind | null> = {
  database: 'database',
  bucket: 'bucket',
  'file-system': 'file-system',
  function: 'function',
  queue: 'queue',
  topic: 'topic',
  stream: 'stream',
  'load-balancer': 'load-balancer',
  instance: 'instance',
  group: 'group',
  container: 'container',
  api: 'api',
  gateway: 'gateway',
  cache: 'cache',
  search: 'search',
  key: 'key',
  secret: 'secret',
  log: 'log',
  identity: 'identity',
  'security-group': 'security-group',
  external: 'resource',
  // The internet is no one's resource.
  internet: null,
  other: 'resource',
  workstation: null,
  application: null,
  paper: null,
  site: null,
  'storage-device': null,
  'on-premises': null
}

export function assetRedactionKind(kind: MapAssetKind): RedactionKind | null {
  return ASSET_KIND_REDACTION[kind]
}

export function zoneRedactionKind(kind: MapZone['kind']): RedactionKind {
  return kind
}

type TypeRow = { kind?: string; terraform?: string[]; cloudformation?: string[]; config?: string[]; asff?: string[] }

/** Every spelling of a resource type (Terraform, CloudFormation, AWS Config, Security Hub) in the map's table, lower-cased, to its kind. */
const KIND_BY_TYPE: ReadonlyMap<string, RedactionKind> = new Map(
  (resourceTypesJson.types as TypeRow[]).flatMap(row => {
    const kind = row.kind && row.kind in REDACTION_KINDS ? (row.kind as RedactionKind) : null
    if (!kind) return []
    return [...(row.terraform ?? []), ...(row.cloudformation ?? []), ...(row.config ?? []), ...(row.asff ?? [])].map(
      name => [name.toLowerCase(), kind] as const
    )
  })
)

/** The kind of a resource a scanner names by its type (`AwsS3Bucket`, `AWS::S3::Bucket`, `aws_s3_bucket`); `resource` when the table does not know it. */
export function resourceTypeRedactionKind(type: string | null): RedactionKind {
  return (type && KIND_BY_TYPE.get(type.trim().toLowerCase())) || 'resource'
}
