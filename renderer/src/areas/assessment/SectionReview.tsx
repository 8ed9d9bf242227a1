import { useId } from 'react'
import { Flex, Heading, Link, Text } from '@radix-ui/themes'
import type { QuestionItem } from '../../../../main/assessment/contract'
import { countOf } from '../../components/count-of'
import { questionElementId, reviewReason, type QuestionSection } from './sections'

/** The end of a section: its areas for review (answered No or Partly, or not answered yet), each a link to its question. */
export function SectionReview(props: { section: QuestionSection; onGoTo(item: QuestionItem): void }) {
  const id = useId()
  const toReview = props.section.items.flatMap(item => {
    const reason = reviewReason(item)
    return reason ? [{ item, reason }] : []
  })
  return (
    <section aria-labelledby={id} className="section-review" data-testid="section-review">
      <Flex direction="column" gap="2">
        <Heading as="h3" size="3" id={id}>
          Areas for review in {props.section.title}
        </Heading>
        {toReview.length === 0 ? (
          <Text as="p" size="2">
            No question in this section is answered No or Partly or left unanswered.
          </Text>
        ) : (
          <>
            <Text as="p" size="2" color="gray">
              {countOf(toReview.length, 'question')} answered No or Partly, or not answered yet. Choose one to go to it.
            </Text>
            <ul className="review-list">
              {toReview.map(({ item, reason }) => (
                <li key={item.id}>
                  <Link
                    size="2"
                    href={`#${questionElementId(item.id)}`}
                    onClick={event => {
                      event.preventDefault()
                      props.onGoTo(item)
                    }}
                  >
                    {item.text}
                  </Link>
                  <Text size="2" color="gray">
                    {' '}
                    ({reason})
                  </Text>
                </li>
              ))}
            </ul>
          </>
        )}
      </Flex>
    </section>
  )
}
