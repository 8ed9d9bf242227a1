import { useId } from 'react'
import { Checkbox, Flex, Select, Text, TextField } from '@radix-ui/themes'
import type { ClientFilters } from './client-rows'

const CHECKS: { key: 'hasOverdue' | 'hasHighRisks' | 'hasGaps' | 'agreementsExpiring'; label: string }[] = [
  { key: 'hasOverdue', label: 'Has overdue deadlines' },
  { key: 'hasHighRisks', label: 'Has high or critical risks' },
  { key: 'hasGaps', label: 'Has open gaps' },
  { key: 'agreementsExpiring', label: 'Agreements expiring' }
]

function Choice(props: { label: string; value: string; options: [string, string][]; onChange(value: string): void }) {
  const id = useId()
  return (
    <Flex direction="column" gap="1">
      <Text as="label" size="2" id={id}>
        {props.label}
      </Text>
      <Select.Root value={props.value} onValueChange={props.onChange}>
        <Select.Trigger aria-labelledby={id} />
        <Select.Content>
          {props.options.map(([value, label]) => (
            <Select.Item key={value} value={value}>
              {label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select.Root>
    </Flex>
  )
}

/** The Clients view's filters: a name filter, role and protection, and one check per figure that calls for attention. */
export function ClientFiltersBar(props: { filters: ClientFilters; onChange(filters: ClientFilters): void }) {
  const textId = useId()
  const set = (change: Partial<ClientFilters>) => props.onChange({ ...props.filters, ...change })
  return (
    <Flex gap="4" wrap="wrap" align="end" role="group" aria-label="Filter clients">
      <Flex direction="column" gap="1">
        <Text as="label" size="2" htmlFor={textId}>
          Organisation
        </Text>
        <TextField.Root
          id={textId}
          type="search"
          placeholder="Part of a name"
          value={props.filters.text}
          onChange={event => set({ text: event.target.value })}
        />
      </Flex>
      <Choice
        label="Role"
        value={props.filters.role}
        options={[
          ['any', 'Any role'],
          ['covered-entity', 'Covered entity'],
          ['business-associate', 'Business associate']
        ]}
        onChange={value => set({ role: value as ClientFilters['role'] })}
      />
      <Choice
        label="Protection"
        value={props.filters.protection}
        options={[
          ['any', 'Any protection'],
          ['device-key', "This computer's key"],
          ['passphrase', 'Passphrase'],
          ['not-encrypted', 'Not encrypted']
        ]}
        onChange={value => set({ protection: value as ClientFilters['protection'] })}
      />
      {CHECKS.map(check => (
        <Text as="label" size="2" key={check.key}>
          <Flex gap="2" align="center">
            <Checkbox checked={props.filters[check.key]} onCheckedChange={checked => set({ [check.key]: checked === true })} />
            {check.label}
          </Flex>
        </Text>
      ))}
    </Flex>
  )
}
