// Caps the text of a finding. A scanner's status detail or remediation runs to a few
// KB; a field of megabytes is a broken or hostile file, and storing it whole would
// bloat the workspace and every screen and report that shows the finding.

import { createHash } from 'node:crypto'
import type { NormalizedFinding } from '../finding.types'

/** Characters kept of one text field. */
export const MAX_FIELD_CHARS = 16 * 1024
/** Finding keys longer than this are kept as a prefix and the SHA-256 of the whole key. */
export const MAX_KEY_CHARS = 1024

const TEXT_FIELDS = [
  'checkId',
  'title',
  'statusDetail',
  'resourceId',
  'resourceName',
  'resourceType',
  'account',
  'region',
  'remediationText',
  'remediationUrl',
  'scannerVersion'
] as const

export function capText(text: string): string {
  return text.length > MAX_FIELD_CHARS ? `${text.slice(0, MAX_FIELD_CHARS)}… [${text.length - MAX_FIELD_CHARS} more characters not kept]` : text
}

/**
 * The finding with every text field capped, or the same object when nothing is too
 * long (the usual case, checked without copying). The key stays unique: a long key
 * becomes its prefix and its SHA-256.
 */
export function capFindingText(f: NormalizedFinding): NormalizedFinding {
  let long = f.findingKey.length > MAX_KEY_CHARS
  for (const name of TEXT_FIELDS) {
    const value = f[name]
    if (value !== null && value.length > MAX_FIELD_CHARS) long = true
  }
  if (!long) return f
  const capped: NormalizedFinding = { ...f, citations: [...f.citations] }
  for (const name of TEXT_FIELDS) {
    const value = f[name]
    if (value !== null) (capped as unknown as Record<string, string>)[name] = capText(value)
  }
  if (f.findingKey.length > MAX_KEY_CHARS) {
    capped.findingKey = `${f.findingKey.slice(0, MAX_KEY_CHARS)}#sha256:${createHash('sha256').update(f.findingKey).digest('hex')}`
  }
  return capped
}
