import type { FindingStatus, FormatId, Severity } from '../../../../main/scanners/contract'

export const FORMAT_LABELS: Record<FormatId, string> = {
  'prowler-v2-ndjson': 'Prowler 2 (JSON lines)',
  'prowler-v3-json': 'Prowler 3 JSON',
  'prowler-ocsf': 'Prowler JSON-OCSF',
  'prowler-asff': 'Prowler ASFF',
  'prowler-csv': 'Prowler CSV',
  'securityhub-asff': 'AWS Security Hub (ASFF)',
  'securityhub-ocsf': 'AWS Security Hub (OCSF export)',
  scoutsuite: 'ScoutSuite results',
  'awsconfig-rule-compliance': 'AWS Config compliance by rule',
  'awsconfig-evaluation-results': 'AWS Config evaluation results',
  'awsconfig-conformance-pack': 'AWS Config conformance pack',
  'powerpipe-hipaa': 'Steampipe/Powerpipe HIPAA benchmark',
  empty: 'Empty scanner output'
}

export const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'informational', 'unknown']
export const STATUS_ORDER: FindingStatus[] = ['failed', 'passed', 'manual', 'info', 'error']

export const SEVERITY_COLOR: Record<Severity, 'red' | 'orange' | 'amber' | 'blue' | 'gray'> = {
  critical: 'red',
  high: 'orange',
  medium: 'amber',
  low: 'blue',
  informational: 'gray',
  unknown: 'gray'
}

export const STATUS_COLOR: Record<FindingStatus, 'red' | 'green' | 'gray' | 'amber'> = {
  failed: 'red',
  passed: 'green',
  manual: 'amber',
  info: 'gray',
  error: 'amber'
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`
  return `${bytes} bytes`
}
