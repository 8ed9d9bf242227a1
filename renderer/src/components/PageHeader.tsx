import type { ReactNode } from 'react'
import { Flex, Heading, Text } from '@radix-ui/themes'

/**
 * The top of every page: its one level-1 heading (what the navigation and the end-to-end tests look for),
 * a sentence on what the page is for, and the controls that act on the whole page (add, import, filter, export).
 */
export function PageHeader(props: { title: string; description?: ReactNode; actions?: ReactNode }) {
  const heading = (
    <Flex direction="column" gap="2">
      <Heading as="h1" size="6">
        {props.title}
      </Heading>
      {props.description && (
        <Text as="p" size="3" color="gray">
          {props.description}
        </Text>
      )}
    </Flex>
  )
  if (!props.actions) return heading
  return (
    <Flex direction="column" gap="4">
      {heading}
      <Flex gap="3" align="end" wrap="wrap">
        {props.actions}
      </Flex>
    </Flex>
  )
}
