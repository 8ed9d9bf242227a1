import { Box, Card, Flex, Heading, Text } from '@radix-ui/themes'

/** What an area shows before it has anything to show: what will be here, and what to do next. */
export function EmptyArea(props: { title: string; description: string; nextStep: string }) {
  return (
    <Flex direction="column" gap="4">
      <Heading as="h1" size="6">
        {props.title}
      </Heading>
      <Card size="3" variant="surface">
        <Flex direction="column" gap="2">
          <Text as="p" size="3">
            {props.description}
          </Text>
          <Box>
            <Text as="p" size="2" color="gray">
              {props.nextStep}
            </Text>
          </Box>
        </Flex>
      </Card>
    </Flex>
  )
}
