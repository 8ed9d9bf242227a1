// `terraform show -json` of a plan: what will exist (planned_values), how it is
// wired (configuration expressions: ids are unknown before apply), which values
// are secret (after_sensitive, sensitive_values) or unknown (after_unknown).

import { asList, asMap, asText, isMap, own, type JsonMap } from '../read/document'
import type { SourceRecord } from '../read/source-record'
import { ConfigReferences } from '../read/terraform/config-references'
import { markedNames, resourcesOfValues, type ValuesResource } from '../read/terraform/module-values'
import { terraformRecord } from '../read/terraform/terraform-record'
import { defineFormat } from './format'
import { sensitiveWarning, terraformWarnings } from './terraform-warnings'

export const terraformPlan = defineFormat({
  id: 'terraform-plan',
  label: 'Terraform plan (terraform show -json)',
  detect: doc => {
    const root = asMap(doc.root)
    return own(root, 'format_version') !== undefined && (isMap(own(root, 'planned_values')) || Array.isArray(own(root, 'resource_changes')))
  },
  async read(doc, context) {
    const root = asMap(doc.root) as JsonMap
    const planned = resourcesOfValues(own(asMap(own(root, 'planned_values')), 'root_module'))
    const known = new Set(planned.map(r => r.handle))
    // Data sources (the VPC a configuration looks up) are in prior_state, not in planned_values.
    const prior = resourcesOfValues(own(asMap(own(asMap(own(root, 'prior_state')), 'values')), 'root_module')).filter(
      r => r.mode === 'data' && !known.has(r.handle)
    )
    const resources: ValuesResource[] = [...planned, ...prior]
    const changes = new Map<string, JsonMap>()
    for (const change of asList(own(root, 'resource_changes'))) {
      const address = asText(own(asMap(change), 'address'))
      const body = asMap(own(asMap(change), 'change'))
      if (address && body) changes.set(address, body)
    }
    const references = new ConfigReferences(asMap(own(root, 'configuration')), resources)
    const records: SourceRecord[] = []
    let sensitiveCount = 0
    for (const resource of resources) {
      const change = changes.get(resource.handle)
      const sensitive = new Set([...markedNames(own(resource.raw, 'sensitive_values')), ...markedNames(own(change, 'after_sensitive'))])
      sensitiveCount += sensitive.size
      const record = terraformRecord({
        handle: resource.handle,
        moduleAddress: resource.moduleAddress,
        mode: resource.mode,
        type: resource.type,
        name: resource.name,
        values: resource.values,
        references: references.referencesOf(resource),
        sensitive,
        unknown: markedNames(own(change, 'after_unknown')),
        dependencies: []
      })
      if (record) records.push(record)
      await context.resourceRead()
    }
    const warnings = terraformWarnings(root)
    if (sensitiveCount) warnings.push(sensitiveWarning(sensitiveCount))
    return context.link(records, { family: 'terraform', localPrefix: 'tf', warnings })
  }
})
