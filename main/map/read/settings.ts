// Reads a yes/no fact (encrypted at rest, reachable from the internet) from a
// resource's own settings with the checks of the resource table.

import { isMap, own } from './document'
import type { SettingCheck } from './resource-types'

export interface SettingsView {
  /** Values at a dotted path, lists flattened on the way. */
  values(path: string): unknown[]
  /** The setting is written as a reference whose value the file does not know (a plan before apply, a template). */
  referenced(path: string): boolean
}

export function valuesAt(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root]
  for (const step of path.split('.')) {
    const next: unknown[] = []
    for (const value of current.flatMap(v => (Array.isArray(v) ? v : [v]))) if (isMap(value)) next.push(own(value, step))
    current = next.filter(v => v !== undefined)
  }
  return current
}

/** A view of plain settings: nothing is a reference. */
export function plainSettings(root: unknown): SettingsView {
  return { values: path => valuesAt(root, path), referenced: () => false }
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false) return true
  if (Array.isArray(value)) return value.every(isEmpty)
  if (isMap(value)) return Object.keys(value).length === 0
  return false
}

function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === 'True') return true
  if (value === 'false' || value === 'False') return false
  return undefined
}

/** The first conclusive check wins; null when the settings do not say. */
export function evaluateChecks(checks: readonly SettingCheck[] | undefined, view: SettingsView): boolean | null {
  for (const check of checks ?? []) {
    const answer = evaluate(check, view)
    if (answer !== undefined) return answer
  }
  return null
}

function evaluate(check: SettingCheck, view: SettingsView): boolean | undefined {
  const values = view.values(check.path).flatMap(v => (Array.isArray(v) ? v : [v]))
  const written = values.filter(v => v !== null && v !== undefined)
  if (check.present) {
    if (view.referenced(check.path) || written.some(v => !isEmpty(v))) return true
    return written.length === 0 ? check.absent : undefined
  }
  if (written.length === 0) return view.referenced(check.path) ? undefined : check.absent
  if (check.equals) {
    const texts = written.filter((v): v is string => typeof v === 'string').map(v => v.toLowerCase())
    if (!texts.length) return undefined
    return texts.some(t => check.equals?.some(e => e.toLowerCase() === t)) !== (check.invert === true)
  }
  const flag = written.map(asBoolean).find(v => v !== undefined)
  if (flag === undefined) return undefined
  return check.invert ? !flag : flag
}
