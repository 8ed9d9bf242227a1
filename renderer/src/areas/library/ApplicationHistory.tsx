import { Flex, Heading, Table, Text } from '@radix-ui/themes'
import type { LibraryApplicationView } from '../../../../main/library/contract'
import { ScrollableTable } from '../../components/ScrollableTable'
import { formatDateTime } from '../../components/format-date'

const OUTCOME: Record<LibraryApplicationView['outcome'], string> = { added: 'Added', replaced: 'Replaced', unchanged: 'Unchanged' }

/** The open workspace's record of what libraries applied here and what it pushed, newest first. */
export function ApplicationHistory(props: { records: LibraryApplicationView[] }) {
  return (
    <Flex direction="column" gap="2">
      <Heading as="h2" size="4">
        History in this workspace
      </Heading>
      {props.records.length === 0 ? (
        <Text size="2" color="gray">
          Nothing has been applied to or pushed from this workspace yet.
        </Text>
      ) : (
        <ScrollableTable label="Library history of this workspace" size="1" variant="surface" stickyHeader>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>When</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>What</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Item</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Library</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Outcome</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {props.records.map(record => (
              <Table.Row key={record.id}>
                <Table.Cell>{formatDateTime(record.at)}</Table.Cell>
                <Table.Cell>{record.direction === 'applied' ? 'Applied from the library' : 'Pushed to the library'}</Table.Cell>
                <Table.RowHeaderCell>
                  {record.kindLabel}: {record.title} (version {record.version})
                </Table.RowHeaderCell>
                <Table.Cell>{record.libraryName}</Table.Cell>
                <Table.Cell>{OUTCOME[record.outcome]}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </ScrollableTable>
      )}
    </Flex>
  )
}
