import { Button, Callout, Dialog, Flex, Table, Text } from '@radix-ui/themes'
import { api } from '../../api'
import { ScrollableTable } from '../../components/ScrollableTable'
import { formatDateTime } from '../../components/format-date'
import { useLoaded } from '../../components/use-loaded'

/** An item's earlier texts, kept each time a newer one replaced it. */
export function ItemHistoryDialog(props: { item: { id: number; title: string } | null; onClose(): void }) {
  return (
    <Dialog.Root open={props.item !== null} onOpenChange={open => !open && props.onClose()}>
      <Dialog.Content maxWidth="720px">
        <Dialog.Title>Earlier versions of {props.item?.title}</Dialog.Title>
        <Dialog.Description size="2">The library keeps each text a newer one replaced.</Dialog.Description>
        {props.item && <HistoryBody id={props.item.id} />}
        <Flex justify="end" mt="3">
          <Dialog.Close>
            <Button variant="soft" color="gray">
              Close
            </Button>
          </Dialog.Close>
        </Flex>
      </Dialog.Content>
    </Dialog.Root>
  )
}

function HistoryBody(props: { id: number }) {
  const history = useLoaded(() => api['library.itemHistory']({ id: props.id }), [props.id])
  if (history.error)
    return (
      <Callout.Root color="red" role="alert" highContrast mt="3">
        <Callout.Text>{history.error}</Callout.Text>
      </Callout.Root>
    )
  if (!history.data) return <Text size="2">Loading…</Text>
  return (
    <ScrollableTable label="Earlier versions" size="1" variant="surface" mt="3">
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Version</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Text</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Replaced</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        <Table.Row>
          <Table.RowHeaderCell>{history.data.item.version} (now)</Table.RowHeaderCell>
          <Table.Cell>{history.data.item.preview}</Table.Cell>
          <Table.Cell>—</Table.Cell>
        </Table.Row>
        {history.data.earlier.map(entry => (
          <Table.Row key={entry.version}>
            <Table.RowHeaderCell>{entry.version}</Table.RowHeaderCell>
            <Table.Cell>{entry.preview}</Table.Cell>
            <Table.Cell>{formatDateTime(entry.replacedAt)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </ScrollableTable>
  )
}
