import type { Db } from '../db/driver'
import { readCatalog, readQuestionnaire } from '../assessment/reads'
import type { ProposedRuleStatus, ReadinessView } from './contract'
import { loadNprm } from './nprm'
import { buildReadinessRows } from './readiness'

/** The proposed rule's typed reads: its status (the calendar's disclaimer reads it) and the readiness view. */

export function readProposedRuleStatus(): ProposedRuleStatus {
  const nprm = loadNprm()
  return {
    title: nprm.title,
    citation: nprm.citation,
    publishedOn: nprm.publishedOn,
    rin: nprm.rin,
    ...nprm.status,
    timingIfFinalised: { text: nprm.timingIfFinalised.text, certainty: nprm.timingIfFinalised.certainty }
  }
}

/**
 * The status in one sentence, with the day it was checked as written in the file (YYYY-MM-DD), for text that is not
 * formatted for a locale: the command line and the calendar's disclaimer.
 */
export function proposedRuleStatusText(status: ProposedRuleStatus = readProposedRuleStatus()): string {
  return (
    `The proposed Security Rule of ${status.publishedOn} (${status.citation}, RIN ${status.rin}) is not in force; ` +
    `status as of ${status.statusAsOf}: ${status.summary} Check with counsel.`
  )
}

/** Every addressable specification and every one the proposal would change, with the period's answers and decisions. */
export function readReadiness(db: Db, now: string, periodId?: string): ReadinessView {
  const nprm = loadNprm()
  const questionnaire = readQuestionnaire(db, now, { periodId })
  return {
    status: readProposedRuleStatus(),
    proposedSectionsNote: nprm.proposedSections.note,
    proposedSectionsCheckedOn: nprm.proposedSections.checkedOn,
    period: { id: questionnaire.period.id, startedOn: questionnaire.period.startedOn },
    rows: buildReadinessRows({
      nprm,
      entries: readCatalog().entries,
      items: questionnaire.items,
      decisions: questionnaire.decisions
    })
  }
}
