// Small readers for untrusted parsed JSON. They only read named own data and never
// copy objects, so keys such as "constructor" in a file stay inert.

import type { FindingStatus, Severity } from '../finding.types'

export type JsonObject = Record<string, unknown>

/** A record lacks a field its format requires. The reader adds file and position. */
export class MissingFieldError extends Error {
  constructor(
    readonly field: string,
    readonly format: string
  ) {
    super(`${format} record has no ${field}`)
  }
}

export function asObject(v: unknown): JsonObject | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : null
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : []
}

/** Own property only: a file's "toString" or "constructor" member never resolves to Object.prototype. */
export function field(o: JsonObject | null | undefined, key: string): unknown {
  return o && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined
}

export function child(o: JsonObject | null | undefined, key: string): JsonObject | null {
  return asObject(field(o, key))
}

/** Non-empty text, numbers as text; anything else is null. */
export function text(v: unknown): string | null {
  if (typeof v === 'string') return v.length ? v : null
  if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  return null
}

export function requireText(v: unknown, fieldName: string, format: string): string {
  const t = text(v)
  if (t === null) throw new MissingFieldError(fieldName, format)
  return t
}

const SEVERITY_WORDS: Record<string, Severity> = {
  critical: 'critical',
  fatal: 'critical',
  high: 'high',
  danger: 'high',
  medium: 'medium',
  moderate: 'medium',
  warning: 'medium',
  low: 'low',
  informational: 'informational',
  info: 'informational',
  information: 'informational'
}

export function severityOf(v: unknown): Severity {
  const t = text(v)
  if (!t) return 'unknown'
  return Object.prototype.hasOwnProperty.call(SEVERITY_WORDS, t.toLowerCase()) ? (SEVERITY_WORDS[t.toLowerCase()] as Severity) : 'unknown'
}

const STATUS_WORDS: Record<string, FindingStatus> = {
  pass: 'passed',
  passed: 'passed',
  success: 'passed',
  ok: 'passed',
  compliant: 'passed',
  fail: 'failed',
  failed: 'failed',
  failure: 'failed',
  alarm: 'failed',
  non_compliant: 'failed',
  manual: 'manual',
  info: 'info',
  warning: 'info',
  not_available: 'info',
  skip: 'skipped',
  skipped: 'skipped',
  error: 'error'
}

export function statusOf(v: unknown): FindingStatus | null {
  const t = text(v)
  if (!t) return null
  const key = t.toLowerCase()
  return Object.prototype.hasOwnProperty.call(STATUS_WORDS, key) ? (STATUS_WORDS[key] as FindingStatus) : null
}

const ISO_NAIVE = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(\.\d+)?$/

/**
 * Observation time as ISO 8601. Epoch numbers (seconds, or milliseconds when large)
 * and zoned strings become UTC; naive strings keep their wall-clock time without a zone.
 */
// Findings of one scan share a handful of timestamps: remember the last conversion.
let lastEpoch = NaN
let lastEpochIso = ''
let lastText = ''
let lastTextIso: string | null = null

export function isoTime(v: unknown): string | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) {
    if (v === lastEpoch) return lastEpochIso
    const ms = v > 1e11 ? v : v * 1000
    lastEpoch = v
    lastEpochIso = new Date(ms).toISOString()
    return lastEpochIso
  }
  if (typeof v !== 'string' || v.length < 10) return null
  if (v === lastText) return lastTextIso
  lastTextIso = isoTimeOfText(v)
  lastText = v
  return lastTextIso
}

function isoTimeOfText(v: string): string | null {
  const naive = ISO_NAIVE.exec(v)
  if (naive) return `${naive[1]}T${naive[2]}${naive[3] ? naive[3].slice(0, 4) : ''}`
  if (/^\d+(\.\d+)?$/.test(v)) return isoTime(Number(v))
  const t = Date.parse(v)
  if (Number.isNaN(t)) return null
  return new Date(t).toISOString()
}

export function firstUrl(values: unknown): string | null {
  for (const v of asArray(values)) {
    if (typeof v === 'string' && /^https?:\/\//i.test(v)) return v
  }
  return null
}

export function findingKey(scanner: string, account: string | null, region: string | null, checkId: string, resource: string | null): string {
  return `${scanner}|${account ?? ''}|${region ?? ''}|${checkId}|${resource ?? ''}`
}
