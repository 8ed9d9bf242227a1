import type { CalendarEntry } from '../calendar/contract'

/** How a workspace file is protected at rest. */
export type Protection = 'device-key' | 'passphrase' | 'not-encrypted'

/** Why a workspace could not be summarised (its own file says so; the others are still read). */
export type UnreadableReason = 'too-new' | 'needs-upgrade' | 'damaged' | 'not-a-workspace' | 'unreadable'

export interface PortfolioDeadline {
  dueOn: string
  title: string
  /** A breach notice (a clock set by law): listed before every other deadline, whatever its date. */
  breachNotice: boolean
  status: CalendarEntry['status']
}

/** One client at a glance, as of `asOf`. */
export interface WorkspaceSummaryEntry {
  path: string
  locked: false
  organization: string
  role: string
  protection: Protection
  /** The current assessment period's answers; null until one has been started (reading never starts one). */
  progress: { periodId: string; answered: number; applicable: number; percent: number } | null
  /** Answers of "no" or "partly" in the current period. */
  gaps: number
  /** Risks rated high or critical in the current period. */
  highRisks: number
  criticalRisks: number
  nextDeadline: PortfolioDeadline | null
  overdue: number
  /** The calendar date of the newest scan import (when the scan ran, if the file said so). */
  lastScanOn: string | null
  /** Signed business associate agreements expiring within 90 days. */
  expiringAgreements: number
}

export interface LockedWorkspace {
  path: string
  locked: true
  protection: 'passphrase'
  reason: string
  /** The summary last read with its passphrase, kept encrypted on this computer (never the content). */
  cached?: CachedSummary
}

/** Why a cached summary may no longer be true. */
export type StaleReason = 'changed' | 'old'

export interface CachedSummary {
  summary: WorkspaceSummaryEntry
  /** When it was read (an instant), and the day its deadlines were judged on. */
  readAt: string
  asOf: string
  /** Null while the file is as it was when read and the reading is recent. */
  stale: StaleReason | null
}

export interface UnreadableWorkspace {
  path: string
  locked: false
  error: UnreadableReason
  message: string
  /** The organisation, when the file still tells it (an older workspace). */
  organization?: string
}

export type PortfolioEntry = WorkspaceSummaryEntry | LockedWorkspace | UnreadableWorkspace

export function isReadEntry(entry: PortfolioEntry): entry is WorkspaceSummaryEntry {
  return !entry.locked && !('error' in entry)
}
