import { createHash } from 'node:crypto'

/** Safeguard's namespace for name-based UUIDs (itself a v5 UUID of "safeguard.example/oscal" in the URL namespace). */
const SAFEGUARD_NAMESPACE = '638e8e87-fdec-5a48-bcf5-ee4ed87172c8'

/**
 * A UUID v5 (RFC 9562, SHA-1 name-based) of the workspace's id and a record's name: the same state
 * exports the same ids, and OSCAL's UUID pattern admits only v4 and v5.
 */
export function stableUuid(workspaceUid: string, name: string): string {
  const namespace = Buffer.from(SAFEGUARD_NAMESPACE.replace(/-/g, ''), 'hex')
  const bytes = createHash('sha1').update(namespace).update(`${workspaceUid}/${name}`, 'utf8').digest().subarray(0, 16)
  bytes[6] = (bytes[6]! & 0x0f) | 0x50
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
