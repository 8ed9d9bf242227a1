import { useState } from 'react'
import { Badge, Button, Callout, Flex, Table, Text } from '@radix-ui/themes'
import { api, errorMessage } from '../../api'
import { formatDate, formatDateTime } from '../../components/format-date'
import { useLoaded } from '../../components/use-loaded'

/**
 * Every readable client's open deadlines in one list, named with the client: breach notices first, then overdue, then
 * soonest. Exported as one iCalendar file through the save dialog. Each client's own Dashboard is unchanged.
 */
export function ClientsCalendar(props: { version: number }) {
  const loaded = useLoaded(() => api['portfolio.calendar']({}), [props.version])
  const view = loaded.data
  const [error, setError] = useState<string | null>(null)
  const [written, setWritten] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const exportCalendar = async () => {
    setError(null)
    setWritten(null)
    setBusy(true)
    try {
      const result = await api['portfolio.exportCalendar']({})
      if (result) setWritten(`Wrote ${result.events} ${result.events === 1 ? 'event' : 'events'} to ${result.path}.`)
    } catch (caught) {
      setError(errorMessage(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Flex direction="column" gap="3">
      <Flex justify="between" align="center" wrap="wrap" gap="2">
        <Text size="2" color="gray">
          {view ? `Open deadlines of every client as of ${formatDate(view.asOf)}: breach notices first, then overdue, then the soonest.` : 'Reading…'}
        </Text>
        <Button variant="soft" disabled={busy} onClick={() => void exportCalendar()}>
          Export to a calendar (.ics)…
        </Button>
      </Flex>
      {(error ?? loaded.error) && (
        <Callout.Root color="red" role="alert">
          <Callout.Text>{error ?? loaded.error}</Callout.Text>
        </Callout.Root>
      )}
      {written && (
        <Callout.Root color="green" role="status">
          <Callout.Text>{written}</Callout.Text>
        </Callout.Root>
      )}
      {view && (
        <Table.Root variant="surface" aria-label="Deadlines of every client">
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Client</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Deadline</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Due</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {view.entries.map(entry => (
              <Table.Row key={entry.uid}>
                <Table.RowHeaderCell>{entry.client}</Table.RowHeaderCell>
                <Table.Cell>
                  {entry.title}{' '}
                  <Text size="1" color="gray">
                    {entry.citation}
                    {entry.checkWithCounsel ? ' (check with counsel)' : ''}
                  </Text>
                </Table.Cell>
                <Table.Cell>{formatDate(entry.dueOn)}</Table.Cell>
                <Table.Cell>
                  <Flex gap="1" wrap="wrap">
                    {entry.breachNotice && <Badge color="red">Breach notice</Badge>}
                    <Badge color={entry.status === 'overdue' ? 'red' : entry.status === 'due-soon' ? 'amber' : 'gray'}>{entry.dueText}</Badge>
                  </Flex>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table.Root>
      )}
      {view && view.entries.length === 0 && <Text color="gray">No open deadlines at any client.</Text>}
      {view && view.leftOut.length > 0 && (
        <Flex direction="column" gap="1">
          <Text as="p" size="2" color="gray">
            Not included ({view.leftOut.length}): a locked or unreadable workspace's deadlines are not read.
          </Text>
          <ul>
            {view.leftOut.map(client => (
              <li key={client.path}>
                <Text size="2">
                  {client.saved ? client.saved.summary.organization : client.path.split(/[\\/]/).pop()}
                  {client.saved
                    ? client.saved.summary.nextDeadline
                      ? ` (locked): next deadline ${formatDate(client.saved.summary.nextDeadline.dueOn)}, ${client.saved.summary.nextDeadline.title}${client.saved.summary.nextDeadline.status === 'overdue' ? ' (overdue)' : ''}, from the summary as of ${formatDateTime(client.saved.readAt)}${client.saved.stale ? ' (stale)' : ''}`
                      : ` (locked): no open deadline in the summary as of ${formatDateTime(client.saved.readAt)}`
                    : ` (${client.why})`}
                </Text>
              </li>
            ))}
          </ul>
        </Flex>
      )}
    </Flex>
  )
}
