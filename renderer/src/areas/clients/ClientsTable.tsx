import { Badge, Button, Flex, Table, Text } from '@radix-ui/themes'
import type { Protection, StaleReason } from '../../../../main/portfolio/contract'
import { formatDate, formatDateTime } from '../../components/format-date'
import { FIRST_DIRECTION, type ClientRow, type ClientSort, type SortKey } from './client-rows'

const COLUMNS: { key: SortKey; label: string }[] = [
  { key: 'organization', label: 'Organisation' },
  { key: 'role', label: 'Role' },
  { key: 'progress', label: 'Assessed' },
  { key: 'gaps', label: 'Open gaps' },
  { key: 'highRisks', label: 'High or critical risks' },
  { key: 'nextDeadline', label: 'Next deadline' },
  { key: 'overdue', label: 'Overdue' },
  { key: 'lastScanOn', label: 'Last scan' },
  { key: 'expiringAgreements', label: 'Agreements ending ≤ 90 days' },
  { key: 'protection', label: 'Protection' }
]

const PROTECTION_WORDS: Record<Protection, string> = {
  'device-key': "Encrypted (this computer's key)",
  passphrase: 'Encrypted (passphrase)',
  'not-encrypted': 'Not encrypted'
}

const STALE_WORDS: Record<StaleReason, string> = {
  changed: 'Stale: the file changed since',
  old: 'Stale: read over 30 days ago'
}

function SortHeader(props: { column: (typeof COLUMNS)[number]; sort: ClientSort; onSort(sort: ClientSort): void }) {
  const { column, sort } = props
  const active = sort.key === column.key
  const next = active ? !sort.descending : FIRST_DIRECTION[column.key] === 'descending'
  return (
    <Table.ColumnHeaderCell aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <Button variant="ghost" size="1" onClick={() => props.onSort({ key: column.key, descending: next })}>
        {column.label}
        {active && <span aria-hidden="true">{sort.descending ? ' ↓' : ' ↑'}</span>}
      </Button>
    </Table.ColumnHeaderCell>
  )
}

function Figures({ row }: { row: ClientRow }) {
  const summary = row.summary!
  return (
    <>
      <Table.Cell>{summary.role === 'business-associate' ? 'Business associate' : 'Covered entity'}</Table.Cell>
      <Table.Cell>{summary.progress ? `${summary.progress.percent}%` : 'Not started'}</Table.Cell>
      <Table.Cell>{summary.gaps}</Table.Cell>
      <Table.Cell>
        {summary.highRisks}
        {summary.criticalRisks > 0 && <Text color="red"> ({summary.criticalRisks} critical)</Text>}
      </Table.Cell>
      <Table.Cell>
        {summary.nextDeadline ? (
          <>
            {formatDate(summary.nextDeadline.dueOn)} {summary.nextDeadline.title}{' '}
            {summary.nextDeadline.breachNotice && <Badge color="red">Breach notice</Badge>}
          </>
        ) : (
          'None open'
        )}
      </Table.Cell>
      <Table.Cell>{summary.overdue > 0 ? <Badge color="red">{summary.overdue}</Badge> : 0}</Table.Cell>
      <Table.Cell>{summary.lastScanOn ? formatDate(summary.lastScanOn) : 'None'}</Table.Cell>
      <Table.Cell>{summary.expiringAgreements > 0 ? <Badge color="amber">{summary.expiringAgreements}</Badge> : 0}</Table.Cell>
    </>
  )
}

/** The clients, one row each; the organisation's name opens the client (a button, so the keyboard reaches it). */
export function ClientsTable(props: {
  rows: ClientRow[]
  sort: ClientSort
  onSort(sort: ClientSort): void
  onOpen(row: ClientRow): void
  onUnlock(row: ClientRow): void
}) {
  return (
    <Table.Root variant="surface" aria-label="Client workspaces">
      <Table.Header>
        <Table.Row>
          {COLUMNS.map(column => (
            <SortHeader key={column.key} column={column} sort={props.sort} onSort={props.onSort} />
          ))}
          <Table.ColumnHeaderCell>Actions</Table.ColumnHeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {props.rows.map(row => (
          <Table.Row key={row.path}>
            {/* A long name wraps read from the left, like the rest of the row. */}
            <Table.RowHeaderCell>
              <Button
                variant="ghost"
                style={{ textAlign: 'left', justifyContent: 'flex-start', height: 'auto' }}
                onClick={() => props.onOpen(row)}
                disabled={row.state === 'unreadable'}
                aria-label={`Open ${row.name}`}
              >
                {row.name}
              </Button>
              {row.state === 'locked' && (
                <Flex gap="1" mt="1" wrap="wrap" align="center">
                  <Badge color="amber">Locked</Badge>
                  {row.cached && <Text size="1">Summary as of {formatDateTime(row.cached.readAt)}</Text>}
                  {row.cached?.stale && <Badge color="orange">{STALE_WORDS[row.cached.stale]}</Badge>}
                </Flex>
              )}
            </Table.RowHeaderCell>
            {row.summary ? (
              <Figures row={row} />
            ) : (
              <Table.Cell colSpan={COLUMNS.length - 2}>
                {row.state === 'unreadable' && <Badge color="gray">Cannot be read</Badge>} <Text size="2">{row.problem}</Text>
              </Table.Cell>
            )}
            <Table.Cell>{row.protection ? PROTECTION_WORDS[row.protection] : '—'}</Table.Cell>
            <Table.Cell>
              {row.state === 'locked' && (
                <Button size="1" variant="soft" onClick={() => props.onUnlock(row)} aria-label={`Unlock the summary of ${row.name}`}>
                  Unlock
                </Button>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table.Root>
  )
}
