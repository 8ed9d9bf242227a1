import { z } from 'zod'
import resourceTypesJson from '../../../templates/infrastructure/resource-types.json'
import { ASSET_KINDS, type AssetKind } from '../model'

/**
 * The table of templates/infrastructure/resource-types.json: for every resource
 * type each format spells, whether it is drawn (and as what), is a boundary, or
 * only configures or wires another resource. Every format reads through it, so
 * `aws_db_instance`, `AWS::RDS::DBInstance` and an `rds:db` ARN are one thing.
 */

export type SpellingFamily = 'terraform' | 'cloudformation' | 'config' | 'asff'

const checkSchema = z.strictObject({
  path: z.string().min(1),
  /** A non-empty value (or, in a plan, a reference) means yes; an empty one says nothing. */
  present: z.literal(true).optional(),
  /** Yes when the value is one of these (case-insensitive), no when it is another value. */
  equals: z.array(z.string().min(1)).min(1).optional(),
  invert: z.literal(true).optional(),
  /** The answer when the setting is not written at all (its documented default). */
  absent: z.boolean().optional()
})
export type SettingCheck = z.infer<typeof checkSchema>

const checksByFamily = z.strictObject({
  terraform: z.array(checkSchema).optional(),
  cloudformation: z.array(checkSchema).optional(),
  config: z.array(checkSchema).optional()
})
const typeNames = z.array(z.string().min(1)).min(1).optional()

const rowSchema = z
  .strictObject({
    role: z.enum(['asset', 'zone', 'part']),
    kind: z.union([z.enum(ASSET_KINDS), z.enum(['vpc', 'subnet'])]).optional(),
    service: z.string().min(1).nullable().optional(),
    standalone: z.literal(true).optional(),
    terraform: typeNames,
    cloudformation: typeNames,
    config: typeNames,
    asff: typeNames,
    arn: typeNames,
    parent: z.strictObject({ terraform: z.string().min(1).optional(), cloudformation: z.string().min(1).optional() }).optional(),
    encryptedAtRest: z.union([z.strictObject({ always: z.literal(true) }), checksByFamily]).optional(),
    publicAccess: checksByFamily.optional(),
    parentEncryptedAtRest: z.literal(true).optional()
  })
  .superRefine((row, ctx) => {
    const zoneKind = row.kind === 'vpc' || row.kind === 'subnet'
    if ((row.role === 'zone') !== zoneKind) ctx.addIssue({ code: 'custom', message: 'zones (and only zones) have kind vpc or subnet' })
    if ((row.role === 'asset' || row.standalone) && (row.kind === undefined || row.service === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'a drawn type needs a kind and a service (null when none fits)' })
    }
    if (row.standalone && row.role !== 'part') ctx.addIssue({ code: 'custom', message: 'only parts can be standalone' })
  })

const tableSchema = z.strictObject({ note: z.string().min(1), types: z.array(rowSchema).min(1) })
export type ResourceTypeRow = z.infer<typeof rowSchema>

/** One row as the readers use it. */
export interface ResourceTypeEntry {
  role: 'asset' | 'zone' | 'part'
  /** Asset kind (for assets and standalone parts), or the zone kind. */
  assetKind: AssetKind | null
  zoneKind: 'vpc' | 'subnet' | null
  serviceId: string | null
  standalone: boolean
  row: ResourceTypeRow
}

export interface ResourceTypeTable {
  byName(family: SpellingFamily, type: string): ResourceTypeEntry | undefined
  /** By an ARN's service and resource type (`lambda:function`, `sqs`). */
  byArn(service: string, resourceType: string | null): ResourceTypeEntry | undefined
  rows: readonly ResourceTypeRow[]
}

export function parseResourceTypeTable(data: unknown): ResourceTypeTable {
  const parsed = tableSchema.safeParse(data)
  if (!parsed.success) {
    const problems = parsed.error.issues.map(issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new Error(`templates/infrastructure/resource-types.json is invalid:\n${problems.join('\n')}`)
  }
  const names = new Map<string, ResourceTypeEntry>()
  const arns = new Map<string, ResourceTypeEntry>()
  const add = (map: Map<string, ResourceTypeEntry>, name: string, entry: ResourceTypeEntry) => {
    if (map.has(name)) throw new Error(`templates/infrastructure/resource-types.json is invalid: ${name} is listed twice`)
    map.set(name, entry)
  }
  for (const row of parsed.data.types) {
    const zoneKind = row.kind === 'vpc' || row.kind === 'subnet' ? row.kind : null
    const entry: ResourceTypeEntry = {
      role: row.role,
      assetKind: zoneKind || row.kind === undefined ? null : (row.kind as AssetKind),
      zoneKind,
      serviceId: row.service ?? null,
      standalone: row.standalone === true,
      row
    }
    for (const name of row.terraform ?? []) add(names, `terraform ${name}`, entry)
    // AWS Config spells types as CloudFormation does, except a few (and case: AWS::EC2::SUBNET).
    for (const name of row.cloudformation ?? []) {
      add(names, `cloudformation ${name}`, entry)
      add(names, `config ${name.toLowerCase()}`, entry)
    }
    for (const name of row.config ?? []) add(names, `config ${name.toLowerCase()}`, entry)
    for (const name of row.asff ?? []) add(names, `asff ${name.toLowerCase()}`, entry)
    for (const name of row.arn ?? []) add(arns, name.toLowerCase(), entry)
  }
  return {
    rows: parsed.data.types,
    byName: (family, type) => names.get(`${family} ${family === 'config' || family === 'asff' ? type.toLowerCase() : type}`),
    byArn: (service, resourceType) =>
      (resourceType ? arns.get(`${service}:${resourceType}`.toLowerCase()) : undefined) ?? arns.get(service.toLowerCase())
  }
}

let cached: ResourceTypeTable | undefined

/** The shipped table, validated once. */
export function resourceTypes(): ResourceTypeTable {
  cached ??= parseResourceTypeTable(resourceTypesJson)
  return cached
}
