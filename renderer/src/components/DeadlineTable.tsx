import { Badge, Flex, Table, Text } from '@radix-ui/themes'
import type { CalendarItem, CalendarItemStatus } from '../../../main/calendar/contract'

const STATUS: Record<CalendarItemStatus, { label: string; color: 'red' | 'amber' | 'gray' | 'green' | 'orange' }> = {
  overdue: { label: 'Overdue', color: 'red' },
  'due-soon': { label: 'Due soon', color: 'amber' },
  upcoming: { label: 'Upcoming', color: 'gray' },
  done: { label: 'Done', color: 'green' },
  'done-late': { label: 'Done late', color: 'orange' },
  'retention-ended': { label: 'Retention ended', color: 'gray' }
}

/**
 * Compliance calendar items, one row each: when it is due, what it is (marked when it comes from the proposed
 * rule, which is not in force, or needs a lawyer's confirmation), its status and the rule it comes from.
 */
export function DeadlineTable(props: { caption: string; items: CalendarItem[]; size?: '1' | '2' | '3' }) {
  return (
    <Table.Root size={props.size}>
      <caption className="visually-hidden">{props.caption}</caption>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Due</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Obligation</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Rule</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {props.items.map(item => (
          <Table.Row key={item.uid}>
            <Table.Cell>
              <Text wrap="nowrap">{item.dueOn}</Text>
            </Table.Cell>
            <Table.RowHeaderCell>
              <Flex direction="column" gap="1">
                <Text weight="medium">{item.title}</Text>
                <Flex gap="1" wrap="wrap">
                  {item.proposed && (
                    <Badge highContrast color="violet" size="1">
                      Proposed rule
                    </Badge>
                  )}
                  {item.checkWithCounsel && (
                    <Badge highContrast color="orange" size="1">
                      Check with counsel
                    </Badge>
                  )}
                </Flex>
              </Flex>
            </Table.RowHeaderCell>
            <Table.Cell>
              <Badge highContrast color={STATUS[item.status].color}>
                {STATUS[item.status].label}
              </Badge>
            </Table.Cell>
            <Table.Cell>
              <Text size="1" color="gray">
                {item.citation}
              </Text>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table.Root>
  )
}
