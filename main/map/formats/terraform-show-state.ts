// `terraform show -json` of a state: what exists (values), joined by real ids
// (vpc_id, subnet_id, security group ids, target group ARNs) and depends_on.

import { asList, asMap, isMap, own, type JsonMap } from '../read/document'
import type { SourceRecord } from '../read/source-record'
import { dependencyResolver, markedNames, resourcesOfValues } from '../read/terraform/module-values'
import { terraformRecord } from '../read/terraform/terraform-record'
import { defineFormat } from './format'
import { sensitiveWarning, terraformWarnings } from './terraform-warnings'

export const terraformShowState = defineFormat({
  id: 'terraform-show-state',
  label: 'Terraform state (terraform show -json)',
  detect: doc => {
    const root = asMap(doc.root)
    return (
      own(root, 'format_version') !== undefined &&
      isMap(own(root, 'values')) &&
      own(root, 'planned_values') === undefined &&
      own(root, 'resource_changes') === undefined
    )
  },
  async read(doc, context) {
    const root = asMap(doc.root) as JsonMap
    const resources = resourcesOfValues(own(asMap(own(root, 'values')), 'root_module'))
    const dependencies = dependencyResolver(resources.map(r => r.handle))
    const records: SourceRecord[] = []
    let sensitiveCount = 0
    for (const resource of resources) {
      const sensitive = markedNames(own(resource.raw, 'sensitive_values'))
      sensitiveCount += sensitive.size
      const record = terraformRecord({
        handle: resource.handle,
        moduleAddress: resource.moduleAddress,
        mode: resource.mode,
        type: resource.type,
        name: resource.name,
        values: resource.values,
        references: new Map(),
        sensitive,
        unknown: new Set(),
        dependencies: asList(own(resource.raw, 'depends_on')).flatMap(d => (typeof d === 'string' ? dependencies(d) : []))
      })
      if (record) records.push(record)
      await context.resourceRead()
    }
    const warnings = terraformWarnings(root)
    if (sensitiveCount) warnings.push(sensitiveWarning(sensitiveCount))
    return context.link(records, { family: 'terraform', localPrefix: 'tf', warnings })
  }
})
