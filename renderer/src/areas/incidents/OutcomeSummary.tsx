import { Badge, Box, Callout, DataList, Flex, Heading, Text } from '@radix-ui/themes'
import type { AssessmentOutcome, IncidentDetail, RiskFactor } from '../../../../main/breach/contract'
import { formatDate } from '../../components/format-date'
import { EXCEPTION_LABELS } from './BreachOutcomeFields'

/** The recorded answer to "Is it a breach?", what documents it, what it lacks, and the state duties it keeps. */

const OUTCOME_TEXT: Record<AssessmentOutcome, { label: string; color: 'amber' | 'green' }> = {
  breach: { label: 'A breach: notices required', color: 'amber' },
  exception: { label: 'Not a breach: an exception of 164.402(1)', color: 'green' },
  secured: { label: 'Secured PHI: not unsecured PHI', color: 'green' },
  'low-probability': { label: 'Low probability of compromise (164.402(2))', color: 'green' }
}

const FACTOR_LABELS: Record<RiskFactor, string> = {
  natureAndExtent: '1. Nature and extent of the PHI',
  unauthorizedRecipient: '2. Who used or received it',
  acquiredOrViewed: '3. Acquired or viewed',
  mitigation: '4. How far the risk was mitigated'
}

export function OutcomeSummary(props: { detail: IncidentDetail }) {
  const { incident, assessment } = props.detail
  const recorded = incident.assessment
  const outcome = OUTCOME_TEXT[recorded.outcome]
  const factors = (Object.keys(FACTOR_LABELS) as RiskFactor[]).filter(factor => recorded.factors?.[factor])
  const kept = assessment.obligations.filter(obligation => obligation.kept)
  const incomplete = incident.assessmentMissing.length > 0
  return (
    <Box>
      <Flex gap="2" align="center" wrap="wrap" mb="2">
        <Heading as="h3" size="3">
          Is it a breach?
        </Heading>
        <Badge highContrast color={incomplete ? 'amber' : outcome.color}>
          {outcome.label}
        </Badge>
      </Flex>
      <Flex direction="column" gap="2">
        {recorded.exception && <Text size="2">Exception: {EXCEPTION_LABELS[recorded.exception]}</Text>}
        {recorded.reason && (
          <Text size="2">
            <Text weight="medium">Reason recorded:</Text> {recorded.reason}
          </Text>
        )}
        {(recorded.reviewer || recorded.assessedOn) && (
          <Text size="2" color="gray">
            {recorded.reviewer ? `Reviewed by ${recorded.reviewer}` : 'Assessed'}
            {recorded.assessedOn ? ` on ${formatDate(recorded.assessedOn)}` : ''}
          </Text>
        )}
        {factors.length > 0 && (
          <DataList.Root size="1" orientation={{ initial: 'vertical', sm: 'horizontal' }}>
            {factors.map(factor => (
              <DataList.Item key={factor}>
                <DataList.Label minWidth="200px">{FACTOR_LABELS[factor]}</DataList.Label>
                <DataList.Value>{recorded.factors?.[factor]}</DataList.Value>
              </DataList.Item>
            ))}
          </DataList.Root>
        )}
        {incomplete && (
          <Callout.Root highContrast color="amber" role="status">
            <Callout.Text>
              This assessment lacks {incident.assessmentMissing.join(', ')}: edit the incident to complete it.
              {recorded.outcome === 'low-probability' ? ' Until then it is treated as a breach, as 164.402(2) presumes.' : ''}
            </Callout.Text>
          </Callout.Root>
        )}
        {kept.length > 0 && (
          <Text size="2">
            Kept state duties: {kept.map(obligation => `${obligation.recipient} (${obligation.citation})`).join('; ')}. {kept[0]!.kept}, so the
            low-probability conclusion does not remove them.
          </Text>
        )}
      </Flex>
    </Box>
  )
}
