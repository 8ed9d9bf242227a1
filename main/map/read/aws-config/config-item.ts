// One AWS Config configuration item, whichever way it was written: the
// Config-rule event and API spelling (arn, accountId, relationshipName), the
// snapshot and notification spelling (ARN, awsAccountId, name + direction), and
// the CLI's configuration as a JSON string.

import { checkJsonTree, asList, asMap, asText, isMap, own, type JsonMap } from '../document'
import { InfrastructureImportError } from '../import-error'

export interface ConfigRelationship {
  resourceType: string
  resourceId: string
  /** Lower case, spaces trimmed ("Is contained in Vpc " → "is contained in vpc"). */
  name: string
}

export interface ConfigItem {
  resourceType: string
  resourceId: string
  resourceName: string | null
  arn: string | null
  account: string | null
  region: string | null
  status: string | null
  capturedAt: string
  configuration: JsonMap
  supplementary: JsonMap
  relationships: ConfigRelationship[]
}

const DELETED = new Set(['ResourceDeleted', 'ResourceDeletedNotRecorded', 'ResourceNotRecorded'])

export function isDeleted(item: ConfigItem): boolean {
  return item.status !== null && DELETED.has(item.status)
}

export function looksLikeConfigItem(value: unknown): boolean {
  const map = asMap(value)
  return (
    typeof own(map, 'resourceType') === 'string' &&
    (typeof own(map, 'resourceId') === 'string' || typeof own(map, 'resourceName') === 'string') &&
    (own(map, 'configurationItemCaptureTime') !== undefined ||
      own(map, 'configurationItemStatus') !== undefined ||
      own(map, 'configuration') !== undefined)
  )
}

/** Reads one item; `path` names it in messages. Returns null for an entry that is not an item at all. */
export function readConfigItem(file: string, value: unknown, path: string): ConfigItem | null {
  const map = asMap(value)
  if (!map || !looksLikeConfigItem(map)) return null
  const resourceType = asText(own(map, 'resourceType')) as string
  const resourceId = asText(own(map, 'resourceId')) ?? (asText(own(map, 'resourceName')) as string)
  const supplementary = Object.create(null) as JsonMap
  const rawSupplementary = asMap(own(map, 'supplementaryConfiguration'))
  // The API writes supplementary settings as JSON strings too.
  for (const key of Object.keys(rawSupplementary ?? {}))
    supplementary[key] = embeddedJson(file, rawSupplementary?.[key], `${path}.supplementaryConfiguration.${key}`, false)
  return {
    resourceType,
    resourceId,
    resourceName: asText(own(map, 'resourceName')) ?? null,
    arn: asText(own(map, 'arn')) ?? asText(own(map, 'ARN')) ?? null,
    account: asText(own(map, 'accountId')) ?? asText(own(map, 'awsAccountId')) ?? null,
    region: asText(own(map, 'awsRegion')) ?? null,
    status: asText(own(map, 'configurationItemStatus')) ?? null,
    capturedAt: asText(own(map, 'configurationItemCaptureTime')) ?? '',
    configuration: asMap(embeddedJson(file, own(map, 'configuration'), `${path}.configuration`, true)) ?? (Object.create(null) as JsonMap),
    supplementary,
    relationships: asList(own(map, 'relationships')).flatMap(r => {
      const rel = asMap(r)
      const type = asText(own(rel, 'resourceType'))
      const id = asText(own(rel, 'resourceId')) ?? asText(own(rel, 'resourceName'))
      const name = asText(own(rel, 'relationshipName')) ?? asText(own(rel, 'name'))
      return type && id && name ? [{ resourceType: type, resourceId: id, name: name.trim().toLowerCase() }] : []
    })
  }
}

/** A value the CLI wrote as a JSON string: parsed and checked like the file itself. */
function embeddedJson(file: string, value: unknown, path: string, required: boolean): unknown {
  if (typeof value !== 'string') return value
  const text = value.trim()
  if (!text.startsWith('{') && !text.startsWith('[')) return value
  try {
    const parsed: unknown = JSON.parse(text)
    checkJsonTree(file, parsed)
    return parsed
  } catch (err) {
    if (err instanceof InfrastructureImportError)
      throw new InfrastructureImportError(err.code, file, { path: `${path} → ${err.place.path ?? ''}` }, err.detail)
    if (!required) return value
    throw new InfrastructureImportError('malformed', file, { path }, 'the configuration is a JSON string that is not valid JSON')
  }
}

/** Items of any Config output: one item, a snapshot or history (configurationItems), batch-get (baseConfigurationItems), a notification. */
export function configItemsOf(root: unknown): { items: unknown[]; path: string } | null {
  const map = asMap(root)
  if (!map) return null
  if (Array.isArray(own(map, 'configurationItems'))) return { items: own(map, 'configurationItems') as unknown[], path: 'configurationItems' }
  if (Array.isArray(own(map, 'baseConfigurationItems')))
    return { items: own(map, 'baseConfigurationItems') as unknown[], path: 'baseConfigurationItems' }
  if (isMap(own(map, 'configurationItem'))) return { items: [own(map, 'configurationItem')], path: 'configurationItem' }
  if (looksLikeConfigItem(map)) return { items: [map], path: '(top level)' }
  return null
}
