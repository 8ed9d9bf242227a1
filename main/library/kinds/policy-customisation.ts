import fs from 'node:fs'
import path from 'node:path'
import { loadOverrides } from '../../documents/policies/load'
import { policyTemplateSchema, type PolicyTemplate } from '../../documents/policies/template-schema'
import { policyOverrideDir } from '../../documents/write-output'
import { defineKind, shorten, type ApplyEffect, type WorkspaceForLibrary } from './kind-definition'

/** Every string of a template, for the check for the client's name and contacts. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

/** The override file that holds a policy id now, if any (its name may have been changed by the person). */
function existingOverrideFile(dir: string, id: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined
  return fs
    .readdirSync(dir)
    .filter(name => name.toLowerCase().endsWith('.json'))
    .sort()
    .find(name => {
      try {
        return (JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8').replace(/^\uFEFF/, '')) as { id?: unknown }).id === id
      } catch {
        return false
      }
    })
}

const templateText = (template: PolicyTemplate) => `${JSON.stringify(template, null, 2)}\n`

/** What applying the item would do here, changing nothing; throws when it cannot apply here. */
function effectOf(ws: WorkspaceForLibrary, key: string, c: PolicyTemplate): ApplyEffect {
  const current = loadOverrides(policyOverrideDir(ws.path)).find(t => t.id === key)
  if (!current) return 'added'
  return templateText(current) === templateText(c) ? 'unchanged' : 'replaced'
}

/**
 * A policy the consultant edited (the workspace's override folder, `documents.customizePolicy`): the whole edited
 * template. Its organisation, official and figures are placeholders filled from each client's workspace when the
 * policies are generated, so the template itself names no client (the push preview warns if its text does).
 */
export const policyCustomisationKind = defineKind<PolicyTemplate>({
  label: 'Policy customisations',
  description: 'A policy or procedure you edited, as a template for every client.',
  content: policyTemplateSchema,
  neverCopied: [
    {
      field: 'organisation, Security Official, figures, decisions',
      why: "the organisation, its Security Official, figures and decisions (filled from each client's workspace when the policies are generated)"
    }
  ],
  freeText: strings,
  preview: c => `${c.number} · ${shorten(c.summary)}`,
  candidates: ws => loadOverrides(policyOverrideDir(ws.path)).map(t => ({ key: t.id, title: `${t.number} ${t.title}`, content: t })),
  effect: effectOf,
  apply: (target, key, c) => {
    const effect = effectOf(target, key, c)
    if (effect === 'unchanged') return effect
    const dir = policyOverrideDir(target.path)
    const file = path.join(dir, existingOverrideFile(dir, key) ?? `${c.number} ${key}.json`)
    target.stageFile(file, Buffer.from(templateText(c)))
    return effect
  }
})
