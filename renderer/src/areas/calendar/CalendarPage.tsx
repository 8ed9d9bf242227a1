import { useId, useState } from 'react'
import { DaysSelect } from '../../components/DaysSelect'
import { Badge, Button, Callout, Card, Checkbox, Flex, Heading, Select, Table, Text } from '@radix-ui/themes'
import { PageHeader } from '../../components/PageHeader'
import type { CalendarItem, CalendarItemStatus } from '../../../../main/calendar/contract'
import { api, errorMessage } from '../../api'
import { useLoaded } from '../../components/use-loaded'
import { DateField, Field, dateError, localToday } from '../business-associates/form-fields'

const STATUS: Record<CalendarItemStatus, { label: string; color: 'red' | 'amber' | 'gray' | 'green' | 'orange' }> = {
  overdue: { label: 'Overdue', color: 'red' },
  'due-soon': { label: 'Due soon', color: 'amber' },
  upcoming: { label: 'Upcoming', color: 'gray' },
  done: { label: 'Done', color: 'green' },
  'done-late': { label: 'Done late', color: 'orange' },
  'retention-ended': { label: 'Retention ended', color: 'gray' }
}
const WINDOWS = ['7', '30', '60', '90']
type Show = 'attention' | 'open' | 'all'

/** Recording that a recurring duty was done, which moves its next due date. */
function RecordCompletion(props: { onRecorded(message: string): void }) {
  const id = useId()
  const definitions = useLoaded(() => api['calendar.definitions']({}), [])
  const [definitionId, setDefinitionId] = useState<string | undefined>(undefined)
  const [doneOn, setDoneOn] = useState(localToday())
  const [tried, setTried] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const dateProblem = dateError(doneOn, 'The date', true)
  const save = async () => {
    setTried(true)
    if (!definitionId || dateProblem) return
    try {
      const updated = await api['calendar.recordCompletion']({ definitionId, doneOn })
      setError(null)
      props.onRecorded(`Recorded: ${updated.title}, done ${doneOn}.`)
    } catch (caught) {
      setError(errorMessage(caught))
    }
  }
  return (
    <Card>
      <form
        noValidate
        onSubmit={event => {
          event.preventDefault()
          void save()
        }}
      >
        <Flex direction="column" gap="3">
          <Heading as="h2" size="3">
            Record a recurring duty as done
          </Heading>
          <Flex gap="3" align="end" wrap="wrap">
            <Field id={`${id}-duty`} label="Duty" error={tried && !definitionId ? 'Choose the duty that was done.' : null}>
              <Select.Root value={definitionId} onValueChange={setDefinitionId}>
                <Select.Trigger id={`${id}-duty`} placeholder="Choose a duty" />
                <Select.Content>
                  {(definitions.data ?? []).map(d => (
                    <Select.Item key={d.id} value={d.id}>
                      {d.title}
                      {d.proposed ? ' (proposed rule)' : ''}
                      {d.lastDoneOn ? ` · last ${d.lastDoneOn}` : ''}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select.Root>
            </Field>
            <DateField id={`${id}-date`} label="Done on" value={doneOn} onChange={setDoneOn} error={tried ? dateProblem : null} />
            <Button type="submit">Record</Button>
          </Flex>
          {(error || definitions.error) && (
            <Text size="2" color="red" role="alert">
              {error ?? definitions.error}
            </Text>
          )}
        </Flex>
      </form>
    </Card>
  )
}

function visible(items: CalendarItem[], show: Show): CalendarItem[] {
  if (show === 'all') return items
  if (show === 'attention') return items.filter(i => i.status === 'overdue' || i.status === 'due-soon')
  return items.filter(i => i.status === 'overdue' || i.status === 'due-soon' || i.status === 'upcoming')
}

/** The compliance calendar: recurring duties, agreement renewals and reviews, and every breach deadline. */
export function CalendarPage() {
  const showId = useId()
  const [windowDays, setWindowDays] = useState('30')
  const [show, setShow] = useState<Show>('open')
  const [includeProposed, setIncludeProposed] = useState(true)
  const [refresh, setRefresh] = useState(0)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const view = useLoaded(() => api['calendar.list']({ dueSoonDays: Number(windowDays), includeProposed }), [windowDays, includeProposed, refresh])
  const items = view.data ? visible(view.data.items, show) : []

  const exportIcs = async () => {
    try {
      const result = await api['calendar.exportIcs']({ includeProposed, reminderDaysBefore: 7 })
      if (result) setMessage({ error: false, text: `Wrote ${result.events} events to ${result.path}. Import that file into your calendar app.` })
    } catch (caught) {
      setMessage({ error: true, text: errorMessage(caught) })
    }
  }

  return (
    <Flex direction="column" gap="4">
      <PageHeader
        title="Calendar"
        description={
          <>
            Everything that falls due: recurring Security Rule duties, agreement renewals and reviews, and the notices each incident requires.
            {view.data ? ` As of ${view.data.asOf}.` : ''}
          </>
        }
        actions={
          <>
            <DaysSelect label="Due soon means within" options={WINDOWS} value={windowDays} onChange={setWindowDays} />
            <Flex direction="column" gap="1">
              <Text as="label" size="2" weight="medium" htmlFor={showId}>
                Show
              </Text>
              <Select.Root value={show} onValueChange={value => setShow(value as Show)}>
                <Select.Trigger id={showId} />
                <Select.Content>
                  <Select.Item value="attention">Overdue and due soon</Select.Item>
                  <Select.Item value="open">Everything not done</Select.Item>
                  <Select.Item value="all">Everything, done included</Select.Item>
                </Select.Content>
              </Select.Root>
            </Flex>
            <Text as="label" size="2">
              <Flex gap="2" align="center">
                <Checkbox checked={includeProposed} onCheckedChange={checked => setIncludeProposed(checked === true)} />
                Include duties of the proposed Security Rule
              </Flex>
            </Text>
            <Button variant="soft" onClick={() => void exportIcs()}>
              Export to a calendar file (.ics)…
            </Button>
          </>
        }
      />
      {(view.error || message) && (
        <Callout.Root highContrast color={view.error || message?.error ? 'red' : 'green'} role={view.error || message?.error ? 'alert' : 'status'}>
          <Callout.Text>{view.error ?? message?.text}</Callout.Text>
        </Callout.Root>
      )}
      {view.data && items.length === 0 ? (
        <Text as="p" color="gray">
          Nothing to show with these settings.
        </Text>
      ) : (
        <Table.Root>
          <caption className="visually-hidden">Compliance calendar</caption>
          <Table.Header>
            <Table.Row>
              <Table.ColumnHeaderCell>Due</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Obligation</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Status</Table.ColumnHeaderCell>
              <Table.ColumnHeaderCell>Rule</Table.ColumnHeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {items.map(item => (
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
      )}
      <RecordCompletion
        onRecorded={text => {
          setMessage({ error: false, text })
          setRefresh(r => r + 1)
        }}
      />
      {view.data && (
        <Text as="p" size="1" color="gray">
          {view.data.disclaimer}
        </Text>
      )}
    </Flex>
  )
}
