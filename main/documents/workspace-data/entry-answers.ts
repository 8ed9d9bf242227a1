import type { AnswerValue } from '../../assessment/contract'
import type { QuestionItem } from '../../assessment/contract'
import type { Answer } from '../evidence-pack/pack-data'

/** The assessment's answer values in the documents' vocabulary. */
export function toAnswer(value: AnswerValue): Answer {
  return value === 'na' ? 'not-applicable' : value
}

/**
 * One answer for a standard or specification from the answers to its questions: any No makes it
 * No; any Partly makes it Partly; all Yes is Yes; all Not applicable is Not applicable; Yes with
 * questions still unanswered, or nothing answered, is Not assessed (the work is not finished).
 */
export function combineAnswers(items: Pick<QuestionItem, 'applies' | 'answer'>[]): Answer {
  const applicable = items.filter(i => i.applies)
  if (applicable.length === 0) return 'not-applicable'
  const values = applicable.map(i => (i.answer ? toAnswer(i.answer.value) : 'not-assessed'))
  const answered = values.filter(v => v !== 'not-assessed')
  if (answered.length === 0) return 'not-assessed'
  if (answered.includes('no')) return 'no'
  const relevant = answered.filter(v => v !== 'not-applicable')
  if (relevant.length === 0) return answered.length === values.length ? 'not-applicable' : 'not-assessed'
  if (relevant.includes('partly')) return 'partly'
  return answered.length < values.length ? 'not-assessed' : 'yes'
}
