import fs from 'node:fs'
import path from 'node:path'
import { BUILT_IN_POLICY_FILES } from '../../../templates/policies'
import { policyTemplateSchema, type PolicyTemplate } from './template-schema'

export class PolicyTemplateError extends Error {
  constructor(
    readonly file: string,
    detail: string
  ) {
    super(`Policy template ${file}: ${detail}`)
  }
}

function parseTemplate(file: string, data: unknown): PolicyTemplate {
  const result = policyTemplateSchema.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]
    const where = issue?.path.length ? issue.path.join('.') : '(root)'
    throw new PolicyTemplateError(file, `${where}: ${issue?.message ?? 'invalid'}`)
  }
  return result.data
}

export function loadBuiltInPolicies(): PolicyTemplate[] {
  return BUILT_IN_POLICY_FILES.map(({ file, data }) => parseTemplate(file, data))
}

/** Reads every *.json in an override folder; a file replaces the built-in document with the same id. */
export function loadOverrides(dir: string): PolicyTemplate[] {
  if (!fs.existsSync(dir)) return []
  return fs
    .readdirSync(dir)
    .filter(name => name.toLowerCase().endsWith('.json'))
    .sort()
    .map(name => {
      const file = path.join(dir, name)
      let data: unknown
      try {
        data = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''))
      } catch (error) {
        throw new PolicyTemplateError(file, `not valid JSON (${(error as Error).message})`)
      }
      return parseTemplate(file, data)
    })
}

export type LoadedPolicy = { template: PolicyTemplate; source: 'built-in' | 'override' }

/**
 * The policy set in document-number order: the override folder first (a user's edited copy wins),
 * then the built-in templates. An override with a new id adds a document to the set.
 */
export function loadPolicySet(options: { overrideDir?: string } = {}): LoadedPolicy[] {
  const overrides = options.overrideDir ? loadOverrides(options.overrideDir) : []
  const byId = new Map<string, LoadedPolicy>()
  for (const template of loadBuiltInPolicies()) byId.set(template.id, { template, source: 'built-in' })
  for (const template of overrides) byId.set(template.id, { template, source: 'override' })
  return [...byId.values()].sort((a, b) => a.template.number.slice(4).localeCompare(b.template.number.slice(4)))
}
