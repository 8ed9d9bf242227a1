// The scanner formats Safeguard reads: one entry each. The format ids, the labels every screen and
// document prints, the tool family and whether a cut-short file can still be read all derive from
// here. Data only (no reader code), so the contract's types and the renderer can depend on it.
// A format's reader lives beside this file; its detection is in ../read/record-router.ts
// (JSON) or ../read/scan-reader.ts (CSV), which switch over these ids, so the compiler names
// any format left out.

export interface ScannerFormatEntry {
  id: string
  /** What a person reads, in the app and in the documents. */
  label: string
  /** Tool family: findings of one family compare across its formats. */
  scanner: string
  /** The writer streams records one by one, so a file cut short still holds whole records. */
  streamed: boolean
}

export const SCANNER_FORMATS = [
  { id: 'prowler-v2-ndjson', label: 'Prowler 2 (JSON lines)', scanner: 'prowler', streamed: true },
  { id: 'prowler-v3-json', label: 'Prowler 3 JSON', scanner: 'prowler', streamed: true },
  { id: 'prowler-ocsf', label: 'Prowler JSON-OCSF', scanner: 'prowler', streamed: true },
  { id: 'prowler-asff', label: 'Prowler ASFF', scanner: 'prowler', streamed: true },
  { id: 'prowler-csv', label: 'Prowler CSV', scanner: 'prowler', streamed: false },
  { id: 'prowler-v2-csv', label: 'Prowler 2 CSV', scanner: 'prowler', streamed: false },
  { id: 'securityhub-asff', label: 'AWS Security Hub (ASFF)', scanner: 'securityhub', streamed: true },
  { id: 'securityhub-ocsf', label: 'AWS Security Hub (OCSF export)', scanner: 'securityhub', streamed: true },
  { id: 'scoutsuite', label: 'ScoutSuite results', scanner: 'scoutsuite', streamed: false },
  { id: 'awsconfig-rule-compliance', label: 'AWS Config compliance by rule', scanner: 'awsconfig', streamed: false },
  { id: 'awsconfig-evaluation-results', label: 'AWS Config evaluation results', scanner: 'awsconfig', streamed: false },
  { id: 'awsconfig-conformance-pack', label: 'AWS Config conformance pack', scanner: 'awsconfig', streamed: false },
  { id: 'powerpipe-hipaa', label: 'Steampipe/Powerpipe benchmark', scanner: 'powerpipe', streamed: false },
  { id: 'empty', label: 'Empty scanner output', scanner: 'empty', streamed: true }
] as const satisfies readonly ScannerFormatEntry[]

export type FormatId = (typeof SCANNER_FORMATS)[number]['id']

export const FORMAT_IDS: readonly FormatId[] = SCANNER_FORMATS.map(format => format.id)

const BY_ID = new Map<string, ScannerFormatEntry>(SCANNER_FORMATS.map(format => [format.id, format]))

export function scannerFormat(id: FormatId): ScannerFormatEntry {
  return BY_ID.get(id)!
}

/** The label of a stored format id; an id from a newer Safeguard prints as itself. */
export function formatLabel(id: string): string {
  return BY_ID.get(id)?.label ?? id
}
