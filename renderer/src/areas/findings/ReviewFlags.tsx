import { useEffect, useState } from 'react'
import { api } from '../../api'
import { Badge, Button, Card, Flex, Heading, Text } from '@radix-ui/themes'
import type { ReviewFlag } from '../../../../main/scanners/contract'
import { formatNumber } from '../../components/count-of'

/** Specifications with failing findings, to look at again in the assessment; answers are never changed for you. */
/** Names of the rule's standards and specifications by citation, so a flag reads as more than a paragraph number. */
function useRuleTitles(): Map<string, string> {
  const [titles, setTitles] = useState(new Map<string, string>())
  useEffect(() => {
    let live = true
    api['assessment.catalog']({}).then(
      catalog => live && setTitles(new Map(catalog.entries.map(entry => [entry.citation, entry.title]))),
      () => undefined
    )
    return () => {
      live = false
    }
  }, [])
  return titles
}

export function ReviewFlags(props: {
  flags: ReviewFlag[]
  onShow(citation: string): void
  onDismiss(citation: string): void
  /** Opens the assessment at the question on the flagged specification. */
  onOpenQuestion?(citation: string): void
}) {
  const titles = useRuleTitles()
  if (props.flags.length === 0) return null
  return (
    <Card>
      <Flex direction="column" gap="2">
        <Heading as="h2" size="3">
          Flagged for review ({formatNumber(props.flags.length)})
        </Heading>
        <Text as="p" size="2" color="gray">
          Scans found failures bearing on these specifications. Check your assessment answers for them; Safeguard does not change them.
        </Text>
        <Flex direction="column" gap="1" asChild>
          <ul className="findings-flag-list">
            {props.flags.map(flag => (
              <li key={flag.citation}>
                <Flex gap="2" align="center" wrap="wrap">
                  <Text weight="medium">{flag.citation}</Text>
                  {titles.get(flag.citation) && <Text>{titles.get(flag.citation)}</Text>}
                  <Badge color="red">{formatNumber(flag.failing)} failing</Badge>
                  <Button size="1" variant="ghost" onClick={() => props.onShow(flag.citation)} aria-label={`Show findings for ${flag.citation}`}>
                    Show findings
                  </Button>
                  {props.onOpenQuestion && (
                    <Button
                      size="1"
                      variant="ghost"
                      onClick={() => props.onOpenQuestion?.(flag.citation)}
                      aria-label={`Open the assessment question on ${flag.citation}`}
                    >
                      Open question
                    </Button>
                  )}
                  <Button
                    size="1"
                    variant="ghost"
                    color="gray"
                    onClick={() => props.onDismiss(flag.citation)}
                    aria-label={`Dismiss the review flag on ${flag.citation}`}
                  >
                    Dismiss
                  </Button>
                </Flex>
              </li>
            ))}
          </ul>
        </Flex>
      </Flex>
    </Card>
  )
}
