import { useId, type Ref } from 'react'
import { Button, Flex, Heading, Progress, Text } from '@radix-ui/themes'
import { ArrowLeftIcon, ArrowRightIcon } from '@radix-ui/react-icons'
import { formatNumber } from '../../components/count-of'
import type { QuestionSection } from './sections'

const percent = (done: number, total: number) => (total === 0 ? 100 : Math.floor((done / total) * 100))

/**
 * The bar that stays at the top of the question list while it scrolls: which section this is, how much of it and of
 * the whole questionnaire is answered, and the way to the previous, next and next unanswered question.
 */
export function SectionBar({
  barRef,
  headingRef,
  ...props
}: {
  section: QuestionSection
  index: number
  count: number
  familyTitle: string
  answered: number
  overall: { answered: number; applicable: number }
  hasUnanswered: boolean
  barRef: Ref<HTMLDivElement>
  headingRef: Ref<HTMLHeadingElement>
  onPrevious(): void
  onNext(): void
  onNextUnanswered(): void
}) {
  const id = useId()
  const total = props.section.items.length
  return (
    <div className="section-bar" ref={barRef} data-testid="questionnaire-progress">
      <Flex direction="column" gap="1">
        <Flex align="center" justify="between" gap="3" wrap="wrap">
          <Heading as="h2" size="4" tabIndex={-1} ref={headingRef} className="section-heading" data-testid="section-heading">
            {props.section.title}
          </Heading>
          <Flex gap="2" wrap="wrap">
            <Button variant="soft" color="gray" disabled={props.index === 0} onClick={props.onPrevious}>
              <ArrowLeftIcon aria-hidden />
              Previous section
            </Button>
            <Button variant="soft" disabled={props.index >= props.count - 1} onClick={props.onNext}>
              Next section
              <ArrowRightIcon aria-hidden />
            </Button>
            <Button
              variant="outline"
              disabled={!props.hasUnanswered}
              title={props.hasUnanswered ? 'Go to the next question not answered yet, in this section or a later one' : 'Every question is answered'}
              onClick={props.onNextUnanswered}
            >
              Next unanswered
            </Button>
          </Flex>
        </Flex>
        <Flex align="center" gap="4" wrap="wrap">
          <Text size="1" color="gray">
            Section {formatNumber(props.index + 1)} of {formatNumber(props.count)} · {props.familyTitle}
            {props.section.citation ? ` · 45 CFR ${props.section.citation}` : ''}
          </Text>
          <Flex align="center" gap="2" ml="auto">
            <Text size="1" id={`${id}-section`}>
              This section: {formatNumber(props.answered)} of {formatNumber(total)} answered
            </Text>
            <Progress size="1" value={percent(props.answered, total)} aria-labelledby={`${id}-section`} className="section-bar-meter" />
          </Flex>
          <Flex align="center" gap="2">
            <Text size="1" id={`${id}-overall`}>
              All sections: {formatNumber(props.overall.answered)} of {formatNumber(props.overall.applicable)} answered
            </Text>
            <Progress
              size="1"
              value={percent(props.overall.answered, props.overall.applicable)}
              aria-labelledby={`${id}-overall`}
              className="section-bar-meter"
            />
          </Flex>
        </Flex>
      </Flex>
    </div>
  )
}
