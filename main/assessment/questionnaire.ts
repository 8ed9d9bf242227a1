// Builds the state of one period: which questions apply, their answers,
// decisions still needed and risk ratings. Every view derives from this.
import type { Db } from '../db/driver'
import { questionApplies } from './applicability'
import type { AssessmentCatalog } from './catalog'
import type { AnswerValue, CatalogQuestion } from './catalog.types'
import type { AnswerView, DecisionView, PeriodView, QuestionItem, QuestionnaireFilter } from './contract'
import { listAnswers } from './db/answers'
import { listDecisions } from './db/decisions'
import { decisionConflict } from './decision-conflict'
import { getWorkspaceProfile } from '../workspace/db/workspace-profile'
import { getProfileValues } from './db/profile'
import { listRisks, type RiskRecord } from './db/risks'
import { isHighRisk, toRating } from './risk-level'

export interface AssessmentState {
  period: PeriodView
  /** Answers given in the assessment. */
  profile: Record<string, boolean>
  /** Presets from the workspace settings, used where the profile has no answer. */
  profileDefaults: Record<string, boolean>
  answers: Map<string, AnswerView>
  decisions: Map<string, DecisionView>
  risks: Map<string, RiskRecord>
  /** Every question in catalog order. */
  items: QuestionItem[]
}

export const GAP_ANSWERS: readonly AnswerValue[] = ['no', 'partly']

export function isGap(item: QuestionItem): boolean {
  return item.applies && item.answer !== null && GAP_ANSWERS.includes(item.answer.value)
}

/** Answered means a real answer that is not waiting to be confirmed. */
export function isAnswered(item: QuestionItem): boolean {
  return item.answer !== null && item.answer.value !== 'not-assessed' && !item.answer.toConfirm
}

export function loadAssessmentState(catalog: AssessmentCatalog, db: Db, period: PeriodView): AssessmentState {
  const profile = getProfileValues(db, period.id)
  const profileDefaults = profileDefaultsFromWorkspace(db)
  const effectiveProfile = { ...profileDefaults, ...profile }
  const answers = new Map(listAnswers(db, period.id).map(a => [a.questionId, a]))
  const decisions = new Map(listDecisions(db, period.id).map(d => [d.citation, d]))
  const risks = new Map(listRisks(db, period.id).map(r => [r.questionId, r]))

  // Conditions only look at earlier questions, so one pass in order settles
  // applicability; answers to questions that no longer apply are ignored.
  const effectiveAnswers: Record<string, AnswerValue> = {}
  const items: QuestionItem[] = []
  for (const question of catalog.data.questions) {
    const applies = questionApplies(question, { profile: effectiveProfile, answers: effectiveAnswers })
    const answer = answers.get(question.id) ?? null
    if (applies && answer) effectiveAnswers[question.id] = answer.value
    const risk = risks.get(question.id)
    const gap = applies && answer !== null && GAP_ANSWERS.includes(answer.value)
    items.push({
      id: question.id,
      group: question.group,
      citations: question.citations,
      topic: topicOf(catalog, question),
      requirement: requirementOf(catalog, question),
      text: question.text,
      guidance: question.guidance,
      evidence: question.evidence,
      valueField: question.valueField ?? null,
      applies,
      answer,
      decisionNeeded: applies && needsDecision(catalog, question, answer, decisions),
      decisionConflict: applies ? conflictOf(catalog, question, answer, decisions) : null,
      cloudControl: cloudControlOf(catalog, question),
      risk: gap && risk ? toRating(risk) : null
    })
  }
  return { period, profile, profileDefaults, answers, decisions, risks, items }
}

/**
 * What the workspace's organisation settings already say: its role under
 * HIPAA and whether it runs on a cloud. Explicit profile answers override these.
 */
export function profileDefaultsFromWorkspace(db: Db): Record<string, boolean> {
  const organization = getWorkspaceProfile(db)?.organization
  if (!organization) return {}
  return {
    isCoveredEntity: organization.role === 'covered-entity',
    isBusinessAssociate: organization.role === 'business-associate',
    usesCloudHosting: organization.cloudProvider !== 'none'
  }
}

/**
 * 164.306(d)(3): an addressable specification not answered Yes needs a
 * documented decision. Only the specification's own questions count.
 */
function needsDecision(
  catalog: AssessmentCatalog,
  question: CatalogQuestion,
  answer: AnswerView | null,
  decisions: Map<string, DecisionView>
): boolean {
  if (question.source.kind !== 'rule' || !answer) return false
  if (answer.value === 'yes' || answer.value === 'not-assessed') return false
  const entry = catalog.entry(question.source.citation)
  return entry?.requirement === 'addressable' && !decisions.has(entry.citation)
}

/** A recorded decision on the question's own addressable specification that its answer contradicts. */
function conflictOf(
  catalog: AssessmentCatalog,
  question: CatalogQuestion,
  answer: AnswerView | null,
  decisions: Map<string, DecisionView>
): string | null {
  if (question.source.kind !== 'rule' || catalog.entry(question.source.citation)?.requirement !== 'addressable') return null
  return decisionConflict(answer?.value ?? null, decisions.get(question.source.citation) ?? null)
}

function cloudControlOf(catalog: AssessmentCatalog, question: CatalogQuestion): QuestionItem['cloudControl'] {
  if (question.source.kind === 'rule') return null
  const controlId = question.source.controlId
  const control = catalog.data.cloud.controls.find(c => c.id === controlId)
  return control ? { origin: control.origin, ruleStatus: control.ruleStatus, basis: control.basis } : null
}

function topicOf(catalog: AssessmentCatalog, question: CatalogQuestion): string {
  if (question.source.kind === 'rule') return catalog.entry(question.source.citation)?.title ?? question.source.citation
  const controlId = question.source.controlId
  return catalog.data.cloud.controls.find(c => c.id === controlId)?.title ?? controlId
}

function requirementOf(catalog: AssessmentCatalog, question: CatalogQuestion): 'required' | 'addressable' {
  if (question.source.kind === 'rule') return catalog.entry(question.source.citation)?.requirement ?? 'required'
  return 'required'
}

/** Addressable citations whose questions were answered other than Yes and that lack a decision. */
export function citationsNeedingDecision(state: AssessmentState): string[] {
  const citations = new Set<string>()
  for (const item of state.items) if (item.decisionNeeded) for (const c of item.citations) citations.add(c)
  return [...citations]
}

export function matchesFilter(item: QuestionItem, filter: QuestionnaireFilter): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'unanswered':
      return item.applies && !isAnswered(item)
    case 'gaps':
      return isGap(item)
    case 'high-risk':
      return isGap(item) && item.risk !== null && isHighRisk(item.risk.level)
    case 'to-confirm':
      return item.applies && item.answer?.toConfirm === true
    case 'decision-needed':
      return item.decisionNeeded
  }
}

/** Case-insensitive search over the question, its topic, citations, guidance, id and the answer's notes. */
export function matchesSearch(item: QuestionItem, search: string): boolean {
  const needle = search.trim().toLowerCase()
  if (!needle) return true
  const haystack = [item.id, item.text, item.topic, item.guidance, ...item.citations, item.answer?.notes ?? ''].join('\n').toLowerCase()
  return needle.split(/\s+/).every(word => haystack.includes(word))
}
