import { z } from 'zod'
import { defineCall } from '../api/define-call'
import type { Certainty } from '../shared/certainty'
import type { AnswerValue, CatalogData, DecisionKind, Family } from '../assessment/contract'

type RuleEntry = CatalogData['entries'][number]

/**
 * The 2025 proposed Security Rule (90 FR 898), kept apart from the rule in force: its status with the day it was
 * last checked, and a readiness view comparing each specification as it stands today with what the proposal would
 * ask. Nothing here is a deadline: the proposal is not in force.
 */

/** The proposal's status, from templates/proposed-rule/nprm-2025.json (the one source the calendar's disclaimer uses too). */
export interface ProposedRuleStatus {
  title: string
  /** '90 FR 898' */
  citation: string
  publishedOn: string
  rin: string
  /** The day the status was last checked against every source we hold. */
  statusAsOf: string
  stage: 'proposed'
  summary: string
  certainty: Certainty
  checkWithCounsel: true
  evidence: { on: string; event: string; source: string; certainty: Certainty }[]
  timingIfFinalised: { text: string; certainty: Certainty }
}

/** Where the proposed regulatory text would put a change and where that was read, or that it was not found. */
export type ProposedSectionView =
  | {
      found: true
      /** As the proposed text numbers it: '164.308(a)(1)'. */
      section: string
      certainty: Certainty
      /** The source it was read in, named in full. */
      readIn: string
      /** The page of 90 FR 898 it was read on; null when read in a reproduction that gives no page. */
      frPage: number | null
    }
  | { found: false }

export interface ProposedChangeView {
  id: string
  text: string
  certainty: Certainty
  /** The sources, named in full. */
  sources: string[]
  placement: string | null
  proposedSection: ProposedSectionView
}

/** How the workspace's questions on a specification are answered in the period read. */
export interface ReadinessAnswers {
  /** Applicable questions on the specification. */
  questions: number
  counts: Partial<Record<AnswerValue | 'unanswered', number>>
  /** "Yes 1, Partly 1", "Not answered yet", "No question applies". */
  summary: string
}

export interface ReadinessRow {
  citation: string
  title: string
  kind: RuleEntry['kind']
  family: Family
  /** Under the rule in force, from the assessment catalog. */
  currentRequirement: RuleEntry['requirement']
  /** What the proposal would change: required instead of addressable, and what it would add. */
  proposal: { becomesRequired: boolean; changes: ProposedChangeView[] }
  /** The section numbers found for the row's changes, each once, in the order of the changes (see `proposedSectionsNote`). */
  proposedSections: string[]
  answers: ReadinessAnswers
  decision: { kind: DecisionKind; label: string; explanation: string } | null
  /** Where the workspace stands today and what would change if the proposal were finalised. */
  readinessNote: string
  /** The weakest certainty of what the row says about the proposal, its section numbers included. */
  certainty: Certainty
}

export interface ReadinessView {
  status: ProposedRuleStatus
  /** What the section numbers rest on, and the day they were looked for. */
  proposedSectionsNote: string
  proposedSectionsCheckedOn: string
  /** The assessment period whose answers and decisions are shown. */
  period: { id: string; startedOn: string }
  /** In rule order: every addressable specification, and every other one the proposal would change. */
  rows: ReadinessRow[]
}

/** Whether the app shows the readiness view; kept in the app's data folder, off until the person turns it on. */
export interface ReadinessViewSetting {
  shown: boolean
  /** False where there is no data folder to keep it in (the command line). */
  persisted: boolean
}

export const proposedRuleCalls = {
  'proposedRule.status': defineCall<ProposedRuleStatus>()(z.strictObject({})),
  'proposedRule.readiness': defineCall<ReadinessView>()(z.strictObject({ periodId: z.string().min(1).max(40).optional() })),
  'proposedRule.viewSetting': defineCall<ReadinessViewSetting>()(z.strictObject({})),
  'proposedRule.setViewSetting': defineCall<ReadinessViewSetting>()(z.strictObject({ shown: z.boolean() }))
}
