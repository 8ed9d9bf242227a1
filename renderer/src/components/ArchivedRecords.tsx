import { forwardRef, useState } from 'react'
import { Button, Callout, Flex, Table, Text } from '@radix-ui/themes'
import type { RecordRetention } from '../../../main/breach/contract'
import { errorMessage } from '../api'
import { formatDate } from './format-date'
import { formatLocalDateTime } from './format-date-time'
import { ScrollableTable } from './ScrollableTable'
import { DeletePermanentlyDialog } from './DeletePermanentlyDialog'

export interface ArchivedRow {
  id: number
  name: string
  archivedAt: string
  archiveReason: string | null
  retention: RecordRetention
}

/** How long an archived record is kept, with the rule and the caveat it needs. */
export function retentionText(retention: RecordRetention): string {
  return `Kept until ${formatDate(retention.keptUntil)}: six years from its last document date, ${formatDate(retention.countedFrom)} (${retention.citation}). Check with counsel.`
}

/**
 * "Archived (N)": a toggle that shows the archived records, each with how long it is kept and a Restore button.
 * The toggle takes a ref so a screen can put focus on it after archiving (the record's own controls are gone then).
 */
export const ArchivedRecords = forwardRef<
  HTMLButtonElement,
  {
    label: string
    rows: ArchivedRow[]
    onRestore(id: number): Promise<void>
    /** Offered only for a record whose retention is over. */
    onDeletePermanently(id: number, typedName: string): Promise<void>
  }
>(function ArchivedRecords(props, toggleRef) {
  const [shown, setShown] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const listId = `archived-${props.label.replace(/\W+/g, '-').toLowerCase()}`
  const restore = async (id: number) => {
    try {
      await props.onRestore(id)
      setError(null)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }
  return (
    <Flex direction="column" gap="2" align="start">
      <Button ref={toggleRef} variant="soft" color="gray" aria-expanded={shown} aria-controls={listId} onClick={() => setShown(s => !s)}>
        Archived ({props.rows.length.toLocaleString()})
      </Button>
      {error && (
        <Callout.Root highContrast color="red" role="alert">
          <Callout.Text>{error}</Callout.Text>
        </Callout.Root>
      )}
      <div id={listId} hidden={!shown} style={{ width: '100%' }}>
        {props.rows.length === 0 ? (
          <Text as="p" size="2" color="gray">
            Nothing archived.
          </Text>
        ) : (
          <ScrollableTable label={props.label}>
            <Table.Header>
              <Table.Row>
                <Table.ColumnHeaderCell>Name</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Archived</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Reason</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>Retention</Table.ColumnHeaderCell>
                <Table.ColumnHeaderCell>
                  <span className="visually-hidden">Action</span>
                </Table.ColumnHeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {props.rows.map(row => (
                <Table.Row key={row.id}>
                  <Table.RowHeaderCell>{row.name}</Table.RowHeaderCell>
                  <Table.Cell className="nowrap">{formatLocalDateTime(row.archivedAt)}</Table.Cell>
                  <Table.Cell>{row.archiveReason ?? '—'}</Table.Cell>
                  <Table.Cell>
                    <Text size="2">{retentionText(row.retention)}</Text>
                  </Table.Cell>
                  <Table.Cell>
                    <Flex gap="2" wrap="wrap">
                      <Button size="1" variant="soft" aria-label={`Restore ${row.name}`} onClick={() => void restore(row.id)}>
                        Restore
                      </Button>
                      {row.retention.over && (
                        <DeletePermanentlyDialog
                          name={row.name}
                          keptUntil={formatDate(row.retention.keptUntil)}
                          onDelete={typed => props.onDeletePermanently(row.id, typed)}
                        />
                      )}
                    </Flex>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </ScrollableTable>
        )}
      </div>
    </Flex>
  )
})
