import type { Db } from '../db/driver'
import type { AssessmentCatalog } from './catalog'
import { ANSWER_VALUES, type AnswerValue, type QuestionGroup } from './catalog.types'
import { QUESTION_GROUPS, RISK_LEVELS, type GroupProgress, type ProgressView, type RiskLevel, type SignOffView } from './contract'
import { lastChangeAt } from './db/audit'
import { listSignOffs } from './db/signoffs'
import { isAnswered, isGap, type AssessmentState } from './questionnaire'

export const CLOUD_GROUP_TITLE = 'Cloud controls'

export function groupTitle(catalog: AssessmentCatalog, group: QuestionGroup): string {
  return group === 'cloud' ? CLOUD_GROUP_TITLE : catalog.family(group).title
}

const percentOf = (done: number, total: number) => (total === 0 ? 100 : Math.floor((done / total) * 100))

/** Sign-offs of the period, each marked stale when an answer in its group changed afterwards. */
export function signOffsOf(db: Db, state: AssessmentState): Map<QuestionGroup, SignOffView> {
  const result = new Map<QuestionGroup, SignOffView>()
  for (const record of listSignOffs(db, state.period.id)) {
    const subjects = state.items.filter(i => i.group === record.group).map(i => `answer:${i.id}`)
    const changed = lastChangeAt(db, state.period.id, subjects)
    result.set(record.group, {
      group: record.group,
      reviewer: record.reviewer,
      signedOn: record.signedOn,
      changedSince: changed !== undefined && changed > record.createdAt
    })
  }
  return result
}

export function buildProgress(catalog: AssessmentCatalog, db: Db, state: AssessmentState): ProgressView {
  const signOffs = signOffsOf(db, state)
  const applicable = state.items.filter(i => i.applies)
  const groups: GroupProgress[] = QUESTION_GROUPS.map(group => {
    const items = applicable.filter(i => i.group === group)
    const answered = items.filter(isAnswered).length
    const gaps = items.filter(isGap)
    return {
      group,
      title: groupTitle(catalog, group),
      applicable: items.length,
      answered,
      percent: percentOf(answered, items.length),
      gaps: gaps.length,
      unratedGaps: gaps.filter(i => i.risk === null).length,
      decisionsNeeded: items.filter(i => i.decisionNeeded).length,
      toConfirm: items.filter(i => i.answer?.toConfirm).length,
      signOff: signOffs.get(group) ?? null
    }
  })

  const answers = Object.fromEntries([...ANSWER_VALUES, 'unanswered'].map(v => [v, 0])) as Record<AnswerValue | 'unanswered', number>
  for (const item of applicable) answers[item.answer ? item.answer.value : 'unanswered'] += 1
  const risks = Object.fromEntries([...RISK_LEVELS, 'unrated'].map(v => [v, 0])) as Record<RiskLevel | 'unrated', number>
  for (const item of applicable.filter(isGap)) risks[item.risk ? item.risk.level : 'unrated'] += 1

  const answeredCount = applicable.filter(isAnswered).length
  return {
    period: state.period,
    overall: { applicable: applicable.length, answered: answeredCount, percent: percentOf(answeredCount, applicable.length) },
    groups,
    answers,
    risks,
    toConfirm: applicable.filter(i => i.answer?.toConfirm).length,
    decisionsNeeded: applicable.filter(i => i.decisionNeeded).length
  }
}
