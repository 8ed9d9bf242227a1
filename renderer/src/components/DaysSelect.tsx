import { useId } from 'react'
import { Flex, Select, Text } from '@radix-ui/themes'

/** A labelled choice of a number of days (a window for "expiring within", "due soon"). */
export function DaysSelect(props: { label: string; options: string[]; value: string; onChange(value: string): void }) {
  const id = useId()
  return (
    <Flex direction="column" gap="1">
      <Text as="label" size="2" weight="medium" htmlFor={id}>
        {props.label}
      </Text>
      <Select.Root value={props.value} onValueChange={props.onChange}>
        <Select.Trigger id={id} />
        <Select.Content>
          {props.options.map(days => (
            <Select.Item key={days} value={days}>
              {days} days
            </Select.Item>
          ))}
        </Select.Content>
      </Select.Root>
    </Flex>
  )
}
