import { Badge, Button, Card, Flex, Heading, Text } from '@radix-ui/themes'
import type { ReviewFlag } from '../../../../main/scanners/contract'

/** Specifications with failing findings, to look at again in the assessment; answers are never changed for you. */
export function ReviewFlags(props: { flags: ReviewFlag[]; onShow(citation: string): void; onDismiss(citation: string): void }) {
  if (props.flags.length === 0) return null
  return (
    <Card>
      <Flex direction="column" gap="2">
        <Heading as="h2" size="3">
          Flagged for review ({props.flags.length})
        </Heading>
        <Text as="p" size="2" color="gray">
          Scans found failures bearing on these specifications. Check your assessment answers for them; Safeguard does not change them.
        </Text>
        <Flex direction="column" gap="1" asChild>
          <ul className="findings-flag-list">
            {props.flags.map((flag) => (
              <li key={flag.citation}>
                <Flex gap="2" align="center" wrap="wrap">
                  <Text weight="medium">{flag.citation}</Text>
                  <Badge color="red">{flag.failing} failing</Badge>
                  <Button size="1" variant="ghost" onClick={() => props.onShow(flag.citation)} aria-label={`Show findings for ${flag.citation}`}>
                    Show findings
                  </Button>
                  <Button size="1" variant="ghost" color="gray" onClick={() => props.onDismiss(flag.citation)} aria-label={`Dismiss the review flag on ${flag.citation}`}>
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
