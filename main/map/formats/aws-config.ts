// AWS Config configuration items: one item (the Config-rule event shape), a
// delivered snapshot or `get-resource-config-history` output (configurationItems),
// `batch-get-resource-config` output (baseConfigurationItems), and change
// notifications (messageType + configurationItem), also inside an SNS envelope.

import { configItemsOf, isDeleted, readConfigItem, type ConfigItem } from '../read/aws-config/config-item'
import { ConfigRecordBuilder } from '../read/aws-config/config-records'
import { asMap, asText, checkJsonTree, own } from '../read/document'
import { InfrastructureImportError } from '../read/import-error'
import { defineFormat } from './format'

const NOTIFICATION_WITH_ITEM = 'ConfigurationItemChangeNotification'

export const awsConfig = defineFormat({
  id: 'aws-config',
  label: 'AWS Config configuration items (snapshot, history, batch-get, notification)',
  detect: doc => {
    const root = unwrapped(doc.file, doc.root, false)
    const map = asMap(root)
    return configItemsOf(root) !== null || (typeof own(map, 'messageType') === 'string' && own(map, 'notificationCreationTime') !== undefined)
  },
  async read(doc, context) {
    const root = unwrapped(doc.file, doc.root, true)
    const messageType = asText(own(asMap(root), 'messageType'))
    if (messageType && messageType !== NOTIFICATION_WITH_ITEM) {
      context.fail(
        ['messageType'],
        `is an AWS Config ${messageType} notification, which carries no configuration item; import the snapshot or history it points to`
      )
    }
    const found = configItemsOf(root) ?? context.fail([], 'holds no configuration items')
    const latest = new Map<string, ConfigItem>()
    let deleted = 0
    for (let index = 0; index < found.items.length; index++) {
      const path = found.path === '(top level)' ? '(top level)' : `${found.path}[${index}]`
      const item =
        readConfigItem(doc.file, found.items[index], path) ??
        context.fail([found.path, index], 'is not a configuration item (no resourceType and resourceId)')
      // History lists several versions of one resource: the newest says what is there now.
      const key = `${item.resourceType}\n${item.resourceId}`
      const seen = latest.get(key)
      if (!seen || item.capturedAt >= seen.capturedAt) latest.set(key, item)
      await context.resourceRead()
    }
    const builder = new ConfigRecordBuilder()
    for (const item of latest.values()) {
      if (isDeleted(item)) deleted++
      else builder.add(item)
    }
    const warnings: string[] = []
    if (deleted)
      warnings.push(`${deleted} resource${deleted === 1 ? ' was' : 's were'} recorded as deleted and ${deleted === 1 ? 'is' : 'are'} left out.`)
    if (builder.unusedRelationships.size) {
      const names = [...builder.unusedRelationships.keys()].slice(0, 5).map(n => `"${n}"`)
      warnings.push(`Relationships not drawn on the map: ${names.join(', ')}${builder.unusedRelationships.size > 5 ? ', …' : ''}.`)
    }
    return context.link(builder.all(), { family: 'config', localPrefix: 'config', warnings })
  }
})

/** The message inside an SNS envelope (`Type: Notification`, `Message` as a JSON string), or the document itself. */
function unwrapped(file: string, root: unknown, strict: boolean): unknown {
  const map = asMap(root)
  const message = asText(own(map, 'Message'))
  if (own(map, 'Type') !== 'Notification' || !message?.trim().startsWith('{')) return root
  try {
    const inner: unknown = JSON.parse(message)
    checkJsonTree(file, inner)
    return inner
  } catch (err) {
    if (!strict) return root
    if (err instanceof InfrastructureImportError) throw err
    throw new InfrastructureImportError('malformed', file, { path: 'Message' }, 'the SNS message is not valid JSON')
  }
}
