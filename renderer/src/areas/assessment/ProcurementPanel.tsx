import { Badge, Card, Flex, Heading, Text } from '@radix-ui/themes'
import type { ProcurementAnswer } from '../../../../main/assessment/contract'
import { api } from '../../api'
import { PROCUREMENT_STATUS } from './labels'
import { useLoaded } from '../../components/use-loaded'

/** The three questions a health department's procurement team asks, answered from this workspace. */
export function ProcurementPanel(props: { periodId: string; refreshKey: number }) {
  const { data } = useLoaded(() => api['assessment.procurement']({ periodId: props.periodId }), [props.periodId, props.refreshKey])
  if (!data) return null
  const answers: ProcurementAnswer[] = [data.baa, data.services, data.minimumNecessary]
  return (
    <Flex direction="column" gap="3">
      <Text as="p" size="2" color="gray">
        Procurement teams at health departments and clinics ask these three questions. The answers below are written from your assessment answers, the
        cloud service inventory and the business associate register; improve them by completing those.
      </Text>
      {answers.map(answer => {
        const status = PROCUREMENT_STATUS[answer.status]
        return (
          <Card key={answer.question} size="2" asChild>
            <section aria-label={answer.question} data-testid="procurement-answer">
              <Flex direction="column" gap="2">
                <Flex gap="2" align="center" justify="between">
                  <Heading as="h3" size="3">
                    {answer.question}
                  </Heading>
                  <Badge color={status.color} variant="soft" highContrast size="2">
                    {status.label}
                  </Badge>
                </Flex>
                <Text as="p" size="2">
                  {answer.answer}
                </Text>
                <Text as="p" size="1" color="gray">
                  Based on: {answer.basis.join('; ')}
                </Text>
              </Flex>
            </section>
          </Card>
        )
      })}
    </Flex>
  )
}
