// The resources of a `terraform show -json` values tree (planned_values,
// prior_state.values or a state's values): root_module and every child module,
// however deep, without recursion.

import { asList, asMap, asText, isMap, own, type JsonMap } from '../document'
import { withoutInstanceKeys } from './address'

export interface ValuesResource {
  handle: string
  moduleAddress: string
  mode: 'managed' | 'data'
  type: string
  name: string
  values: JsonMap
  /** The resource's own entry, for fields such as sensitive_values and depends_on. */
  raw: JsonMap
}

export function resourcesOfValues(rootModule: unknown): ValuesResource[] {
  const out: ValuesResource[] = []
  const stack: JsonMap[] = []
  const root = asMap(rootModule)
  if (root) stack.push(root)
  while (stack.length) {
    const module = stack.pop() as JsonMap
    const moduleAddress = asText(own(module, 'address')) ?? ''
    for (const item of asList(own(module, 'resources'))) {
      if (!isMap(item)) continue
      const handle = asText(own(item, 'address'))
      const type = asText(own(item, 'type'))
      if (!handle || !type) continue
      out.push({
        handle,
        moduleAddress,
        mode: own(item, 'mode') === 'data' ? 'data' : 'managed',
        type,
        name: asText(own(item, 'name')) ?? handle,
        values: asMap(own(item, 'values')) ?? (Object.create(null) as JsonMap),
        raw: item
      })
    }
    const children = asList(own(module, 'child_modules')).filter(isMap)
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as JsonMap)
  }
  return out
}

/** Top-level attribute names a `sensitive_values` / `after_sensitive` / `after_unknown` map marks. */
export function markedNames(marks: unknown): Set<string> {
  const names = new Set<string>()
  const map = asMap(marks)
  if (!map) return names
  for (const key of Object.keys(map)) if (containsTrue(map[key], 0)) names.add(key)
  return names
}

/** Terraform mirrors the value's shape and writes `true` where it is marked: `{}` and `[{}]` mark nothing. */
function containsTrue(value: unknown, depth: number): boolean {
  if (value === true) return true
  if (depth > 32) return false
  if (Array.isArray(value)) return value.some(v => containsTrue(v, depth + 1))
  if (isMap(value)) return Object.keys(value).some(k => containsTrue(value[k], depth + 1))
  return false
}

/** Dependencies name resources without instance keys: each stands for all its instances. */
export function dependencyResolver(handles: readonly string[]): (address: string) => string[] {
  const byResource = new Map<string, string[]>()
  for (const handle of handles) {
    const key = withoutInstanceKeys(handle)
    const list = byResource.get(key)
    if (list) list.push(handle)
    else byResource.set(key, [handle])
  }
  return address => (byResource.has(address) ? (byResource.get(address) as string[]) : (byResource.get(withoutInstanceKeys(address)) ?? []))
}
