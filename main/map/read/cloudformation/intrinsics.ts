// CloudFormation values as the map needs them: which resources or parameters a
// value names (Ref, Fn::GetAtt, ${X} in Fn::Sub, through Fn::If, Fn::Select,
// Fn::Join...), and the text a value stands for when it can be known
// (a literal, or a parameter's default).

import { asList, asText, isMap, own, type JsonMap } from '../document'
import { parseArn } from '../keys'
import { resourceTypes } from '../resource-types'
import type { Ref } from '../source-record'

export interface TemplateNames {
  resources: ReadonlySet<string>
  parameters: ReadonlyMap<string, JsonMap>
}

/** The handle a parameter gets as a record (a VPC or subnet it stands for) and as a symbolic name. */
export const parameterHandle = (name: string): string => `param:${name}`

const MAX_DEPTH = 64

/** The one intrinsic of a value (`{ Ref: x }`, `{ 'Fn::GetAtt': [...] }`), or undefined. */
export function intrinsicOf(value: unknown): { name: string; argument: unknown } | undefined {
  if (!isMap(value)) return undefined
  const keys = Object.keys(value)
  if (keys.length !== 1) return undefined
  const name = keys[0] as string
  return name === 'Ref' || name === 'Condition' || name.startsWith('Fn::') ? { name, argument: value[name] } : undefined
}

/** Names in a `Fn::Sub` string: `${Queue.Arn}` → Queue; `${AWS::Region}` and `${!Literal}` are not names. */
export function subNames(text: string): string[] {
  const names: string[] = []
  for (const match of text.matchAll(/\$\{([^}!][^}]*)\}/g)) {
    const name = (match[1] as string).trim().split('.')[0] as string
    if (name && !name.startsWith('AWS::')) names.push(name)
  }
  return names
}

/**
 * The ends a wiring value names: resources by logical id, parameters by their
 * handle (with a fallback node for what a parameter stands for), and literal ids
 * or ARNs as they are written. `Fn::If` yields both branches: either may be deployed.
 */
export function endsOf(value: unknown, names: TemplateNames, depth = 0): Ref[] {
  if (depth > MAX_DEPTH || value === null || value === undefined) return []
  if (typeof value === 'string') return value ? [{ to: value }] : []
  if (Array.isArray(value)) return value.flatMap(v => endsOf(v, names, depth + 1))
  const intrinsic = intrinsicOf(value)
  if (!intrinsic) return []
  const { name, argument } = intrinsic
  switch (name) {
    case 'Ref':
      return typeof argument === 'string' ? nameEnd(argument, names) : []
    case 'Fn::GetAtt': {
      const target = Array.isArray(argument) ? asText(argument[0]) : typeof argument === 'string' ? argument.split('.')[0] : undefined
      return target ? nameEnd(target, names) : []
    }
    case 'Fn::Sub': {
      const text = Array.isArray(argument) ? asText(argument[0]) : asText(argument)
      if (!text) return []
      // `arn:${AWS::Partition}:sqs:…:${Queue.QueueName}` names the queue; a plain literal is kept as written.
      const named = subNames(text).flatMap(n => nameEnd(n, names))
      if (named.length) return named
      return text.includes('${') ? [arnTemplateEnd(text)] : text ? [{ to: text }] : []
    }
    case 'Fn::If': {
      const branches = asList(argument).slice(1)
      return branches.flatMap(b => endsOf(b, names, depth + 1))
    }
    case 'Fn::Select':
    case 'Fn::Join':
    case 'Fn::Split':
    case 'Fn::Base64':
      return refsIn(argument, names, depth + 1).flatMap(n => nameEnd(n, names))
    default:
      return []
  }
}

/**
 * An ARN written with pseudo parameters (`arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:x`)
 * names something outside the template whose account and region are the stack's: drawn by what the text says.
 */
function arnTemplateEnd(text: string): Ref {
  const sample = parseArn(
    text
      .replace(/\$\{AWS::Partition\}/g, 'aws')
      .replace(/\$\{AWS::Region\}/g, 'region')
      .replace(/\$\{AWS::AccountId\}/g, '000000000000')
  )
  const entry = sample ? resourceTypes().byArn(sample.service, sample.resourceType) : undefined
  const name = (sample?.resource ?? text).split(/[/:]/).pop() || text
  return {
    to: text,
    orElse: { key: `cfn:${text}`, name, resourceType: entry?.row.cloudformation?.[0] ?? (sample ? `${sample.service} resource` : 'unknown') }
  }
}

function nameEnd(name: string, names: TemplateNames): Ref[] {
  if (name.startsWith('AWS::')) return []
  if (names.resources.has(name)) return [{ to: name }]
  if (names.parameters.has(name)) {
    const handle = parameterHandle(name)
    return [
      {
        to: handle,
        orElse: { key: `cfn:${handle}`, name, resourceType: `parameter (${asText(own(names.parameters.get(name), 'Type')) ?? 'String'})` }
      }
    ]
  }
  return []
}

/** Every resource or parameter a value names anywhere inside it. */
export function refsIn(value: unknown, names: TemplateNames, depth = 0): string[] {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return []
  if (Array.isArray(value)) return value.flatMap(v => refsIn(v, names, depth + 1))
  const intrinsic = intrinsicOf(value)
  if (intrinsic) {
    const { name, argument } = intrinsic
    if (name === 'Ref' && typeof argument === 'string') return known(argument, names)
    if (name === 'Fn::GetAtt') {
      const target = Array.isArray(argument) ? asText(argument[0]) : typeof argument === 'string' ? argument.split('.')[0] : undefined
      return target ? known(target, names) : []
    }
    if (name === 'Fn::Sub') {
      const text = Array.isArray(argument) ? asText(argument[0]) : asText(argument)
      const variables = Array.isArray(argument) ? argument[1] : undefined
      return [...subNames(text ?? '').flatMap(n => known(n, names)), ...refsIn(variables, names, depth + 1)]
    }
    return refsIn(argument, names, depth + 1)
  }
  return Object.keys(value).flatMap(k => refsIn((value as JsonMap)[k], names, depth + 1))
}

function known(name: string, names: TemplateNames): string[] {
  return names.resources.has(name) || names.parameters.has(name) ? [name] : []
}

/** The text a value stands for: a literal, or a parameter's default; null when the template leaves it open. */
export function textOf(value: unknown, names: TemplateNames): string | null {
  if (typeof value === 'string') return value || null
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  const intrinsic = intrinsicOf(value)
  if (intrinsic?.name === 'Ref' && typeof intrinsic.argument === 'string') {
    const parameter = names.parameters.get(intrinsic.argument)
    const fallback = asText(own(parameter, 'Default'))
    return fallback || null
  }
  return null
}

/** A name a resource is known by in other resources' settings: a literal, or `param:X` when it takes a parameter's value. */
export function symbolOf(value: unknown, names: TemplateNames): string | null {
  if (typeof value === 'string') return value || null
  const intrinsic = intrinsicOf(value)
  if (intrinsic?.name === 'Ref' && typeof intrinsic.argument === 'string' && names.parameters.has(intrinsic.argument))
    return parameterHandle(intrinsic.argument)
  if (intrinsic?.name === 'Fn::Sub') return asText(Array.isArray(intrinsic.argument) ? intrinsic.argument[0] : intrinsic.argument) ?? null
  return null
}
