// Decides whether a question applies, given the organisation profile and
// the answers so far.
import type { AnswerValue, Condition, Question } from './catalog.types'

export interface ApplicabilityContext {
  /** Profile answers; a missing key means 'not answered yet'. */
  profile: Readonly<Record<string, boolean | undefined>>
  answers: Readonly<Record<string, AnswerValue | undefined>>
}

/**
 * An unanswered profile question counts as met, so nothing is hidden before
 * the profile is filled in. A follow-up question waits until the question
 * it depends on has one of the listed answers.
 */
export function conditionHolds(condition: Condition, context: ApplicabilityContext): boolean {
  if ('profile' in condition) {
    const value = context.profile[condition.profile]
    return value === undefined || value === condition.equals
  }
  if ('question' in condition) {
    const answer = context.answers[condition.question]
    return answer !== undefined && condition.answerIn.includes(answer)
  }
  if ('all' in condition) return condition.all.every(part => conditionHolds(part, context))
  return condition.any.some(part => conditionHolds(part, context))
}

export function questionApplies(question: Pick<Question, 'appliesWhen'>, context: ApplicabilityContext): boolean {
  return question.appliesWhen === undefined || conditionHolds(question.appliesWhen, context)
}
