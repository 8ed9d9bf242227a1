import type { AnswerValue } from './catalog.types'
import type { DecisionView } from './contract'

/**
 * Words that mark a measure as temporary. An equivalent alternative stands in place of the
 * specification for good (164.306(d)(3)(ii)(B)(2)); a stop-gap until it is done is a remediation item.
 */
const STOP_GAP = /\b(pending|until|interim|temporar(y|ily)|stop-?gap|for now|while\b.*\b(scheduled|planned)|scheduled in the remediation plan)\b/i

/** Why a recorded addressable decision contradicts the answer given, or null when the two agree. */
export function decisionConflict(answer: AnswerValue | null, decision: Pick<DecisionView, 'decision' | 'explanation'> | null): string | null {
  if (!decision) return null
  if (decision.decision === 'not-reasonable' && (answer === 'yes' || answer === 'partly')) {
    return `Answered ${answer === 'yes' ? 'Yes' : 'Partly'}, yet the decision says the specification is not reasonable and appropriate: correct the answer or the decision.`
  }
  if (decision.decision === 'implemented-as-specified' && (answer === 'no' || answer === 'partly')) {
    return `Answered ${answer === 'no' ? 'No' : 'Partly'}, yet the decision says the specification is implemented as specified: correct the answer or the decision.`
  }
  if (decision.decision === 'equivalent-alternative' && STOP_GAP.test(decision.explanation)) {
    return 'The explanation describes a stop-gap until the specification is put in place; an equivalent alternative replaces it for good. Record the stop-gap as a risk with a due date, or describe the lasting alternative.'
  }
  return null
}
