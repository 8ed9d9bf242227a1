import { useId } from 'react'
import { Badge, Box, Checkbox, Flex, Heading, Text } from '@radix-ui/themes'

export interface PickerRow {
  id: string
  title: string
  preview: string
  badge: { text: string; color: 'green' | 'amber' | 'gray' | 'red' }
  /** Shown under the row: why the person should look before picking it. */
  notes: string[]
  disabled: boolean
}

export interface PickerGroup {
  kind: string
  label: string
  description: string
  copies: string[]
  neverCopied: { field: string; why: string }[]
  rows: PickerRow[]
}

/** Items grouped by kind, each with a labelled checkbox; says what each kind carries and what it never does. */
export function ItemPicker(props: { groups: PickerGroup[]; selected: ReadonlySet<string>; onChange(selected: Set<string>): void; empty: string }) {
  const baseId = useId()
  const groups = props.groups.filter(group => group.rows.length > 0)
  if (groups.length === 0) return <Text size="2">{props.empty}</Text>
  const toggle = (id: string, on: boolean) => {
    const next = new Set(props.selected)
    if (on) next.add(id)
    else next.delete(id)
    props.onChange(next)
  }
  return (
    <Flex direction="column" gap="4">
      {groups.map(group => {
        const headingId = `${baseId}-${group.kind}`
        const pickable = group.rows.filter(row => !row.disabled)
        const allOn = pickable.length > 0 && pickable.every(row => props.selected.has(row.id))
        return (
          <Box key={group.kind} role="group" aria-labelledby={headingId}>
            <Flex justify="between" align="center" gap="3" wrap="wrap">
              <Heading as="h3" size="3" id={headingId}>
                {group.label}
              </Heading>
              <Text as="label" size="2">
                <Flex gap="2" align="center">
                  <Checkbox
                    checked={allOn}
                    disabled={pickable.length === 0}
                    onCheckedChange={checked => {
                      const next = new Set(props.selected)
                      for (const row of pickable)
                        if (checked === true) next.add(row.id)
                        else next.delete(row.id)
                      props.onChange(next)
                    }}
                  />
                  All {group.label.toLowerCase()}
                </Flex>
              </Text>
            </Flex>
            <Text as="p" size="1" color="gray">
              {group.description} Never copied: {group.neverCopied.map(n => n.why).join('; ')}.
            </Text>
            <Flex direction="column" gap="2" mt="2" asChild>
              <ul className="library-picker-list">
                {group.rows.map(row => (
                  <li key={row.id}>
                    <Text as="label" size="2">
                      <Flex gap="2" align="start">
                        <Checkbox
                          checked={props.selected.has(row.id)}
                          disabled={row.disabled}
                          onCheckedChange={checked => toggle(row.id, checked === true)}
                        />
                        <Flex direction="column" gap="1">
                          <Flex gap="2" align="center" wrap="wrap">
                            <Text weight="medium">{row.title}</Text>
                            <Badge color={row.badge.color} variant="soft">
                              {row.badge.text}
                            </Badge>
                          </Flex>
                          <Text size="1" color="gray">
                            {row.preview}
                          </Text>
                          {row.notes.map(note => (
                            <Text key={note} size="1" color="amber" weight="medium">
                              {note}
                            </Text>
                          ))}
                        </Flex>
                      </Flex>
                    </Text>
                  </li>
                ))}
              </ul>
            </Flex>
          </Box>
        )
      })}
    </Flex>
  )
}
