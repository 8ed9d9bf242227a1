import type { Certainty } from '../shared/certainty'
import type { JurisdictionCode } from './jurisdictions'
import type { ObligationKind } from './incident-schema'
import type { AssessmentOutcome } from './assessment-outcome'
import type { NoticeMethod } from './notice-methods'

export type ObligationStatus = 'due' | 'overdue' | 'done' | 'done-late'

/** One notice the incident requires, with when it is due and why. */
export interface BreachObligation {
  /** Stable within the incident: kind, plus the state rule or jurisdiction when there are several. */
  id: string
  kind: ObligationKind
  jurisdiction?: JurisdictionCode
  /** Who must be told, in plain words. */
  recipient: string
  dueOn: string
  /** The deadline before a law-enforcement delay moved it, when one did. */
  originalDueOn?: string
  citation: string
  status: ObligationStatus
  doneOn?: string
  method?: NoticeMethod
  /** How the date was worked out, in plain words, including any interpretation made. */
  basis: string
  certainty: Certainty
  /** True whenever the date rests on an interpretation or on research that is not fully confirmed. */
  checkWithCounsel: boolean
  /** Why a state duty stays although the assessment concluded a low probability of compromise. */
  kept?: string
}

/** An obligation before its status is known (the status depends on the as-of date and notices given). */
export type PendingObligation = Omit<BreachObligation, 'status' | 'doneOn' | 'method'>

export interface BreachAssessment {
  /** The recorded outcome the obligations were computed from (an incomplete low-probability one is computed as a breach). */
  outcome: AssessmentOutcome
  notificationRequired: boolean
  /** Why notices are or are not required. */
  reason: string
  totalAffected: number
  obligations: BreachObligation[]
  /** Things the user should know that are not dated obligations (no-fixed-deadline state laws, exemptions…). */
  notes: string[]
}
