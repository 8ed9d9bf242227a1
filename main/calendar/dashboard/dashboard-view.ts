import type { CalendarEntry } from '../calendar-entries'

/** What the Dashboard shows: what to do next, in order of consequence, and a card per area that has dates or open items. */

export type GettingStartedStepId = 'profile' | 'first-answer' | 'first-scan' | 'cloud-baa'

/** A first step in a new workspace, done or not according to what the workspace holds. */
export interface GettingStartedStep {
  id: GettingStartedStepId
  title: string
  /** What the data shows: why it is done, or what doing it means. */
  detail: string
  done: boolean
}

/** Recurring duties never recorded as done: one step ("set up your calendar") rather than a row each dated the workspace's first day. */
export interface CalendarSetupStep {
  duties: { id: string; title: string; proposed: boolean }[]
}

export interface ExpiringAgreement {
  id: number
  name: string
  expiresOn: string
  daysLeft: number
  dueText: string
}

export interface OpenIncidentClock {
  id: number
  title: string
  /** The earliest notice not yet given. */
  nextRecipient: string
  dueOn: string
  daysLeft: number
  dueText: string
  openNotices: number
  overdueNotices: number
}

export interface OpenHighRisk {
  id: number
  title: string
  level: 'high' | 'critical'
  levelLabel: string
}

export interface EvidenceFreshness {
  /** The newest scanner import, the evidence of technical safeguards, with its age in days. */
  /** failed leaves out the failures a triage covers today, counted in triaged. */
  latestScan: { fileName: string; scanner: string; importedOn: string; daysAgo: number; failed: number; triaged: number; passed: number } | null
  scans: number
  /** Signed agreements (in the register) and how many of them have the signed copy stored in the workspace. */
  signedAgreements: number
  signedCopiesStored: number
  /** Evidence attached to answers, decisions, controls, risks, tasks, assets and incidents (not archived), and how many are past their expiry. */
  attached: number
  stale: number
}

export interface DashboardView {
  asOf: string
  /** Items due within this many days are listed; later ones are only counted. */
  withinDays: number
  /** In the order a new workspace meets them; the screen hides the list once every step is done. */
  gettingStarted: GettingStartedStep[]
  /** Breach notices first, then anything overdue, then by days left. */
  next: CalendarEntry[]
  /** Open items due after the window (breach notices are always listed). */
  later: number
  calendarSetup: CalendarSetupStep | null
  agreements: { expiring: ExpiringAgreement[]; withoutSignedBaa: number; total: number; windowDays: number }
  incidents: { open: OpenIncidentClock[]; total: number }
  risks: { highOpen: OpenHighRisk[]; total: number }
  evidence: EvidenceFreshness
}
