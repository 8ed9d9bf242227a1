import { Flex, Grid, Progress, Text } from '@radix-ui/themes'
import { api } from '../../api'
import { countOf, formatNumber } from '../../components/count-of'
import { useWorkspace } from '../../workspace-context'
import { DashboardCard } from './DashboardCard'
import { useLoaded } from '../../components/use-loaded'

/** How far the current assessment period has got, per safeguard family, with its gaps and risks. */
export function AssessmentCard() {
  const { workspace, navigate } = useWorkspace()
  const { data, error } = useLoaded(() => api['assessment.progress']({}), [workspace.path, workspace.updatedAt])
  return (
    <DashboardCard title="Assessment" error={error} loading={!data} action={{ label: 'Open the assessment', onClick: () => navigate('assessment') }}>
      {data && (
        <Flex direction="column" gap="3">
          <Text as="p" size="2">
            Period {data.period.id}: {formatNumber(data.overall.answered)} of {formatNumber(data.overall.applicable)} questions answered (
            {data.overall.percent}%). {countOf(data.answers.no + data.answers.partly, 'gap')} (answers of No or Partly),{' '}
            {countOf(data.decisionsNeeded, 'decision')} to record for Addressable items,{' '}
            {countOf(data.risks.high + data.risks.critical, 'high or critical risk')}.
          </Text>
          <Grid columns={{ initial: '1', md: '2' }} gapX="6" gapY="3">
            {data.groups.map(group => (
              <Flex key={group.group} direction="column" gap="1">
                <Flex justify="between" gap="2">
                  <Text size="2" weight="medium" id={`progress-${group.group}`}>
                    {group.title}
                  </Text>
                  <Text size="2" color="gray">
                    {formatNumber(group.answered)}/{formatNumber(group.applicable)}
                  </Text>
                </Flex>
                <Progress value={group.percent} aria-labelledby={`progress-${group.group}`} />
              </Flex>
            ))}
          </Grid>
        </Flex>
      )}
    </DashboardCard>
  )
}
