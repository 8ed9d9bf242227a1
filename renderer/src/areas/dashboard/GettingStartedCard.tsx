import { Button, Flex, Text } from '@radix-ui/themes'
import { CheckCircledIcon, CircleIcon } from '@radix-ui/react-icons'
import type { GettingStartedStep, GettingStartedStepId } from '../../../../main/calendar/contract'
import type { AreaId } from '../index'
import { useWorkspace } from '../../workspace-context'
import { DashboardCard } from './DashboardCard'

/** Where each first step is done. */
const STEP_AREAS: Record<GettingStartedStepId, { area: AreaId; label: string }> = {
  profile: { area: 'settings', label: 'Open Settings' },
  'first-answer': { area: 'assessment', label: 'Open the assessment' },
  'first-scan': { area: 'findings', label: 'Import a scan' },
  'cloud-baa': { area: 'business-associates', label: 'Open business associates' }
}

/** A new workspace's first steps, each ticked off by what the workspace holds; the card goes once all are done. */
export function GettingStartedCard(props: { steps: GettingStartedStep[] }) {
  const { navigate } = useWorkspace()
  const done = props.steps.filter(step => step.done).length
  if (done === props.steps.length) return null
  return (
    <DashboardCard title="Getting started" error={null} loading={false}>
      <Text as="p" size="2" color="gray">
        {done.toLocaleString()} of {props.steps.length.toLocaleString()} done. Each step ticks itself off once the workspace shows it.
      </Text>
      <ol className="getting-started" aria-label="Getting-started steps">
        {props.steps.map(step => (
          <li key={step.id} data-step={step.id} data-done={step.done}>
            <Flex gap="3" align="start" justify="between" wrap="wrap">
              <Flex gap="2" align="start">
                <Text color={step.done ? 'green' : 'gray'} className="getting-started-icon">
                  {step.done ? <CheckCircledIcon aria-hidden /> : <CircleIcon aria-hidden />}
                </Text>
                <Flex direction="column" gap="1">
                  <Text weight="medium">
                    {step.title}
                    <span className="visually-hidden">{step.done ? ' (done)' : ' (to do)'}</span>
                  </Text>
                  <Text size="2" color="gray">
                    {step.detail}
                  </Text>
                </Flex>
              </Flex>
              {!step.done && (
                <Button size="1" variant="soft" onClick={() => navigate(STEP_AREAS[step.id].area)}>
                  {STEP_AREAS[step.id].label}
                </Button>
              )}
            </Flex>
          </li>
        ))}
      </ol>
    </DashboardCard>
  )
}
