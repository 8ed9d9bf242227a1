import type { EvidencePackData } from './evidence-pack/pack-data'
import { createRedactor, type IdentifyingValue, type RedactionCount, type Redactor } from './redact'
import { assetRedactionKind, zoneRedactionKind } from './redaction-kinds'

/**
 * The evidence pack for sharing outside the organisation: every text it renders (tables, the map's
 * figure and its alternative text, risk and finding texts, the appendix) passed through one
 * redactor, so the same value reads the same everywhere and no section can be forgotten.
 */

/**
 * Fields holding the data's own codes (enumerations, scene keys, fingerprints, citations), which the
 * renderers compare rather than print as written. A code is one lower-case word or hyphenated words,
 * or a field that never holds anything else; anything else under these names is text and redacted.
 */
const CODE_FIELDS = new Set([
  'role',
  'status',
  'answer',
  'family',
  'kind',
  'kinds',
  'requirement',
  'severity',
  'riskLevel',
  'level',
  'treatment',
  'state',
  'certainty',
  'phi',
  'carries',
  'shape',
  'likelihood',
  'impact'
])
const ALWAYS_CODE_FIELDS = new Set(['id', 'key', 'from', 'to', 'style', 'matrix', 'sha256', 'scanId', 'periodId', 'citation', 'citations'])
const CODE = /^[a-z]+(?:-[a-z]+)*$/

export interface RedactedPack {
  data: EvidencePackData
  /** What was replaced, for the pack to say. */
  counts: RedactionCount[]
  /** The same redactor, for other texts the pack carries (its manifest's file names) to read the same placeholders. */
  redactor: Redactor
}

/** The values the pack's own data names, beside those read from the workspace (`data.identifyingValues`). */
function valuesInPackData(data: EvidencePackData): IdentifyingValue[] {
  const accounts = [
    ...data.cloud.accountIds,
    ...(data.scans ?? []).flatMap(s => s.accountId?.split(',') ?? []),
    ...(data.findings?.worst ?? []).map(f => f.accountId),
    ...(data.findings?.triaged?.listed ?? []).map(f => f.accountId)
  ]
  const scene = data.dataFlowMap?.scene
  return [
    ...accounts.map(a => ({ value: a.trim(), kind: 'account' as const })),
    ...[...(data.findings?.worst ?? []), ...(data.findings?.triaged?.listed ?? [])].map(f => ({
      value: f.resource,
      kind: f.resource.startsWith('arn:') ? ('arn' as const) : ('resource' as const)
    })),
    ...(scene?.zones ?? []).map(z => ({ value: z.name, kind: zoneRedactionKind(z.kind) })),
    ...(scene?.assets ?? []).flatMap(a => {
      const kind = a.manual ? null : assetRedactionKind(a.kind)
      return kind ? [{ value: a.name, kind }] : []
    })
  ]
}

/** A caption shortened to "…end-of-name" gets its whole name back, so the redactor finds what it holds and no fragment stays. */
function unshorten(line: string, name: string): string {
  const at = line.indexOf('…')
  if (at < 0 || line.includes(name)) return line
  for (let length = Math.min(name.length, line.length - at - 1); length > 0; length--) {
    if (line.startsWith(name.slice(name.length - length), at + 1)) return `${line.slice(0, at)}${name}${line.slice(at + 1 + length)}`
  }
  return line
}

function withWholeNames(data: EvidencePackData, finds: (text: string) => boolean): EvidencePackData {
  const map = data.dataFlowMap
  if (!map) return data
  const whole = <T extends { name: string; caption: string[] }>(box: T): T =>
    finds(box.name) ? { ...box, caption: box.caption.map(line => unshorten(line, box.name)) } : box
  return { ...data, dataFlowMap: { ...map, scene: { ...map.scene, zones: map.scene.zones.map(whole), assets: map.scene.assets.map(whole) } } }
}

function redactTree(value: unknown, redact: (text: string) => string, field: string | null): unknown {
  if (typeof value === 'string') {
    if (field !== null && (ALWAYS_CODE_FIELDS.has(field) || (CODE_FIELDS.has(field) && CODE.test(value)))) return value
    return redact(value)
  }
  if (Array.isArray(value)) return value.map(item => redactTree(item, redact, field))
  if (value !== null && typeof value === 'object') {
    if (field !== null && ALWAYS_CODE_FIELDS.has(field)) return value
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactTree(item, redact, key)]))
  }
  return value
}

/** A redacted copy of the data (the input is not changed) and what was replaced. */
export function redactPackData(data: EvidencePackData): RedactedPack {
  const { identifyingValues, ...rest } = data
  const redactor = createRedactor([...(identifyingValues ?? []), ...valuesInPackData(data)])
  const redacted = redactTree(withWholeNames(rest, redactor.finds), redactor.redact, null) as EvidencePackData
  return { data: redacted, counts: redactor.counts(), redactor }
}
