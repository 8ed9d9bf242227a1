// Stable keys for zones and assets, the same whichever format describes the
// thing, so a person's markings survive a re-import and two files about one
// account meet on the map:
//   aws:account:<id>          an account
//   aws:vpc:<vpc-id>          a VPC known by its real id
//   aws:subnet:<subnet-id>    a subnet known by its id
//   aws:ec2:<id>              anything with an EC2 id (i-, sg-, vol-, igw-, nat-, tgw-, eni-...): Config, Terraform
//                             state and Security Hub all name these by id, with or without an ARN
//   arn:...                   anything else whose ARN is known
//   tf:<address> / cfn:<logical id> / cfn:param:<name> / config:<type>:<id>
//                             what the file alone names (a plan before apply, a template): local to that description
//   internet                  the internet
import type { ParsedZone } from '../model'

import { createHash } from 'node:crypto'

/** Keys over this many characters keep a prefix and the SHA-256 of the whole (a hostile name must not bloat every row). */
export const MAX_KEY_CHARS = 512

export function boundedKey(key: string): string {
  if (key.length <= MAX_KEY_CHARS) return key
  return `${key.slice(0, MAX_KEY_CHARS - 80)}…#${createHash('sha256').update(key).digest('hex')}`
}

export interface ParsedArn {
  partition: string
  service: string
  region: string
  account: string
  /** `function:name`, `db:name`, `instance/i-123`, a bucket or queue name. */
  resource: string
  /** The part before the first `/` or `:` when the resource has a type (`function`, `instance`), else null. */
  resourceType: string | null
}

export function parseArn(text: string): ParsedArn | null {
  if (!text.startsWith('arn:')) return null
  const parts = text.split(':')
  if (parts.length < 6) return null
  const [, partition = '', service = '', region = '', account = ''] = parts
  const resource = parts.slice(5).join(':')
  // Only ARNs as AWS writes them: a template's `arn:${AWS::Partition}:…` is not one yet.
  if (!/^aws(-[a-z]+)*$/.test(partition) || !/^[a-z0-9-]+$/.test(service) || !/^[a-z0-9-]*$/.test(region) || !/^[0-9A-Za-z-]*$/.test(account))
    return null
  if (!resource) return null
  const typed = /^([A-Za-z][\w-]*)[/:](.+)$/.exec(resource)
  // S3, SQS and SNS write a bare name; `bucket/key` is an S3 object, not a typed resource.
  const resourceType = typed && !['s3', 'sqs', 'sns'].includes(service) ? (typed[1] ?? null) : null
  return { partition, service, region, account, resource, resourceType }
}

/** An EC2-style id: i-0abc, sg-12, vpc-0990dc6d, subnet-…, tgw-attach-…, pcx-…, rtb-…. */
const EC2_ID = /^(i|sg|vpc|subnet|vol|snap|eni|igw|eigw|nat|tgw|tgw-attach|tgw-rtb|pcx|rtb|acl|lt|eipalloc|vpce|vgw|cgw|vpn|ami|dopt)-[0-9a-f]{6,}$/

export function isEc2Id(text: string): boolean {
  return EC2_ID.test(text)
}

/** The EC2 id inside an ARN (`arn:aws:ec2:…:instance/i-123`), tolerating ARNs written without the type. */
export function ec2IdOfArn(arn: string): string | null {
  const parsed = parseArn(arn)
  if (!parsed || parsed.service !== 'ec2') return null
  const last = parsed.resource.split(/[/:]/).pop() ?? ''
  return isEc2Id(last) ? last : null
}

export const INTERNET_KEY = 'internet'

export const accountKey = (account: string): string => `aws:account:${account}`

/** The zone of an AWS account: the outermost boundary every reader draws. */
export function accountZone(account: string): ParsedZone {
  return {
    key: accountKey(account),
    kind: 'account',
    name: account,
    parentKey: null,
    cidr: null,
    placeholder: false,
    provider: 'aws',
    account,
    region: null
  }
}

export function zoneKeyOfId(id: string): string | null {
  if (/^vpc-[0-9a-f]+$/.test(id)) return `aws:vpc:${id}`
  if (/^subnet-[0-9a-f]+$/.test(id)) return `aws:subnet:${id}`
  return null
}

/** The key of an asset: its EC2 id, else its ARN, else what the file names it by. */
export function assetKeyOf(ids: { arn: string | null; realIds: readonly string[]; local: string }): string {
  const ec2 = ids.realIds.find(isEc2Id) ?? (ids.arn ? ec2IdOfArn(ids.arn) : null)
  if (ec2) return `aws:ec2:${ec2}`
  if (ids.arn && parseArn(ids.arn)) return boundedKey(ids.arn)
  return boundedKey(ids.local)
}
