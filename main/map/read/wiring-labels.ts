// Short texts for flows, the same in every format.

import type { RouteVia } from './source-record'

/** `tcp/443`, `tcp/8000-8080`, `all traffic`. */
export function ingressLabel(protocol: unknown, from: unknown, to: unknown): string {
  const p = String(protocol ?? '').toLowerCase()
  if (p === '-1' || p === 'all' || p === '') return 'all traffic'
  const name = p === '6' ? 'tcp' : p === '17' ? 'udp' : p === '1' ? 'icmp' : p
  const low = from === undefined || from === null ? '' : String(from)
  const high = to === undefined || to === null ? low : String(to)
  if (!low || (low === '0' && (high === '65535' || high === '0'))) return name
  return low === high ? `${name}/${low}` : `${name}/${low}-${high}`
}

/** `s3:ObjectCreated:* (prefix AWSLogs/, suffix .log)`. */
export function notificationLabel(events: unknown[], prefix?: string | null, suffix?: string | null): string {
  const names = events.filter((e): e is string => typeof e === 'string')
  const filters = [prefix ? `prefix ${prefix}` : '', suffix ? `suffix ${suffix}` : ''].filter(Boolean)
  return `${names.join(', ') || 'S3 event'}${filters.length ? ` (${filters.join(', ')})` : ''}`
}

/** What a route leads through, from the attribute that names its target and the target's id. */
export function routeVia(attribute: string, target: string, fallback: RouteVia): RouteVia {
  if (/^igw-|^eigw-/.test(target)) return 'internet-gateway'
  if (/^nat-/.test(target)) return 'nat'
  if (/^tgw-/.test(target)) return 'transit-gateway'
  if (/^pcx-/.test(target)) return 'peering'
  if (/^vgw-/.test(target)) return 'vpn'
  if (/^vpce-/.test(target)) return 'endpoint'
  if (/^(i|eni)-/.test(target)) return 'instance'
  // Terraform's gateway_id also takes virtual private gateways and endpoints: only the attribute is left to go on.
  return attribute === 'gateway_id' && /vpn_gateway|vpc_endpoint/.test(target) ? (target.includes('vpn') ? 'vpn' : 'endpoint') : fallback
}

/** What a subscriber outside AWS is drawn as: an address is personal data, so only the protocol (and a web host) is kept. */
export function externalSubscriber(protocol: string, endpoint: string): { key: string; name: string; resourceType: string } {
  if (protocol === 'http' || protocol === 'https') {
    const host = /^https?:\/\/([^/:?#@]+)/i.exec(endpoint)?.[1] ?? 'web endpoint'
    return { key: `external:${host.toLowerCase()}`, name: host, resourceType: `sns ${protocol} endpoint` }
  }
  return {
    key: `external:sns-${protocol || 'endpoint'}`,
    name: `${protocol || 'other'} subscribers`,
    resourceType: `sns ${protocol || 'other'} endpoint`
  }
}
