// A raw `terraform.tfstate` (version 4): resources[].instances[].attributes,
// with index_key for count/for_each and dependencies (depends_on before 0.13).

import { asList, asMap, asText, isMap, own, type JsonMap } from '../read/document'
import type { SourceRecord } from '../read/source-record'
import { joinAddress } from '../read/terraform/address'
import { dependencyResolver } from '../read/terraform/module-values'
import { terraformRecord } from '../read/terraform/terraform-record'
import { defineFormat } from './format'
import { sensitiveWarning, terraformWarnings } from './terraform-warnings'

interface StateInstance {
  handle: string
  moduleAddress: string
  mode: 'managed' | 'data'
  type: string
  name: string
  body: JsonMap
}

export const terraformTfstate = defineFormat({
  id: 'terraform-tfstate',
  label: 'Terraform state file (terraform.tfstate)',
  detect: doc => {
    const root = asMap(doc.root)
    const version = own(root, 'version')
    return (
      typeof version === 'number' &&
      (own(root, 'lineage') !== undefined || own(root, 'terraform_version') !== undefined) &&
      (Array.isArray(own(root, 'resources')) || Array.isArray(own(root, 'modules')))
    )
  },
  async read(doc, context) {
    const root = asMap(doc.root) as JsonMap
    const version = own(root, 'version')
    if (version !== 4) {
      context.fail(
        ['version'],
        `is a version ${String(version)} state file; only version 4 (Terraform 0.12 and later) is read: run a newer terraform once to upgrade it`
      )
    }
    const instances: StateInstance[] = []
    asList(own(root, 'resources')).forEach((value, index) => {
      const item = isMap(value) ? value : context.fail(['resources', index], 'a resource entry is not an object')
      const type = asText(own(item, 'type')) ?? context.fail(['resources', index], 'a resource has no type', item)
      const name = asText(own(item, 'name')) ?? context.fail(['resources', index], 'a resource has no name', item)
      const mode = own(item, 'mode') === 'data' ? 'data' : 'managed'
      const moduleAddress = asText(own(item, 'module')) ?? ''
      const base = joinAddress(moduleAddress, `${mode === 'data' ? 'data.' : ''}${type}.${name}`)
      for (const instance of asList(own(item, 'instances'))) {
        if (!isMap(instance)) continue
        const key = own(instance, 'index_key')
        const suffix = typeof key === 'number' ? `[${key}]` : typeof key === 'string' ? `[${JSON.stringify(key)}]` : ''
        instances.push({ handle: `${base}${suffix}`, moduleAddress, mode, type, name, body: instance })
      }
    })
    const dependencies = dependencyResolver(instances.map(i => i.handle))
    const records: SourceRecord[] = []
    let sensitiveCount = 0
    for (const instance of instances) {
      const sensitive = sensitiveNames(own(instance.body, 'sensitive_attributes'))
      sensitiveCount += sensitive.size
      const declared = [...asList(own(instance.body, 'dependencies')), ...asList(own(instance.body, 'depends_on'))]
      const record = terraformRecord({
        handle: instance.handle,
        moduleAddress: instance.moduleAddress,
        mode: instance.mode,
        type: instance.type,
        name: instance.name,
        values: asMap(own(instance.body, 'attributes')) ?? (Object.create(null) as JsonMap),
        references: new Map(),
        sensitive,
        unknown: new Set(),
        dependencies: declared.flatMap(d => (typeof d === 'string' ? dependencies(d) : []))
      })
      if (record) records.push(record)
      await context.resourceRead()
    }
    const warnings = terraformWarnings(root)
    if (sensitiveCount) warnings.push(sensitiveWarning(sensitiveCount))
    return context.link(records, { family: 'terraform', localPrefix: 'tf', warnings })
  }
})

/** `sensitive_attributes` lists paths such as `[{"type":"get_attr","value":"password"}]`: the first step names the attribute. */
function sensitiveNames(paths: unknown): Set<string> {
  const names = new Set<string>()
  for (const path of asList(paths)) {
    const first = Array.isArray(path) ? asMap(path[0]) : asMap(own(asMap(path), 'path'))
    const value = asText(own(first, 'value'))
    if (value) names.add(value)
  }
  return names
}
