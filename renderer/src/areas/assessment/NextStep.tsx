import { Callout } from '@radix-ui/themes'
import type { ProgressView } from '../../../../main/assessment/contract'
import { countOf } from '../../components/count-of'

/** One plain sentence saying what to do next, from the period's progress. */
export function nextStep(progress: ProgressView): string {
  if (progress.period.readOnly) return 'This period is closed. Choose the current period above to keep working.'
  if (progress.toConfirm > 0)
    return `Go through ${countOf(progress.toConfirm, 'answer')} copied from last period: confirm each one or change it (Show: “Copied from last period”).`
  const unfinished = progress.groups.find(g => g.answered < g.applicable)
  if (unfinished)
    return `Continue with ${unfinished.title}: ${countOf(unfinished.applicable - unfinished.answered, 'question')} left. Pick an answer for each; notes help later.`
  if (progress.decisionsNeeded > 0)
    return `Record a decision for ${countOf(progress.decisionsNeeded, 'Addressable item')} not fully in place (Show: “Decision needed”).`
  const unrated = progress.risks.unrated
  if (unrated > 0)
    return `Rate ${countOf(unrated, 'gap')} without a risk rating: how likely and how bad, then an owner and a due date (Show: “Gaps”).`
  const unsigned = progress.groups.find(g => g.applicable > 0 && !g.signOff)
  if (unsigned) return `Ask the reviewer to sign off ${unsigned.title} in “Review and sign-off”.`
  return 'Everything is answered and signed off. Work through the risk register, and start the next period when the yearly review comes round.'
}

export function NextStep(props: { progress: ProgressView }) {
  return (
    <Callout.Root size="1" variant="surface" highContrast role="status" data-testid="next-step">
      <Callout.Text>
        <strong>Next step: </strong>
        {nextStep(props.progress)}
      </Callout.Text>
    </Callout.Root>
  )
}
