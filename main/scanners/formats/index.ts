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
  /** What the format's summary counts: every total of its scans names this unit (and its note, where a count needs one). */
  unit: { readonly one: string; readonly many: string; readonly note?: string }
}

const CHECK_RESULT = { one: 'check result', many: 'check results' }
const EVALUATION = { one: 'evaluation', many: 'evaluations' }
const FINDING = { one: 'finding', many: 'findings' }

export const SCANNER_FORMATS = [
  { id: 'prowler-v2-ndjson', label: 'Prowler 2 (JSON lines)', scanner: 'prowler', streamed: true, unit: CHECK_RESULT },
  { id: 'prowler-v3-json', label: 'Prowler 3 JSON', scanner: 'prowler', streamed: true, unit: CHECK_RESULT },
  { id: 'prowler-ocsf', label: 'Prowler JSON-OCSF', scanner: 'prowler', streamed: true, unit: CHECK_RESULT },
  { id: 'prowler-asff', label: 'Prowler ASFF', scanner: 'prowler', streamed: true, unit: CHECK_RESULT },
  { id: 'prowler-csv', label: 'Prowler CSV', scanner: 'prowler', streamed: false, unit: CHECK_RESULT },
  { id: 'prowler-v2-csv', label: 'Prowler 2 CSV', scanner: 'prowler', streamed: false, unit: CHECK_RESULT },
  { id: 'securityhub-asff', label: 'AWS Security Hub (ASFF)', scanner: 'securityhub', streamed: true, unit: FINDING },
  { id: 'securityhub-ocsf', label: 'AWS Security Hub (OCSF export)', scanner: 'securityhub', streamed: true, unit: FINDING },
  {
    id: 'scoutsuite',
    label: 'ScoutSuite results',
    scanner: 'scoutsuite',
    streamed: false,
    unit: { one: 'checked item', many: 'checked items', note: 'passed = checked - flagged, as ScoutSuite counts them' }
  },
  {
    id: 'awsconfig-rule-compliance',
    label: 'AWS Config compliance by rule',
    scanner: 'awsconfig',
    streamed: false,
    unit: { one: 'rule result', many: 'rule results', note: 'a compliant rule counts once, a non-compliant rule once per resource it names' }
  },
  { id: 'awsconfig-evaluation-results', label: 'AWS Config evaluation results', scanner: 'awsconfig', streamed: false, unit: EVALUATION },
  { id: 'awsconfig-conformance-pack', label: 'AWS Config conformance pack', scanner: 'awsconfig', streamed: false, unit: EVALUATION },
  {
    id: 'powerpipe-hipaa',
    label: 'Steampipe/Powerpipe benchmark',
    scanner: 'powerpipe',
    streamed: false,
    unit: { one: 'control result', many: 'control results' }
  },
  { id: 'empty', label: 'Empty scanner output', scanner: 'empty', streamed: true, unit: CHECK_RESULT }
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
