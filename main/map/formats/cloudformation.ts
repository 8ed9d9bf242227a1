// CloudFormation and AWS SAM templates, JSON or YAML (short tags are turned into
// their long forms by the YAML parser). Parameters that stand for a VPC or a
// subnet become placeholder zones; conditional resources are kept and say so;
// nested stacks are drawn as one asset each, their templates read separately.

import { asMap, asText, isMap, own, type JsonMap } from '../read/document'
import { cloudFormationRecord, type TemplateResource } from '../read/cloudformation/cloudformation-record'
import { parameterHandle, type TemplateNames } from '../read/cloudformation/intrinsics'
import { resourceTypes } from '../read/resource-types'
import { newRecord, type SourceRecord } from '../read/source-record'
import { defineFormat } from './format'

const ZONE_PARAMETER_TYPES: Record<string, 'vpc' | 'subnet'> = {
  'AWS::EC2::VPC::Id': 'vpc',
  'AWS::EC2::Subnet::Id': 'subnet',
  'List<AWS::EC2::Subnet::Id>': 'subnet',
  'AWS::SSM::Parameter::Value<AWS::EC2::VPC::Id>': 'vpc',
  'AWS::SSM::Parameter::Value<AWS::EC2::Subnet::Id>': 'subnet',
  'AWS::SSM::Parameter::Value<List<AWS::EC2::Subnet::Id>>': 'subnet'
}

export const cloudFormation = defineFormat({
  id: 'cloudformation',
  label: 'CloudFormation or AWS SAM template',
  detect: doc => {
    const root = asMap(doc.root)
    if (!root) return false
    if (own(root, 'AWSTemplateFormatVersion') !== undefined && own(root, 'Resources') !== undefined) return true
    const resources = asMap(own(root, 'Resources'))
    return !!resources && Object.keys(resources).some(id => typeof own(asMap(resources[id]), 'Type') === 'string')
  },
  async read(doc, context) {
    const root = asMap(doc.root) as JsonMap
    const resourcesNode = own(root, 'Resources')
    const resources = isMap(resourcesNode)
      ? resourcesNode
      : context.fail(['Resources'], 'Resources is not a map of logical ids to resources', resourcesNode)
    const parametersNode = own(root, 'Parameters')
    const parameters =
      parametersNode === undefined || parametersNode === null
        ? undefined
        : isMap(parametersNode)
          ? parametersNode
          : context.fail(['Parameters'], 'Parameters is not a map', parametersNode)
    const names: TemplateNames = {
      resources: new Set(Object.keys(resources)),
      parameters: new Map(Object.keys(parameters ?? {}).map(name => [name, asMap(parameters?.[name]) ?? (Object.create(null) as JsonMap)]))
    }
    const all = new Map<string, TemplateResource>()
    for (const logicalId of Object.keys(resources)) {
      const body = resources[logicalId]
      const resource = isMap(body) ? body : context.fail(['Resources', logicalId], 'a resource is not a map', body)
      const type = asText(own(resource, 'Type')) ?? context.fail(['Resources', logicalId], 'the resource has no Type', resource)
      const properties = own(resource, 'Properties')
      const condition = own(resource, 'Condition')
      all.set(logicalId, {
        logicalId,
        type,
        properties: isMap(properties) ? properties : (Object.create(null) as JsonMap),
        condition: typeof condition === 'string' ? condition : null,
        init: own(asMap(own(resource, 'Metadata')), 'AWS::CloudFormation::Init')
      })
    }
    const records: SourceRecord[] = []
    const warnings: string[] = []
    for (const [name, parameter] of names.parameters) {
      const zone = zoneParameter(name, parameter)
      if (!zone) continue
      const entry = resourceTypes().byName('cloudformation', zone === 'vpc' ? 'AWS::EC2::VPC' : 'AWS::EC2::Subnet')
      const type = asText(own(parameter, 'Type')) ?? 'String'
      const record = newRecord({
        handle: parameterHandle(name),
        name: type.startsWith('List<') ? `${name} (list)` : name,
        resourceType: `parameter (${type})`,
        entry
      })
      record.placeholder = true
      records.push(record)
    }
    for (const resource of all.values()) {
      records.push(cloudFormationRecord(resource, names, all))
      if (resource.type === 'AWS::CloudFormation::Stack' || resource.type === 'AWS::Serverless::Application') {
        warnings.push(`${resource.logicalId} is a nested stack: its resources are in its own template, which is read separately.`)
      }
      await context.resourceRead()
    }
    const placeholders = records.filter(r => r.placeholder).length
    if (placeholders) {
      warnings.push(
        `${placeholders} parameter${placeholders === 1 ? ' stands' : 's stand'} for a VPC or subnet the template does not define; drawn as placeholder zones.`
      )
    }
    const transforms = [own(root, 'Transform')].flat().filter((t): t is string => typeof t === 'string' && t !== 'AWS::Serverless-2016-10-31')
    if (transforms.length)
      warnings.push(`The template uses macros (${transforms.slice(0, 3).join(', ')}) whose output is not known here; resources they add are missing.`)
    if (JSON.stringify(resources).includes('"Fn::ImportValue"'))
      warnings.push('Some values are imported from other stacks (Fn::ImportValue); what they name is not followed.')
    return context.link(records, { family: 'cloudformation', localPrefix: 'cfn', warnings })
  }
})

/** A parameter stands for a VPC or subnet by its type, or a String named so (pProductionVPC, pDMZSubnetA) that is not a CIDR or a name. */
function zoneParameter(name: string, parameter: JsonMap): 'vpc' | 'subnet' | null {
  const type = asText(own(parameter, 'Type')) ?? 'String'
  const typed = ZONE_PARAMETER_TYPES[type]
  if (typed) return typed
  if (type !== 'String' && type !== 'CommaDelimitedList') return null
  const match = /(vpc|subnet)(ids?)?[A-Z0-9]?$/i.exec(name)
  if (!match) return null
  const described = `${asText(own(parameter, 'Description')) ?? ''} ${asText(own(parameter, 'AllowedPattern')) ?? ''} ${asText(own(parameter, 'Default')) ?? ''}`
  if (/cidr|\d+\.\d+\.\d+\.\d+|\\\/|\bname\b/i.test(described)) return null
  return (match[1] as string).toLowerCase() === 'vpc' ? 'vpc' : 'subnet'
}
