import type { FindingStatus, Severity } from '../../../../main/scanners/contract'

// The contract's SEVERITIES, worst first (a value the renderer cannot import; the Record below checks it names each one).
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
  skipped: 'gray',
  error: 'amber'
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(1)} GB`
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`
  return `${bytes} bytes`
}
