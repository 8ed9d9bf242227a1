import type { ReactNode } from 'react'
import { Badge, Flex, Link, Table, Text } from '@radix-ui/themes'
import type { CalendarEntry, CalendarItemStatus, RecordLink } from '../../../main/calendar/contract'
import { formatDate } from './format-date'
import './record-links.css'

const COLORS: Record<CalendarItemStatus, 'red' | 'amber' | 'gray' | 'green' | 'orange'> = {
  overdue: 'red',
  'due-soon': 'amber',
  upcoming: 'gray',
  done: 'green',
  'done-late': 'orange',
  'retention-ended': 'gray',
  proposed: 'gray'
}

/**
 * The status of an entry in words: how far off it is ("Due today", "Due in 3 days", "5 days overdue", as on every
 * screen), done, or, for a duty never recorded as done, that its date is only the workspace's first day.
 */
export function entryStatus(entry: CalendarEntry): { label: string; color: (typeof COLORS)[CalendarItemStatus] } {
  const color = COLORS[entry.status]
  if (entry.status === 'done') return { label: entry.doneOn ? `Done ${formatDate(entry.doneOn)}` : 'Done', color }
  if (entry.status === 'done-late') return { label: entry.doneOn ? `Done late, ${formatDate(entry.doneOn)}` : 'Done late', color }
  if (entry.status === 'retention-ended') return { label: 'Retention ended', color }
  if (entry.status === 'proposed') return { label: entry.dueText, color }
  if (entry.kind === 'retention-ends') return { label: `Ends in ${entry.daysLeft.toLocaleString()} days`, color: 'gray' }
  if (entry.neverDone) return { label: 'Never recorded as done', color: 'amber' }
  return { label: entry.dueText, color }
}

/** The entry's title, as a link to its record when it has one and the table can open it. */
export function EntryTitle(props: { entry: CalendarEntry; onOpen?: ((link: RecordLink) => void) | undefined }) {
  const { entry, onOpen } = props
  const link = entry.link
  if (!link || !onOpen) return <Text weight="medium">{entry.title}</Text>
  return (
    <Link asChild weight="medium">
      <button type="button" className="link-button" onClick={() => onOpen(link)}>
        {entry.title}
      </button>
    </Link>
  )
}

/**
 * Compliance calendar entries, one row each: when it is due (in this computer's date format) and how far off,
 * what it is (a link to its incident, agreement, duty or risk; marked when it comes from the proposed rule, which is
 * not in force, or needs a lawyer's confirmation), the rule it comes from, and what can be done on the row.
 */
export function DeadlineTable(props: {
  caption: string
  items: CalendarEntry[]
  size?: '1' | '2' | '3'
  onOpen?: (link: RecordLink) => void
  action?: (entry: CalendarEntry) => ReactNode
  /** Which rows' titles open their record (all that have one, by default). */
  linkable?: (entry: CalendarEntry) => boolean
  /** The row to show as chosen (opened from a link elsewhere). */
  selectedUid?: string | null
}) {
  return (
    <Table.Root size={props.size} className="deadline-table">
      <caption className="visually-hidden">{props.caption}</caption>
      <Table.Header>
        <Table.Row>
          <Table.ColumnHeaderCell>Due</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Obligation</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
          <Table.ColumnHeaderCell>Rule</Table.ColumnHeaderCell>
          {props.action && (
            <Table.ColumnHeaderCell>
              <span className="visually-hidden">Action</span>
            </Table.ColumnHeaderCell>
          )}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {props.items.map(item => {
          const status = entryStatus(item)
          return (
            <Table.Row key={item.uid} data-uid={item.uid} aria-selected={props.selectedUid === item.uid ? true : undefined}>
              <Table.Cell>
                <Text wrap="nowrap">{formatDate(item.dueOn)}</Text>
              </Table.Cell>
              <Table.RowHeaderCell>
                <Flex direction="column" gap="1" align="start">
                  <EntryTitle entry={item} onOpen={props.linkable && !props.linkable(item) ? undefined : props.onOpen} />
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
                <Badge highContrast color={status.color} className="nowrap">
                  {status.label}
                </Badge>
              </Table.Cell>
              <Table.Cell>
                <Text size="1" color="gray">
                  {item.citation}
                </Text>
              </Table.Cell>
              {props.action && <Table.Cell>{props.action(item)}</Table.Cell>}
            </Table.Row>
          )
        })}
      </Table.Body>
    </Table.Root>
  )
}
