// Cross-file checks the schemas cannot express: every reference points at
// something that exists, ids are unique, conditions only look backwards.
import { questionIdStem } from '../shared/citation'
import type { CatalogData, Condition } from './catalog.types'

export function findCatalogProblems(data: CatalogData): string[] {
  const problems: string[] = []
  const entries = new Map(data.entries.map(e => [e.citation, e]))
  const profileKeys = new Set(data.profile.map(p => p.key))

  reportDuplicates(
    data.entries.map(e => e.citation),
    'citation',
    problems
  )
  reportDuplicates(
    data.questions.map(q => q.id),
    'question id',
    problems
  )
  reportDuplicates(
    data.profile.map(p => p.key),
    'profile key',
    problems
  )
  reportDuplicates(
    data.cloud.controls.map(c => c.id),
    'cloud control id',
    problems
  )
  reportDuplicates(
    data.services.services.map(s => s.id),
    'cloud service id',
    problems
  )
  reportDuplicates(
    data.questions.flatMap(q => (q.valueField ? [q.valueField.key] : [])),
    'value field key',
    problems
  )
  reportDuplicates(
    data.families.map(f => f.id),
    'family',
    problems
  )

  for (const entry of data.entries) {
    if (entry.kind !== 'specification') continue
    const parent = entry.standard ? entries.get(entry.standard) : undefined
    if (!parent) problems.push(`${entry.citation}: its standard '${entry.standard}' is not in the catalog`)
    else if (parent.kind !== 'standard') problems.push(`${entry.citation}: '${entry.standard}' is not a standard`)
    else if (parent.family !== entry.family) problems.push(`${entry.citation}: family differs from its standard's`)
  }

  const seen = new Set<string>()
  for (const question of data.questions) {
    for (const citation of question.citations) {
      const entry = entries.get(citation)
      if (!entry) problems.push(`${question.id}: cites '${citation}', which is not in the catalog`)
      else if (question.source.kind === 'rule' && entry.family !== question.group)
        problems.push(`${question.id}: filed under ${question.group} but ${citation} is ${entry.family}`)
    }
    if (question.source.kind === 'rule' && !question.id.startsWith(`${questionIdStem(question.source.citation)}-`))
      problems.push(`${question.id}: id should start with '${questionIdStem(question.source.citation)}-'`)
    if (question.appliesWhen) checkCondition(question.appliesWhen, question.id, seen, profileKeys, problems)
    seen.add(question.id)
  }
  checkCondition(data.cloud.appliesWhen, 'cloud section', new Set(), profileKeys, problems)

  const asked = new Set(data.questions.flatMap(q => (q.source.kind === 'rule' ? [q.source.citation] : [])))
  for (const entry of data.entries) {
    if (!asked.has(entry.citation)) problems.push(`${entry.citation}: has no question`)
  }
  return problems
}

/** Question conditions may only refer to questions asked earlier, which also rules out cycles. */
function checkCondition(condition: Condition, owner: string, earlier: Set<string>, profileKeys: Set<string>, problems: string[]): void {
  if ('profile' in condition) {
    if (!profileKeys.has(condition.profile)) problems.push(`${owner}: condition uses unknown profile key '${condition.profile}'`)
  } else if ('question' in condition) {
    if (!earlier.has(condition.question)) problems.push(`${owner}: condition refers to '${condition.question}', which is not an earlier question`)
  } else {
    for (const part of 'all' in condition ? condition.all : condition.any) checkCondition(part, owner, earlier, profileKeys, problems)
  }
}

function reportDuplicates(values: string[], what: string, problems: string[]): void {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  for (const [value, count] of counts) if (count > 1) problems.push(`duplicate ${what} '${value}' (${count} times)`)
}
