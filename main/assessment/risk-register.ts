import { QUESTION_GROUPS, type RiskView } from './contract'
import { isGap, type AssessmentState } from './questionnaire'
import { RISK_LEVEL_RANK } from './risk-level'

export type RiskSort = 'level' | 'due' | 'family' | 'status'

const STATUS_RANK = { open: 0, 'in-progress': 1, accepted: 2, done: 3 } as const

/** Every gap (an applicable question answered No or Partly) with its rating, if any. */
export function buildRiskRegister(state: AssessmentState, today: string, sort: RiskSort): RiskView[] {
  const rows: RiskView[] = state.items.filter(isGap).map(item => ({
    questionId: item.id,
    text: item.text,
    group: item.group,
    citations: item.citations,
    topic: item.topic,
    answer: item.answer!.value as 'no' | 'partly',
    rating: item.risk,
    overdue:
      item.risk !== null && item.risk.dueOn !== null && item.risk.dueOn < today && item.risk.status !== 'done' && item.risk.status !== 'accepted'
  }))
  const order = new Map(state.items.map((item, index) => [item.id, index]))
  const byCatalog = (a: RiskView, b: RiskView) => order.get(a.questionId)! - order.get(b.questionId)!
  // Unrated gaps sort first by level: they still need a look.
  const levelRank = (r: RiskView) => (r.rating ? RISK_LEVEL_RANK[r.rating.level] * 100 + r.rating.score : 10_000)
  const compare: Record<RiskSort, (a: RiskView, b: RiskView) => number> = {
    level: (a, b) => levelRank(b) - levelRank(a) || byCatalog(a, b),
    due: (a, b) => (a.rating?.dueOn ?? '9999-99-99').localeCompare(b.rating?.dueOn ?? '9999-99-99') || byCatalog(a, b),
    family: (a, b) => QUESTION_GROUPS.indexOf(a.group) - QUESTION_GROUPS.indexOf(b.group) || byCatalog(a, b),
    status: (a, b) => (a.rating ? STATUS_RANK[a.rating.status] : -1) - (b.rating ? STATUS_RANK[b.rating.status] : -1) || levelRank(b) - levelRank(a)
  }
  return rows.sort(compare[sort])
}
