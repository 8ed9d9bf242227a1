// Shapes shared by the scanner reader, the store and the renderer (types and constants only).

export { FORMAT_IDS, type FormatId } from './formats/index'
import type { FormatId } from './formats/index'

/**
 * Every status a stored finding can have, in the order summaries list them. 'skipped': the scanner
 * did not evaluate the check (Powerpipe's skip); 'info': it evaluated it and reports no verdict.
 */
export const FINDING_STATUSES = ['passed', 'failed', 'info', 'skipped', 'error', 'manual'] as const
export type FindingStatus = (typeof FINDING_STATUSES)[number]
/** Worst first: the order every list, filter and count uses. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational', 'unknown'] as const
export type Severity = (typeof SEVERITIES)[number]
export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be'

/** One check result on one resource, whatever scanner produced it. */
export interface NormalizedFinding {
  format: FormatId
  /** Tool family ('prowler', 'securityhub', ...): findings of one family compare across formats. */
  scanner: string
  scannerVersion: string | null
  checkId: string
  title: string
  status: FindingStatus
  /** The scanner marked it muted or suppressed; it is still evidence, but not a current problem. */
  muted: boolean
  severity: Severity
  statusDetail: string | null
  resourceId: string | null
  resourceName: string | null
  resourceType: string | null
  account: string | null
  region: string | null
  remediationText: string | null
  remediationUrl: string | null
  /** ISO 8601; carries no zone suffix when the scanner wrote a naive local time. */
  observedAt: string | null
  /** How many resources this record stands for (ScoutSuite's passed = checked - flagged). */
  itemCount: number
  /** Same check, same resource, same account and region: same key, across scans and formats. */
  findingKey: string
  /** Security Rule citations in dotted form, e.g. 164.312(a)(2)(iv). */
  citations: string[]
  /** Where the citations came from: the file itself, our mapping tables, a person's own mapping (migration 0013), or nowhere. */
  citationSource: CitationSource
}

export type CitationSource = 'file' | 'table' | 'user' | 'none'

/** A check none of whose findings could be tied to a Security Rule specification, and why. */
export interface UnmappedCheck {
  checkId: string
  title: string
  /** Findings (stored records) of the check in this scan. */
  findings: number
  reason: string
}

/**
 * What a scan holds, in one unit that adds up: every result the file reported (ScoutSuite: every
 * checked item) counted once under its status. `records` is how many findings were stored for them
 * (a ScoutSuite pass record stands for many items), `checks` how many distinct checks or rules ran.
 */
export interface ScanTally {
  /** What `total` counts, from the format registry ('check result', 'checked item'), and a note where a count needs one. */
  unit: { one: string; many: string; note?: string }
  total: number
  byStatus: Record<FindingStatus, number>
  records: number
  checks: number
}

export interface SkippedRecords {
  reason: string
  count: number
  /** A few positions for the user to look at. */
  examples: string[]
}

export interface ReadSummary {
  file: string
  format: FormatId
  scanner: string
  scannerVersion: string | null
  encoding: SourceEncoding
  /** Bytes read and parsed (a file that grew or shrank while read counts what was read). */
  bytes: number
  /** SHA-256 of exactly the bytes parsed. */
  sha256: string
  /** The file was cut short and read up to its last whole record: not the whole scan. */
  partial: boolean
  findings: number
  passed: number
  failed: number
  /** Results per status and the checks they came from: the numbers every summary prints. */
  tally: ScanTally
  /** Checks that map to no specification (by our tables or a person's mapping), with why. */
  unmappedChecks: UnmappedCheck[]
  /** Failing findings per severity. */
  failedBySeverity: Record<Severity, number>
  citations: string[]
  accounts: string[]
  skipped: SkippedRecords[]
  warnings: string[]
}
