// The few settings of a resource shown beside it. Only names on a short list
// are copied, never one that can hold a secret, never a value the file marks
// sensitive, and every value is capped: infrastructure files carry passwords,
// keys and user data in plain text next to the harmless settings.

import { isMap, type JsonMap } from './document'
import { MAX_NAME_CHARS, MAX_VALUE_CHARS } from './limits'

/** Setting names (lower case, separators dropped) → the attribute name shown. */
const SHOWN: Record<string, string> = {
  engine: 'engine',
  engineversion: 'engineVersion',
  instanceclass: 'instanceClass',
  dbinstanceclass: 'instanceClass',
  instancetype: 'instanceType',
  runtime: 'runtime',
  cidrblock: 'cidr',
  scheme: 'scheme',
  loadbalancertype: 'loadBalancerType',
  multiaz: 'multiAz',
  storagetype: 'storageType',
  availabilityzone: 'availabilityZone',
  packagetype: 'packageType',
  launchtype: 'launchType'
}

const SECRET_NAME = /pass(word|phrase)?|secret|token|private|credential|api_?key|access_?key|user_?data|environment|variables|certificate_body|auth/i
/** AWS access key ids and PEM blocks, should one ever sit under an innocent name. */
const SECRET_VALUE = /\b(AKIA|ASIA)[A-Z0-9]{16}\b|-----BEGIN [A-Z ]*PRIVATE KEY-----/

export function normalizedName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '')
}

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name)
}

export function capValue(text: string, max = MAX_VALUE_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text
}

export function capName(text: string): string {
  return capValue(text, MAX_NAME_CHARS)
}

/** The shown settings of a resource's values; `sensitive` says which top-level names the file marks sensitive. */
export function shownAttributes(values: unknown, sensitive: (name: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>
  if (!isMap(values)) return out
  for (const name of Object.keys(values)) {
    const shownAs = SHOWN[normalizedName(name)]
    if (!shownAs || out[shownAs] !== undefined || sensitive(name) || isSecretName(name)) continue
    const value = (values as JsonMap)[name]
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue
    const text = String(value)
    if (text === '' || SECRET_VALUE.test(text)) continue
    out[shownAs] = capValue(text)
  }
  return out
}

/** Adds one attribute, capped, unless it looks like a secret. */
export function setAttribute(attributes: Record<string, string>, name: string, value: string | null | undefined): void {
  if (value === null || value === undefined || value === '' || SECRET_VALUE.test(value)) return
  attributes[name] = capValue(value)
}
