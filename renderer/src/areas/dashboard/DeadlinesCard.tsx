import { Badge, Flex, Table, Text } from '@radix-ui/themes'
import type { CalendarItem } from '../../../../main/calendar/contract'
import { api } from '../../api'
import { useWorkspace } from '../../workspace-context'
import { DashboardCard } from './DashboardCard'
import { useLoaded } from '../../components/use-loaded'

function DeadlineRows(props: { items: CalendarItem[]; tone: 'overdue' | 'soon' }) {
  return (
    <>
      {props.items.map(item => (
        <Table.Row key={item.uid}>
          <Table.RowHeaderCell>
            <Flex direction="column" gap="1">
              <Text>{item.title}</Text>
              {item.checkWithCounsel && (
                <Text size="1" color="gray">
                  Check with counsel
                </Text>
              )}
            </Flex>
          </Table.RowHeaderCell>
          <Table.Cell>
            <Text wrap="nowrap">{item.dueOn}</Text>
          </Table.Cell>
          <Table.Cell>
            <Badge color={props.tone === 'overdue' ? 'red' : 'amber'}>{props.tone === 'overdue' ? 'Overdue' : 'Due soon'}</Badge>
          </Table.Cell>
          <Table.Cell>
            <Text size="1" color="gray">
              {item.citation}
            </Text>
          </Table.Cell>
        </Table.Row>
      ))}
    </>
  )
}

/** What is overdue and what falls due within 30 days, from the compliance calendar. */
export function DeadlinesCard() {
  const { workspace, navigate } = useWorkspace()
  const { data, error } = useLoaded(() => api['calendar.upcoming']({ withinDays: 30 }), [workspace.path, workspace.updatedAt])
  const total = data ? data.overdue.length + data.dueSoon.length : 0
  return (
    <DashboardCard title="Deadlines" error={error} loading={!data} action={{ label: 'Open the calendar', onClick: () => navigate('calendar') }}>
      {data && total === 0 ? (
        <Text as="p" color="gray">
          Nothing is overdue and nothing falls due in the next 30 days.
        </Text>
      ) : data ? (
        <>
          <Text as="p" size="2" color="gray">
            {data.overdue.length} overdue, {data.dueSoon.length} due by the end of the next 30 days (as of {data.asOf}). A recurring duty never
            recorded as done counts as due now: mark it done in the calendar to move it to its next date.
          </Text>
          <Table.Root size="1">
            <caption className="visually-hidden">Overdue and upcoming deadlines</caption>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Obligation</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Due</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Rule</Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              <DeadlineRows items={data.overdue} tone="overdue" />
              <DeadlineRows items={data.dueSoon} tone="soon" />
            </Table.Body>
          </Table.Root>
        </>
      ) : null}
    </DashboardCard>
  )
}
