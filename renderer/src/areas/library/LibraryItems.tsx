import { useState } from 'react'
import { Button, Flex, Heading, Table, Text } from '@radix-ui/themes'
import type { LibrarySummary } from '../../../../main/library/contract'
import { ScrollableTable } from '../../components/ScrollableTable'
import { formatDateTime } from '../../components/format-date'
import { ItemHistoryDialog } from './ItemHistoryDialog'

/** The library's items, one table per kind, with what each kind carries. */
export function LibraryItems(props: { summary: LibrarySummary }) {
  const [historyOf, setHistoryOf] = useState<{ id: number; title: string } | null>(null)
  return (
    <Flex direction="column" gap="4">
      <ItemHistoryDialog item={historyOf} onClose={() => setHistoryOf(null)} />
      {props.summary.kinds.map(kind => (
        <Flex key={kind.kind} direction="column" gap="2">
          <Heading as="h3" size="3">
            {kind.label} ({kind.items.length})
          </Heading>
          <Text as="p" size="1" color="gray">
            {kind.description} Never copied: {kind.neverCopied.map(n => n.why).join('; ')}.
          </Text>
          {kind.items.length > 0 && (
            <ScrollableTable label={kind.label} size="1" variant="surface">
              <Table.Header>
                <Table.Row>
                  <Table.ColumnHeaderCell>Item</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Text</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Version</Table.ColumnHeaderCell>
                  <Table.ColumnHeaderCell>Updated</Table.ColumnHeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {kind.items.map(item => (
                  <Table.Row key={item.id}>
                    <Table.RowHeaderCell>{item.title}</Table.RowHeaderCell>
                    <Table.Cell>{item.preview}</Table.Cell>
                    <Table.Cell>
                      {item.version}
                      {item.earlierVersions > 0 && (
                        <>
                          {' '}
                          <Button
                            size="1"
                            variant="ghost"
                            onClick={() => setHistoryOf(item)}
                            aria-label={`${item.earlierVersions} earlier versions of ${item.title}`}
                          >
                            {item.earlierVersions} earlier
                          </Button>
                        </>
                      )}
                    </Table.Cell>
                    <Table.Cell>{formatDateTime(item.updatedAt)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </ScrollableTable>
          )}
        </Flex>
      ))}
    </Flex>
  )
}
