// Triage shapes shared by the store, the calls and the renderer (types and constants only).

/**
 * Triage of findings: the statuses a person may give a failing finding (or a whole check), each with how its
 * expiry is treated. One list: ids, labels and the expiry rule derive from it.
 */
export const TRIAGE_STATUSES = [
  // Like an accepted risk in the risk register: accepted until a date, then back for review.
  { id: 'accepted-risk', label: 'Accepted risk', expiry: 'required' },
  // A false positive does not turn true with time; a later scan that changes the result ends it.
  { id: 'false-positive', label: 'False positive', expiry: 'optional' },
  // Ends at the rescan; the expiry keeps a rescan that never comes from hiding the failure for ever.
  { id: 'fixed-pending-rescan', label: 'Fixed, pending rescan', expiry: 'required' }
] as const

export type TriageStatus = (typeof TRIAGE_STATUSES)[number]['id']
export const TRIAGE_STATUS_IDS = TRIAGE_STATUSES.map(s => s.id) as [TriageStatus, ...TriageStatus[]]

export function triageStatusLabel(status: TriageStatus): string {
  return TRIAGE_STATUSES.find(s => s.id === status)?.label ?? status
}

export function triageNeedsExpiry(status: TriageStatus): boolean {
  return TRIAGE_STATUSES.find(s => s.id === status)?.expiry === 'required'
}

/**
 * A triage as of a date. active: its findings do not count as failing. expired: its expiry day has passed.
 * ended: a later scan changed (or, for a fix, rescanned) every finding it covered. withdrawn: a person took it back
 * or a newer triage of the same finding or check replaced it.
 */
export type TriageState = 'active' | 'expired' | 'ended' | 'withdrawn'

export interface TriageView {
  id: number
  scanner: string
  checkId: string
  /** The finding it was made for; null for a whole check. */
  findingKey: string | null
  /** That finding's resource and account, as its key names them (null for a whole check or a finding without one). */
  resource: string | null
  findingAccount: string | null
  /** A whole-check triage limited to one account; null for every account (or a single finding). */
  account: string | null
  status: TriageStatus
  statusLabel: string
  reason: string
  by: string
  createdAt: string
  /** The last day it holds. */
  expiresOn: string | null
  asOf: string
  state: TriageState
  /** Why it is not active, or which of its findings a later scan took out of it, in words; null when nothing to say. */
  why: string | null
  /** Findings (keys) it covered when made, and how many of them it still covers. */
  subjects: number
  activeSubjects: number
  withdrawn: { at: string; by: string | null; reason: string | null } | null
}

/** A finding's triage as of a date: the triage that covers (or last covered) its key, and whether it still does. */
export interface FindingTriage {
  triage: TriageView
  /** True while the finding does not count as failing. */
  active: boolean
  /** Why it no longer does (expired, withdrawn, changed or rescanned by a later scan); null while active. */
  why: string | null
}
