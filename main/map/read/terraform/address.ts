// Terraform resource addresses: `module.sg["key"].module.inner[0].aws_security_group.this[0]`.
// Values carry instance keys; `configuration` does not.

/** Splits at dots outside brackets and quotes: `module.a["x.y"]` is two segments. */
export function addressSegments(address: string): string[] {
  const segments: string[] = []
  let current = ''
  let depth = 0
  let quoted = false
  for (let i = 0; i < address.length; i++) {
    const c = address[i] as string
    if (quoted) {
      current += c
      if (c === '\\') current += address[++i] ?? ''
      else if (c === '"') quoted = false
      continue
    }
    if (c === '"') quoted = true
    else if (c === '[') depth++
    else if (c === ']') depth--
    else if (c === '.' && depth === 0) {
      segments.push(current)
      current = ''
      continue
    }
    current += c
  }
  segments.push(current)
  return segments
}

/** The address without instance keys: `module.sg.aws_security_group.this`. */
export function withoutInstanceKeys(address: string): string {
  return addressSegments(address)
    .map(s => s.replace(/\[.*\]$/, ''))
    .join('.')
}

/** Module names along the address (`['sg', 'inner']`), for finding a resource's configuration. */
export function modulePathOf(moduleAddress: string): string[] {
  if (!moduleAddress) return []
  const names: string[] = []
  const segments = addressSegments(moduleAddress)
  for (let i = 0; i < segments.length; i++) if (segments[i] === 'module') names.push((segments[++i] ?? '').replace(/\[.*\]$/, ''))
  return names
}

/** The module instance an address sits in: `module.sg["key"]` for `module.sg["key"].aws_x.y`. */
export function moduleOfAddress(address: string): string {
  const segments = addressSegments(address)
  const out: string[] = []
  for (let i = 0; i + 1 < segments.length && segments[i] === 'module'; i += 2) out.push('module', segments[i + 1] as string)
  return out.join('.')
}

/** The parent module instance: `module.a` for `module.a.module.b[0]`, '' for a top-level module. */
export function parentModule(moduleAddress: string): string {
  const segments = addressSegments(moduleAddress)
  return segments.slice(0, -2).join('.')
}

export function joinAddress(moduleAddress: string, rest: string): string {
  return moduleAddress ? `${moduleAddress}.${rest}` : rest
}
