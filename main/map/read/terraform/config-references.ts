// References in a plan's `configuration`: at plan time ids are unknown, so what
// a resource is wired to is read from the expressions that built it. References
// are followed through module inputs (`var.x` → the module call's argument) and
// module outputs (`module.m.out` → the output's expression), per module instance.

import { asList, asMap, isMap, own, type JsonMap } from '../document'
import { addressSegments, joinAddress, modulePathOf, parentModule, withoutInstanceKeys } from './address'

export interface PlannedResource {
  handle: string
  moduleAddress: string
  mode: 'managed' | 'data'
  type: string
  name: string
}

const NOT_RESOURCES = new Set(['var', 'local', 'module', 'data', 'each', 'count', 'path', 'self', 'terraform'])
const MAX_HOPS = 24

export class ConfigReferences {
  /** `module.a["x"].aws_s3_bucket.b` (resource key dropped) → the instances' handles. */
  private readonly byResource = new Map<string, string[]>()
  /** `<parent module instance>|<module name>` → that module's instances. */
  private readonly moduleInstances = new Map<string, Set<string>>()
  private readonly resourceConfigs = new Map<string, Map<string, JsonMap>>()

  constructor(
    private readonly configuration: JsonMap | undefined,
    resources: readonly PlannedResource[]
  ) {
    for (const r of resources) {
      const key = joinAddress(r.moduleAddress, `${r.mode === 'data' ? 'data.' : ''}${r.type}.${r.name}`)
      const list = this.byResource.get(key)
      if (list) list.push(r.handle)
      else this.byResource.set(key, [r.handle])
      for (let m = r.moduleAddress; m; m = parentModule(m)) {
        const segments = addressSegments(m)
        const name = (segments[segments.length - 1] ?? '').replace(/\[.*\]$/, '')
        const slot = `${parentModule(m)}|${name}`
        const set = this.moduleInstances.get(slot) ?? new Set<string>()
        set.add(m)
        this.moduleInstances.set(slot, set)
      }
    }
  }

  /** A resource's configuration block (`configuration.root_module…resources[]` entry). */
  resourceConfig(resource: PlannedResource): JsonMap | undefined {
    const path = modulePathOf(resource.moduleAddress)
    const slot = path.join('.')
    let byAddress = this.resourceConfigs.get(slot)
    if (!byAddress) {
      byAddress = new Map()
      for (const config of asList(own(this.moduleConfig(path), 'resources'))) {
        const address = own(asMap(config), 'address')
        if (typeof address === 'string') byAddress.set(withoutInstanceKeys(address), config as JsonMap)
      }
      this.resourceConfigs.set(slot, byAddress)
    }
    return byAddress.get(`${resource.mode === 'data' ? 'data.' : ''}${resource.type}.${resource.name}`)
  }

  /** Every attribute path of the resource's expressions with the handles its references lead to. */
  referencesOf(resource: PlannedResource): Map<string, string[]> {
    const out = new Map<string, string[]>()
    const expressions = asMap(own(this.resourceConfig(resource), 'expressions'))
    if (!expressions) return out
    const visit = (node: unknown, path: string, depth: number) => {
      if (depth > 16) return
      if (Array.isArray(node)) {
        for (const item of node) visit(item, path, depth + 1)
        return
      }
      if (!isMap(node)) return
      const references = own(node, 'references')
      if (Array.isArray(references)) {
        const handles = new Set(out.get(path) ?? [])
        // `aws_y.b[count.index]` is written as the references "aws_y.b" and "count.index"; a splat has no index reference.
        const indexed = references.some(r => typeof r === 'string' && /^(count\.index|each\.(key|value))/.test(r))
        for (const ref of references) {
          if (typeof ref !== 'string') continue
          const resolved = this.resolve(ref, resource.moduleAddress, 0)
          for (const h of indexed ? this.sameInstance(resource, resolved) : resolved) handles.add(h)
        }
        if (handles.size) out.set(path, [...handles])
        return
      }
      if (own(node, 'constant_value') !== undefined) return
      for (const key of Object.keys(node)) visit(node[key], path ? `${path}.${key}` : key, depth + 1)
    }
    visit(expressions, '', 0)
    return out
  }

  /**
   * A counted (or for_each) resource naming another by `[count.index]` or
   * `[each.key]` means the instance with its own key: JSON plans drop the index
   * expression, and all-to-all would be wrong and huge.
   */
  private sameInstance(resource: PlannedResource, handles: string[]): string[] {
    if (handles.length < 2) return handles
    const key = /\[[^\]]*\]$/.exec(resource.handle)?.[0]
    if (!key) return handles
    const same = handles.filter(h => h.endsWith(key))
    return same.length ? same : handles
  }

  private moduleConfig(path: readonly string[]): JsonMap | undefined {
    let module = asMap(own(this.configuration, 'root_module'))
    for (const name of path) module = asMap(own(asMap(own(asMap(own(module, 'module_calls')), name)), 'module'))
    return module
  }

  /** The handles a reference string leads to, from inside module instance `moduleAddress`. */
  resolve(ref: string, moduleAddress: string, hops: number): string[] {
    if (hops > MAX_HOPS) return []
    const segments = addressSegments(ref)
    const [first, second, third] = segments
    if (!first || !second) return []
    if (first === 'data' && third) return this.instances(moduleAddress, `data.${second}.${third.replace(/\[.*\]$/, '')}`, third)
    if (first === 'var') return this.followInput(moduleAddress, second.replace(/\[.*\]$/, ''), hops)
    if (first === 'module') return this.followOutput(moduleAddress, second, third?.replace(/\[.*\]$/, ''), hops)
    if (NOT_RESOURCES.has(first) || !/^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(first)) return []
    return this.instances(moduleAddress, `${first}.${second.replace(/\[.*\]$/, '')}`, second)
  }

  /** All instances of a resource, or the one an index names (`aws_x.y[0]`). */
  private instances(moduleAddress: string, resource: string, lastSegment: string): string[] {
    const handles = this.byResource.get(joinAddress(moduleAddress, resource)) ?? []
    const index = /\[.*\]$/.exec(lastSegment)?.[0]
    if (!index) return handles
    const exact = handles.filter(h => h.endsWith(index))
    return exact.length ? exact : handles
  }

  private followInput(moduleAddress: string, variable: string, hops: number): string[] {
    if (!moduleAddress) return []
    const segments = addressSegments(moduleAddress)
    const name = (segments[segments.length - 1] ?? '').replace(/\[.*\]$/, '')
    const parent = parentModule(moduleAddress)
    const call = asMap(own(asMap(own(this.moduleConfig(modulePathOf(parent)), 'module_calls')), name))
    const argument = asMap(own(asMap(own(call, 'expressions')), variable))
    return asList(own(argument, 'references')).flatMap(r => (typeof r === 'string' ? this.resolve(r, parent, hops + 1) : []))
  }

  private followOutput(moduleAddress: string, callSegment: string, output: string | undefined, hops: number): string[] {
    if (!output) return []
    const name = callSegment.replace(/\[.*\]$/, '')
    const key = /\[.*\]$/.exec(callSegment)?.[0]
    let children = [...(this.moduleInstances.get(`${moduleAddress}|${name}`) ?? [])]
    if (key) children = children.filter(c => c.endsWith(key))
    const childConfig = this.moduleConfig([...modulePathOf(moduleAddress), name])
    const expression = asMap(own(asMap(own(asMap(own(childConfig, 'outputs')), output)), 'expression'))
    const references = asList(own(expression, 'references')).filter((r): r is string => typeof r === 'string')
    return children.flatMap(child => references.flatMap(r => this.resolve(r, child, hops + 1)))
  }
}
