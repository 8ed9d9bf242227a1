import { weakestCertainty } from '../shared/certainty'
import { compareCitations } from '../shared/citation'
import type { AnswerValue, CatalogData, DecisionKind, DecisionView, QuestionItem } from '../assessment/contract'
import type { NprmFile, ProposedChange, ProposedSection } from './nprm-schema'
import type { ProposedChangeView, ProposedSectionView, ReadinessAnswers, ReadinessRow } from './contract'

/**
 * The readiness table: each specification as the rule in force has it (from the catalog), what the proposal would
 * change, and where the workspace's answers and decisions stand. It describes; it never says a duty is late or that
 * anything complies, since the proposal is not in force.
 */

type RuleEntry = CatalogData['entries'][number]

const DECISION_WORDS: Record<DecisionKind, string> = {
  'implemented-as-specified': 'Implemented as specified',
  'equivalent-alternative': 'Equivalent alternative',
  'not-reasonable': 'Not reasonable and appropriate'
}

const ANSWER_ORDER: (AnswerValue | 'unanswered')[] = ['yes', 'partly', 'no', 'na', 'not-assessed', 'unanswered']
const ANSWER_WORDS: Record<AnswerValue | 'unanswered', string> = {
  yes: 'Yes',
  partly: 'Partly',
  no: 'No',
  na: 'Not applicable',
  'not-assessed': 'Not assessed',
  unanswered: 'Not answered'
}

export interface ReadinessInput {
  nprm: NprmFile
  entries: readonly RuleEntry[]
  /** The questionnaire of the period read (rule and cloud questions). */
  items: readonly QuestionItem[]
  decisions: readonly DecisionView[]
}

/** The applicable questions asked on this citation itself (cloud controls only support it) and how they are answered. */
export function answersFor(citation: string, items: readonly QuestionItem[]): ReadinessAnswers {
  const own = items.filter(item => item.group !== 'cloud' && item.applies && item.citations.includes(citation))
  const counts: ReadinessAnswers['counts'] = {}
  for (const item of own) {
    const value = item.answer?.value ?? 'unanswered'
    counts[value] = (counts[value] ?? 0) + 1
  }
  const summary =
    own.length === 0
      ? 'No question applies'
      : counts.unanswered === own.length
        ? 'Not answered yet'
        : ANSWER_ORDER.filter(value => counts[value])
            .map(value => `${ANSWER_WORDS[value]} ${counts[value]}`)
            .join(', ')
  return { questions: own.length, counts, summary }
}

function readinessNote(entry: RuleEntry, decision: DecisionView | undefined, answers: ReadinessAnswers, changes: number): string {
  const adds = changes > 0 ? ' The proposal would also add what is listed.' : ''
  if (entry.requirement === 'addressable') {
    if (!decision) return `Addressable today: no decision recorded yet. Would be required if finalised.${adds}`
    const today = `Addressable today: your decision is '${DECISION_WORDS[decision.decision]}'.`
    switch (decision.decision) {
      case 'implemented-as-specified':
        return `${today} Would be required if finalised; keep the evidence that it is in place.${adds}`
      case 'equivalent-alternative':
        return `${today} Would be required if finalised: the specification itself, not an alternative, would be expected (limited exceptions aside).${adds}`
      case 'not-reasonable':
        return `${today} Would be required if finalised (limited exceptions aside): plan how it would be put in place.${adds}`
    }
  }
  const gaps = (answers.counts.no ?? 0) + (answers.counts.partly ?? 0)
  const now =
    gaps > 0
      ? ' Your answers show gaps under the rule in force today, whatever becomes of the proposal.'
      : answers.questions > 0 && answers.counts.unanswered === answers.questions
        ? ' Not answered yet in the assessment.'
        : ''
  return `Required today.${now}${adds}`
}

function sectionView(section: ProposedSection, nprm: NprmFile): ProposedSectionView {
  if (!section.found) return { found: false }
  return { found: true, section: section.section, certainty: section.certainty, readIn: nprm.sources[section.readIn]!, frPage: section.frPage }
}

type ChangeInput = Pick<ProposedChange, 'id' | 'text' | 'certainty' | 'sources' | 'placement' | 'proposedSection'>

function changeView(change: ChangeInput, nprm: NprmFile): ProposedChangeView {
  return {
    id: change.id,
    text: change.text,
    certainty: change.certainty,
    sources: change.sources.map(key => nprm.sources[key]!),
    placement: change.placement ?? null,
    proposedSection: sectionView(change.proposedSection, nprm)
  }
}

/** The section numbers found for a row's changes, each once, in the order of the changes. */
function foundSections(changes: readonly ProposedChangeView[]): string[] {
  return [...new Set(changes.flatMap(change => (change.proposedSection.found ? [change.proposedSection.section] : [])))]
}

/** Every addressable specification and every entry the proposal would change, in rule order. */
export function buildReadinessRows(input: ReadinessInput): ReadinessRow[] {
  const { nprm } = input
  const listed = new Map(nprm.specifications.map(specification => [specification.citation, specification]))
  const decisions = new Map(input.decisions.map(decision => [decision.citation, decision]))
  const rows: ReadinessRow[] = []
  for (const entry of input.entries) {
    const specification = listed.get(entry.citation)
    const becomesRequired = entry.requirement === 'addressable'
    if (!becomesRequired && !specification) continue
    const changes = [
      ...(becomesRequired ? [changeView({ id: 'addressable-becomes-required', ...nprm.addressableBecomesRequired }, nprm)] : []),
      ...(specification?.changes ?? []).map(change => changeView(change, nprm))
    ]
    const answers = answersFor(entry.citation, input.items)
    const decision = decisions.get(entry.citation)
    rows.push({
      citation: entry.citation,
      title: entry.title,
      kind: entry.kind,
      family: entry.family,
      currentRequirement: entry.requirement,
      proposal: { becomesRequired, changes },
      proposedSections: foundSections(changes),
      answers,
      decision: decision ? { kind: decision.decision, label: DECISION_WORDS[decision.decision], explanation: decision.explanation } : null,
      readinessNote: readinessNote(entry, decision, answers, specification?.changes.length ?? 0),
      certainty: weakestCertainty(
        ...changes.map(change => change.certainty),
        ...changes.flatMap(change => (change.proposedSection.found ? [change.proposedSection.certainty] : []))
      )
    })
  }
  return rows.sort((a, b) => compareCitations(a.citation, b.citation))
}
